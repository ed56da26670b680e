package io.github.oruk.testkit.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.oruk.model.Contact;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceStatus;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.OrukReadException;
import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.model.json.ReadResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each quirk, injected into generated services, is noticed by the lenient reader with exactly the code
 * it declares, at the place it was put, with the value kept; the strict reader refuses the quirks the
 * standard forbids. Expected codes and places are written out here, independently of the enum.
 */
class QuirkInjectionTest {

  private static final ObjectMapper TREES = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final int SERVICES_PER_QUIRK = 40;

  /** What each quirk should trigger and where: the specification this test holds the code to. */
  private static final Map<Quirk, Expected> EXPECTED = Map.ofEntries(
      Map.entry(Quirk.BYTE_ORDER_MARK, new Expected(ReadCode.BYTE_ORDER_MARK, "")),
      Map.entry(Quirk.LAST_MODIFIED_WITHOUT_OFFSET, new Expected(ReadCode.LOCAL_DATE_TIME, "/last_modified")),
      Map.entry(Quirk.NON_UUID_ID, new Expected(ReadCode.NON_UUID_ID, "/id")),
      Map.entry(Quirk.MINIMUM_AGE_AS_STRING, new Expected(ReadCode.NUMBER_AS_STRING, "/minimum_age")),
      Map.entry(Quirk.UNKNOWN_STATUS, new Expected(ReadCode.UNKNOWN_ENUM_VALUE, "/status")),
      Map.entry(Quirk.STATUS_WRONG_CASE, new Expected(ReadCode.ENUM_SPELLING, "/status")),
      Map.entry(Quirk.HTML_IN_DESCRIPTION, new Expected(ReadCode.HTML_IN_TEXT, "/description")),
      Map.entry(Quirk.VENDOR_EXTENSION, new Expected(ReadCode.EXTENSION_PROPERTY, "/pc_metadata")),
      Map.entry(Quirk.NULL_FOR_OPTIONAL, new Expected(ReadCode.NULL_VALUE, "/alert")),
      Map.entry(Quirk.ASSURED_DATE_WITH_TIME, new Expected(ReadCode.DATE_WITH_TIME, "/assured_date")),
      Map.entry(Quirk.EXTERNAL_IDENTIFIER_AS_NUMBER,
          new Expected(ReadCode.TEXT_AS_OTHER_TYPE, "/service_at_locations/0/location/external_identifier")),
      Map.entry(Quirk.CONTACTS_AS_SINGLE_OBJECT, new Expected(ReadCode.SINGLE_VALUE_AS_LIST, "/contacts")),
      Map.entry(Quirk.ORGANIZATION_AS_STRING, new Expected(ReadCode.UNMAPPABLE_VALUE, "/organization")),
      Map.entry(Quirk.UK_DATE_FORMAT, new Expected(ReadCode.NONSTANDARD_DATE_FORM, "/schedules/0/valid_from")));

  private record Expected(ReadCode code, String pointer) {
  }

  private final DataGenerator generator = DataGenerator.builder().seed(99).build();

  @Test
  void everyQuirkHasAnExpectation() {
    assertEquals(EnumSet.allOf(Quirk.class), EnumSet.copyOf(EXPECTED.keySet()));
  }

  @ParameterizedTest
  @EnumSource(Quirk.class)
  void declaresTheCodeAndPlaceTheReaderUses(Quirk quirk) {
    assertEquals(EXPECTED.get(quirk).code(), quirk.detectedBy());
    assertEquals(EXPECTED.get(quirk).pointer(), quirk.pointer());
  }

  @ParameterizedTest
  @EnumSource(Quirk.class)
  void lenientReaderReportsExactlyTheQuirkAtItsPlaceAndKeepsTheValue(Quirk quirk) throws IOException {
    Expected expected = EXPECTED.get(quirk);
    for (int index = 0; index < SERVICES_PER_QUIRK; index++) {
      Service original = generator.service(index);
      byte[] quirky = generator.quirkyJson(original, Set.of(quirk));
      ReadResult<Service> read = OrukJson.lenient().read(quirky, Service.class);

      String where = quirk + " in service " + index;
      assertFalse(read.findings().isEmpty(), where + ": nothing reported");
      for (ReadFinding finding : read.findings()) {
        assertEquals(expected.code(), finding.code(), where + ": unexpected " + finding);
      }
      assertEquals(List.of(expected.pointer()),
          read.findings().stream().map(ReadFinding::pointer).distinct().toList(), where);
      assertValueKept(quirk, original, quirky, read.value(), where);
    }
  }

  @ParameterizedTest
  @EnumSource(Quirk.class)
  void strictReaderRefusesWhatTheStandardForbids(Quirk quirk) {
    byte[] quirky = generator.quirkyJson(generator.service(7), Set.of(quirk));
    if (quirk.detectedBy().rejectedWhenStrict()) {
      OrukReadException refused = assertThrows(OrukReadException.class,
          () -> OrukJson.strict().read(quirky, Service.class));
      assertEquals(quirk.detectedBy(), refused.code());
      assertEquals(EXPECTED.get(quirk).pointer(), refused.pointer());
    } else {
      ReadResult<Service> read = OrukJson.strict().read(quirky, Service.class);
      assertEquals(Set.of(quirk.detectedBy()),
          read.findings().stream().map(ReadFinding::code).collect(Collectors.toSet()));
    }
  }

  /** The quirk changes its own place and nothing else in the document. */
  @ParameterizedTest
  @EnumSource(Quirk.class)
  void changesNothingOutsideItsPlace(Quirk quirk) throws IOException {
    int index = serviceWhereTargetIsAsUsual(quirk);
    Service service = generator.service(index);
    byte[] canonical = OrukJson.lenient().write(service);
    byte[] quirky = generator.quirkyJson(service, Set.of(quirk));
    if (quirk == Quirk.BYTE_ORDER_MARK) {
      assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(quirky, 3));
      assertArrayEquals(canonical, Arrays.copyOfRange(quirky, 3, quirky.length));
      return;
    }
    List<String> differences = new ArrayList<>();
    diff("", TREES.readTree(canonical), TREES.readTree(quirky), differences);
    assertFalse(differences.isEmpty(), "the quirk changed nothing");
    for (String path : differences) {
      assertTrue(path.equals(quirk.pointer()) || path.startsWith(quirk.pointer() + "/"),
          quirk + " changed " + path);
    }
  }

  @Test
  void anExtensionIsAppendedAfterTheUntouchedCanonicalBytes() {
    Service service = generator.service(3);
    byte[] canonical = OrukJson.lenient().write(service);
    byte[] quirky = generator.quirkyJson(service, Set.of(Quirk.VENDOR_EXTENSION));
    byte[] head = Arrays.copyOf(canonical, canonical.length - 1);
    assertArrayEquals(head, Arrays.copyOf(quirky, head.length), "numbers and text must be written unchanged");
    String tail = new String(quirky, head.length, quirky.length - head.length, StandardCharsets.UTF_8);
    assertTrue(tail.startsWith(",\"pc_metadata\":{"), tail);
  }

  @Test
  void allRecordQuirksTogetherAreEachReported() {
    EnumSet<Quirk> all = EnumSet.allOf(Quirk.class);
    all.remove(Quirk.STATUS_WRONG_CASE); // changes the same property as UNKNOWN_STATUS
    for (int index = 0; index < 20; index++) {
      ReadResult<Service> read = OrukJson.lenient().read(generator.quirkyJson(generator.service(index), all),
          Service.class);
      Set<ReadCode> reported = read.findings().stream().map(ReadFinding::code)
          .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReadCode.class)));
      Set<ReadCode> injected = all.stream().map(Quirk::detectedBy)
          .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReadCode.class)));
      assertEquals(injected, reported, "service " + index);
    }
  }

  @Test
  void quirksThatChangeTheSamePropertyCannotBeCombined() {
    assertTrue(Quirk.UNKNOWN_STATUS.conflictsWith(Quirk.STATUS_WRONG_CASE));
    assertFalse(Quirk.UNKNOWN_STATUS.conflictsWith(Quirk.NON_UUID_ID));
    assertThrows(IllegalArgumentException.class, () -> generator.quirkyJson(generator.service(0),
        EnumSet.of(Quirk.UNKNOWN_STATUS, Quirk.STATUS_WRONG_CASE)));

    DataGenerator both = DataGenerator.builder().seed(5).quirkRate(1)
        .quirks(EnumSet.of(Quirk.UNKNOWN_STATUS, Quirk.STATUS_WRONG_CASE, Quirk.NON_UUID_ID)).build();
    Set<Set<Quirk>> seen = new java.util.HashSet<>();
    for (int index = 0; index < 50; index++) {
      Set<Quirk> chosen = both.quirksFor(index);
      assertTrue(chosen.contains(Quirk.NON_UUID_ID));
      assertEquals(2, chosen.size(), chosen.toString());
      seen.add(chosen);
    }
    assertEquals(2, seen.size(), "each of the two status quirks should be chosen sometimes");
  }

  @Test
  void withNoQuirksTheJsonIsTheCanonicalJson() {
    Service service = generator.service(11);
    assertArrayEquals(OrukJson.lenient().write(service), generator.quirkyJson(service, Set.of()));
  }

  // ------------------------------------------------------------------------------------- NDJSON feeds

  @Test
  void ndjsonLinesCarryExactlyTheQuirksListedForThem() throws IOException {
    DataGenerator quirky = DataGenerator.builder().seed(3).quirks(EnumSet.allOf(Quirk.class)).quirkRate(0.5)
        .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    quirky.writeNdjson(120, out);
    byte[] bytes = out.toByteArray();
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3),
        "the stream starts with the byte order mark");

    List<byte[]> lines = NdjsonLines.split(bytes);
    assertEquals(120, lines.size());
    int withQuirks = 0;
    for (int index = 0; index < lines.size(); index++) {
      Set<Quirk> listed = quirky.quirksFor(index);
      assertFalse(listed.contains(Quirk.BYTE_ORDER_MARK), "the mark belongs to the stream, not a record");
      Set<ReadCode> expected = listed.stream().map(Quirk::detectedBy)
          .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReadCode.class)));
      if (index == 0) {
        expected.add(ReadCode.BYTE_ORDER_MARK);
      }
      Set<ReadCode> reported = OrukJson.lenient().read(lines.get(index), Service.class).findings().stream()
          .map(ReadFinding::code).collect(Collectors.toCollection(() -> EnumSet.noneOf(ReadCode.class)));
      assertEquals(expected, reported, "line " + index);
      withQuirks += listed.isEmpty() ? 0 : 1;
    }
    assertTrue(withQuirks > 30 && withQuirks < 90, "about half the lines should have quirks: " + withQuirks);
  }

  @Test
  void theQuirkRateIsTheShareOfServicesThatGetQuirks() {
    Set<Quirk> one = EnumSet.of(Quirk.NULL_FOR_OPTIONAL);
    for (double rate : new double[] {0.0, 0.1, 0.25, 0.6, 1.0}) {
      DataGenerator generator = DataGenerator.builder().seed(8).quirks(one).quirkRate(rate).build();
      int count = 4000;
      long chosen = java.util.stream.IntStream.range(0, count).filter(i -> !generator.quirksFor(i).isEmpty())
          .count();
      double share = chosen / (double) count;
      assertEquals(rate, share, 0.03, "rate " + rate);
      if (rate == 0.0) {
        assertEquals(0, chosen);
      }
      if (rate == 1.0) {
        assertEquals(count, chosen);
      }
    }
  }

  @Test
  void withoutQuirksNoLineHasFindings() throws IOException {
    DataGenerator plain = DataGenerator.builder().seed(3).quirkRate(1).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    plain.writeNdjson(60, out);
    for (byte[] line : NdjsonLines.split(out.toByteArray())) {
      assertEquals(List.of(), OrukJson.lenient().read(line, Service.class).findings());
    }
  }

  // --------------------------------------------------------------------------------------- helpers

  /**
   * Checks that the reader kept (or, for null, correctly dropped) the injected value, reading the
   * injected value back out of the quirky document itself.
   */
  private static void assertValueKept(Quirk quirk, Service original, byte[] quirky, Service read, String where)
      throws IOException {
    JsonNode tree = TREES.readTree(stripMark(quirky));
    JsonNode injected = quirk.pointer().isEmpty() ? tree : tree.at(quirk.pointer());
    switch (quirk) {
      case BYTE_ORDER_MARK -> assertEquals(original, read, where);
      case LAST_MODIFIED_WITHOUT_OFFSET -> {
        LocalDateTime local = LocalDateTime.parse(injected.asText());
        assertEquals(local, read.getLastModified().atZoneSameInstant(LONDON).toLocalDateTime(), where);
        if (original.getLastModified() != null) {
          assertEquals(original.getLastModified().toInstant(), read.getLastModified().toInstant(), where);
        }
      }
      case NON_UUID_ID -> {
        assertNotEquals(original.getId(), injected.asText(), where);
        assertEquals(injected.asText(), read.getId(), where);
      }
      case MINIMUM_AGE_AS_STRING -> {
        assertTrue(injected.isTextual(), where);
        assertEquals(new BigDecimal(injected.asText()), read.getMinimumAge(), where);
        if (original.getMinimumAge() != null) {
          assertEquals(original.getMinimumAge(), read.getMinimumAge(), where);
        }
      }
      case UNKNOWN_STATUS -> {
        assertNull(read.getStatus(), where);
        assertEquals(injected, read.getExtensions().get("status"), where);
        assertTrue(ServiceStatus.find(injected.asText()).isEmpty(), where);
      }
      case STATUS_WRONG_CASE -> {
        assertNotEquals(original.getStatus().value(), injected.asText(), where);
        assertEquals(original.getStatus(), read.getStatus(), where);
      }
      case HTML_IN_DESCRIPTION -> {
        assertTrue(injected.asText().contains("<p>"), where);
        assertEquals(injected.asText(), read.getDescription(), where);
      }
      case VENDOR_EXTENSION -> {
        assertTrue(injected.isObject(), where);
        assertEquals(injected, read.getExtensions().get("pc_metadata"), where);
      }
      case NULL_FOR_OPTIONAL -> {
        assertTrue(injected.isNull(), where);
        assertNull(read.getAlert(), where);
        assertFalse(read.getExtensions().containsKey("alert"), where);
      }
      case ASSURED_DATE_WITH_TIME -> {
        assertTrue(injected.asText().contains("T"), where);
        assertEquals(LocalDate.parse(injected.asText().substring(0, 10)), read.getAssuredDate(), where);
        if (original.getAssuredDate() != null) {
          assertEquals(original.getAssuredDate(), read.getAssuredDate(), where);
        }
      }
      case EXTERNAL_IDENTIFIER_AS_NUMBER -> {
        assertTrue(injected.isIntegralNumber(), where);
        String kept = read.getServiceAtLocations().get(0).getLocation().getExternalIdentifier();
        assertEquals(injected.asText(), kept, where);
        String before = original.getServiceAtLocations().get(0).getLocation().getExternalIdentifier();
        if (before != null) {
          assertEquals(before, kept, where);
        }
      }
      case CONTACTS_AS_SINGLE_OBJECT -> {
        assertTrue(injected.isObject(), where);
        assertEquals(1, read.getContacts().size(), where);
        if (!original.getContacts().isEmpty()) {
          Contact first = original.getContacts().get(0);
          assertEquals(first, read.getContacts().get(0), where);
        } else {
          assertEquals(injected.get("name").asText(), read.getContacts().get(0).getName(), where);
        }
      }
      case ORGANIZATION_AS_STRING -> {
        assertTrue(injected.isTextual(), where);
        assertEquals(original.getOrganization().getName(), injected.asText(), where);
        assertNull(read.getOrganization(), where);
        assertEquals(injected, read.getExtensions().get("organization"), where);
      }
      case UK_DATE_FORMAT -> {
        LocalDate date = LocalDate.parse(injected.asText(), DateTimeFormatter.ofPattern("dd/MM/uuuu"));
        assertEquals(date, read.getSchedules().get(0).getValidFrom(), where);
        if (!original.getSchedules().isEmpty() && original.getSchedules().get(0).getValidFrom() != null) {
          assertEquals(original.getSchedules().get(0).getValidFrom(), date, where);
        }
      }
      default -> fail("no check for " + quirk);
    }
  }

  /** A service whose canonical JSON has the quirk's target in its usual state (present, or absent for additions). */
  private int serviceWhereTargetIsAsUsual(Quirk quirk) throws IOException {
    for (int index = 0; index < 200; index++) {
      JsonNode tree = TREES.readTree(OrukJson.lenient().write(generator.service(index)));
      JsonNode target = quirk.pointer().isEmpty() ? tree : tree.at(quirk.pointer());
      boolean usual = switch (quirk) {
        case VENDOR_EXTENSION, NULL_FOR_OPTIONAL -> target.isMissingNode();
        case EXTERNAL_IDENTIFIER_AS_NUMBER -> !target.isMissingNode()
            && tree.at("/service_at_locations/0/location/external_identifier_type").isTextual();
        default -> !target.isMissingNode();
      };
      if (usual) {
        return index;
      }
    }
    throw new AssertionError("no generated service has the usual target for " + quirk);
  }

  /** Paths (JSON Pointers) where the two trees differ; a whole subtree counts once. */
  private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
    if (a.isObject() && b.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode x = a.get(name);
        JsonNode y = b.get(name);
        if (x == null || y == null) {
          out.add(path + "/" + name);
        } else {
          diff(path + "/" + name, x, y, out);
        }
      }
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        diff(path + "/" + i, a.get(i), b.get(i), out);
      }
    } else if (!a.equals(b)) {
      out.add(path);
    }
  }

  private static byte[] stripMark(byte[] json) {
    if (json.length >= 3 && (json[0] & 0xFF) == 0xEF && (json[1] & 0xFF) == 0xBB && (json[2] & 0xFF) == 0xBF) {
      return Arrays.copyOfRange(json, 3, json.length);
    }
    return json;
  }
}
