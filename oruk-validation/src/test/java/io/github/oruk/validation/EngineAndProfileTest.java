package io.github.oruk.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.profile.Profile;
import io.github.oruk.validation.rule.Rule;
import io.github.oruk.validation.rule.RuleInfo;
import io.github.oruk.testkit.generate.DataGenerator;
import io.github.oruk.testkit.generate.Quirk;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineAndProfileTest {

  @TempDir
  Path dir;

  @Test
  void rulesAreDiscoveredIncludingThirdPartyOnes() {
    List<Rule> rules = Validator.discover();
    Set<String> codes = new HashSet<>();
    rules.forEach(rule -> rule.infos().forEach(info -> codes.add(info.code())));
    assertTrue(codes.containsAll(Set.of("ORUK-SCHEMA-001", "ORUK-GEO-002", "ORUK-FRESH-001", "ACME-TEST-001")), codes::toString);

    ObjectNode service = Fixtures.freshService(0).put("name", "Test service - DO NOT USE");
    ValidationReport report = Fixtures.validator().build().validateDocument(Fixtures.bytes(service), "s.json");
    assertEquals(Severity.ERROR, report.findings("ACME-TEST-001").get(0).severity());
    assertEquals(Verdict.FAIL, report.verdict());
  }

  @Test
  void ruleCodesMustBeWellFormed() {
    assertThrows(IllegalArgumentException.class, () -> new RuleInfo("geo 2", "x", Category.DATA_QUALITY,
        Severity.INFO, Set.of(), ""));
  }

  @Test
  void verdictFollowsTheWorstSeverity() {
    Validator validator = Fixtures.validator().build();
    assertEquals(Verdict.PASS, validator.validateDocument(Fixtures.bytes(Fixtures.freshService(1)), "a").verdict());
    assertEquals(Verdict.PASS_WITH_WARNINGS, validator.validateDocument(
        Fixtures.bytes(Fixtures.freshService(1).put("description", "<b>x</b>")), "b").verdict());
    assertEquals(Verdict.FAIL, validator.validateDocument(
        Fixtures.bytes(Fixtures.freshService(1).put("status", "open")), "c").verdict());
  }

  @Test
  void parityFailsOnlyWhereTheOfficialValidatorDoes() {
    Validator parity = Fixtures.validator().profile(Profile.parity()).build();
    ObjectNode badService = Fixtures.freshService(2).put("status", "open");
    ObjectNode badPage = Fixtures.JSON.createObjectNode();
    badPage.putArray("contents").add(Fixtures.freshService(3).put("status", "open"));
    ObjectNode tightened = Fixtures.freshService(4).put("assured_date", "2024-13-45");

    assertEquals(Verdict.FAIL, parity.validateDocument(Fixtures.bytes(badService), "by-id.json").verdict());
    ValidationReport page = parity.validateDocument(Fixtures.bytes(badPage), "list.json");
    assertEquals(Verdict.PASS_WITH_WARNINGS, page.verdict(), "schema errors on list pages never fail a feed");
    assertEquals(Severity.WARNING, page.findings("ORUK-SCHEMA-001").get(0).severity());
    assertEquals(List.of(), parity.validateDocument(Fixtures.bytes(tightened), "t.json").findings("ORUK-SCHEMA-001"),
        "the published schemas give assured_date no format");
    assertEquals(1, Fixtures.validator().build().validateDocument(Fixtures.bytes(tightened), "t.json")
        .findings("ORUK-SCHEMA-001").size(), "strict applies the spec document's date format");
  }

  @Test
  void policyFilesDeclareMandatoryFieldsFreshnessAndSeverities() throws Exception {
    Path policy = dir.resolve("council.yaml");
    Files.writeString(policy, String.join("\n",
        "name: example-council",
        "extends: strict",
        "freshness: 6 months",
        "mandatory:",
        "  service: [fees, email]",
        "errors: [ORUK-FRESH-001]",
        "severities: {ORUK-HTML-001: info}",
        "disabled: [ORUK-EXT-001]",
        "richness: {description: 30}"));
    Profile profile = Profile.load(policy);

    assertEquals("example-council", profile.name());
    assertEquals(Period.ofMonths(6), profile.freshness());
    assertEquals(Set.of("fees", "email"), profile.mandatory().get(RecordType.SERVICE));

    Validator validator = Fixtures.validator().profile(profile).build();
    ObjectNode service = Fixtures.freshService(5).put("description", "<p>markup</p>").put("pc", 1)
        .put("assured_date", Fixtures.GENERATOR.referenceDate().minusMonths(7).toString());
    service.remove("fees");
    ValidationReport report = validator.validateDocument(Fixtures.bytes(service), "s.json");

    assertEquals(Severity.ERROR, report.findings("ORUK-FRESH-001").get(0).severity(), "a warning made an error");
    assertEquals("/fees", report.findings("ORUK-POLICY-001").get(0).pointer());
    assertEquals(Severity.INFO, report.findings("ORUK-HTML-001").get(0).severity());
    assertEquals(List.of(), report.findings("ORUK-EXT-001"), "disabled");
    assertEquals("example-council", report.profile());
  }

  @Test
  void policiesMayNameAPagingFactByTheClientsEarlierCode() throws Exception {
    Path policy = Files.writeString(dir.resolve("aliases.yaml"), String.join("\n",
        "errors: [ORUK-PAGING-002]",
        "severities: {ORUK-PAGING-003: info}",
        "disabled: [ORUK-PAGING-001, ORUK-PAGE-016]"));
    Profile profile = Profile.load(policy);
    RuleInfo drift = new RuleInfo("ORUK-PAGE-007", "Totals change between pages", Category.FEED_BEHAVIOUR,
        Severity.WARNING, Set.of(), "fix");
    RuleInfo duplicate = new RuleInfo("ORUK-PAGE-008", "Same record on two pages", Category.FEED_BEHAVIOUR,
        Severity.ERROR, Set.of(), "fix");
    RuleInfo stalled = new RuleInfo("ORUK-PAGE-012", "Paging stalled", Category.FEED_BEHAVIOUR, Severity.ERROR,
        Set.of(), "fix");

    assertEquals(Severity.ERROR, profile.severity(drift, true), "ORUK-PAGING-002 is ORUK-PAGE-007");
    assertEquals(Severity.INFO, profile.severity(duplicate, true), "ORUK-PAGING-003 is ORUK-PAGE-008");
    assertEquals(false, profile.enabled(stalled), "ORUK-PAGING-001 is ORUK-PAGE-012");
    // A record left out of its page has the reader's code; the code paging gave it before names it still.
    assertEquals(false, profile.enabled(new RuleInfo("ORUK-READ-017", "Record left out", Category.CONFORMANCE,
        Severity.WARNING, Set.of(), "fix")), "ORUK-PAGE-016 is ORUK-READ-017");
  }

  @Test
  void badPoliciesSayWhatIsWrong() throws Exception {
    assertPolicyRefused("extends: lax", "'extends' must be strict or parity");
    assertPolicyRefused("freshness: soon", "freshness must be like");
    assertPolicyRefused("mandatory: {widget: [x]}", "unknown record type 'widget'");
    assertPolicyRefused("severities: {ORUK-GEO-002: loud}", "must be error, warning or info");
    assertPolicyRefused("colour: blue", "unknown key 'colour'");
    assertPolicyRefused("richness: {sparkle: 3}", "unknown richness feature 'sparkle'");
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> Profile.named(dir.resolve("absent.yaml").toString()));
    assertTrue(missing.getMessage().contains("expected strict, parity or the path"), missing.getMessage());
  }

  private void assertPolicyRefused(String yaml, String expected) throws Exception {
    Path policy = Files.writeString(dir.resolve("p" + Math.abs(yaml.hashCode()) + ".yaml"), yaml);
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> Fixtures.validator().profile(Profile.load(policy)).build());
    assertTrue(refused.getMessage().contains(expected), refused.getMessage());
  }

  @Test
  void ndjsonLinesAreCheckedOneByOne() throws Exception {
    String ndjson = Fixtures.freshService(0) + "\n" + "{not json\n\n" + Fixtures.freshService(0) + "\n";

    ValidationReport report = Fixtures.validator().build().validateNdjson(
        new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)), "feed.ndjson");

    assertEquals("feed.ndjson:2", report.findings("ORUK-JSON-001").get(0).url());
    assertEquals("feed.ndjson:4", report.findings("ORUK-ID-002").get(0).url());
    assertEquals(Verdict.FAIL, report.verdict());
    assertEquals(3, report.documents());
  }

  /**
   * The lines of an NDJSON file are checked on several threads (one per processor, up to four) and merged in the
   * file's order: the report's findings are those of checking each line as a file of its own, line after line, whichever
   * batch a thread finished first. Generated services with every quirk in a quarter of them, thin ones and lines
   * that are not JSON: about 16 batches.
   */
  @Test
  void ndjsonLinesCheckedInParallelReportAsIfOneAfterAnother() throws Exception {
    DataGenerator generator = DataGenerator.builder().seed(3).asOf(Fixtures.GENERATOR.referenceDate())
        .quirks(EnumSet.complementOf(EnumSet.of(Quirk.BYTE_ORDER_MARK))).quirkRate(0.25).build();
    ByteArrayOutputStream generated = new ByteArrayOutputStream();
    generator.writeNdjson(1_000, generated);
    List<String> lines = new ArrayList<>(List.of(generated.toString(StandardCharsets.UTF_8).split("\n")));
    for (int i = 0; i < lines.size(); i += 97) {
      lines.set(i, i % 2 == 0 ? "{\"id\": \"thin-" + i + "\", \"name\": \"Thin " + i + "\"}" : "{not json " + i);
    }
    Validator validator = Fixtures.validator().build();

    ValidationReport report = validator.validateNdjson(new ByteArrayInputStream(
        String.join("\n", lines).getBytes(StandardCharsets.UTF_8)), "bulk.ndjson");

    List<Finding> oneByOne = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String where = "bulk.ndjson:" + (i + 1);
      ValidationReport alone = validator.validateNdjson(
          new ByteArrayInputStream(lines.get(i).getBytes(StandardCharsets.UTF_8)), "line");
      for (Finding f : alone.findings()) {
        oneByOne.add(new Finding(f.code(), f.severity(), f.category(), f.message(), where, f.pointer(), f.recordId(),
            f.observed(), f.fix()));
      }
    }
    assertTrue(oneByOne.size() > 1_000, "enough findings to tell an order: " + oneByOne.size());
    List<Finding> found = report.findings();
    int first = 0;
    while (first < Math.min(oneByOne.size(), found.size()) && oneByOne.get(first).equals(found.get(first))) {
      first++;
    }
    assertEquals(oneByOne.size(), first, "the same findings, in the file's order: the first difference is at "
        + first + " of " + oneByOne.size() + " (" + found.size() + " found): expected "
        + (first < oneByOne.size() ? oneByOne.get(first) : "none") + ", found "
        + (first < found.size() ? found.get(first) : "none"));
    assertEquals(oneByOne.size(), found.size());
    assertEquals(lines.size(), report.documents());
  }

  @Test
  void anIdUsedAgainInALaterBatchNamesTheFirstLine() throws Exception {
    StringBuilder ndjson = new StringBuilder();
    for (int k = 0; k < 300; k++) {
      ndjson.append(Fixtures.freshService(k)).append('\n');
    }
    ndjson.append(Fixtures.freshService(0)).append('\n').append(Fixtures.freshService(0)).append('\n');

    ValidationReport report = Fixtures.validator().build().validateNdjson(
        new ByteArrayInputStream(ndjson.toString().getBytes(StandardCharsets.UTF_8)), "feed.ndjson");

    List<Finding> again = report.findings("ORUK-ID-002");
    assertEquals(List.of("feed.ndjson:301", "feed.ndjson:302"), again.stream().map(Finding::url).toList());
    assertTrue(again.get(1).message().contains("already used on line 1;"), again.get(1).message());
  }

  @Test
  void notJsonIsAFindingNotAnException() {
    ValidationReport report = Fixtures.validator().build().validateDocument(
        "<html><body>Bad gateway</body></html>".getBytes(StandardCharsets.UTF_8), "page.html");
    assertEquals(Verdict.FAIL, report.verdict());
    assertTrue(report.findings("ORUK-JSON-001").get(0).message().contains("looks like HTML"));
  }

  @Test
  void legacyV1DocumentsAreRecognised() {
    String v1 = "{\"content\":[{\"id\":\"x\",\"name\":\"A\",\"regular_schedules\":[]}],\"totalElements\":1,"
        + "\"totalPages\":1,\"number\":0,\"first\":true,\"last\":true}";
    ValidationReport report = Fixtures.validator().build().validateDocument(v1.getBytes(StandardCharsets.UTF_8), "v1.json");
    assertEquals(1, report.findings("ORUK-VERSION-001").size());
    assertEquals(1, report.notChecked().size());
  }
}
