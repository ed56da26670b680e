package io.github.oruk.validation.rule;

/** A rule that looks at a whole document: a response body or a file (a record or a page). */
public interface DocumentRule extends Rule {

  /** Checks one document, reporting through {@code report}. */
  void check(DocumentContext document, Reporter report);
}
