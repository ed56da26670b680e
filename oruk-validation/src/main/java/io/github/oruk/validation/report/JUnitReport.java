package io.github.oruk.validation.report;

import io.github.oruk.validation.EndpointResult;
import io.github.oruk.validation.Finding;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.rule.RuleInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * JUnit XML, as CI servers read it: one test case per check that ran (failed when it found errors; its
 * warnings and notes go to system-out), and one per endpoint of a live feed.
 */
final class JUnitReport {

  private static final int DETAIL_LINES = 50;

  private JUnitReport() {
  }

  @SuppressWarnings("NullAway") // RuleInfo turns null targets into none
  static void write(ValidationReport report, OutputStream out) throws IOException {
    Map<String, List<Finding>> byCode = new LinkedHashMap<>();
    report.findings().forEach(f -> byCode.computeIfAbsent(f.code(), c -> new ArrayList<>()).add(f));
    List<RuleInfo> checks = new ArrayList<>(report.checks());
    for (String code : byCode.keySet()) {
      if (checks.stream().noneMatch(c -> c.code().equals(code))) {
        Finding first = byCode.get(code).get(0);
        checks.add(new RuleInfo(code, code, first.category(), first.severity(), null, first.fix()));
      }
    }
    int failures = 0;
    for (RuleInfo check : checks) {
      if (errors(byCode.getOrDefault(check.code(), List.of())) > 0) {
        failures++;
      }
    }
    int endpointFailures = (int) report.endpoints().stream().filter(e -> e.status().equals("failed")).count();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "oruk-validation " + report.target());
      xml.writeAttribute("tests", Integer.toString(checks.size() + report.endpoints().size()));
      xml.writeAttribute("failures", Integer.toString(failures + endpointFailures));
      xml.writeAttribute("time", seconds(report));
      xml.writeCharacters("\n");

      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", "checks (" + report.profile() + " profile): " + report.verdict().label());
      xml.writeAttribute("tests", Integer.toString(checks.size()));
      xml.writeAttribute("failures", Integer.toString(failures));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", "0");
      xml.writeAttribute("time", seconds(report));
      xml.writeCharacters("\n");
      for (RuleInfo check : checks) {
        List<Finding> found = byCode.getOrDefault(check.code(), List.of());
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "oruk." + check.category().name().toLowerCase(Locale.ROOT));
        xml.writeAttribute("name", check.code() + " " + check.title());
        xml.writeAttribute("time", "0");
        int errors = errors(found);
        if (errors > 0) {
          Finding first = found.stream().filter(f -> f.severity() == Severity.ERROR).findFirst().orElseThrow();
          xml.writeStartElement("failure");
          xml.writeAttribute("type", "error");
          xml.writeAttribute("message", errors + " error" + (errors == 1 ? "" : "s") + ": " + first.message());
          xml.writeCharacters(details(found, Severity.ERROR, check.fix()));
          xml.writeEndElement();
        }
        if (found.size() > errors) {
          xml.writeStartElement("system-out");
          xml.writeCharacters(details(found, null, check.fix()));
          xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
      }
      xml.writeEndElement();
      xml.writeCharacters("\n");

      if (!report.endpoints().isEmpty()) {
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "endpoints");
        xml.writeAttribute("tests", Integer.toString(report.endpoints().size()));
        xml.writeAttribute("failures", Integer.toString(endpointFailures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(report.endpoints().stream()
            .filter(e -> e.status().startsWith("not")).count()));
        xml.writeCharacters("\n");
        for (EndpointResult endpoint : report.endpoints()) {
          xml.writeStartElement("testcase");
          xml.writeAttribute("classname", "oruk.level" + endpoint.level());
          xml.writeAttribute("name", "GET " + endpoint.path());
          xml.writeAttribute("time", endpoint.medianMillis() < 0 ? "0" : String.format(Locale.ROOT, "%.3f",
              endpoint.medianMillis() / 1000.0));
          if (endpoint.status().equals("failed")) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", endpoint.errors() + " error(s); see the findings for " + endpoint.path());
            xml.writeEndElement();
          } else if (endpoint.status().startsWith("not")) {
            xml.writeStartElement("skipped");
            xml.writeAttribute("message", endpoint.status());
            xml.writeEndElement();
          }
          xml.writeEndElement();
          xml.writeCharacters("\n");
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
      out.write('\n');
    } catch (XMLStreamException e) {
      throw new IOException("could not write the JUnit report", e);
    }
  }

  private static int errors(List<Finding> findings) {
    return (int) findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
  }

  private static String details(List<Finding> findings, @Nullable Severity only, String fix) {
    StringBuilder text = new StringBuilder();
    if (!fix.isEmpty()) {
      text.append("Fix: ").append(fix).append('\n');
    }
    int lines = 0;
    for (Finding finding : findings) {
      if (only != null && finding.severity() != only) {
        continue;
      }
      if (lines++ == DETAIL_LINES) {
        text.append("... and more\n");
        break;
      }
      text.append(finding.severity().label()).append('\t').append(finding.toLine()).append('\n');
    }
    return text.toString();
  }

  private static String seconds(ValidationReport report) {
    return String.format(Locale.ROOT, "%.3f", report.duration().toMillis() / 1000.0);
  }
}
