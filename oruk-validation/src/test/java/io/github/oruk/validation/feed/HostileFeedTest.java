package io.github.oruk.validation.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.github.oruk.validation.Finding;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.Validator;
import io.github.oruk.validation.Verdict;
import io.github.oruk.validation.profile.Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Feeds that are broken on purpose or by accident in ways that could hang, exhaust or crash a validator.
 * Every run must end within its bounds, read no more than its limits, and say what went wrong.
 */
class HostileFeedTest {

  private static final String API_DETAILS = "{\"version\":\"3.0\",\"profile\":\"https://openreferraluk.org/\","
      + "\"openapi_url\":\"https://example.org/openapi.json\"}";

  private HttpServer server;
  private ExecutorService threads;
  private final AtomicInteger servicePages = new AtomicInteger();
  private final AtomicLong bytesSent = new AtomicLong();
  private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    threads = Executors.newCachedThreadPool();
    server.setExecutor(threads);
    server.createContext("/", exchange -> {
      try (exchange) {
        HttpHandler route = routes.get(exchange.getRequestURI().getPath());
        if (route != null) {
          route.handle(exchange);
        } else if (exchange.getRequestURI().getPath().equals("/")) {
          send(exchange, 200, "application/json", API_DETAILS);
        } else {
          send(exchange, 404, "application/json", "{\"code\":404,\"message\":\"not here\"}");
        }
      } catch (IOException e) {
        // The client hung up, which is what a well-behaved validator does with a hostile answer.
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    threads.shutdownNow();
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** Answers an exact path (any query) with a handler of the test's own. */
  private void on(String path, HttpHandler handler) {
    routes.put(path, handler);
  }

  private static FeedValidator.Builder validator() {
    return FeedValidator.builder(Validator.strict()).filterTests(false).sample(3)
        .requestTimeout(Duration.ofSeconds(2)).timeout(Duration.ofSeconds(60));
  }

  private static ValidationReport within(Duration limit, FeedValidator validator, String url) {
    return assertTimeoutPreemptively(limit, () -> validator.validate(url));
  }

  @Test
  void aBillionPagesAreWalkedOnlyUpToTheLimit() {
    on("/services", exchange -> {
      int page = servicePages.incrementAndGet();
      String id = "00000000-0000-4000-8000-" + String.format("%012d", page);
      send(exchange, 200, "application/json", "{\"total_items\":1000000000,\"total_pages\":1000000000,"
          + "\"page_number\":1,\"size\":1,\"first_page\":true,\"last_page\":false,\"empty\":false,\"contents\":[{"
          + "\"id\":\"" + id + "\",\"name\":\"Service " + page + "\",\"status\":\"active\"}]}");
    });

    ValidationReport report = within(Duration.ofSeconds(60), validator().maxPages(10).build(), base());

    assertTrue(servicePages.get() <= 12, "pages fetched: " + servicePages.get());
    assertTrue(report.notChecked().stream().anyMatch(n -> n.what().contains("of 1000000000")),
        () -> "the unread pages are declared: " + report.notChecked());
  }

  @Test
  void anEndlessBodyIsCutOffAtTheResponseLimit() {
    on("/services", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0);
      byte[] chunk = new byte[64 * 1024];
      Arrays.fill(chunk, (byte) ' ');
      OutputStream out = exchange.getResponseBody();
      out.write("{\"contents\":[".getBytes(StandardCharsets.US_ASCII));
      for (long sent = 0; sent < 200L * 1024 * 1024; sent += chunk.length) {
        out.write(chunk);
        bytesSent.addAndGet(chunk.length);
      }
    });

    ValidationReport report = within(Duration.ofSeconds(60),
        validator().maxResponseBytes(1024 * 1024).build(), base());

    assertEquals(Verdict.FAIL, report.verdict());
    assertFalse(report.findings("ORUK-HTTP-005").isEmpty(), () -> "too large is reported: " + report.findings());
    assertFalse(report.findings("ORUK-FEED-001").isEmpty(), () -> "the required endpoint failed: "
        + report.findings());
    assertTrue(bytesSent.get() < 100L * 1024 * 1024, "the validator stopped reading; the server wrote "
        + bytesSent.get() + " bytes");
  }

  @Test
  void tenThousandLevelsOfNestingAreRefusedNotRecursedInto() {
    on("/", exchange -> send(exchange, 200, "application/json", "[".repeat(10_000) + "]".repeat(10_000)));

    ValidationReport report = within(Duration.ofSeconds(30), validator().build(), base());

    assertEquals(Verdict.FAIL, report.verdict());
    Finding notJson = report.findings("ORUK-JSON-001").get(0);
    assertTrue(notJson.message().contains("nesting"), notJson.message());
  }

  @Test
  void aRecordTooDeepCostsItselfOnlyAndANameSentTwiceIsReported() {
    String good = "00000000-0000-4000-8000-000000000001";
    String deep = "00000000-0000-4000-8000-000000000002";
    String nested = ",\"pc_tree\":" + "[".repeat(150) + "]".repeat(150);
    on("/services", exchange -> send(exchange, 200, "application/json", "{\"total_items\":2,\"total_pages\":1,"
        + "\"page_number\":1,\"size\":2,\"first_page\":true,\"last_page\":true,\"empty\":false,\"contents\":["
        + "{\"id\":\"" + good + "\",\"name\":\"S\",\"status\":\"active\"},"
        + "{\"id\":\"" + deep + "\",\"name\":\"S\",\"status\":\"active\"" + nested + "}]}"));
    on("/services/" + good, exchange -> send(exchange, 200, "application/json", "{\"id\":\"" + good
        + "\",\"name\":\"S\",\"status\":\"active\",\"status\":\"inactive\"}"));

    ValidationReport report = within(Duration.ofSeconds(30), validator().build(), base());

    Finding leftOut = report.findings("ORUK-JSON-001").stream().filter(f -> f.url().endsWith("/services"))
        .findFirst().orElseThrow(() -> new AssertionError(report.findings().toString()));
    assertEquals("/contents/1", leftOut.pointer());
    assertEquals(deep, leftOut.recordId());
    Finding twice = report.findings("ORUK-JSON-003").get(0);
    assertTrue(twice.url().endsWith("/services/" + good) && twice.pointer().equals("/status"), twice.toLine());
  }

  @Test
  void aRedirectLoopFailsTheEndpointInsteadOfSpinning() {
    on("/services", exchange -> {
      exchange.getResponseHeaders().set("Location", exchange.getRequestURI().getQuery() == null
          ? "/services?again=1" : "/services");
      exchange.sendResponseHeaders(302, -1);
      servicePages.incrementAndGet();
    });

    ValidationReport report = within(Duration.ofSeconds(30), validator().build(), base());

    assertEquals(Verdict.FAIL, report.verdict());
    assertFalse(report.findings("ORUK-FEED-001").isEmpty(), () -> report.findings().toString());
    assertTrue(servicePages.get() < 50, "redirects followed: " + servicePages.get());
  }

  @Test
  void anAnswerThatIsNotJsonIsNamedAsSuch() {
    on("/", exchange -> send(exchange, 200, "text/plain", "Service directory coming soon!"));

    ValidationReport report = within(Duration.ofSeconds(30), validator().build(), base());

    assertEquals(Verdict.FAIL, report.verdict());
    assertFalse(report.findings("ORUK-JSON-001").isEmpty(), () -> report.findings().toString());
    assertFalse(report.findings("ORUK-HTTP-002").isEmpty(), "the content type is reported too");
    ValidationReport parity = FeedValidator.builder(Validator.builder().profile(Profile.parity()).build())
        .filterTests(false).build().validate(base());
    assertEquals(Verdict.FAIL, parity.verdict(), "in the official validator a broken / fails the feed");
  }

  @Test
  void aBodyDrippedAByteASecondTimesOut() {
    on("/services", exchange -> drip(exchange, '[', 600));

    long started = System.nanoTime();
    ValidationReport report = within(Duration.ofSeconds(30), validator().build(), base());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertEquals(Verdict.FAIL, report.verdict());
    Finding failed = report.findings("ORUK-FEED-001").get(0);
    assertTrue(failed.message().contains("request timeout"), failed.message());
    assertTrue(took.toSeconds() < 20, "two attempts of 2 s each, not the ten minutes of drip: " + took);
  }

  /**
   * The time limit is kept even while an answer is still arriving: here / drips a byte a second and each
   * answer is allowed 20 s, but the whole check only 1 s. The request is cut off at the limit; the report
   * says what was not checked, and that /, being required, fails the feed. Meanwhile the progress listener
   * hears what is being waited for. (The first request drips, so that nothing depends on how fast a busy
   * machine answers the others.)
   */
  @Test
  void aRequestStillArrivingWhenTheTimeLimitEndsIsCutOffThere() {
    on("/", exchange -> drip(exchange, ' ', 60));
    List<FeedProgress> heard = new CopyOnWriteArrayList<>();

    long started = System.nanoTime();
    ValidationReport report = within(Duration.ofSeconds(30), validator().requestTimeout(Duration.ofSeconds(20))
        .timeout(Duration.ofSeconds(1)).progress(heard::add, Duration.ofMillis(100)).build(), base());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    // The margin is for a machine busy with other builds; without the limit the wait is 2 attempts of 20 s.
    assertTrue(took.toMillis() < 19_000, "ended at the 1 s limit, not after the 20 s an answer may take: " + took);
    assertTrue(report.notChecked().stream().anyMatch(n -> n.because().contains("time limit of 1 s")
        && n.because().contains("waiting for GET " + base())), () -> "what was cut off is named: " + report.notChecked());
    assertEquals(Verdict.FAIL, report.verdict());
    Finding unchecked = report.findings("ORUK-FEED-010").get(0);
    assertTrue(unchecked.message().contains("GET / was not checked"), unchecked.message());
    assertTrue(report.findings("ORUK-FEED-001").isEmpty(), "the feed did not fail a request: " + report.findings());
    FeedProgress waiting = heard.stream().filter(p -> p.step().equals("/") && p.waiting() == 1).findFirst()
        .orElseThrow(() -> new AssertionError("heard " + heard));
    assertEquals(0, waiting.requestsDone());
    assertEquals(Duration.ofSeconds(1), waiting.timeLimit());
    assertTrue(heard.stream().allMatch(p -> p.elapsed().compareTo(p.longestWait()) >= 0), heard::toString);
  }

  @Test
  void theOverallTimeLimitStopsAFeedThatIsSlowEverywhere() {
    on("/services", exchange -> {
      sleep(700);
      int page = servicePages.incrementAndGet();
      send(exchange, 200, "application/json", "{\"total_items\":100,\"total_pages\":100,\"page_number\":" + page
          + ",\"size\":1,\"first_page\":false,\"last_page\":false,\"empty\":false,\"contents\":[{\"id\":\""
          + "00000000-0000-4000-8000-" + String.format("%012d", page) + "\",\"name\":\"S\",\"status\":\"active\"}]}");
    });

    ValidationReport report = within(Duration.ofSeconds(30),
        validator().maxPages(100).timeout(Duration.ofSeconds(3)).build(), base());

    assertTrue(report.notChecked().stream().anyMatch(n -> n.because().contains("time limit")),
        () -> "the unfinished part is declared: " + report.notChecked());
    assertTrue(servicePages.get() < 20, "pages fetched after the limit: " + servicePages.get());
  }

  /**
   * /services as five pages of two services without ids (nothing to look up by id, so the report's order is the
   * walk's); page 3 is left to {@code pageThree}.
   */
  private void fivePages(HttpHandler pageThree) {
    on("/services", exchange -> {
      String query = String.valueOf(exchange.getRequestURI().getQuery());
      int page = query.startsWith("page=") ? Integer.parseInt(query.substring(5)) : 1;
      if (page == 3) {
        pageThree.handle(exchange);
        return;
      }
      send(exchange, 200, "application/json", "{\"total_items\":10,\"total_pages\":5,\"page_number\":" + page
          + ",\"size\":2,\"first_page\":" + (page == 1) + ",\"last_page\":" + (page == 5) + ",\"empty\":false,"
          + "\"contents\":[{\"name\":\"S" + page + "a\",\"status\":\"active\"},{\"name\":\"S" + page + "b\","
          + "\"status\":\"active\"}]}");
    });
  }

  /** A list is read one page ahead (concurrency above 1): a page asked ahead that fails is reported as ever. */
  @Test
  void aPageAskedAheadThatFailsIsReportedAsWithoutReadingAhead() {
    fivePages(exchange -> send(exchange, 500, "application/json", "{\"code\":500,\"message\":\"broken\"}"));

    ValidationReport ahead = within(Duration.ofSeconds(60), validator().concurrency(3).build(), base());
    ValidationReport oneByOne = within(Duration.ofSeconds(60), validator().concurrency(1).build(), base());

    Finding unreachable = ahead.findings("ORUK-PAGE-010").get(0);
    assertTrue(unreachable.url().endsWith("/services?page=3"), unreachable.url());
    assertTrue(ahead.findings("ORUK-PAGE-004").isEmpty(), "pages 4 and 5 were read: " + ahead.findings());
    assertEquals(oneByOne.findings().stream().map(f -> f.code() + " " + f.url() + "#" + f.pointer()).toList(),
        ahead.findings().stream().map(f -> f.code() + " " + f.url() + "#" + f.pointer()).toList());
    assertEquals(oneByOne.documents(), ahead.documents());
  }

  /** A page asked ahead that never answers is cut off by the time limit, like any request. */
  @Test
  void aPageAskedAheadThatNeverAnswersIsCutOffAtTheTimeLimit() {
    fivePages(exchange -> drip(exchange, ' ', 60));

    long started = System.nanoTime();
    ValidationReport report = within(Duration.ofSeconds(40), validator().concurrency(3)
        .requestTimeout(Duration.ofSeconds(20)).timeout(Duration.ofSeconds(3)).build(), base());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    // The margin is for a busy machine; the answer would take a minute, the request timeout 20 s.
    assertTrue(took.toMillis() < 18_000, "ended at the 3 s limit: " + took);
    assertTrue(report.notChecked().stream().anyMatch(n -> n.because().contains("time limit of 3 s")
        && n.because().contains("/services?page=3")), () -> "what was cut off is named: " + report.notChecked());
  }

  /** Answers 200 with a body of {@code seconds} bytes, one a second, until the client hangs up. */
  private static void drip(HttpExchange exchange, char each, int seconds) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    for (int i = 0; i < seconds; i++) {
      out.write(each);
      out.flush();
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
