package io.github.oruk.tabular;

import io.github.oruk.model.diagnostic.DiagnosticCodes;

/**
 * What the package reader and writer report, each with a stable code. What each means and how much it
 * matters are written once, in the project's registry ({@link DiagnosticCodes}, {@code codes.tsv}); values
 * the model's JSON reader repairs keep the reader's own codes ({@code ORUK-READ-nnn}).
 */
public enum TabularCode {
  /** Rows of a table, or rows linked to a record, where ORUK 3.0 has no place: kept as an extension. */
  KEPT_AS_EXTENSION("ORUK-TABULAR-001"),
  /** A column ORUK 3.0 does not define on its table: its values kept as extensions. */
  EXTRA_COLUMN("ORUK-TABULAR-002"),
  /** A foreign key names no row of the table it refers to: the link was not made, the row was kept. */
  UNKNOWN_FOREIGN_KEY("ORUK-TABULAR-003"),
  /** A value does not fit the type the package's descriptor gives its column: kept as text. */
  VALUE_NOT_OF_TYPE("ORUK-TABULAR-004"),
  /** Two rows of a table share an id: links lead to the first. */
  DUPLICATE_ID("ORUK-TABULAR-005"),
  /** A row has more cells than the header has columns, or the header names a column twice. */
  ROW_SHAPE("ORUK-TABULAR-006"),
  /** The package's {@code datapackage.json} could not be read: tables were found by their file names. */
  DESCRIPTOR_UNREADABLE("ORUK-TABULAR-007"),
  /** A row linked to no service: kept with the package's unlinked rows. */
  UNLINKED_ROW("ORUK-TABULAR-008"),
  /** A file is not UTF-8: read as Windows-1252, the encoding spreadsheets in the UK save in. */
  NOT_UTF8("ORUK-TABULAR-009"),
  /** Writing: one id with different content in two places; the first was written. */
  CONFLICTING_COPIES("ORUK-TABULAR-010");

  private final String code;

  TabularCode(String code) {
    this.code = code;
    DiagnosticCodes.require(code);
  }

  /** The stable code, such as {@code ORUK-TABULAR-003}. */
  public String code() {
    return code;
  }

  @Override
  public String toString() {
    return code;
  }
}
