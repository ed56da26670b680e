package io.github.oruk.validation.report;

import io.github.oruk.validation.EndpointResult;
import io.github.oruk.validation.Finding;
import io.github.oruk.validation.NotChecked;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.ValidationReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One self-contained HTML page (no scripts, no external files): the verdict and a plain-English summary,
 * per-endpoint results, inline SVG charts of richness and freshness across the services, the findings grouped
 * by check (with the records named, pointers and fixes) and by organization.
 */
final class HtmlReport {

  /** Rows shown per finding code; the rest are counted. */
  private static final int ROWS_PER_CODE = 100;

  private HtmlReport() {
  }

  static void write(ValidationReport report, OutputStream stream) throws IOException {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    Map<Severity, Integer> totals = report.bySeverity();
    Overview overview = Overview.of(report);
    out.println("<!DOCTYPE html>");
    out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.println("<title>ORUK validation: " + esc(report.target()) + "</title>");
    out.println("<style>");
    out.println("body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:72rem;"
        + "padding:0 1rem;color:#1b1b1b;line-height:1.45}");
    out.println("h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}");
    out.println(".verdict{display:inline-block;padding:.2rem .7rem;border-radius:.3rem;color:#fff;font-weight:600}");
    out.println(".pass{background:#00703c}.pass-with-warnings{background:#b35c00}.fail{background:#d4351c}");
    out.println("table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border:1px solid #ddd;padding:.3rem .5rem;"
        + "text-align:left;vertical-align:top}th{background:#f3f2f1}code{font-size:.85rem}");
    out.println(".error{color:#d4351c;font-weight:600}.warning{color:#b35c00;font-weight:600}.info{color:#1d70b8}");
    out.println("details{margin:.6rem 0}summary{cursor:pointer}.charts{display:flex;flex-wrap:wrap;gap:2rem}");
    out.println("</style></head><body>");
    out.println("<h1>ORUK validation report</h1>");
    out.println("<p><span class=\"verdict " + report.verdict().label() + "\">" + esc(report.verdict().label())
        + "</span> <strong>" + esc(report.target()) + "</strong> &middot; " + esc(report.profile()) + " profile &middot; "
        + report.documents() + " documents, " + report.records() + " records &middot; "
        + String.format(Locale.ROOT, "%.1f", report.duration().toMillis() / 1000.0) + " s &middot; "
        + esc(report.started().toString()) + "</p>");
    out.println("<section class=\"summary\"><h2>Summary</h2><p><strong>" + esc(overview.headline())
        + "</strong></p><ul>");
    for (String line : overview.summary()) {
      out.println("<li>" + esc(line) + "</li>");
    }
    out.println("</ul><p><span class=\"error\">" + totals.get(Severity.ERROR) + " errors</span>, <span class=\"warning\">"
        + totals.get(Severity.WARNING) + " warnings</span>, <span class=\"info\">" + totals.get(Severity.INFO)
        + " notes</span>.</p></section>");

    if (!report.endpoints().isEmpty()) {
      out.println("<h2>Endpoints</h2><table><tr><th>level</th><th>endpoint</th><th>status</th><th>requests</th>"
          + "<th>median</th><th>errors</th><th>warnings</th></tr>");
      for (EndpointResult endpoint : report.endpoints()) {
        out.println("<tr><td>" + endpoint.level() + "</td><td><code>" + esc(endpoint.path()) + "</code></td><td>"
            + esc(endpoint.status()) + "</td><td>" + endpoint.requests() + "</td><td>"
            + (endpoint.medianMillis() < 0 ? "" : endpoint.medianMillis() + " ms") + "</td><td>" + endpoint.errors()
            + "</td><td>" + endpoint.warnings() + "</td></tr>");
      }
      out.println("</table>");
    }

    if (report.quality().services() > 0) {
      out.println("<h2>Data quality</h2>");
      out.println("<p>" + esc(Overview.count(report.quality().services(), "service")) + ", mean richness "
          + String.format(Locale.ROOT, "%.0f", report.quality().meanRichness()) + " out of 100. Last assured: "
          + esc(Overview.list(report.quality().freshness(), "")) + "."
          + (report.quality().weakestFeatures().isEmpty() ? "" : " Most often missing: "
              + esc(Overview.list(report.quality().weakestFeatures(), "service")) + ".") + "</p>");
      out.println("<div class=\"charts\">");
      List<String> deciles = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        deciles.add(i * 10 + "–" + (i == 9 ? 100 : i * 10 + 9));
      }
      out.println(barChart("Richness of services", deciles, report.quality().richnessHistogram(), "#1d70b8"));
      out.println(barChart("Last assured", new ArrayList<>(report.quality().freshness().keySet()),
          new ArrayList<>(report.quality().freshness().values()), "#00703c"));
      out.println("</div>");
    }

    out.println("<h2>Findings by check</h2>");
    if (report.findings().isEmpty()) {
      out.println("<p>None.</p>");
    }
    for (Grouping group : overview.groups()) {
      Finding first = group.findings().get(0);
      out.println("<details" + (group.severity() == Severity.ERROR ? " open" : "") + "><summary><span class=\""
          + group.severity().label() + "\">" + group.severity().label() + "</span> " + esc(overview.describe(group))
          + " &times;" + group.findings().size() + " &mdash; " + esc(first.category().label()) + "</summary>");
      if (!first.fix().isEmpty()) {
        out.println("<p><strong>Fix:</strong> " + esc(first.fix()) + "</p>");
      }
      out.println("<table><tr><th>record</th><th>where</th><th>pointer</th><th>message</th><th>value seen</th></tr>");
      int rows = 0;
      for (Finding finding : group.findings()) {
        if (rows++ == ROWS_PER_CODE) {
          out.println("<tr><td colspan=\"5\">… and " + (group.findings().size() - ROWS_PER_CODE)
              + " more (the JSON report lists them all)</td></tr>");
          break;
        }
        String who = overview.who(finding);
        out.println("<tr><td>" + (who.isEmpty() ? "" : esc(who) + "<br>") + "<small>" + esc(overview.id(finding))
            + "</small></td><td>" + esc(finding.url()) + "</td><td><code>" + esc(finding.pointer())
            + "</code></td><td>" + esc(finding.message()) + "</td><td><code>" + esc(finding.observed())
            + "</code></td></tr>");
      }
      out.println("</table></details>");
    }

    if (!overview.organizations().isEmpty()) {
      out.println("<h2>Findings by organization</h2>");
      out.println("<table><tr><th>organization</th><th>services affected</th><th>errors</th><th>warnings</th>"
          + "<th>notes</th><th>checks</th></tr>");
      int rows = 0;
      for (Overview.Organization organization : overview.organizations()) {
        if (rows++ == ROWS_PER_CODE) {
          out.println("<tr><td colspan=\"6\">… and " + (overview.organizations().size() - ROWS_PER_CODE)
              + " more (the JSON report names every record's organization)</td></tr>");
          break;
        }
        List<String> codes = new ArrayList<>();
        organization.codes().entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
            .forEach(code -> codes.add(esc(overview.title(code.getKey()).isEmpty() ? code.getKey()
                : overview.title(code.getKey())) + " <code>" + esc(code.getKey()) + "</code> &times;" + code.getValue()));
        out.println("<tr><td>" + esc(organization.label()) + "</td><td>" + organization.services().size() + "</td><td>"
            + organization.count(Severity.ERROR) + "</td><td>" + organization.count(Severity.WARNING) + "</td><td>"
            + organization.count(Severity.INFO) + "</td><td>" + String.join("<br>", codes) + "</td></tr>");
      }
      out.println("</table>");
    }

    if (!report.notChecked().isEmpty()) {
      out.println("<h2>Not checked</h2><ul>");
      for (NotChecked item : report.notChecked()) {
        out.println("<li>" + esc(item.what()) + ", because " + esc(item.because()) + "</li>");
      }
      out.println("</ul>");
    }
    out.println("<p style=\"color:#505a5f;font-size:.8rem\">Generated by oruk-java. " + report.checks().size()
        + " checks ran.</p>");
    out.println("</body></html>");
    out.flush();
  }

  private static String barChart(String title, List<String> labels, List<Integer> values, String colour) {
    int width = 460;
    int height = 220;
    int left = 40;
    int bottom = 50;
    int max = Math.max(1, values.stream().mapToInt(Integer::intValue).max().orElse(1));
    int slot = (width - left) / Math.max(1, values.size());
    StringBuilder svg = new StringBuilder();
    svg.append("<figure><figcaption><strong>").append(esc(title)).append("</strong></figcaption>");
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
        .append(height).append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">");
    svg.append("<line x1=\"").append(left).append("\" y1=\"").append(height - bottom).append("\" x2=\"").append(width)
        .append("\" y2=\"").append(height - bottom).append("\" stroke=\"#505a5f\"/>");
    for (int i = 0; i < values.size(); i++) {
      int value = values.get(i);
      int bar = (int) Math.round((height - bottom - 20) * (double) value / max);
      int x = left + i * slot + 4;
      int y = height - bottom - bar;
      svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(slot - 8)
          .append("\" height=\"").append(bar).append("\" fill=\"").append(colour).append("\"><title>")
          .append(esc(labels.get(i))).append(": ").append(value).append("</title></rect>");
      svg.append("<text x=\"").append(x + (slot - 8) / 2).append("\" y=\"").append(y - 4)
          .append("\" font-size=\"11\" text-anchor=\"middle\">").append(value).append("</text>");
      svg.append("<text x=\"").append(x + (slot - 8) / 2).append("\" y=\"").append(height - bottom + 14)
          .append("\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-35 ").append(x + (slot - 8) / 2)
          .append(' ').append(height - bottom + 14).append(")\">").append(esc(labels.get(i))).append("</text>");
    }
    svg.append("</svg></figure>");
    return svg.toString();
  }

  static String esc(@Nullable String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
