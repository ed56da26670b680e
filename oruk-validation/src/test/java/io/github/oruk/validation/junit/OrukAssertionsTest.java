package io.github.oruk.validation.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.testkit.feed.FakeFeed;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.UriSource;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/** The JUnit compliance kit: assertions and one dynamic test per check, run against fake feeds. */
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

  /**
   * The same broken feed as {@link OrukComplianceTestAnnotationTest#BROKEN_FEED_ERRORS}, through a
   * {@code @TestFactory} run by JUnit's engine: exactly the checks with errors fail, every test is named
   * "CODE title", and each has the feed's address with its code as its source, which is what makes Maven
   * Surefire write that name (rather than {@code everyCheck()[n]}) in its XML reports.
   */
  @Test
  void dynamicTestsFailOnlyForTheChecksThatFoundErrorsAndAreNamedCodeAndTitle() {
    Events tests = OrukComplianceTestAnnotationTest.run(BrokenFactory.class);

    List<String> failed = OrukComplianceTestAnnotationTest.names(tests.failed().list());
    assertEquals(OrukComplianceTestAnnotationTest.BROKEN_FEED_ERRORS, failed.stream()
        .map(name -> name.substring(0, name.indexOf(' '))).collect(Collectors.toSet()), () -> "failed: " + failed);
    assertEquals(OrukComplianceTestAnnotationTest.BROKEN_FEED_ERRORS.size(), failed.size(), failed::toString);
    List<Event> all = tests.finished().list();
    assertTrue(all.size() > 30, "one test per check: " + all.size());
    Set<String> names = new HashSet<>();
    for (Event test : all) {
      TestDescriptor descriptor = test.getTestDescriptor();
      String name = descriptor.getDisplayName();
      assertTrue(name.matches("[A-Z]+-[A-Z0-9]+-\\d{3} \\S.*"), "named 'CODE title': " + name);
      assertTrue(names.add(name), "one test per check: " + name + " twice");
      String code = name.substring(0, name.indexOf(' '));
      assertEquals(Optional.of(UriSource.from(URI.create(BrokenFactory.feed() + "#" + code))),
          descriptor.getSource(), name);
    }
  }

  static class BrokenFactory extends OrukComplianceTestAnnotationTest.BrokenFeed {
    @TestFactory
    Stream<DynamicTest> everyCheck() {
      return OrukAssertions.tests(feed.baseUri(), ComplianceOptions.defaults().withSample(3));
    }
  }
}
