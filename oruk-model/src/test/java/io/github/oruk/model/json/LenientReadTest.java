package io.github.oruk.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.LocationType;
import io.github.oruk.model.Page;
import io.github.oruk.model.Schedule;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per real-world quirk: the lenient reader keeps the value (or repairs it), reports it with the
 * right code and pointer, and the strict reader refuses it.
 */
class LenientReadTest {

  private static final String ID = "ac148810-d857-441c-9679-408f346de14b";

  /** A valid minimal service with one extra property spliced in. */
  private static String service(String extra) {
    return "{\"id\":\"" + ID + "\",\"name\":\"Foodbank\",\"status\":\"active\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
  }

  private static ReadResult<Service> lenient(String json) {
    return OrukJson.lenient().read(json, Service.class);
  }

  private static OrukReadException strict(String json) {
    return assertThrows(OrukReadException.class, () -> OrukJson.strict().read(json, Service.class));
  }

  private static ReadFinding only(ReadResult<?> result, ReadCode code) {
    List<ReadFinding> matching = result.findings(code);
    assertEquals(1, matching.size(), () -> "expected one " + code + " finding, got " + result.findings());
    assertEquals(result.findings().size(), 1, () -> "expected no other findings, got " + result.findings());
    return matching.get(0);
  }

  @Test
  void byteOrderMarkIsSkippedAndReported() {
    byte[] body = service("").getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);

    ReadResult<Service> read = OrukJson.lenient().read(withBom, Service.class);

    assertEquals("Foodbank", read.value().getName());
    assertEquals("", only(read, ReadCode.BYTE_ORDER_MARK).pointer());
    OrukReadException refused = assertThrows(OrukReadException.class,
        () -> OrukJson.strict().read(withBom, Service.class));
    assertEquals(ReadCode.BYTE_ORDER_MARK, refused.code());
  }

  @Test
  void dateTimeWithoutOffsetIsReadAsLondonTime() {
    ReadResult<Service> summer = lenient(service("\"last_modified\":\"2025-09-02T12:06:15.654\""));
    assertEquals(OffsetDateTime.of(2025, 9, 2, 12, 6, 15, 654_000_000, ZoneOffset.ofHours(1)),
        summer.value().getLastModified());
    assertEquals("/last_modified", only(summer, ReadCode.LOCAL_DATE_TIME).pointer());

    ReadResult<Service> winter = lenient(service("\"last_modified\":\"2025-01-10T08:00:00\""));
    assertEquals(ZoneOffset.UTC, winter.value().getLastModified().getOffset());

    assertEquals(ReadCode.LOCAL_DATE_TIME, strict(service("\"last_modified\":\"2025-09-02T12:06:15.654\"")).code());
  }

  @Test
  void dateTimeWithOffsetIsKeptExactly() {
    ReadResult<Service> read = lenient(service("\"last_modified\":\"2025-09-02T12:06:15.654+02:00\""));
    assertEquals(ZoneOffset.ofHours(2), read.value().getLastModified().getOffset());
    assertTrue(read.findings().isEmpty(), read.findings()::toString);
    assertEquals("2025-09-02T12:06:15.654+02:00",
        OrukJson.lenient().writeTree(read.value()).get("last_modified").asText());
  }

  @Test
  void nonUuidIdentifiersAreKeptAndReported() {
    ReadResult<Service> read = OrukJson.lenient().read(
        "{\"id\":\"svc-123\",\"name\":\"Foodbank\",\"status\":\"active\",\"organization_id\":\"42\"}", Service.class);

    assertEquals("svc-123", read.value().getId());
    assertEquals("42", read.value().getOrganizationId());
    assertEquals(List.of("/id", "/organization_id"),
        read.findings(ReadCode.NON_UUID_ID).stream().map(ReadFinding::pointer).toList());
    assertThrows(OrukReadException.class,
        () -> OrukJson.strict().read("{\"id\":\"svc-123\",\"name\":\"x\",\"status\":\"active\"}", Service.class));
  }

  @Test
  void numbersSentAsTextAreConverted() {
    ReadResult<Service> read = lenient(service("\"minimum_age\":\"12\",\"maximum_age\":\" 18.5 \""));

    assertEquals(new BigDecimal("12"), read.value().getMinimumAge());
    assertEquals(new BigDecimal("18.5"), read.value().getMaximumAge());
    assertEquals(List.of("/minimum_age", "/maximum_age"),
        read.findings(ReadCode.NUMBER_AS_STRING).stream().map(ReadFinding::pointer).toList());
    assertEquals(ReadCode.NUMBER_AS_STRING, strict(service("\"minimum_age\":\"12\"")).code());
  }

  @Test
  void booleansAndIntegersSentAsTextInTheEnvelopeAreConverted() {
    String page = "{\"total_items\":\"1\",\"total_pages\":1,\"page_number\":1,\"size\":1,"
        + "\"first_page\":\"true\",\"last_page\":\"TRUE\",\"empty\":false,\"contents\":[" + service("") + "]}";

    ReadResult<Page<Service>> read = OrukJson.lenient().readPage(page, Service.class);

    assertEquals(1, read.value().totalItems());
    assertEquals(Boolean.TRUE, read.value().firstPage());
    assertEquals(Boolean.TRUE, read.value().lastPage());
    assertEquals(List.of("/first_page", "/last_page"),
        read.findings(ReadCode.BOOLEAN_AS_STRING).stream().map(ReadFinding::pointer).toList());
    assertEquals("/total_items", only(OrukJson.lenient().readPage(page.replace("\"true\"", "true")
        .replace("\"TRUE\"", "true"), Service.class), ReadCode.NUMBER_AS_STRING).pointer());
    assertThrows(OrukReadException.class, () -> OrukJson.strict().readPage(page, Service.class));
  }

  @Test
  void unknownEnumValuesAreKeptAsExtensionsAndSurviveARoundTrip() {
    String json = service("").replace("\"active\"", "\"seasonal\"");

    ReadResult<Service> read = lenient(json);

    assertNull(read.value().getStatus());
    assertEquals("seasonal", read.value().getExtensions().get("status").asText());
    assertEquals("/status", only(read, ReadCode.UNKNOWN_ENUM_VALUE).pointer());
    JsonNode written = OrukJson.builder().keepExtensions(true).build().writeTree(read.value());
    assertEquals("seasonal", written.get("status").asText());
    assertEquals(ReadCode.UNKNOWN_ENUM_VALUE, strict(json).code());
  }

  @Test
  void enumValuesSpelledDifferentlyAreCorrected() {
    ReadResult<Service> read = lenient(service("").replace("\"active\"", "\"Temporarily_Closed \""));

    assertEquals(ServiceStatus.TEMPORARILY_CLOSED, read.value().getStatus());
    assertEquals("/status", only(read, ReadCode.ENUM_SPELLING).pointer());
  }

  @Test
  void htmlInPlainTextIsKeptAndReported() {
    ReadResult<Service> read = lenient(service("\"description\":\"<p>Free <b>hot</b> meals</p>\""));

    assertEquals("<p>Free <b>hot</b> meals</p>", read.value().getDescription());
    assertEquals("/description", only(read, ReadCode.HTML_IN_TEXT).pointer());
    // Markup is allowed in an organization's description, so nothing is reported there.
    ReadResult<Service> organization = lenient(service(
        "\"organization\":{\"id\":\"" + ID + "\",\"name\":\"Org\",\"description\":\"<p>About us</p>\"}"));
    assertTrue(organization.findings().isEmpty(), organization.findings()::toString);
    // HTML is legal JSON text, so strict reading reports it without refusing the document.
    assertEquals(1, OrukJson.strict().read(service("\"description\":\"a &amp; b\""), Service.class)
        .findings(ReadCode.HTML_IN_TEXT).size());
  }

  @Test
  void textThatOnlyLooksLikeMarkupIsNotReported() {
    ReadResult<Service> read = lenient(service("\"description\":\"Ages 5 < 11 & carers; costs < £5\""));
    assertTrue(read.findings().isEmpty(), read.findings()::toString);
  }

  @Test
  void vendorPropertiesAreKeptAtEveryLevel() {
    String json = service("\"pc_metadata\":{\"source\":\"crm\",\"tags\":[1,2]},"
        + "\"service_at_locations\":[{\"id\":\"" + ID + "\",\"location\":{\"id\":\"" + ID
        + "\",\"location_type\":\"physical\",\"pc_target\":\"families\"}}]");

    ReadResult<Service> read = lenient(json);

    assertEquals("crm", read.value().getExtensions().get("pc_metadata").get("source").asText());
    assertEquals("families", read.value().getServiceAtLocations().get(0).getLocation()
        .getExtensions().get("pc_target").asText());
    assertEquals(List.of("/service_at_locations/0/location/pc_target", "/pc_metadata"),
        read.findings(ReadCode.EXTENSION_PROPERTY).stream().map(ReadFinding::pointer).toList());
    // Extensions are allowed by the standard: strict reading keeps them too.
    assertEquals(2, OrukJson.strict().read(json, Service.class).findings().size());
    // Written back only when asked.
    assertTrue(OrukJson.lenient().writeTree(read.value()).path("pc_metadata").isMissingNode());
    JsonNode kept = OrukJson.builder().keepExtensions(true).build().writeTree(read.value());
    assertEquals(2, kept.get("pc_metadata").get("tags").size());
    assertEquals("families", kept.at("/service_at_locations/0/location/pc_target").asText());
  }

  @Test
  void valuesOfTheWrongTypeAreKeptAside() {
    String json = service("\"organization\":\"Acme Trust\",\"minimum_age\":\"five\","
        + "\"schedules\":[\"Mondays\",{\"id\":\"" + ID + "\",\"opens_at\":\"09:00\"}]");

    ReadResult<Service> read = lenient(json);

    assertNull(read.value().getOrganization());
    assertNull(read.value().getMinimumAge());
    assertEquals(1, read.value().getSchedules().size());
    assertEquals(LocalTime.of(9, 0), read.value().getSchedules().get(0).getOpensAt());
    assertEquals("Acme Trust", read.value().getExtensions().get("organization").asText());
    assertEquals("five", read.value().getExtensions().get("minimum_age").asText());
    assertEquals("Mondays", read.value().getExtensions().get("schedules").get(0).asText());
    assertEquals(List.of("/organization", "/minimum_age", "/schedules/0"),
        read.findings(ReadCode.UNMAPPABLE_VALUE).stream().map(ReadFinding::pointer).toList());

    JsonNode written = OrukJson.builder().keepExtensions(true).build().writeTree(read.value());
    assertEquals("Acme Trust", written.get("organization").asText());
    assertEquals(2, written.get("schedules").size(), "kept-aside list elements are written after the others");
    assertEquals(ReadCode.UNMAPPABLE_VALUE, strict(service("\"organization\":\"Acme Trust\"")).code());
  }

  @Test
  void nullsAreDroppedAndReported() {
    ReadResult<Service> read = lenient(service("\"description\":null,\"schedules\":[null],\"organization\":null"));

    assertNull(read.value().getDescription());
    assertEquals(List.of(), read.value().getSchedules());
    assertEquals(List.of("/description", "/schedules/0", "/organization"),
        read.findings(ReadCode.NULL_VALUE).stream().map(ReadFinding::pointer).toList());
    assertEquals(ReadCode.NULL_VALUE, strict(service("\"description\":null")).code());
  }

  @Test
  void datesWithTimesKeepTheDate() {
    ReadResult<Service> read = lenient(service("\"assured_date\":\"2024-03-31T23:30:00Z\""));

    assertEquals(LocalDate.of(2024, 4, 1), read.value().getAssuredDate(), "the UK date of that instant");
    assertEquals("/assured_date", only(read, ReadCode.DATE_WITH_TIME).pointer());
  }

  @Test
  void ukStyleDatesAndLooseTimesAreReadAndReported() {
    ReadResult<Service> read = lenient(service("\"assured_date\":\"31/01/2024\","
        + "\"schedules\":[{\"id\":\"" + ID + "\",\"opens_at\":\"9:30\",\"closes_at\":\"17.00\"}]"));

    assertEquals(LocalDate.of(2024, 1, 31), read.value().getAssuredDate());
    Schedule schedule = read.value().getSchedules().get(0);
    assertEquals(LocalTime.of(9, 30), schedule.getOpensAt());
    assertEquals(LocalTime.of(17, 0), schedule.getClosesAt());
    assertEquals(List.of("/assured_date", "/schedules/0/opens_at", "/schedules/0/closes_at"),
        read.findings(ReadCode.NONSTANDARD_DATE_FORM).stream().map(ReadFinding::pointer).toList());
  }

  @Test
  void timesOfDayWithAnOffsetAreKeptAside() {
    ReadResult<Service> read = lenient(service("\"schedules\":[{\"id\":\"" + ID + "\",\"opens_at\":\"09:00Z\"}]"));

    Schedule schedule = read.value().getSchedules().get(0);
    assertNull(schedule.getOpensAt());
    assertEquals("09:00Z", schedule.getExtensions().get("opens_at").asText());
    assertEquals("/schedules/0/opens_at", only(read, ReadCode.UNMAPPABLE_VALUE).pointer());
  }

  @Test
  void numbersWhereTextIsExpectedBecomeText() {
    ReadResult<Service> read = lenient(service("\"service_at_locations\":[{\"id\":\"" + ID + "\",\"location\":{\"id\":\""
        + ID + "\",\"location_type\":\"virtual\",\"external_identifier\":10092008082}}]"));

    var location = read.value().getServiceAtLocations().get(0).getLocation();
    assertEquals("10092008082", location.getExternalIdentifier());
    assertEquals(LocationType.VIRTUAL, location.getLocationType());
    assertEquals("/service_at_locations/0/location/external_identifier",
        only(read, ReadCode.TEXT_AS_OTHER_TYPE).pointer());
  }

  @Test
  void aSingleObjectWhereAListIsExpectedIsReadAsAList() {
    ReadResult<Service> read = lenient(service("\"contacts\":{\"id\":\"" + ID + "\",\"name\":\"Ann\"}"));

    assertEquals("Ann", read.value().getContacts().get(0).getName());
    assertEquals("/contacts", only(read, ReadCode.SINGLE_VALUE_AS_LIST).pointer());
  }

  @Test
  void findingsInsidePagesPointIntoContents() {
    String page = "{\"total_items\":2,\"total_pages\":1,\"page_number\":1,\"size\":2,\"first_page\":true,"
        + "\"last_page\":true,\"empty\":false,\"contents\":[" + service("") + ","
        + service("\"minimum_age\":\"7\"") + "]}";

    ReadResult<Page<Service>> read = OrukJson.lenient().readPage(page, Service.class);

    assertEquals(2, read.value().contents().size());
    assertEquals("/contents/1/minimum_age", only(read, ReadCode.NUMBER_AS_STRING).pointer());
  }
}
