package io.github.oruk.validation.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.testkit.compliance.ComplianceOptions;
import io.github.oruk.testkit.compliance.ComplianceResult;
import io.github.oruk.testkit.compliance.OrukAssertions;
import io.github.oruk.testkit.feed.FakeFeed;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The test kit's JUnit API, with this module providing the checker. */
class OrukAssertionsTest {

  private static final ComplianceOptions PARITY = ComplianceOptions.defaults().withProfile("parity").withSample(5);

  @Test
  void aCompliantFeedPassesAndSaysWhatWasChecked() {
    try (FakeFeed feed = FakeFeed.builder().services(30).basePath("/api").start()) {
      ComplianceResult result = OrukAssertions.assertCompliant(feed.baseUri(), PARITY);

      assertTrue(result.compliant());
      assertTrue(result.checks().size() > 30, "every check is listed, passed or not");
      assertTrue(result.report().contains("Level 1"), result.report());
    }
  }

  @Test
  void aBrokenFeedFailsWithAReadableListOfFindings() {
    try (FakeFeed feed = FakeFeed.builder().services(30).basePath("/api").notFound(0, 1, 2, 3, 4, 5).start()) {
      AssertionFailedError failure = assertThrows(AssertionFailedError.class,
          () -> OrukAssertions.assertCompliant(feed.baseUri(), PARITY.withSample(0)));

      assertTrue(failure.getMessage().contains("does not comply (parity profile)"), failure.getMessage());
      assertTrue(failure.getMessage().contains("ORUK-FEED-001"), failure.getMessage());
      assertTrue(failure.getMessage().contains("fix:"), failure.getMessage());
    }
  }

  @Test
  void dynamicTestsFailOnlyForTheChecksThatFoundErrors() throws Throwable {
    try (FakeFeed feed = FakeFeed.builder().services(30).basePath("/api").overlap(2).perPage(10).start()) {
      List<DynamicTest> tests = OrukAssertions.tests(feed.baseUri(), ComplianceOptions.defaults().withSample(3)).toList();
      int failed = 0;
      String failedNames = "";
      for (DynamicTest test : tests) {
        try {
          test.getExecutable().execute();
        } catch (AssertionFailedError e) {
          failed++;
          failedNames += test.getDisplayName() + "; ";
        }
      }
      assertTrue(failedNames.contains("ORUK-PAGE-008"), failedNames);
      assertTrue(failed < tests.size() / 2, "most checks pass: " + failedNames);
      assertEquals(tests.size(), tests.stream().map(DynamicTest::getDisplayName).distinct().count());
    }
  }
}
