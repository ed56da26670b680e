package io.github.oruk.examples.jdbc;

import java.util.List;

/** A spreadsheet that cannot be imported, with every problem found (nothing was imported). */
public class CsvImportException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public CsvImportException(List<String> problems) {
    super(problems.size() == 1 ? problems.get(0)
        : problems.size() + " problems, nothing imported; the first: " + problems.get(0));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, each naming its line and column. */
  public List<String> problems() {
    return problems;
  }
}
