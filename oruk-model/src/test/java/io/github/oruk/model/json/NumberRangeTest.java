package io.github.oruk.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.oruk.model.Location;
import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Lenient in, strict out, for numbers: whatever the lenient reader accepts, the writer writes, and the written
 * form reads back equal; a number it cannot write faithfully (3e888888888, 1e-999999, 0e-999999) refuses the
 * record with the number's pointer, instead of costing gigabytes later or failing the writer without one.
 */
class NumberRangeTest {

  private static final OrukJson KEEPING = OrukJson.builder().keepExtensions(true).build();
  private static final String SERVICE = "{\"id\":\"ac148810-d857-441c-9679-408f346de14b\",\"name\":\"A\","
      + "\"status\":\"active\",\"minimum_age\":5,%s}";

  /** Where a number goes in a service, and its pointer there. */
  private record Place(String json, String pointer) {
  }

  private static final List<Place> PLACES = List.of(
      new Place("\"maximum_age\":%s", "/maximum_age"),
      new Place("\"service_at_locations\":[{\"id\":\"0e4c1d52-5b0e-4a57-9d0c-3d1f6e0f2a11\",\"location\":"
          + "{\"id\":\"5f2f4b7a-8c1d-4e6f-9a2b-7c3d4e5f6a7b\",\"latitude\":%s}}]",
          "/service_at_locations/0/location/latitude"),
      new Place("\"x_vendor\":{\"scores\":[1,%s]}", "/x_vendor/scores/1"),
      new Place("\"x_total\":%s", "/x_total"));

  /** A number as sent, and whether it is in range: expected values written by hand, from the rules' text. */
  private record Row(String text, boolean inRange) {
  }

  private static final List<Row> TABLE = List.of(
      // The reports: an exponent of four characters, and one the size of an int.
      new Row("3e888888888", false), new Row("1e2147483647", false), new Row("-1e2147483647", false),
      new Row("1e-2147483647", false), new Row("1e999999", false), new Row("1e-999999", false),
      // Zero is zero, however written, unless its plain digits would be too many.
      new Row("0", true), new Row("-0", true), new Row("-0.0", true), new Row("0e999999", true),
      new Row("0e-998", true), new Row("0e-999999", false),
      // The edges of a double: its largest value, and where it starts rounding to infinity or to zero.
      new Row("1e308", true), new Row("1.7976931348623157e308", true), new Row("1.7976931348623158e308", true),
      new Row("1.797693134862315808e308", false), new Row("-1.8e308", false), new Row("4.9e-324", true),
      new Row("2.5e-324", true), new Row("2.4e-324", false), new Row("1e-400", false),
      // Long mantissas, integers beyond a long, and ordinary numbers.
      new Row("1" + "0".repeat(308), true), new Row("1" + "0".repeat(309), false),
      new Row("0." + "1".repeat(997), true), new Row("0." + "0".repeat(996) + "1e-3", false),
      new Row("12345678901234567890123456789e280", true), new Row("12345678901234567890123456789e290", false),
      new Row("9223372036854775808", true), new Row("-9223372036854775809", true),
      new Row("123456789012345678901234567890", true), new Row("52.244456", true), new Row("-0.866709", true),
      new Row("120", true), new Row("2.50", true), new Row("1E+2", true));

  @Test
  void everyNumberInTheTableIsReadWrittenAndReadBackEqualOrRefusedAtItsPointer() {
    for (Row row : TABLE) {
      for (Place place : PLACES) {
        check(row.text(), row.inRange(), place);
      }
    }
  }

  /**
   * The same over 1,000 random numbers of up to 30 digits with exponents from -400 to 400 (so their plain form
   * is never too long): in range exactly when the JDK's own double parser gives neither infinity nor 0.
   */
  @Test
  void randomNumbersAreInRangeExactlyWhenADoubleHoldsThem() {
    SplittableRandom random = new SplittableRandom(16);
    for (int i = 0; i < 1_000; i++) {
      StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
      text.append(1 + random.nextInt(9));
      int digits = random.nextInt(30);
      for (int d = 0; d < digits; d++) {
        text.append(random.nextInt(10));
      }
      int exponent = random.nextInt(-400, 401);
      text.append('e').append(exponent);
      double asDouble = Double.parseDouble(text.toString());
      boolean expected = !Double.isInfinite(asDouble) && asDouble != 0;
      assertEquals(expected, NumberRange.contains(new BigDecimal(text.toString())), text.toString());
      check(text.toString(), expected, PLACES.get(i % PLACES.size()));
    }
  }

  private static void check(String number, boolean inRange, Place place) {
    String document = String.format(SERVICE, String.format(place.json(), number));
    String where = number.length() > 60 ? number.substring(0, 60) + "… at " + place.pointer() : number + " at "
        + place.pointer();
    if (inRange) {
      ReadResult<Service> read = OrukJson.lenient().read(document, Service.class);
      assertFalse(read.findings().stream().anyMatch(f -> f.code() == ReadCode.NUMBER_OUT_OF_RANGE), where);
      byte[] written = KEEPING.write(read.value());
      ReadResult<Service> back = KEEPING.read(written, Service.class);
      assertEquals(0, new BigDecimal(number).compareTo(numberAt(KEEPING.writeTree(back.value()), place)),
          "reads back equal: " + where);
      assertEquals(new String(written, StandardCharsets.UTF_8), KEEPING.writeString(back.value()),
          "the written form is stable: " + where);
      return;
    }
    for (OrukJson json : List.of(OrukJson.lenient(), OrukJson.strict())) {
      OrukReadException refused = assertThrows(OrukReadException.class, () -> json.read(document, Service.class),
          where);
      assertEquals(ReadCode.NUMBER_OUT_OF_RANGE, refused.code(), where);
      assertEquals(place.pointer(), refused.pointer(), where);
      assertTrue(refused.getMessage().contains(place.pointer()) && refused.getMessage().length() < 400,
          refused.getMessage());
    }
    List<ReadFinding> findings = new ArrayList<>();
    JsonNode tree = OrukJson.lenient().readTree(document.getBytes(StandardCharsets.UTF_8), findings);
    assertEquals(List.of(place.pointer()), findings.stream().map(ReadFinding::pointer).toList(), where);
    assertEquals(ReadCode.NUMBER_OUT_OF_RANGE, findings.get(0).code(), where);
    assertEquals(0, new BigDecimal(number).compareTo(tree.at(place.pointer()).decimalValue()),
        "a tree keeps the number as sent: " + where);
  }

  private static BigDecimal numberAt(JsonNode written, Place place) {
    JsonNode node = written.at(place.pointer());
    assertTrue(node.isNumber(), place.pointer() + " in " + written);
    return node.decimalValue();
  }

  @Test
  void aNumberSentAsTextThatIsOutOfRangeIsKeptAsideAsText() {
    ReadResult<Service> read = OrukJson.lenient().read(String.format(SERVICE, "\"maximum_age\":\"1e999999\""),
        Service.class);

    assertEquals(null, read.value().getMaximumAge());
    assertEquals("1e999999", read.value().getExtensions().get("maximum_age").textValue());
    assertEquals(List.of("ORUK-READ-010\t/maximum_age"), read.findings().stream()
        .map(f -> f.code().code() + "\t" + f.pointer()).toList());
    assertTrue(KEEPING.writeString(read.value()).contains("\"maximum_age\":\"1e999999\""));
  }

  @Test
  void aPageIntegerOutOfRangeRefusesThePageAtItsPointer() {
    String page = "{\"total_items\":1e999999,\"total_pages\":1,\"page_number\":1,\"size\":0,\"first_page\":true,"
        + "\"last_page\":true,\"empty\":true,\"contents\":[]}";

    OrukReadException refused = assertThrows(OrukReadException.class,
        () -> OrukJson.lenient().readPage(page, Service.class));

    assertEquals("/total_items", refused.pointer());
  }

  /** Set by code, a number the reader would refuse is not written either: the error names the place. */
  @Test
  void writingANumberOutOfRangeFailsWithItsPointer() {
    Service service = new Service().id("s").name("A").minimumAge(new BigDecimal("1e400"));
    Service nested = new Service().id("s").name("A").addServiceAtLocationsItem(new ServiceAtLocation().id("a")
        .location(new Location().id("l").latitude(BigDecimal.ONE).longitude(new BigDecimal("-1e-999999"))));
    Service extension = new Service().id("s").name("A");
    extension.putExtension("x_big", JsonNodeFactory.instance.arrayNode().add(1)
        .add(new BigInteger("9".repeat(400))));

    OrukWriteException plain = assertThrows(OrukWriteException.class, () -> OrukJson.lenient().write(service));
    OrukWriteException deep = assertThrows(OrukWriteException.class, () -> OrukJson.lenient().write(nested));
    OrukWriteException kept = assertThrows(OrukWriteException.class, () -> KEEPING.write(extension));

    assertEquals("/minimum_age", plain.pointer());
    assertTrue(plain.getMessage().contains("at /minimum_age") && plain.getMessage().contains("1E+400"),
        plain.getMessage());
    assertEquals("/service_at_locations/0/location/longitude", deep.pointer());
    assertEquals("/x_big/1", kept.pointer());
    assertTrue(kept.getMessage().contains("about 9.99999999999E+399")
        || kept.getMessage().contains("about 1.00000000000E+400"), kept.getMessage());
    assertEquals("{\"id\":\"s\",\"name\":\"A\"}", OrukJson.lenient().writeString(extension),
        "extensions are left out unless kept");
  }

  @Test
  void quotesAreShortWhateverTheNumber() {
    assertEquals("3E+888888888", NumberRange.quote(new BigDecimal("3e888888888")));
    assertEquals("1E-999999", NumberRange.quote(new BigDecimal("1e-999999")));
    assertEquals("120", NumberRange.quote(new BigDecimal("120")));
    assertEquals("0.000001", NumberRange.quote(new BigDecimal("1e-6")));
    assertEquals("about 1.23456789012E+59", NumberRange.quote(new BigDecimal("1234567890123456789" + "0".repeat(41))));
    assertEquals("-1.5E+100", NumberRange.quote(new BigDecimal("-1.5e100")));
  }

  @Test
  void aPageOfServicesInRangeRoundTrips() {
    Page<Service> page = Page.of(List.of(new Service().id("s").name("A").maximumAge(new BigDecimal("1e308"))),
        1, 10, 1);

    byte[] written = OrukJson.lenient().write(page);

    assertEquals(0, new BigDecimal("1e308").compareTo(
        OrukJson.lenient().readPage(written, Service.class).value().contents().get(0).getMaximumAge()));
  }
}
