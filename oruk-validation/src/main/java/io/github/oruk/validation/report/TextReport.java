package io.github.oruk.validation.report;

import io.github.oruk.validation.EndpointResult;
import io.github.oruk.validation.Finding;
import io.github.oruk.validation.NotChecked;
import io.github.oruk.validation.Severity;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The terminal report: the verdict first, then what to fix, grouped by code, worst first. */
final class TextReport {

  /** How many examples of each kind of finding are listed; the rest are counted. */
  static final int EXAMPLES = 5;

  private TextReport() {
  }

  static void write(ValidationReport report, OutputStream stream, boolean colour) throws IOException {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    Paint paint = new Paint(colour);
    Map<Severity, Integer> totals = report.bySeverity();
    out.printf(Locale.ROOT, "%s  %s (%s profile)%n", paint.verdict(report.verdict()), report.target(), report.profile());
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
    for (Grouping group : Grouping.of(report.findings())) {
      Finding first = group.findings().get(0);
      out.println();
      out.printf(Locale.ROOT, "%s %s  x%d%n", paint.severity(group.severity()), group.code(), group.findings().size());
      if (!first.fix().isEmpty()) {
        out.println("  fix: " + first.fix());
      }
      List<Finding> shown = group.findings().subList(0, Math.min(EXAMPLES, group.findings().size()));
      for (Finding finding : shown) {
        String where = (finding.url().isEmpty() ? "" : finding.url()) + (finding.pointer().isEmpty() ? "" : " " + finding.pointer());
        out.println("  - " + (where.isBlank() ? "" : where.strip() + ": ") + finding.message());
      }
      if (group.findings().size() > shown.size()) {
        out.println("  ... and " + (group.findings().size() - shown.size()) + " more (see --format json or html)");
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
      out.printf(Locale.ROOT, "Data quality: %d service%s, mean richness %.0f/100; assured %s%n",
          report.quality().services(), plural(report.quality().services()), report.quality().meanRichness(),
          report.quality().freshness());
    }
    out.flush();
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
