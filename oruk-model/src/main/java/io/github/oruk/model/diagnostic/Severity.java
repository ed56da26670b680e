package io.github.oruk.model.diagnostic;

import java.util.Locale;

/**
 * How much a diagnostic matters, on one scale for the whole project: the reader's repairs, the client's
 * paging and harvest reports, the validator's findings and the taxonomy's problems. Errors fail a feed;
 * warnings make it pass with warnings. (Until issue #14 the validator had an enum of its own,
 * {@code io.github.oruk.validation.Severity}, with the same constants and methods.)
 */
public enum Severity {
  /** The standard is broken in a way that fails a feed, or something was lost. */
  ERROR,
  /** The standard is broken, but the value was repaired or kept aside and nothing was lost. */
  WARNING,
  /** Worth knowing; nothing is wrong. */
  INFO;

  /** The lower-case name, as reports write it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The severity with this label or name, such as {@code warning}. */
  public static Severity fromLabel(String label) {
    return valueOf(label.strip().toUpperCase(Locale.ROOT));
  }
}
