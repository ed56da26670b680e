package io.github.oruk.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.diagnostic.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Documents: the published examples, mutations of them, and generated services. */
class PayloadValidationTest {

  private final Validator strict = Fixtures.validator().build();

  @Test
  void everyPublishedExampleIsConformant() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.examples())) {
      for (Path file : files.toList()) {
        ValidationReport report = strict.validateDocument(Files.readAllBytes(file), file.getFileName().toString());
        List<Finding> conformance = report.findings().stream()
            .filter(f -> f.category() == Category.CONFORMANCE).toList();
        assertEquals(List.of(), conformance, file.getFileName().toString());
        assertTrue(report.records() > 0, file.getFileName().toString());
      }
    }
  }

  @Test
  void theExamplesPlaceholderDataIsReportedAsDataQuality() {
    ValidationReport report = strict.validateDocument(Fixtures.bytes(Fixtures.example("service_full.json")),
        "service_full.json");

    assertEquals(Verdict.FAIL, report.verdict(), "latitude 100 is not on Earth");
    assertEquals("/service_at_locations/0/location/latitude", report.findings("ORUK-GEO-001").get(0).pointer());
    assertEquals(1, report.findings("ORUK-FRESH-001").size());
  }

  @Test
  void removingARequiredPropertyIsCaughtWithItsPointer() {
    ObjectNode service = Fixtures.example("service_full.json");
    ((ObjectNode) service.at("/service_at_locations/0/location/addresses/0")).remove("postal_code");

    ValidationReport report = strict.validateDocument(Fixtures.bytes(service), "mutated.json");

    Finding finding = only(report, "ORUK-SCHEMA-001");
    assertEquals("/service_at_locations/0/location/addresses/0", finding.pointer());
    assertTrue(finding.message().contains("postal_code"), finding.message());
    assertEquals(Severity.ERROR, finding.severity());
    assertEquals("ac148810-d857-441c-9679-408f346de14b", finding.recordId());
  }

  @Test
  void aBrokenFormatIsCaughtWithItsPointer() {
    ObjectNode service = Fixtures.example("service_full.json");
    ((ObjectNode) service.at("/organization")).put("website", "www.example.org/no scheme");
    service.put("last_modified", "2023-03-15T10:30:45");

    ValidationReport report = strict.validateDocument(Fixtures.bytes(service), "mutated.json");

    assertEquals(List.of("/last_modified", "/organization/website"),
        report.findings("ORUK-SCHEMA-001").stream().map(Finding::pointer).sorted().toList());
  }

  @Test
  void aNullIsReportedOnceWithAPlainMessage() {
    ObjectNode service = Fixtures.example("service_full.json");
    service.putNull("alert");
    ((ArrayNode) service.get("languages")).addNull();

    ValidationReport report = strict.validateDocument(Fixtures.bytes(service), "mutated.json");

    assertEquals(List.of("/alert", "/languages/1"),
        report.findings("ORUK-NULL-001").stream().map(Finding::pointer).toList());
    assertTrue(report.findings("ORUK-SCHEMA-001").stream().noneMatch(f -> f.pointer().equals("/alert")),
        "the schema's own 'null found' is not reported a second time");
  }

  @Test
  void everySchemaErrorIsReportedNotJustTheFirst() {
    ObjectNode service = Fixtures.freshService(0);
    service.put("status", "open");
    service.put("email", "not an email");
    service.remove("name");

    ValidationReport report = strict.validateDocument(Fixtures.bytes(service), "broken.json");

    assertEquals(3, report.findings("ORUK-SCHEMA-001").size(), report.findings().toString());
  }

  @Test
  void generatedServicesAreCleanOnceAssured() throws IOException {
    StringBuilder ndjson = new StringBuilder();
    for (int k = 0; k < 150; k++) {
      ndjson.append(Fixtures.freshService(k)).append('\n');
    }

    ValidationReport report = strict.validateNdjson(
        new java.io.ByteArrayInputStream(ndjson.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "generated.ndjson");

    List<Finding> notInfo = report.findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
    assertEquals(List.of(), notInfo);
    assertEquals(Verdict.PASS, report.verdict());
    assertEquals(150, report.documents());
    assertEquals(150, report.quality().services());
  }

  @Test
  void pagesAreCheckedItemByItem() {
    ObjectNode page = Fixtures.example("service_list.json");
    ((ObjectNode) page.at("/contents/0")).put("minimum_age", "twelve");

    ValidationReport report = strict.validateDocument(Fixtures.bytes(page), "page.json");

    assertEquals("/contents/0/minimum_age", only(report, "ORUK-SCHEMA-001").pointer());
  }

  @Test
  void schemaMessagesDoNotRepeatThePointerTheFindingCarries() {
    ObjectNode service = Fixtures.freshService(9).put("id", "x").put("minimum_age", "ten");
    ((ObjectNode) service.at("/service_at_locations/0")).put("id", "not-a-uuid");

    List<Finding> schema = strict.validateDocument(Fixtures.bytes(service), "s.json").findings("ORUK-SCHEMA-001");

    assertEquals(List.of("/id", "/minimum_age", "/service_at_locations/0/id"),
        schema.stream().map(Finding::pointer).sorted().toList());
    for (Finding finding : schema) {
      assertFalse(finding.message().contains(finding.pointer()), finding.message());
      assertTrue(finding.toLine().endsWith("\t" + finding.message()), finding.toLine());
    }
  }

  @Test
  void aFindingIsOneTabSeparatedLineLikeItsSiblings() {
    Finding finding = new Finding("ORUK-GEO-001", Severity.ERROR, Category.DATA_QUALITY,
        "latitude 100 is\tnot on\nEarth.", "https://feed.example/services/1", "/latitude", "1", "100", "");
    Finding whole = new Finding("ORUK-JSON-001", Severity.ERROR, Category.CONFORMANCE, "not JSON.", "page.json", "",
        "", null, null);

    assertEquals("ORUK-GEO-001\thttps://feed.example/services/1#/latitude\tlatitude 100 is not on Earth.",
        finding.toLine());
    assertEquals("ORUK-JSON-001\tpage.json\tnot JSON.", whole.toLine());
  }

  static Finding only(ValidationReport report, String code) {
    List<Finding> found = report.findings(code);
    assertEquals(1, found.size(), () -> "expected one " + code + ", got " + report.findings());
    return found.get(0);
  }
}
