package io.github.oruk.validation.report;

import io.github.oruk.validation.ValidationReport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/** The ways a {@link ValidationReport} can be written. */
public enum ReportFormat {
  /** For people at a terminal: verdict, totals, findings grouped by code, what was not checked. */
  TEXT,
  /** For programs: the documented, stable JSON described in the module README; top-level {@code verdict}. */
  JSON,
  /** For CI servers: JUnit XML, one test case per check (and per endpoint of a live feed). */
  JUNIT,
  /** For everyone else: one self-contained HTML page with a findings table and charts. */
  HTML;

  /** Writes the report in this format (UTF-8). The stream is flushed, not closed. */
  public void write(ValidationReport report, OutputStream out) throws IOException {
    write(report, out, false);
  }

  /** As {@link #write(ValidationReport, OutputStream)}; {@code colour} only affects {@link #TEXT}. */
  public void write(ValidationReport report, OutputStream out, boolean colour) throws IOException {
    switch (this) {
      case TEXT -> TextReport.write(report, out, colour);
      case JSON -> JsonReport.write(report, out);
      case JUNIT -> JUnitReport.write(report, out);
      case HTML -> HtmlReport.write(report, out);
    }
    out.flush();
  }

  /** {@code text}, {@code json}, {@code junit} or {@code html}. */
  public static ReportFormat fromName(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown report format '" + name + "'; expected text, json, junit or html");
    }
  }
}
