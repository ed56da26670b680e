package io.github.oruk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.oruk.model.ApiDetails;
import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.query.Query;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** What goes wrong on the wire, and what the client does about it. */
class FaultsTest extends WireMockFeed {

  private static final String DETAILS = "{\"version\":\"HSDS-UK-3.0\",\"profile\":\"https://openreferraluk.org/\"}";

  private static ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  /** Answers {@code /api/} with each response in turn, then with the last one for ever. */
  private static void answerInTurn(ResponseDefinitionBuilder... responses) {
    for (int i = 0; i < responses.length; i++) {
      wireMock.stubFor(get(urlEqualTo("/api/")).inScenario("turns")
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "turn " + i)
          .willSetStateTo("turn " + (i + 1)).willReturn(responses[i]));
    }
    wireMock.stubFor(get(urlEqualTo("/api/")).inScenario("turns").whenScenarioStateIs("turn " + responses.length)
        .willReturn(responses[responses.length - 1]));
  }

  private static int requests() {
    return wireMock.findAll(getRequestedFor(urlEqualTo("/api/"))).size();
  }

  private static byte[] gzip(byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] data, boolean raw) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream zip = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
      zip.write(data);
    }
    return out.toByteArray();
  }

  // java.net.http itself sends a GET again, once, when a connection closes before any byte of the answer
  // arrived; those resends are not attempts of the client. Three resets in a row need the client's retry.
  @Test
  void aResetConnectionIsRetried() {
    ResponseDefinitionBuilder reset = aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
    answerInTurn(reset, reset, reset, ok(DETAILS));

    OrukResponse<ApiDetails> response = fastClient().build().apiDetails();

    assertEquals("HSDS-UK-3.0", response.value().version());
    assertTrue(response.attempts() >= 2, "the client retried: " + response.attempts());
    assertEquals(4, requests());
  }

  @Test
  void anEmptyReplyEveryTimeFailsAfterTheLastAttemptAndSaysSo() {
    answerInTurn(aResponse().withFault(Fault.EMPTY_RESPONSE));

    OrukTransportException failure = assertThrows(OrukTransportException.class,
        () -> fastClient().maxAttempts(3).build().apiDetails());

    assertEquals(3, failure.attempts());
    assertTrue(requests() >= 3 && requests() <= 6, "3 attempts, each perhaps resent once by the JDK: " + requests());
    assertTrue(failure.getMessage().contains("on all 3 attempts"), failure.getMessage());
    assertTrue(failure.getMessage().startsWith("GET " + base() + "/:"), failure.getMessage());
  }

  @Test
  void malformedChunksAndGarbageAreTransportFailuresToo() {
    answerInTurn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
        ok(DETAILS));

    assertEquals(3, fastClient().build().apiDetails().attempts());
  }

  @Test
  void honoursRetryAfterInSecondsOn429() {
    answerInTurn(aResponse().withStatus(429).withHeader("Retry-After", "1"), ok(DETAILS));

    long started = System.nanoTime();
    OrukResponse<ApiDetails> response = fastClient().build().apiDetails();
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertEquals(2, response.attempts());
    assertTrue(millis >= 950, "waited the second the server asked for, not the 10 ms backoff: " + millis);
  }

  @Test
  void honoursRetryAfterAsAnHttpDateOn503() {
    String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
    answerInTurn(aResponse().withStatus(503).withHeader("Retry-After", inTwoSeconds), ok(DETAILS));

    long started = System.nanoTime();
    fastClient().build().apiDetails();
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertTrue(millis >= 900, "waited until the date (second precision): " + millis);
    assertEquals(2, requests());
  }

  @Test
  void aRetryAfterBeyondTheRetryTimeFailsAtOnceWithTheReason() {
    answerInTurn(aResponse().withStatus(503).withHeader("Retry-After", "120").withBody("down for maintenance"));

    long started = System.nanoTime();
    OrukHttpException failure = assertThrows(OrukHttpException.class,
        () -> fastClient().maxRetryTime(Duration.ofSeconds(30)).build().apiDetails());

    assertTrue((System.nanoTime() - started) / 1_000_000 < 2_000, "did not wait two minutes");
    assertEquals(1, requests());
    assertEquals(503, failure.status());
    assertEquals(Duration.ofSeconds(120), failure.retryAfter().orElseThrow());
    assertTrue(failure.transientStatus());
    assertEquals("down for maintenance", failure.bodyExcerpt());
    assertTrue(failure.getMessage().contains("Retry-After"), failure.getMessage());
    assertTrue(failure.getMessage().contains("503 Service Unavailable"), failure.getMessage());
    assertTrue(failure.getMessage().contains("try again later"), failure.getMessage());
  }

  @Test
  void aBurstOf503IsRiddenOutWithinMaxAttempts() {
    ResponseDefinitionBuilder unavailable = aResponse().withStatus(503);
    answerInTurn(unavailable, unavailable, unavailable, ok(DETAILS));

    assertEquals(4, fastClient().maxAttempts(4).build().apiDetails().attempts());
  }

  @Test
  void aBurstLongerThanMaxAttemptsFails() {
    ResponseDefinitionBuilder unavailable = aResponse().withStatus(503);
    answerInTurn(unavailable, unavailable, unavailable, ok(DETAILS));

    OrukHttpException failure = assertThrows(OrukHttpException.class,
        () -> fastClient().maxAttempts(3).build().apiDetails());
    assertEquals(3, failure.attempts());
    assertTrue(failure.getMessage().contains("on all 3 attempts"), failure.getMessage());
  }

  @Test
  void gatewayErrorsAreRetriedButServerErrorsAndNotFoundAreNot() {
    answerInTurn(aResponse().withStatus(502), aResponse().withStatus(504), ok(DETAILS));
    assertEquals(3, fastClient().build().apiDetails().attempts());

    wireMock.resetAll();
    answerInTurn(aResponse().withStatus(500).withBody("NullPointerException at line 42"));
    OrukHttpException serverError = assertThrows(OrukHttpException.class, () -> fastClient().build().apiDetails());
    assertEquals(500, serverError.status());
    assertEquals(1, requests(), "500 is not retried");
    assertFalse(serverError.transientStatus());

    wireMock.stubFor(get(urlEqualTo("/api/services/missing")).willReturn(aResponse().withStatus(404)
        .withBody("{\"error\": \"no such service\"}")));
    OrukHttpException notFound = assertThrows(OrukHttpException.class, () -> fastClient().build().service("missing"));
    assertEquals(404, notFound.status());
    assertEquals(1, notFound.attempts());
    assertEquals(1, wireMock.findAll(getRequestedFor(urlEqualTo("/api/services/missing"))).size());
    assertTrue(notFound.getMessage().contains("404 Not Found: \"{\"error\": \"no such service\"}\""), notFound.getMessage());
    assertTrue(notFound.getMessage().contains("Check the identifier"), notFound.getMessage());
  }

  @Test
  void aBodyTooSlowForTheRequestTimeoutIsCutOff() {
    answerInTurn(ok(DETAILS + " ".repeat(2_000)).withChunkedDribbleDelay(20, 4_000));

    long started = System.nanoTime();
    OrukTimeoutException failure = assertThrows(OrukTimeoutException.class,
        () -> fastClient().requestTimeout(Duration.ofMillis(400)).maxAttempts(2).build().apiDetails());
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertTrue(millis < 3_000, "cut off at the timeout, not after the whole 4 s body: " + millis);
    assertEquals(2, failure.attempts());
    assertTrue(failure.getMessage().contains("request timeout of 400 ms"), failure.getMessage());
  }

  @Test
  void headersLaterThanTheRequestTimeoutAreATimeout() {
    answerInTurn(ok(DETAILS).withFixedDelay(2_000));

    OrukTimeoutException failure = assertThrows(OrukTimeoutException.class,
        () -> fastClient().requestTimeout(Duration.ofMillis(200)).maxAttempts(1).build().apiDetails());
    assertEquals(1, failure.attempts());
  }

  @Test
  void malformedJsonIsAProtocolErrorAndNotRetried() {
    answerInTurn(ok("{\"version\": \"HSDS-UK-3.0\", "));

    OrukProtocolException failure = assertThrows(OrukProtocolException.class, () -> fastClient().build().apiDetails());

    assertEquals(1, requests());
    assertTrue(failure.getMessage().contains("not the API details as JSON"), failure.getMessage());
    assertTrue(failure.getMessage().contains(base()), failure.getMessage());
  }

  @Test
  void anHtmlPageServedWith200IsNamedAsSuch() {
    wireMock.stubFor(get(urlEqualTo("/api/services")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody("<!DOCTYPE html>\n<html><head><title>Scheduled maintenance</title></head><body>Back soon</body></html>")));

    OrukProtocolException failure = assertThrows(OrukProtocolException.class,
        () -> fastClient().build().services(Query.all()));

    String message = failure.getMessage();
    assertTrue(message.contains("HTML"), message);
    assertTrue(message.contains("Scheduled maintenance"), message);
    assertTrue(message.contains("text/html"), message);
    assertTrue(message.contains("base URL"), message);
  }

  @Test
  void anObjectThatIsNotAPageIsAProtocolError() {
    wireMock.stubFor(get(urlEqualTo("/api/services")).willReturn(ok("{\"error\":\"database unavailable\"}")));

    OrukProtocolException failure = assertThrows(OrukProtocolException.class,
        () -> fastClient().build().services(Query.all()));
    assertTrue(failure.getMessage().contains("'error'"), failure.getMessage());
    assertTrue(failure.getMessage().contains("'contents'"), failure.getMessage());
  }

  @Test
  void redirectsAreFollowedAndTheFinalAddressIsReported() {
    wireMock.stubFor(get(urlEqualTo("/api/")).willReturn(aResponse().withStatus(301)
        .withHeader("Location", "/v3/")));
    wireMock.stubFor(get(urlEqualTo("/v3/")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "/v3/details")));
    wireMock.stubFor(get(urlEqualTo("/v3/details")).willReturn(ok(DETAILS)));

    OrukResponse<ApiDetails> response = fastClient().build().apiDetails();

    assertEquals("HSDS-UK-3.0", response.value().version());
    assertEquals("http://127.0.0.1:" + wireMock.port() + "/v3/details", response.uri().toString());
  }

  @Test
  void gzipAndDeflateBodiesAreDecoded() throws Exception {
    byte[] page = OrukJson.lenient().write(Page.of(List.of(new Service().id("s1").name("One")), 1, 10, 1));
    wireMock.stubFor(get(urlEqualTo("/api/services")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Encoding", "gzip").withBody(gzip(page))));
    wireMock.stubFor(get(urlEqualTo("/api/services?page=2")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Encoding", "deflate").withBody(deflate(page, false))));
    wireMock.stubFor(get(urlEqualTo("/api/services?page=3")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Encoding", "deflate").withBody(deflate(page, true))));
    OrukClient client = fastClient().build();

    assertEquals("One", client.services(Query.all()).value().contents().get(0).getName());
    assertEquals("One", client.services(Query.all().withPage(2)).value().contents().get(0).getName());
    assertEquals("One", client.services(Query.all().withPage(3)).value().contents().get(0).getName(),
        "raw deflate, as some servers send it");
  }

  @Test
  void brokenCompressionAndUnaskedEncodingsAreProtocolErrors() {
    wireMock.stubFor(get(urlEqualTo("/api/")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Encoding", "gzip").withBody("this is not gzip")));
    wireMock.stubFor(get(urlEqualTo("/api/taxonomies")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Encoding", "br").withBody("whatever")));
    OrukClient client = fastClient().build();

    assertTrue(assertThrows(OrukProtocolException.class, client::apiDetails).getMessage().contains("gzip"));
    assertTrue(assertThrows(OrukProtocolException.class, () -> client.taxonomies(Query.all())).getMessage()
        .contains("'br'"));
  }

  @Test
  void anOversizedResponseIsRefusedWhetherItsLengthIsDeclaredOrNot() {
    String big = "{\"version\":\"" + "x".repeat(5_000) + "\"}";
    wireMock.stubFor(get(urlEqualTo("/api/")).willReturn(ok(big)));
    wireMock.stubFor(get(urlEqualTo("/api/services")).willReturn(ok(big).withChunkedDribbleDelay(5, 50)));
    OrukClient client = fastClient().maxResponseBytes(1_000).build();

    OrukResponseTooLargeException declared = assertThrows(OrukResponseTooLargeException.class, client::apiDetails);
    assertEquals(1_000, declared.limit());
    assertFalse(declared.decompressed());
    assertTrue(declared.getMessage().contains("larger than the limit of 1000 bytes"), declared.getMessage());
    assertTrue(declared.getMessage().contains("maxResponseBytes"), declared.getMessage());
    assertEquals(1, requests(), "not retried");
    OrukResponseTooLargeException streamed = assertThrows(OrukResponseTooLargeException.class,
        () -> client.services(Query.all()));
    assertTrue(streamed.getMessage().contains("larger than the limit"), streamed.getMessage());
  }

  @Test
  void aCompressionBombIsStoppedAtTheLimitOfTheDecodedSize() throws Exception {
    byte[] bomb = gzip(new byte[20 * 1024 * 1024]);
    assertTrue(bomb.length < 100_000, "small on the wire: " + bomb.length);
    wireMock.stubFor(get(urlEqualTo("/api/")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Encoding", "gzip").withBody(bomb)));

    OrukResponseTooLargeException failure = assertThrows(OrukResponseTooLargeException.class,
        () -> fastClient().maxResponseBytes(1024 * 1024).build().apiDetails());
    assertTrue(failure.decompressed());
    assertTrue(failure.getMessage().contains("once decompressed"), failure.getMessage());
  }

  @Test
  void extraHeaderValuesNeverAppearInMessagesOrLogs() {
    String secret = "Bearer top-secret-token-123";
    answerInTurn(aResponse().withStatus(503).withBody("echo: Authorization=" + secret),
        aResponse().withStatus(401).withBody("<p>bad token " + secret + "</p>"));
    List<LogRecord> logged = new ArrayList<>();
    Logger logger = Logger.getLogger("io.github.oruk.client");
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record);
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    Level before = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
    try {
      OrukHttpException failure = assertThrows(OrukHttpException.class,
          () -> fastClient().header("Authorization", secret).build().apiDetails());
      assertEquals(401, failure.status());
      assertFalse(failure.getMessage().contains("top-secret"), failure.getMessage());
      assertFalse(failure.bodyExcerpt().contains("top-secret"), failure.bodyExcerpt());
      assertTrue(failure.getMessage().contains("[redacted]"), failure.getMessage());
      assertFalse(logged.isEmpty(), "the retry was logged");
      for (LogRecord record : logged) {
        String text = new java.util.logging.SimpleFormatter().formatMessage(record);
        assertFalse(text.contains("top-secret"), text);
      }
    } finally {
      logger.removeHandler(handler);
      logger.setLevel(before);
    }
  }

  @Test
  void aRefusedConnectionIsRetriedThenReported() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    OrukClient client = OrukClient.builder("http://127.0.0.1:" + port + "/api").maxAttempts(2)
        .backoff(Duration.ofMillis(1), Duration.ofMillis(5)).build();

    OrukTransportException failure = assertThrows(OrukTransportException.class, client::apiDetails);
    assertEquals(2, failure.attempts());
    assertTrue(failure.getMessage().contains("could not connect to 127.0.0.1:" + port), failure.getMessage());
    assertTrue(failure.getMessage().contains("server is running"), failure.getMessage());
  }

  @Test
  void politenessSpacesRequestsToOneHostEvenWhenConcurrent() {
    wireMock.stubFor(get(urlEqualTo("/api/")).willReturn(ok(DETAILS)));
    OrukClient client = fastClient().maxRequestsPerSecond(20).build();

    long started = System.nanoTime();
    long startedAt = System.currentTimeMillis();
    List<CompletableFuture<OrukResponse<ApiDetails>>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(client.apiDetailsAsync());
    }
    calls.forEach(CompletableFuture::join);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertTrue(millis >= 330, "8 requests at 20 per second take at least 7 x 50 ms: " + millis);
    List<Long> times = wireMock.findAll(getRequestedFor(urlEqualTo("/api/"))).stream()
        .map(r -> r.getLoggedDate().getTime()).sorted().toList();
    assertEquals(8, times.size());
    for (int i = 1; i < times.size(); i++) {
      // The i-th request may be late (a busy machine), never early: no earlier than i slots of 50 ms after the
      // first could be sent. (Measured from the start, not from the first arrival: the first request also
      // opens the connection, so it can arrive late while the second arrives on time.)
      assertTrue(times.get(i) - startedAt >= i * 50L - 2, "request " + i + " too early: started " + startedAt
          + ", arrivals " + times);
    }
  }

  @Test
  void asynchronousFailuresCarryTheSameExceptions() {
    answerInTurn(aResponse().withStatus(404));

    CompletionException wrapped = assertThrows(CompletionException.class,
        () -> fastClient().build().apiDetailsAsync().join());
    assertInstanceOf(OrukHttpException.class, wrapped.getCause());
  }

  /** Waits, polling, until the feed has received {@code count} requests; fails after ten seconds. */
  private static void awaitRequests(int count) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (requests() < count) {
      assertTrue(System.nanoTime() < deadline, "the feed received " + requests() + " requests, not " + count);
      Thread.sleep(5);
    }
  }

  @Test
  void cancellingAnAsynchronousCallStopsItsRetries() throws Exception {
    answerInTurn(aResponse().withStatus(503).withHeader("Retry-After", "1"));

    CompletableFuture<OrukResponse<ApiDetails>> call = fastClient().build().apiDetailsAsync();
    awaitRequests(1);
    assertTrue(call.cancel(true));
    // A second call, started after the first was cancelled, meets the same 503 and waits the same second
    // before its one retry: when that retry has been answered, the cancelled call's retry, due earlier,
    // would have been sent too.
    assertThrows(CompletionException.class, () -> fastClient().maxAttempts(2).build().apiDetailsAsync().join());

    assertEquals(3, requests(), "the cancelled call's retry was never sent; the second call's two were");
  }

  @Test
  void anInterruptedCallStopsWaitingAndKeepsTheInterrupt() throws Exception {
    answerInTurn(ok(DETAILS).withFixedDelay(3_000));
    OrukClient client = fastClient().build();
    Thread caller = Thread.currentThread();
    Thread interrupter = new Thread(() -> {
      try {
        awaitRequests(1); // the call is waiting for its answer
      } catch (InterruptedException e) {
        return;
      }
      caller.interrupt();
    });
    interrupter.start();

    long started = System.nanoTime();
    OrukClientException failure = assertThrows(OrukClientException.class, client::apiDetails);
    long millis = (System.nanoTime() - started) / 1_000_000;

    // Read (and clear) the flag before joining: join waits, and a kept interrupt would cut that wait short.
    assertTrue(Thread.interrupted(), "the interrupt is kept (and cleared here)");
    interrupter.join(10_000);
    assertInstanceOf(InterruptedException.class, failure.getCause());
    assertTrue(millis < 2_500, "did not wait for the answer: " + millis);
  }

  @Test
  void anOrukErrorBodyComesAsFieldsAndAnyOtherBodyAsNone() {
    answerInTurn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
        "{\"status\":400,\"error\":\"invalid_parameter\",\"parameter\":\"per_page\","
            + "\"message\":\"per_page must be between 1 and 1000; got 0\"}"));
    OrukHttpException refused = assertThrows(OrukHttpException.class, () -> fastClient().build().apiDetails());
    assertEquals(new ErrorBody(400, "invalid_parameter", "per_page", "per_page must be between 1 and 1000; got 0"),
        refused.errorBody().orElseThrow());

    wireMock.resetAll();
    answerInTurn(aResponse().withStatus(404).withBody("<html><body>Not here</body></html>"));
    OrukHttpException notFound = assertThrows(OrukHttpException.class, () -> fastClient().build().apiDetails());
    assertTrue(notFound.errorBody().isEmpty(), "an HTML page is no error body");
    assertTrue(notFound.bodyExcerpt().contains("Not here"), notFound.bodyExcerpt());
  }

  @Test
  void everyMessageNamesTheRequestAndTheStatus() {
    answerInTurn(aResponse().withStatus(403).withBody(new String(new byte[] {'a', 0, '\n', 'b'}, StandardCharsets.UTF_8)));

    OrukHttpException failure = assertThrows(OrukHttpException.class, () -> fastClient().build().apiDetails());
    assertTrue(failure.getMessage().startsWith("GET " + base() + "/ answered 403 Forbidden: \"a b\"."),
        failure.getMessage());
    assertTrue(failure.getMessage().contains("credentials"), failure.getMessage());
    assertEquals(base() + "/", failure.uri().toString());
  }
}
