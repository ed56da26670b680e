package io.github.oruk.tabular;

import io.github.oruk.model.diagnostic.Diagnostic;
import io.github.oruk.model.diagnostic.Severity;
import java.util.Objects;

/**
 * One thing noticed while reading or writing a package, located in a spreadsheet's terms.
 *
 * @param code the registered code: one of {@link TabularCode}'s, or the JSON reader's ({@code ORUK-READ-nnn})
 *     for a value the model's reader repaired or kept aside
 * @param file the CSV file (or {@code datapackage.json}) as named in the package
 * @param row the row as a spreadsheet numbers it: the header is row 1, the first record row 2; 1 for a finding
 *     about a whole column or table; 0 for one about the whole file before any row (its encoding)
 * @param column the column's name; {@code ""} for a finding about a whole row or table. Deeper places inside a
 *     cell holding JSON follow the column as a JSON Pointer ({@code phones/0/number}).
 * @param message what was expected, what was seen and what was done about it
 */
public record TabularFinding(String code, String file, int row, String column, String message) {

  public TabularFinding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(message, "message");
  }

  static TabularFinding of(TabularCode code, String file, int row, String column, String message) {
    return new TabularFinding(code.code(), file, row, column, message);
  }

  /** {@code FILE:ROW:COLUMN}, as the {@code oruk convert} command prints it. */
  public String location() {
    return file + ':' + row + ':' + column;
  }

  /** The code's registered severity (error, warning or info). */
  public Severity severity() {
    return diagnostic().severity();
  }

  /** The finding as the project's one diagnostic type, located at {@link #location()}. */
  public Diagnostic diagnostic() {
    return Diagnostic.of(code, location(), message);
  }

  /** One line: {@code CODE<TAB>FILE:ROW:COLUMN<TAB>message}. */
  public String toLine() {
    return diagnostic().toLine();
  }

  @Override
  public String toString() {
    return toLine();
  }
}
