package io.github.oruk.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.profile.Profile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each built-in rule, on a clean service with one thing changed: it fires where expected and nowhere else. */
class RulesTest {

  private final Validator validator = Fixtures.validator().build();

  private List<Finding> findings(ObjectNode service, String code) {
    return validator.validateDocument(Fixtures.bytes(service), "service.json").findings(code);
  }

  private static ObjectNode location(ObjectNode service) {
    return (ObjectNode) service.at("/service_at_locations/0/location");
  }

  private static ObjectNode schedule(ObjectNode service) {
    ArrayNode schedules = service.withArray("schedules");
    if (schedules.isEmpty()) {
      schedules.addObject().put("id", "6c0a2b1e-0000-4000-8000-000000000001");
    }
    return (ObjectNode) schedules.get(0);
  }

  private void assertFires(ObjectNode service, String code, String pointer) {
    List<Finding> found = findings(service, code);
    assertEquals(1, found.size(), () -> code + ": " + found);
    assertEquals(pointer, found.get(0).pointer(), code);
  }

  @Test
  void aCleanServiceHasNoWarnings() {
    ValidationReport report = validator.validateDocument(Fixtures.bytes(Fixtures.freshService(3)), "clean.json");
    assertEquals(List.of(), report.findings().stream().filter(f -> f.severity() != Severity.INFO).toList());
  }

  @Test
  void schedules() {
    ObjectNode times = Fixtures.freshService(1);
    schedule(times).put("opens_at", "17:00:00").put("closes_at", "09:00:00");
    assertFires(times, "ORUK-SCHED-001", "/schedules/0/closes_at");

    ObjectNode byday = Fixtures.freshService(1);
    schedule(byday).put("freq", "WEEKLY").put("byday", "MO,Tuesday");
    assertFires(byday, "ORUK-SCHED-002", "/schedules/0/byday");
    ObjectNode ordinal = Fixtures.freshService(1);
    schedule(ordinal).put("freq", "WEEKLY").put("byday", "2MO");
    assertFires(ordinal, "ORUK-SCHED-002", "/schedules/0/byday");
    ObjectNode monthly = Fixtures.freshService(1);
    schedule(monthly).put("freq", "MONTHLY").put("byday", "2MO,-1FR");
    assertEquals(List.of(), findings(monthly, "ORUK-SCHED-002"));

    ObjectNode period = Fixtures.freshService(1);
    schedule(period).put("valid_from", "2025-05-01").put("valid_to", "2025-04-01");
    assertFires(period, "ORUK-SCHED-003", "/schedules/0/valid_to");

    ObjectNode monthDays = Fixtures.freshService(1);
    schedule(monthDays).put("bymonthday", "1,15,32");
    assertFires(monthDays, "ORUK-SCHED-004", "/schedules/0/bymonthday");

    ObjectNode interval = Fixtures.freshService(1);
    schedule(interval).put("interval", 0);
    assertFires(interval, "ORUK-SCHED-005", "/schedules/0/interval");
  }

  @Test
  void ages() {
    ObjectNode reversed = Fixtures.freshService(2).put("minimum_age", 18).put("maximum_age", 11);
    assertFires(reversed, "ORUK-AGE-001", "/minimum_age");
    ObjectNode ancient = Fixtures.freshService(2).put("maximum_age", 150);
    ancient.remove("minimum_age");
    assertFires(ancient, "ORUK-AGE-002", "/maximum_age");
  }

  /**
   * A number no double holds, in a 4 KB file: one finding at its pointer, under its service, quoted in a few
   * characters; an error in strict and a warning in parity. 3e888888888 used to be printed in full (889 MB of
   * report), and 1e2147483647 ended the validation with NegativeArraySizeException.
   */
  @Test
  void numbersOutOfRangeAreOneShortFindingAtTheirPointer() {
    Validator parity = Fixtures.validator().profile(Profile.parity()).build();
    Map<String, String> quoted = Map.of("3e888888888", "3E+888888888", "1e2147483647", "1E+2147483647",
        "-1e-999999", "-1E-999999");
    for (Map.Entry<String, String> number : quoted.entrySet()) {
      ObjectNode service = Fixtures.freshService(2).put("maximum_age", 77777);
      byte[] bytes = new String(Fixtures.bytes(service), StandardCharsets.UTF_8).replace("77777", number.getKey())
          .getBytes(StandardCharsets.UTF_8);

      ValidationReport strict = validator.validateDocument(bytes, "service.json");
      ValidationReport lenient = parity.validateDocument(bytes, "service.json");

      List<Finding> found = strict.findings("ORUK-NUMBER-001");
      assertEquals(1, found.size(), () -> number + ": " + strict.findings());
      Finding finding = found.get(0);
      assertEquals("/maximum_age", finding.pointer());
      assertEquals(service.path("id").asText(), finding.recordId());
      assertEquals(number.getValue(), finding.observed());
      assertTrue(finding.message().contains(number.getValue()), finding.message());
      assertEquals(Severity.ERROR, finding.severity());
      assertEquals(Verdict.FAIL, strict.verdict());
      assertEquals(Severity.WARNING, lenient.findings("ORUK-NUMBER-001").get(0).severity());
      assertEquals(Verdict.PASS_WITH_WARNINGS, lenient.verdict(), () -> lenient.findings().toString());
      for (Finding any : strict.findings()) {
        assertTrue(any.message().length() < 500 && any.observed().length() <= Finding.OBSERVED_LIMIT, any::toLine);
      }
    }
  }

  @Test
  void observedValuesAreCutToFortyCharactersWhateverTheRule() {
    Finding long1 = new Finding("ORUK-X-001", Severity.WARNING, Category.DATA_QUALITY, "m", "", "", "",
        "x".repeat(100), "");
    Finding astral = new Finding("ORUK-X-001", Severity.WARNING, Category.DATA_QUALITY, "m", "", "", "",
        "y".repeat(38) + "\uD83D\uDE00" + "z".repeat(10), "");

    assertEquals("x".repeat(39) + "…", long1.observed());
    assertEquals("y".repeat(38) + "…", astral.observed(), "never half an emoji");
    assertEquals("x".repeat(40), new Finding("ORUK-X-001", Severity.WARNING, Category.DATA_QUALITY, "m", "", "",
        "", "x".repeat(40), "").observed());
  }

  @Test
  void coordinates() {
    ObjectNode offWorld = Fixtures.freshService(4);
    location(offWorld).put("latitude", 100).put("longitude", 1);
    assertFires(offWorld, "ORUK-GEO-001", "/service_at_locations/0/location/latitude");

    ObjectNode swapped = Fixtures.freshService(4);
    location(swapped).put("latitude", -2.59).put("longitude", 51.45);
    List<Finding> abroad = findings(swapped, "ORUK-GEO-002");
    assertEquals(1, abroad.size());
    assertTrue(abroad.get(0).message().contains("swapped"), abroad.get(0).message());

    ObjectNode half = Fixtures.freshService(4);
    location(half).put("latitude", 51.45).remove("longitude");
    assertFires(half, "ORUK-GEO-003", "/service_at_locations/0/location/longitude");
  }

  @Test
  void contactDetails() {
    assertFires(Fixtures.freshService(5).put("email", "Unknown-12@noemail.invalid"), "ORUK-CONTACT-001", "/email");
    assertFires(Fixtures.freshService(5).put("url", "http://localhost:8080/services/1"), "ORUK-CONTACT-002", "/url");
    assertEquals(List.of(), findings(Fixtures.freshService(5).put("url", "https://council.example.org/a"),
        "ORUK-CONTACT-002"));
  }

  @Test
  void personalData() {
    assertFires(Fixtures.freshService(6).put("assurer_email", "jane.smith1974@gmail.com"), "ORUK-PII-001",
        "/assurer_email");
    ObjectNode mobile = Fixtures.freshService(6);
    ArrayNode contacts = mobile.withArray("contacts");
    contacts.removeAll();
    contacts.addObject().put("id", "6c0a2b1e-0000-4000-8000-000000000002").put("name", "Sam")
        .put("title", "Call Sam on 07700 900123");
    assertFires(mobile, "ORUK-PII-002", "/contacts/0/title");
  }

  @Test
  void markup() {
    assertFires(Fixtures.freshService(7).put("description", "<p>Hot meals &amp; advice</p>"), "ORUK-HTML-001",
        "/description");
    ObjectNode organization = Fixtures.freshService(7);
    ((ObjectNode) organization.get("organization")).put("description", "<p>We may use markup here</p>");
    assertEquals(List.of(), findings(organization, "ORUK-HTML-001"));
  }

  @Test
  void freshness() {
    String today = Fixtures.GENERATOR.referenceDate().toString();
    String old = Fixtures.GENERATOR.referenceDate().minusMonths(4).toString();
    String future = Fixtures.GENERATOR.referenceDate().plusDays(3).toString();
    assertFires(Fixtures.freshService(8).put("assured_date", old), "ORUK-FRESH-001", "/assured_date");
    assertFires(Fixtures.freshService(8).put("assured_date", future), "ORUK-FRESH-003", "/assured_date");
    ObjectNode never = Fixtures.freshService(8);
    never.remove("assured_date");
    assertFires(never, "ORUK-FRESH-002", "/assured_date");
    assertEquals(List.of(), findings(Fixtures.freshService(8).put("assured_date", today), "ORUK-FRESH-001"));
  }

  @Test
  void foreignKeysMustAgreeWithNesting() {
    ObjectNode organization = Fixtures.freshService(9).put("organization_id", "00000000-0000-4000-8000-000000000000");
    assertFires(organization, "ORUK-REF-001", "/organization_id");

    ObjectNode scheduleOwner = Fixtures.freshService(9);
    schedule(scheduleOwner).put("service_id", "00000000-0000-4000-8000-000000000000");
    assertFires(scheduleOwner, "ORUK-REF-001", "/schedules/0/service_id");

    ObjectNode locationKey = Fixtures.freshService(9);
    ((ObjectNode) locationKey.at("/service_at_locations/0")).put("location_id", "00000000-0000-4000-8000-000000000000");
    assertFires(locationKey, "ORUK-REF-001", "/service_at_locations/0/location_id");
  }

  @Test
  void duplicateIds() {
    ObjectNode service = Fixtures.freshService(10);
    ArrayNode schedules = service.withArray("schedules");
    schedules.removeAll();
    schedules.addObject().put("id", "6c0a2b1e-0000-4000-8000-000000000003");
    schedules.addObject().put("id", "6c0a2b1e-0000-4000-8000-000000000003");
    assertFires(service, "ORUK-ID-003", "/schedules/1/id");

    ObjectNode page = Fixtures.JSON.createObjectNode();
    page.putArray("contents").add(Fixtures.freshService(11)).add(Fixtures.freshService(11));
    ValidationReport report = validator.validateDocument(Fixtures.bytes(page), "page.json");
    assertEquals("/contents/1/id", report.findings("ORUK-ID-001").get(0).pointer());
  }

  @Test
  void emptyValues() {
    ObjectNode service = Fixtures.freshService(12).put("alert", "  ");
    service.putArray("funding");
    List<Finding> empty = findings(service, "ORUK-EMPTY-001");
    assertEquals(List.of("/alert", "/funding"), empty.stream().map(Finding::pointer).sorted().toList());
  }

  @Test
  void extensionsAreANoteNotAProblem() {
    ValidationReport report = validator.validateDocument(
        Fixtures.bytes(Fixtures.freshService(13).put("pc_metadata", "x")), "service.json");
    Finding extension = report.findings("ORUK-EXT-001").get(0);
    assertEquals(Severity.INFO, extension.severity());
    assertEquals(Verdict.PASS, report.verdict());
  }
}
