package io.github.oruk.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.report.ReportFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportFormatTest {

  /** A report with an error (bad status), a warning (markup with a script tag) and a note. */
  private static ValidationReport report() {
    ObjectNode service = Fixtures.freshService(0).put("status", "open")
        .put("description", "<script>alert('x')</script> & more").put("pc_local", 1);
    return Fixtures.validator().build().validateDocument(Fixtures.bytes(service), "service.json");
  }

  private static String render(ValidationReport report, ReportFormat format, boolean colour) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    format.write(report, out, colour);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void jsonHasTheVerdictOnTopAndEveryFinding() throws Exception {
    ValidationReport report = report();
    JsonNode json = Fixtures.JSON.readTree(render(report, ReportFormat.JSON, false));

    assertEquals("fail", json.get("verdict").asText());
    assertEquals("verdict", json.fieldNames().next(), "verdict comes first");
    assertEquals(report.findings().size(), json.get("findings").size());
    assertEquals(report.bySeverity().get(Severity.ERROR).intValue(), json.at("/totals/error").asInt());
    JsonNode finding = json.get("findings").get(0);
    for (String field : new String[] {"code", "severity", "category", "message"}) {
      assertTrue(finding.has(field), field);
    }
    assertTrue(json.get("checks").size() > 15);
    assertEquals(1, json.at("/quality/services").asInt());
  }

  @Test
  void junitXmlIsWellFormedAndFailsTheFailingChecks() throws Exception {
    ValidationReport report = report();
    String xml = render(report, ReportFormat.JUNIT, false);
    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

    Element suites = document.getDocumentElement();
    assertEquals("testsuites", suites.getTagName());
    assertEquals(1, Integer.parseInt(suites.getAttribute("failures")), "only the schema check found errors");
    assertTrue(Integer.parseInt(suites.getAttribute("tests")) > 15, "passing checks are test cases too");
    assertTrue(xml.contains("ORUK-SCHEMA-001 Schema violation"));
  }

  @Test
  void htmlIsSelfContainedEscapedAndCharted() throws Exception {
    String html = render(report(), ReportFormat.HTML, false);

    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertFalse(html.contains("<script>"), "publisher text is escaped");
    assertTrue(html.contains("&lt;script&gt;"));
    assertTrue(html.contains("<svg"), "charts are inline SVG");
    assertFalse(html.contains("src=\"http"), "nothing is loaded from elsewhere");
    assertTrue(html.contains("ORUK-HTML-001"));
  }

  @Test
  void textLeadsWithTheVerdictAndColoursOnlyWhenAsked() throws Exception {
    ValidationReport report = report();
    String plain = render(report, ReportFormat.TEXT, false);
    String coloured = render(report, ReportFormat.TEXT, true);

    assertTrue(plain.startsWith("FAIL  service.json (strict profile)"), plain);
    assertTrue(plain.contains("fix: "), plain);
    assertFalse(plain.contains("\u001b["));
    assertTrue(coloured.contains("\u001b[1;31mFAIL"));
  }
}
