package io.github.oruk.validation;

import java.util.Locale;

/** The outcome of a validation, as the official validator's three labels. */
public enum Verdict {
  PASS,
  PASS_WITH_WARNINGS,
  FAIL;

  /** {@code pass}, {@code pass-with-warnings} or {@code fail}, as reports write it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether a feed with this verdict is compliant (pass or pass with warnings). */
  public boolean compliant() {
    return this != FAIL;
  }
}
