package io.github.oruk.validation.rule;

/** A rule that looks at one record at a time (every record of its target types, however nested). */
public interface RecordRule extends Rule {

  /** Checks one record, reporting through {@code report}. */
  void check(RecordContext record, Reporter report);
}
