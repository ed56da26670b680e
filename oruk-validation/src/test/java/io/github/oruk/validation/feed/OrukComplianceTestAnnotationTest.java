package io.github.oruk.validation.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.oruk.testkit.compliance.ComplianceResult;
import io.github.oruk.testkit.compliance.OrukComplianceTest;
import io.github.oruk.testkit.feed.FakeFeed;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * {@link OrukComplianceTest} as a supplier's test suite uses it: the test classes below are run by JUnit's own
 * engine (Surefire skips nested classes), and the test checks what JUnit reported.
 */
class OrukComplianceTestAnnotationTest {

  @Test
  void aCompliantFeedGivesOnePassingTestPerCheck() {
    Events tests = run(CompliantSupplier.class);

    assertEquals(0, tests.failed().count(), () -> "failures: " + names(tests.failed().list()));
    assertTrue(tests.succeeded().count() > 30, "one test per check: " + tests.succeeded().count());
    assertTrue(names(tests.succeeded().list()).contains("ORUK-FEED-001 Required endpoint failed"),
        () -> names(tests.succeeded().list()).toString());
  }

  @Test
  void aBrokenFeedFailsOnlyTheChecksThatFoundErrors() {
    Events tests = run(BrokenSupplier.class);

    List<String> failed = names(tests.failed().list());
    assertTrue(failed.stream().anyMatch(name -> name.startsWith("ORUK-PAGE-008")), () -> "failed: " + failed);
    assertTrue(tests.succeeded().count() > failed.size(), "the other checks pass: " + failed);
    String message = tests.failed().list().get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("");
    assertTrue(message.contains("problem"), message);
  }

  @Test
  void aMisconfiguredAnnotationSaysWhatToChange() {
    Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Misconfigured.class)).execute()
        .allEvents();

    String message = tests.failed().list().get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("");
    assertTrue(message.contains("needs exactly one of url"), message);
  }

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
  }

  private static List<String> names(List<Event> events) {
    return events.stream().map(event -> event.getTestDescriptor().getDisplayName()).toList();
  }

  static class CompliantSupplier {
    static FakeFeed feed;

    @BeforeAll
    static void start() {
      feed = FakeFeed.builder().services(30).basePath("/api").start();
    }

    @AfterAll
    static void stop() {
      feed.close();
    }

    static URI feed() {
      return feed.baseUri();
    }

    @OrukComplianceTest(feed = "feed", profile = "parity", sample = 5)
    void complies(ComplianceResult.Check check, ComplianceResult result) {
      assertTrue(result.checks().contains(check));
    }
  }

  static class BrokenSupplier {
    static FakeFeed feed;

    @BeforeAll
    static void start() {
      feed = FakeFeed.builder().services(30).basePath("/api").overlap(2).perPage(10).start();
    }

    @AfterAll
    static void stop() {
      feed.close();
    }

    static String feed() {
      return feed.baseUri().toString();
    }

    @OrukComplianceTest(feed = "feed", sample = 3)
    void complies() {
    }
  }

  static class Misconfigured {
    @OrukComplianceTest
    void complies() {
    }
  }
}
