package io.github.oruk.testkit.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.oruk.testkit.fault.FaultProxy.Fault;
import io.github.oruk.testkit.feed.FakeFeed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FaultProxyTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static HttpResponse<byte[]> get(URI uri) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * One request on its own connection, read to the end by hand, so that nothing retries behind the test's
   * back: the status, or "reset" when the answer broke off (an exception, or fewer bytes than announced).
   */
  private static String outcome(URI base, String target) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + base.getRawPath() + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      try {
        socket.getInputStream().transferTo(received);
      } catch (IOException e) {
        return "reset";
      }
      String text = received.toString(StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (end < 0) {
        return "reset";
      }
      String head = text.substring(0, end);
      int length = Integer.parseInt(head.replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
      if (received.size() - end - 4 < length) {
        return "reset";
      }
      return head.substring(9, 12);
    }
  }

  @Test
  void passesAnswersThroughByteForByteOnKeptAliveConnections() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(20).basePath("/api").start();
        FaultProxy proxy = FaultProxy.builder(feed.baseUri()).start()) {
      assertEquals("127.0.0.1", proxy.baseUri().getHost());
      assertEquals("/api/", proxy.baseUri().getPath());
      String id = feed.ids().get(3);
      for (String target : List.of("services?per_page=5&page=2", "services/" + id, "services/nobody", "")) {
        HttpResponse<byte[]> direct = get(feed.baseUri().resolve(target));
        HttpResponse<byte[]> proxied = get(proxy.baseUri().resolve(target));
        assertEquals(direct.statusCode(), proxied.statusCode(), target);
        assertArrayEquals(direct.body(), proxied.body(), target);
        assertEquals(direct.headers().firstValue("Content-Type"), proxied.headers().firstValue("Content-Type"));
      }
      assertEquals(4, proxy.requests());
      assertEquals(1, proxy.requestsFor("services/" + id));
      assertEquals(1, proxy.requestsFor("services"), "the query is not part of the path");
      assertEquals(0, proxy.injected(Fault.SERVICE_UNAVAILABLE) + proxy.injected(Fault.TOO_MANY_REQUESTS)
          + proxy.injected(Fault.RESET) + proxy.injected(Fault.STALL));
    }
  }

  @Test
  void relaysChunkedAnswersAndReconnectsWhenTheUpstreamClosed() throws Exception {
    HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext("/", exchange -> {
      boolean close = exchange.getRequestURI().getPath().equals("/close");
      if (close) {
        exchange.getResponseHeaders().set("Connection", "close");
      }
      exchange.sendResponseHeaders(200, 0); // chunked
      try (OutputStream body = exchange.getResponseBody()) {
        for (int i = 0; i < 3; i++) {
          body.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
          body.flush();
        }
      }
    });
    upstream.start();
    try (FaultProxy proxy = FaultProxy.builder(URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/"))
        .start()) {
      for (String path : List.of("a", "close", "b", "c")) {
        HttpResponse<byte[]> reply = get(proxy.baseUri().resolve(path));
        assertEquals(200, reply.statusCode(), path);
        assertEquals("line 0\nline 1\nline 2\n", new String(reply.body(), StandardCharsets.UTF_8), path);
      }
      assertEquals(4, proxy.requests());
    } finally {
      upstream.stop(0);
    }
  }

  @Test
  void faultsComeAtTheirRatesAndTheSameSeedGivesTheSameFaults() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(1).start()) {
      List<String> first = outcomes(feed, 11);
      List<String> again = outcomes(feed, 11);
      List<String> other = outcomes(feed, 12);

      assertEquals(first, again, "the same seed, the same faults");
      assertNotEquals(first, other, "another seed, other faults");
      long unavailable = first.stream().filter("503"::equals).count();
      long slowDown = first.stream().filter("429"::equals).count();
      long reset = first.stream().filter("reset"::equals).count();
      long ok = first.stream().filter("200"::equals).count();
      assertEquals(first.size(), unavailable + slowDown + reset + ok, "nothing else: " + first);
      // 400 draws: 8% is 32 (sd 5.4), 4% is 16 (sd 3.9); about four standard deviations either side.
      assertTrue(unavailable >= 10 && unavailable <= 54, "503: " + unavailable);
      assertTrue(slowDown >= 1 && slowDown <= 32, "429: " + slowDown);
      assertTrue(reset >= 1 && reset <= 32, "reset: " + reset);
    }
  }

  private static List<String> outcomes(FakeFeed feed, long seed) throws IOException {
    try (FaultProxy proxy = FaultProxy.builder(feed.baseUri()).seed(seed).rate(Fault.SERVICE_UNAVAILABLE, 0.08)
        .rate(Fault.TOO_MANY_REQUESTS, 0.04).rate(Fault.RESET, 0.04).rate(Fault.STALL, 0.04)
        .stallTime(Duration.ZERO).start()) {
      List<String> outcomes = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        outcomes.add(outcome(proxy.baseUri(), "?n=" + i));
      }
      assertEquals(400, proxy.requests());
      assertEquals(outcomes.stream().filter("503"::equals).count(), proxy.injected(Fault.SERVICE_UNAVAILABLE));
      assertEquals(outcomes.stream().filter("429"::equals).count(), proxy.injected(Fault.TOO_MANY_REQUESTS));
      assertEquals(outcomes.stream().filter("reset"::equals).count(), proxy.injected(Fault.RESET));
      int stalls = proxy.injected(Fault.STALL);
      assertTrue(stalls >= 1 && stalls <= 32, "stalled (for no time here), and answered: " + stalls);
      return outcomes;
    }
  }

  @Test
  void chosenPathsFailEveryTimeEachInItsOwnWay() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(4).start();
        FaultProxy proxy = FaultProxy.builder(feed.baseUri()).retryAfter(Duration.ofMillis(1200))
            .stallTime(Duration.ofMillis(300))
            .always(Fault.SERVICE_UNAVAILABLE, "services/" + feed.ids().get(0))
            .always(Fault.TOO_MANY_REQUESTS, "/services/" + feed.ids().get(1))
            .always(Fault.RESET, "services/" + feed.ids().get(2))
            .always(Fault.STALL, "services/" + feed.ids().get(3)).start()) {
      for (int round = 0; round < 3; round++) {
        assertEquals("503", outcome(proxy.baseUri(), "services/" + feed.ids().get(0)));
        HttpResponse<byte[]> slowDown = get(proxy.baseUri().resolve("services/" + feed.ids().get(1) + "?x=" + round));
        assertEquals(429, slowDown.statusCode());
        assertEquals("2", slowDown.headers().firstValue("Retry-After").orElseThrow(), "whole seconds, rounded up");
        assertEquals("reset", outcome(proxy.baseUri(), "services/" + feed.ids().get(2)));
        long started = System.nanoTime();
        HttpResponse<byte[]> stalled = get(proxy.baseUri().resolve("services/" + feed.ids().get(3)));
        assertTrue(System.nanoTime() - started >= 300_000_000L, "held back for the stall time");
        assertArrayEquals(feed.detailJson(3), stalled.body(), "then sent whole");
      }
      for (int k = 0; k < 4; k++) {
        assertEquals(3, proxy.requestsFor("services/" + feed.ids().get(k)));
      }
      assertEquals(0, feed.requestsFor("services/" + feed.ids().get(0)), "a 503 never reaches the upstream");
      assertEquals(3, proxy.injected(Fault.RESET));
    }
  }

  @Test
  void anUpstreamThatIsDownIsABadGateway() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    try (FaultProxy proxy = FaultProxy.builder(URI.create("http://127.0.0.1:" + port + "/api/")).start()) {
      HttpResponse<byte[]> reply = get(proxy.baseUri().resolve("services"));
      assertEquals(502, reply.statusCode());
      assertTrue(new String(reply.body(), StandardCharsets.UTF_8).contains("did not answer"));
    }
  }

  @Test
  void closingCutsAStallShortAndStopsListening() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(1).start()) {
      FaultProxy proxy = FaultProxy.builder(feed.baseUri()).rate(Fault.STALL, 1).stallTime(Duration.ofSeconds(30))
          .start();
      CompletableFuture<HttpResponse<byte[]>> stalled = HTTP.sendAsync(
          HttpRequest.newBuilder(proxy.baseUri().resolve("services")).build(), HttpResponse.BodyHandlers.ofByteArray());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (feed.requestsFor("services") == 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertEquals(1, feed.requestsFor("services"), "the answer is in the proxy's hands");

      proxy.close();

      ExecutionException failed = assertThrows(ExecutionException.class, () -> stalled.get(10, TimeUnit.SECONDS));
      assertTrue(failed.getCause() instanceof IOException, failed.getCause().toString());
      assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), proxy.port()).close());
    }
  }

  @Test
  void theBuilderRefusesWhatCannotWork() {
    URI upstream = URI.create("http://127.0.0.1:9/");
    assertThrows(IllegalArgumentException.class, () -> FaultProxy.builder(URI.create("https://example.org/")));
    assertThrows(IllegalArgumentException.class, () -> FaultProxy.builder(upstream).rate(Fault.RESET, 1.5));
    assertThrows(IllegalArgumentException.class, () -> FaultProxy.builder(upstream).rate(Fault.RESET, -0.1));
    IllegalArgumentException sum = assertThrows(IllegalArgumentException.class,
        () -> FaultProxy.builder(upstream).rate(Fault.RESET, 0.6).rate(Fault.STALL, 0.5));
    assertTrue(sum.getMessage().contains("1.100"), sum.getMessage());
    FaultProxy.builder(upstream).rate(Fault.RESET, 0.6).rate(Fault.RESET, 0.9); // replaces, does not add
    assertThrows(IllegalArgumentException.class, () -> FaultProxy.builder(upstream).stallTime(Duration.ofSeconds(-1)));
  }
}
