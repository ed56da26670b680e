package io.github.oruk.validation;

import java.util.Locale;

/** How much a finding matters. Errors fail a feed; warnings make it pass with warnings. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** Lower-case name, as reports write it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The severity with this label or name, such as {@code warning}. */
  public static Severity fromLabel(String label) {
    return valueOf(label.strip().toUpperCase(Locale.ROOT));
  }
}
