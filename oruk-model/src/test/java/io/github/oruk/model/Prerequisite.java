package io.github.oruk.model;

import java.util.Locale;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * What some tests need from outside the checkout: the read-only upstream files in {@code ../shared}, or a
 * PostgreSQL server. A test without its prerequisite is skipped, saying why, so that a bare clone builds;
 * where a switch variable says the prerequisite must be there, it fails instead, so that CI, which always has
 * it, can never pass by testing less. {@code .ci/run} sets both switches. Every module's tests use this one
 * decision (through their own helpers: {@code Upstream}, {@code Fixtures}, {@code SharedFiles}, ...).
 */
public final class Prerequisite {

  /** Set to 1 where the shared folder is always present (CI): a missing shared file fails the test. */
  public static final String SHARED = "ORUK_REQUIRE_SHARED";
  /** Set to 1 where PostgreSQL's server binaries are always installed (CI): the PostgreSQL tests must run. */
  public static final String POSTGRES = "ORUK_REQUIRE_POSTGRES";

  private Prerequisite() {
  }

  /**
   * Returns when {@code present}; otherwise skips the calling test with {@code missing} as the reason, or fails
   * it when the environment variable {@code switchVariable} is switched on ({@code 1}, {@code true} or
   * {@code yes}).
   */
  public static void require(boolean present, String missing, String switchVariable) {
    decide(present, missing, switchVariable, System.getenv(switchVariable));
  }

  /** {@link #require} with the switch's value given rather than read from the environment. */
  static void decide(boolean present, String missing, String switchVariable, String switchValue) {
    if (present) {
      return;
    }
    if (switchedOn(switchValue)) {
      throw new AssertionFailedError(missing + "; this fails rather than skips because " + switchVariable + "="
          + switchValue + " says it must be there (CI sets it)");
    }
    throw new TestAbortedException("skipped: " + missing + " (with " + switchVariable + "=1, as in CI, this is"
        + " a failure)");
  }

  static boolean switchedOn(String value) {
    return value != null && switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "1", "true", "yes" -> true;
      default -> false;
    };
  }
}
