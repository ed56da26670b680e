package io.github.oruk.validation.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.testkit.feed.FakeFeed;
import io.github.oruk.validation.Category;
import io.github.oruk.validation.Finding;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.Validator;
import io.github.oruk.validation.rule.DocumentContext;
import io.github.oruk.validation.rule.DocumentRule;
import io.github.oruk.validation.rule.Reporter;
import io.github.oruk.validation.rule.Rule;
import io.github.oruk.validation.rule.RuleInfo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A list is walked one page ahead when the check may send more than one request at a time: the next chosen page is
 * asked for while the one before is parsed and checked. The report is the one a walk of one request at a time
 * gives, in the same order; a page asked ahead that fails is reported, and one that never answers is cut off by
 * the time limit.
 */
class ReadAheadTest {

  private static final String API_DETAILS = "{\"version\":\"3.0\",\"profile\":\"https://openreferraluk.org/\","
      + "\"openapi_url\":\"https://example.org/openapi.json\"}";
  private static final int PAGES = 5;

  private HttpServer server;
  private ExecutorService threads;
  /** What page 3 of /services does; the other pages answer. */
  private volatile Function<HttpExchange, Boolean> pageThree = exchange -> false;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    threads = Executors.newCachedThreadPool();
    server.setExecutor(threads);
    server.createContext("/", exchange -> {
      try (exchange) {
        String path = exchange.getRequestURI().getPath();
        String query = String.valueOf(exchange.getRequestURI().getQuery());
        if (path.equals("/")) {
          send(exchange, 200, API_DETAILS);
        } else if (path.equals("/services")) {
          int page = query.startsWith("page=") ? Integer.parseInt(query.substring(5)) : 1;
          if (page == 3 && pageThree.apply(exchange)) {
            return;
          }
          send(exchange, 200, page(page));
        } else {
          send(exchange, 404, "{\"code\":404,\"message\":\"not here\"}");
        }
      } catch (IOException e) {
        // the client hung up
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    threads.shutdownNow();
  }

  /** A page of two services without ids (so nothing is looked up by id, and the report's order is the walk's). */
  private static String page(int number) {
    return "{\"total_items\":" + 2 * PAGES + ",\"total_pages\":" + PAGES + ",\"page_number\":" + number
        + ",\"size\":2,\"first_page\":" + (number == 1) + ",\"last_page\":" + (number == PAGES)
        + ",\"empty\":false,\"contents\":[{\"name\":\"Service " + number + "a\",\"status\":\"active\"},"
        + "{\"name\":\"Service " + number + "b\",\"status\":\"active\"}]}";
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private static FeedValidator.Builder validator(Validator validator, int concurrency) {
    return FeedValidator.builder(validator).filterTests(false).concurrency(concurrency)
        .requestTimeout(Duration.ofSeconds(20)).timeout(Duration.ofSeconds(60));
  }

  private static ValidationReport within(Duration limit, FeedValidator.Builder validator, String url) {
    return assertTimeoutPreemptively(limit, () -> validator.build().validate(url));
  }

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
    AtomicReference<CountDownLatch> thirdAsked = new AtomicReference<>(new CountDownLatch(1));
    pageThree = exchange -> {
      thirdAsked.get().countDown();
      return false;
    };
    AtomicReference<Boolean> overlapped = new AtomicReference<>();
    // Long enough for a busy machine to answer page 3; the walk without read-ahead waits it out, so shorter there.
    long[] wait = {10_000};
    // A document rule that, checking page 2, waits for page 3 to be asked for: only a walk that reads ahead asks
    // for it before page 2 is checked.
    DocumentRule waits = new DocumentRule() {
      @Override
      public RuleInfo info() {
        return new RuleInfo("TEST-AHEAD-001", "Waits for the next page", Category.CONFORMANCE, Severity.INFO, Set.of(),
            "");
      }

      @Override
      public void check(DocumentContext document, Reporter report) {
        if (document.page() && document.json().path("page_number").asInt() == 2 && overlapped.get() == null) {
          try {
            overlapped.set(thirdAsked.get().await(wait[0], TimeUnit.MILLISECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
    List<Rule> rules = new ArrayList<>(Validator.discover());
    rules.add(waits);
    Validator validator = Validator.builder().rules(rules).build();

    within(Duration.ofSeconds(60), validator(validator, 2), base());
    assertEquals(Boolean.TRUE, overlapped.get(), "page 3 was asked for while page 2 was checked");

    overlapped.set(null);
    thirdAsked.set(new CountDownLatch(1));
    wait[0] = 1_500;
    within(Duration.ofSeconds(60), validator(validator, 1), base());
    assertEquals(Boolean.FALSE, overlapped.get(), "one request at a time: page 3 waits for page 2 to be checked");
  }

  @Test
  void aPageAskedAheadThatFailsIsReportedAsWithoutReadingAhead() {
    // Page 3 answers 500 (not retried), and the walk goes on to page 4.
    pageThree = exchange -> {
      try {
        send(exchange, 500, "{\"code\":500,\"message\":\"broken\"}");
      } catch (IOException e) {
        // the client hung up
      }
      return true;
    };
    ValidationReport ahead = within(Duration.ofSeconds(60), validator(Validator.strict(), 3), base());
    ValidationReport oneByOne = within(Duration.ofSeconds(60), validator(Validator.strict(), 1), base());

    Finding unreachable = ahead.findings("ORUK-PAGE-010").get(0);
    assertTrue(unreachable.url().endsWith("/services?page=3"), unreachable.url());
    assertTrue(ahead.findings("ORUK-PAGE-004").isEmpty(), "pages 4 and 5 were read: " + ahead.findings());
    assertEquals(inOrder(oneByOne), inOrder(ahead));
    assertEquals(counts(oneByOne), counts(ahead));
    assertEquals(oneByOne.documents(), ahead.documents());
  }

  @Test
  void aPageAskedAheadThatNeverAnswersIsCutOffAtTheTimeLimit() {
    pageThree = exchange -> {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return true;
    };
    long started = System.nanoTime();
    ValidationReport report = within(Duration.ofSeconds(40), validator(Validator.strict(), 3)
        .timeout(Duration.ofSeconds(3)), base());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    // The margin is for a busy machine; the answer would take a minute, the request timeout 20 s.
    assertTrue(took.toMillis() < 18_000, "ended at the 3 s limit: " + took);
    assertTrue(report.notChecked().stream().anyMatch(n -> n.because().contains("time limit of 3 s")
        && n.because().contains("/services?page=3")), () -> "what was cut off is named: " + report.notChecked());
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

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
