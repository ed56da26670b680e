package io.github.oruk.validation.report;

import io.github.oruk.validation.EndpointResult;
import io.github.oruk.validation.Finding;
import io.github.oruk.validation.NotChecked;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The terminal report: the verdict first, then a plain-English summary (what passed, what needs attention,
 * how many services it concerns), then what to fix grouped by check (worst first) and by organization, and
 * the data quality of the services. Records are named by name first, id second.
 */
final class TextReport {

  /** How many examples of each kind of finding are listed; the rest are counted. */
  static final int EXAMPLES = 5;

  /** How many organizations are listed; the rest are counted. */
  static final int ORGANIZATIONS = 20;

  private TextReport() {
  }

  @SuppressWarnings("NullAway") // totals holds every severity (an EnumMap filled with zeros)
  static void write(ValidationReport report, OutputStream stream, boolean colour) throws IOException {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    Paint paint = new Paint(colour);
    Overview overview = Overview.of(report);
    Map<Severity, Integer> totals = report.bySeverity();
    out.printf(Locale.ROOT, "%s  %s (%s profile)%n", paint.verdict(report.verdict()), report.target(), report.profile());
    out.println(overview.headline());
    for (String line : overview.summary()) {
      out.println("  " + line);
    }
    out.printf(Locale.ROOT, "%d error%s, %d warning%s, %d note%s; %d document%s and %d record%s checked in %.1f s%n",
        totals.get(Severity.ERROR), plural(totals.get(Severity.ERROR)),
        totals.get(Severity.WARNING), plural(totals.get(Severity.WARNING)),
        totals.get(Severity.INFO), plural(totals.get(Severity.INFO)),
        report.documents(), plural(report.documents()), report.records(), plural(report.records()),
        report.duration().toMillis() / 1000.0);
    if (!report.endpoints().isEmpty()) {
      out.println();
      for (int level = 1; level <= 2; level++) {
        out.println(level == 1 ? "Level 1 (required endpoints)" : "Level 2 (optional endpoints)");
        for (EndpointResult endpoint : report.endpoints()) {
          if (endpoint.level() == level) {
            out.printf(Locale.ROOT, "  %-16s %-28s %s%n", paint.status(endpoint.status()), endpoint.path(),
                endpoint.requests() + " request" + plural(endpoint.requests())
                    + (endpoint.medianMillis() >= 0 ? ", median " + endpoint.medianMillis() + " ms" : ""));
          }
        }
      }
    }
    if (!overview.groups().isEmpty()) {
      out.println();
      out.println("Findings by check, worst first");
    }
    for (Grouping group : overview.groups()) {
      Finding first = group.findings().get(0);
      out.println();
      out.printf(Locale.ROOT, "%s %s %s  x%d%n", paint.severity(group.severity()), group.code(),
          overview.title(group.code()), group.findings().size());
      if (!first.fix().isEmpty()) {
        out.println("  fix: " + first.fix());
      }
      List<Finding> shown = group.findings().subList(0, Math.min(EXAMPLES, group.findings().size()));
      for (Finding finding : shown) {
        String who = overview.who(finding);
        String where = (finding.url() + " " + finding.pointer()).strip();
        if (who.isEmpty()) {
          out.println("  - " + (where.isEmpty() ? "" : where + ": ") + finding.message());
        } else {
          out.println("  - " + who + (finding.pointer().isEmpty() ? "" : ", " + finding.pointer()) + ": "
              + finding.message());
          out.println("      " + overview.id(finding) + (finding.url().isEmpty() ? "" : ", in " + finding.url()));
        }
      }
      if (group.findings().size() > shown.size()) {
        out.println("  ... and " + (group.findings().size() - shown.size()) + " more (see --format json or html)");
      }
    }
    if (!overview.organizations().isEmpty()) {
      out.println();
      out.println("Findings by organization");
      int listed = 0;
      for (Overview.Organization organization : overview.organizations()) {
        if (listed++ == ORGANIZATIONS) {
          out.println("  ... and " + Overview.count(overview.organizations().size() - ORGANIZATIONS, "more organization")
              + " (see --format html)");
          break;
        }
        out.println("  " + organization.label() + ": " + counts(organization));
      }
    }
    if (!report.notChecked().isEmpty()) {
      out.println();
      out.println("Not checked:");
      for (NotChecked item : report.notChecked()) {
        out.println("  - " + item.what() + ", because " + item.because());
      }
    }
    if (report.quality().services() > 0) {
      out.println();
      out.printf(Locale.ROOT, "Data quality: %s, mean richness %.0f out of 100.%n",
          Overview.count(report.quality().services(), "service"), report.quality().meanRichness());
      out.println("  Last assured: " + Overview.list(report.quality().freshness(), "") + ".");
      if (!report.quality().weakestFeatures().isEmpty()) {
        out.println("  Most often missing: " + Overview.list(report.quality().weakestFeatures(), "service") + ".");
      }
    }
    out.flush();
  }

  /** {@code 3 services; 2 warnings, 1 note: ORUK-FRESH-001 x2, ORUK-FRESH-002 x1}. */
  private static String counts(Overview.Organization organization) {
    List<String> severities = new ArrayList<>();
    for (Severity severity : Severity.values()) {
      if (organization.count(severity) > 0) {
        severities.add(Overview.count(organization.count(severity), severity == Severity.INFO ? "note"
            : severity.label()));
      }
    }
    List<String> codes = new ArrayList<>();
    organization.codes().entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
        .forEach(code -> codes.add(code.getKey() + " x" + code.getValue()));
    return (organization.services().isEmpty() ? ""
        : Overview.count(organization.services().size(), "service") + " affected; ")
        + String.join(", ", severities) + ": " + String.join(", ", codes);
  }

  private static String plural(int count) {
    return count == 1 ? "" : "s";
  }

  /** ANSI colours, or none. */
  private record Paint(boolean on) {
    String verdict(Verdict verdict) {
      String label = verdict.label().toUpperCase(Locale.ROOT);
      return paint(label, switch (verdict) {
        case PASS -> "32";
        case PASS_WITH_WARNINGS -> "33";
        case FAIL -> "31";
      });
    }

    String severity(Severity severity) {
      return paint(severity.label(), switch (severity) {
        case ERROR -> "31";
        case WARNING -> "33";
        case INFO -> "36";
      });
    }

    String status(String status) {
      return paint(status, status.equals("passed") ? "32" : status.equals("failed") ? "31" : "33");
    }

    private String paint(String text, String code) {
      return on ? "\u001b[1;" + code + "m" + text + "\u001b[0m" : text;
    }
  }
}
