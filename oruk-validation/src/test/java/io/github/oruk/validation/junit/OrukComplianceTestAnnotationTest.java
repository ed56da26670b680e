package io.github.oruk.validation.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.oruk.testkit.feed.FakeFeed;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * {@link OrukComplianceTest} as a supplier's test suite uses it: the test classes below are run by JUnit's own
 * engine (Surefire skips nested classes), and the test checks what JUnit reported.
 */
class OrukComplianceTestAnnotationTest {

  /**
   * What the strict profile must fail on {@link BrokenSupplier}'s feed, worked out from how the feed is built,
   * not from a run: its pages overlap (each page after the first repeats the last two records of the page
   * before: ORUK-PAGE-008), and a {@link FakeFeed} applies no filter but {@code modified_after} (its
   * documentation says so), so the filter probes see services that do not match (ORUK-FILTER-001). Nothing
   * else it does is an error.
   */
  static final Set<String> BROKEN_FEED_ERRORS = Set.of("ORUK-PAGE-008", "ORUK-FILTER-001");

  @Test
  void aCompliantFeedGivesOnePassingTestNamedCodeAndTitlePerCheck() {
    CompliantSupplier.SEEN.clear();
    Events tests = run(CompliantSupplier.class);

    assertEquals(0, tests.failed().count(), () -> "failures: " + names(tests.failed().list()));
    assertTrue(tests.succeeded().count() > 30, "one test per check: " + tests.succeeded().count());
    assertEquals(tests.succeeded().count(), CompliantSupplier.SEEN.size(), "each check ran once, under its own name");
    CompliantSupplier.SEEN.forEach((name, check) -> assertEquals(check.code() + " " + check.title(), name));
    assertEquals(new TreeSet<>(CompliantSupplier.SEEN.keySet()), new TreeSet<>(names(tests.succeeded().list())),
        "the names JUnit reported are the ones the tests saw");
    assertTrue(CompliantSupplier.SEEN.containsKey("ORUK-FEED-001 Required endpoint failed"),
        () -> CompliantSupplier.SEEN.keySet().toString());
  }

  @Test
  void aBrokenFeedFailsOnlyTheChecksThatFoundErrors() {
    Events tests = run(BrokenSupplier.class);

    List<String> failed = names(tests.failed().list());
    assertEquals(BROKEN_FEED_ERRORS, failed.stream().map(name -> name.substring(0, name.indexOf(' ')))
        .collect(Collectors.toSet()), () -> "failed: " + failed);
    assertEquals(BROKEN_FEED_ERRORS.size(), failed.size(), "each check once: " + failed);
    assertTrue(tests.succeeded().count() > 30, "the other checks pass: " + tests.succeeded().count());
    for (Event failure : tests.failed().list()) {
      String name = failure.getTestDescriptor().getDisplayName();
      String message = failure.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
          .map(Throwable::getMessage).orElse("");
      assertTrue(message.startsWith(name + ": ") && message.contains(" problem"), message);
      assertTrue(message.contains("/services?"), "names the address: " + message);
    }
  }

  @Test
  void aMisconfiguredAnnotationSaysWhatToChange() {
    Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Misconfigured.class)).execute()
        .allEvents();

    String message = tests.failed().list().get(0).getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("");
    assertTrue(message.contains("needs exactly one of url"), message);
    assertFalse(message.isBlank());
  }

  static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
  }

  static List<String> names(List<Event> events) {
    return events.stream().map(event -> event.getTestDescriptor().getDisplayName()).toList();
  }

  static class CompliantSupplier {
    static final Map<String, ComplianceResult.Check> SEEN = new ConcurrentHashMap<>();
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
    void complies(ComplianceResult.Check check, ComplianceResult result, TestInfo test) {
      assertTrue(result.checks().contains(check));
      SEEN.put(test.getDisplayName(), check);
    }
  }

  /** The feed {@link #BROKEN_FEED_ERRORS} describes, started for each test class that extends this one. */
  static class BrokenFeed {
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
  }

  static class BrokenSupplier extends BrokenFeed {
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
