package io.github.oruk.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.Service;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.server.memory.InMemoryDirectory;
import io.github.oruk.validation.feed.FeedValidator;
import io.github.oruk.validation.report.ReportFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The text and HTML reports read as prose for people: a summary first, services and organizations by name
 * (id second), findings grouped by organization, durations in words, and none of Java's own notation. The
 * names and counts expected are read from the generated data itself, not from the report's code.
 */
class ReadableReportTest {

  /** Java's map notation, such as {@code {within 3 months=0, never=35}}. */
  private static final Pattern MAP_SYNTAX = Pattern.compile("\\{[^{}<>\\n]*\\w=\\w[^{}\\n]*\\}");
  /** An ISO-8601 period or duration, such as {@code P3M}, {@code P1Y6M} or {@code PT30S}. */
  private static final Pattern ISO_DURATION = Pattern.compile("\\bP(?:\\d+[YMWD])+\\b|\\bP(?:\\d+[YMWD])*T\\d");

  private static final int SERVICES = 40;

  /** A year after the generator's "today", so every assured service is stale. */
  private static Validator aYearLater() {
    return Validator.builder().clock(Fixtures.on(Fixtures.GENERATOR.referenceDate().plusYears(1))).build();
  }

  private static List<JsonNode> generated() {
    return java.util.stream.IntStream.range(0, SERVICES).mapToObj(k -> (JsonNode) Fixtures.freshService(k)
        .put("assured_date", Fixtures.GENERATOR.referenceDate().minusDays(k).toString())).toList();
  }

  @Test
  void aFileReportLeadsWithASummaryAndNamesServicesAndOrganizations() throws Exception {
    List<JsonNode> services = generated();
    ((ObjectNode) services.get(3)).put("description", "Ring Alex on 07700 900246 to book.");
    StringBuilder ndjson = new StringBuilder();
    services.forEach(service -> ndjson.append(service).append('\n'));

    ValidationReport report = aYearLater().validateNdjson(
        new ByteArrayInputStream(ndjson.toString().getBytes(StandardCharsets.UTF_8)), "services.ndjson");
    String text = render(report, ReportFormat.TEXT);
    String html = render(report, ReportFormat.HTML);

    assertReadable(text);
    assertReadable(html);
    String[] lines = text.split("\n");
    assertEquals("The file complies with ORUK 3.0 (strict profile), with " + (SERVICES + 1) + " warnings worth fixing.",
        lines[1], text);
    assertTrue(text.contains("Services affected: " + SERVICES + " of " + SERVICES + ", run by "
        + organizations(services).size() + " organizations."), text);
    assertTrue(text.contains("the limit is 3 months."), text);
    JsonNode first = services.get(0);
    assertTrue(text.contains("\"" + first.get("name").asText() + "\", of " + first.at("/organization/name").asText()),
        text);
    assertTrue(text.contains("service " + first.get("id").asText()), "the id comes second: " + text);
    assertTrue(text.contains("\"" + services.get(3).get("name").asText() + "\""), "the PII finding is named: " + text);
    assertOrganizationsListed(services, text, html);
  }

  @Test
  void aLiveFeedReportNamesServicesAndGroupsByOrganization() throws Exception {
    List<Service> services = Fixtures.GENERATOR.services(SERVICES).toList();
    Map<String, JsonNode> byId = new HashMap<>();
    for (int k = 0; k < SERVICES; k++) {
      JsonNode json = Fixtures.JSON.readTree(Fixtures.GENERATOR.serviceJson(k));
      byId.put(json.get("id").asText(), json);
    }
    ValidationReport report;
    try (OrukHttpServer server = OrukHttpServer.builder(OrukApi.of(InMemoryDirectory.of(services))).port(0).start()) {
      report = FeedValidator.builder(aYearLater()).sample(3).filterTests(false).build()
          .validate(server.uri().toString());
    }
    String text = render(report, ReportFormat.TEXT);
    String html = render(report, ReportFormat.HTML);

    assertReadable(text);
    assertReadable(html);
    assertTrue(text.split("\n")[1].startsWith("The feed complies with ORUK 3.0 (strict profile)"), text);
    Finding stale = report.findings("ORUK-FRESH-001").stream()
        .filter(f -> f.url().contains("/services/") && byId.containsKey(f.recordId())).findFirst().orElseThrow();
    JsonNode service = byId.get(stale.recordId());
    String organization = service.at("/organization/name").asText();
    assertTrue(text.contains("\"" + service.get("name").asText() + "\", of " + organization), text);
    assertTrue(html.contains(escaped(service.get("name").asText())), "the HTML names it too");
    assertTrue(text.contains("Findings by organization\n"), text);
    assertTrue(text.contains("\n  " + organization + " (organization " + service.at("/organization/id").asText()
        + "): "), text);
    assertTrue(html.contains("<h2>Findings by organization</h2>"));
  }

  @Test
  void theJsonReportKeepsItsFieldsAndAddsTheNames() throws Exception {
    List<JsonNode> services = generated().subList(0, 3);
    StringBuilder ndjson = new StringBuilder();
    services.forEach(service -> ndjson.append(service).append('\n'));
    ValidationReport report = aYearLater().validateNdjson(
        new ByteArrayInputStream(ndjson.toString().getBytes(StandardCharsets.UTF_8)), "services.ndjson");

    JsonNode json = Fixtures.JSON.readTree(render(report, ReportFormat.JSON));

    JsonNode finding = json.at("/findings/0");
    assertEquals("ORUK-FRESH-001", finding.get("code").asText());
    for (String field : List.of("severity", "category", "message", "url", "pointer", "record_id", "observed", "fix")) {
      assertTrue(finding.has(field), field);
    }
    assertEquals(services.get(0).get("name").asText(), finding.get("record_name").asText());
    assertEquals(services.get(0).at("/organization/name").asText(), finding.get("organization_name").asText());
    assertEquals(services.get(0).at("/organization/id").asText(), finding.get("organization_id").asText());
    assertTrue(json.at("/quality/freshness/over a year").isInt(), "freshness stays a map of counts for programs");
  }

  private static void assertReadable(String rendered) {
    Matcher map = MAP_SYNTAX.matcher(rendered);
    assertFalse(map.find(), () -> "Java map notation: " + map.group());
    Matcher iso = ISO_DURATION.matcher(rendered);
    assertFalse(iso.find(), () -> "an ISO-8601 duration: " + iso.group());
  }

  /** Every organization with services in the file is listed with the number of its services affected. */
  private static void assertOrganizationsListed(List<JsonNode> services, String text, String html) {
    assertTrue(text.contains("\nFindings by organization\n"), text);
    Map<String, Integer> counts = organizations(services);
    for (Map.Entry<String, Integer> organization : counts.entrySet()) {
      String[] idAndName = organization.getKey().split("\t");
      String label = idAndName[1] + " (organization " + idAndName[0] + ")";
      assertTrue(html.contains("<tr><td>" + escaped(label) + "</td><td>" + organization.getValue() + "</td>"),
          label + " with " + organization.getValue() + " services in:\n" + html);
    }
    Map.Entry<String, Integer> largest = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    String[] idAndName = largest.getKey().split("\t");
    assertTrue(text.contains("\n  " + idAndName[1] + " (organization " + idAndName[0] + "): " + largest.getValue()
        + " service"), text);
  }

  /** Organization id and name (tab-separated) to the number of the given services it runs. */
  private static Map<String, Integer> organizations(List<JsonNode> services) {
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonNode service : services) {
      counts.merge(service.at("/organization/id").asText() + "\t" + service.at("/organization/name").asText(), 1,
          Integer::sum);
    }
    return counts;
  }

  private static String render(ValidationReport report, ReportFormat format) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    format.write(report, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** HTML escaping, for names with apostrophes ("St John's Church Community Project"). */
  private static String escaped(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
