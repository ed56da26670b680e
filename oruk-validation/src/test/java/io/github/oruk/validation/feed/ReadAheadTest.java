package io.github.oruk.validation.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.testkit.feed.FakeFeed;
import io.github.oruk.validation.Category;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.Validator;
import io.github.oruk.validation.rule.DocumentContext;
import io.github.oruk.validation.rule.DocumentRule;
import io.github.oruk.validation.rule.Reporter;
import io.github.oruk.validation.rule.Rule;
import io.github.oruk.validation.rule.RuleInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A list is walked one page ahead when the check may send more than one request at a time: the next chosen page is
 * asked for while the one before is parsed and checked. The report is the one a walk of one request at a time
 * gives, in the same order. (A page asked ahead that fails, or never answers: {@code HostileFeedTest}.)
 */
class ReadAheadTest {

  /**
   * What the order of a report is made of: each finding's code, address (without the feed's own, which differs
   * from feed to feed) and pointer, in order. A finding made once per endpoint (ORUK-HTTP) about the answer that
   * happened to come first is named by its endpoint alone.
   */
  private static List<String> inOrder(ValidationReport report) {
    String base = report.target().replaceAll("/+$", "");
    return report.findings().stream().map(f -> {
      String url = f.url().startsWith(base) ? f.url().substring(base.length()) : f.url();
      return f.code() + " " + (f.code().startsWith("ORUK-HTTP-") ? url.replaceAll("/services/.+", "/services/{id}")
          : url) + "#" + f.pointer();
    }).toList();
  }

  @Test
  void aPageIsAskedForWhileTheOneBeforeIsChecked() {
    AtomicReference<CountDownLatch> nextAsked = new AtomicReference<>();
    AtomicReference<Boolean> overlapped = new AtomicReference<>();
    // Long enough for a busy machine to tell; the walk without read-ahead waits it out, so shorter there.
    long[] wait = {10_000};
    // A document rule that, checking page 2, waits to hear that a request is out: only a walk that reads ahead
    // has asked for page 3 by then (ids are looked up after the walk).
    DocumentRule waits = new DocumentRule() {
      @Override
      public RuleInfo info() {
        return new RuleInfo("TEST-AHEAD-001", "Waits for the next page", Category.CONFORMANCE, Severity.INFO,
            Set.of(), "");
      }

      @Override
      public void check(DocumentContext document, Reporter report) {
        if (document.page() && document.json().path("page_number").asInt() == 2 && overlapped.get() == null) {
          nextAsked.set(new CountDownLatch(1));
          try {
            overlapped.set(nextAsked.get().await(wait[0], TimeUnit.MILLISECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
    List<Rule> rules = new ArrayList<>(Validator.discover());
    rules.add(waits);
    Validator validator = Validator.builder().rules(rules).build();
    Consumer<FeedProgress> heard = progress -> {
      CountDownLatch latch = nextAsked.get();
      if (latch != null && progress.waiting() > 0) {
        latch.countDown();
      }
    };

    try (FakeFeed feed = FakeFeed.builder().services(45).perPage(10).basePath("/api").start()) {
      for (int concurrency : new int[] {2, 1}) {
        overlapped.set(null);
        nextAsked.set(null);
        wait[0] = concurrency == 1 ? 1_500 : 10_000;
        FeedValidator.builder(validator).sample(1).filterTests(false).concurrency(concurrency)
            .progress(heard, Duration.ofMillis(20)).build().validate(feed.baseUri().toString());
        assertEquals(concurrency > 1, overlapped.get(), concurrency > 1 ? "page 3 was asked for while page 2 was"
            + " checked" : "one request at a time: page 3 waits for page 2 to be checked");
      }
    }
  }

  @Test
  void readingAheadChangesNothingInTheReportOfAFaultyFeed() {
    ValidationReport ahead = faultyFeed(3);
    ValidationReport oneByOne = faultyFeed(1);
    assertFalse(ahead.findings("ORUK-PAGE-008").isEmpty(), "the feed is faulty: " + ahead.findings());
    assertEquals(oneByOne.verdict(), ahead.verdict());
    assertEquals(oneByOne.documents(), ahead.documents());
    assertEquals(oneByOne.records(), ahead.records());
    assertEquals(counts(oneByOne), counts(ahead));
    assertEquals(oneByOne.notChecked(), ahead.notChecked());
    // Ids are looked up concurrently in both (more than one at a time in one of them), so their findings may come
    // in another order; the walk's come in the walk's order.
    Comparator<String> byText = Comparator.naturalOrder();
    assertEquals(inOrder(oneByOne).stream().sorted(byText).toList(), inOrder(ahead).stream().sorted(byText).toList());
    assertEquals(walkOnly(oneByOne), walkOnly(ahead));
  }

  /** A check of a feed of its own (its totals drift with every page it serves), at a concurrency. */
  private static ValidationReport faultyFeed(int concurrency) {
    try (FakeFeed running = FakeFeed.builder().services(45).perPage(10).basePath("/api").overlap(2).totalDrift(3)
        .omit("empty").notFound(4).brokenDetails(0.2).start()) {
      return FeedValidator.builder(Validator.strict()).sample(10).filterTests(false).concurrency(concurrency).build()
          .validate(running.baseUri().toString());
    }
  }

  /** Each endpoint's requests, status and findings (its answer times are not the same twice). */
  private static List<String> counts(ValidationReport report) {
    return report.endpoints().stream().map(e -> e.path() + " " + e.level() + " " + e.status() + " " + e.requests()
        + " " + e.errors() + " " + e.warnings()).toList();
  }

  /** The findings about list pages and the rest of the walk, in order, without those about records looked up. */
  private static List<String> walkOnly(ValidationReport report) {
    return inOrder(report).stream().filter(f -> !f.contains("/services/")).toList();
  }
}
