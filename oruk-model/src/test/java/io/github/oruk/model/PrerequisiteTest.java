package io.github.oruk.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The one decision behind every skip for a missing prerequisite: skip on a bare clone, fail where required. */
class PrerequisiteTest {

  private static final String MISSING = "upstream reference files not found at /nowhere/oruk-standard";

  @Test
  void aMissingPrerequisiteSkipsTheTestSayingWhy() {
    for (String off : new String[] {null, "", "0", "false", "no"}) {
      TestAbortedException skipped = assertThrows(TestAbortedException.class,
          () -> Prerequisite.decide(false, MISSING, Prerequisite.SHARED, off), "switch " + off);
      assertEquals("skipped: " + MISSING + " (with ORUK_REQUIRE_SHARED=1, as in CI, this is a failure)",
          skipped.getMessage());
    }
  }

  @Test
  void whereTheSwitchIsOnAMissingPrerequisiteFailsTheTest() {
    for (String on : new String[] {"1", "true", "TRUE", " yes "}) {
      AssertionFailedError failed = assertThrows(AssertionFailedError.class,
          () -> Prerequisite.decide(false, MISSING, Prerequisite.SHARED, on), "switch " + on);
      assertTrue(failed.getMessage().startsWith(MISSING + "; this fails rather than skips because"
          + " ORUK_REQUIRE_SHARED=" + on), failed.getMessage());
    }
  }

  @Test
  void aPresentPrerequisiteNeverStopsTheTest() {
    for (String any : new String[] {null, "0", "1"}) {
      assertDoesNotThrow(() -> Prerequisite.decide(true, MISSING, Prerequisite.POSTGRES, any));
    }
  }

  @Test
  void upstreamRequireFollowsTheSwitchInThisEnvironment() {
    String old = System.getProperty("oruk.shared.dir");
    System.setProperty("oruk.shared.dir", "/nonexistent/oruk-shared");
    try {
      Class<? extends Throwable> expected = Prerequisite.switchedOn(System.getenv(Prerequisite.SHARED))
          ? AssertionFailedError.class : TestAbortedException.class;
      Throwable stopped = assertThrows(Throwable.class, () -> Upstream.require("oruk-standard/3.0/schema"));
      assertEquals(expected, stopped.getClass(), stopped.getMessage());
      assertTrue(stopped.getMessage().contains("/nonexistent/oruk-shared/oruk-standard/3.0/schema"),
          stopped.getMessage());
    } finally {
      if (old == null) {
        System.clearProperty("oruk.shared.dir");
      } else {
        System.setProperty("oruk.shared.dir", old);
      }
    }
    assertFalse(Prerequisite.switchedOn("2"), "only 1, true and yes switch it on");
  }
}
