package io.github.oruk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers are waited for on reused threads: {@code HttpClient.sendAsync} would start a thread per answer on a
 * machine of two processors or fewer (issue #19), and a cancelled call stops waiting at once.
 */
class SenderThreadsTest {

  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(8));
    server.start();
    server.stubFor(get(urlPathEqualTo("/api/services")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"contents\":[]}")));
    server.stubFor(get(urlPathEqualTo("/api/stalls")).willReturn(aResponse().withStatus(200)
        .withFixedDelay(60_000).withBody("{}")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  /**
   * Fails with {@code sendAsync} where the common fork-join pool has one thread (this project's two-core
   * machines): every answer then started a thread, so 300 answers started 300 or more.
   */
  @Test
  void answersDoNotStartAThreadEach() {
    OrukClient client = OrukClient.builder("http://127.0.0.1:" + server.port() + "/api").build();
    URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/services");
    client.fetch(uri); // the HTTP client's own threads and the first connection
    long before = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
    for (int i = 0; i < 300; i++) {
      assertEquals(200, client.fetch(uri).status());
    }
    long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - before;
    assertTrue(started < 100, "300 answers started " + started + " threads");
  }

  @Test
  void cancellingACallStopsItsWaitForTheAnswer() throws Exception {
    OrukClient client = OrukClient.builder("http://127.0.0.1:" + server.port() + "/api").maxAttempts(1).build();
    CompletableFuture<RawResponse> call = client.fetchAsync(URI.create("http://127.0.0.1:" + server.port()
        + "/api/stalls"));
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!waitingForAnAnswer() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(waitingForAnAnswer(), "the request was sent and its answer waited for");
    assertTrue(call.cancel(true));
    deadline = System.nanoTime() + 20_000_000_000L;
    while (waitingForAnAnswer() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertFalse(waitingForAnAnswer(), "a cancelled call still waits for its answer (the server stalls a minute)");
  }

  /** Whether a sender thread is in {@code HttpClient.send}. */
  private static boolean waitingForAnAnswer() {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(thread -> thread.getKey().getName().equals("oruk-client-send"))
        .anyMatch(thread -> Arrays.stream(thread.getValue())
            .anyMatch(frame -> frame.getMethodName().equals("send") && frame.getClassName().contains("HttpClient")));
  }
}
