package io.github.oruk.server.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.server.Directories;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.RawHttp;
import io.github.oruk.testkit.hostile.HostileClients;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #13's bar, with the defaults a publisher gets (the server {@code oruk serve} and the JDBC example
 * start): 200 connections that stop half-way through a request line plus 50 clients that ask for a large
 * feed as NDJSON and never read it delay no ordinary request beyond 1 s, and fail none.
 *
 * <p>What "1 s" means on a loaded 2-core machine (several builds at once, where the machine alone can hold
 * any request up for a few hundred milliseconds): an ordinary request is timed from opening its connection to
 * its last byte; the delay the attack causes is the median of five such requests under attack less the
 * median of five timed just before it on the same server, and must be under 1 s; each of the five must also
 * be answered 200, whole, within a 5 s deadline. The median keeps one request that the machine held up from
 * deciding the verdict; the deadline keeps any request from waiting long. A server that gives each waiting
 * connection a thread of a fixed pool (the JDK's server: 16 threads) fails at once: the attack holds every
 * thread and ordinary requests wait until a time limit frees one (10 s and more), or for ever. The p99 under
 * attack is measured in benchmarks/RESULTS.md ("Server under attack").
 */
class HoldsUnderAttackTest {

  private static final int STALLED = 200;
  private static final int SLOW_READERS = 50;
  private static final Duration DEADLINE = Duration.ofSeconds(5);

  @Test
  void stalledAndSlowClientsDelayNoOrdinaryRequestBeyondOneSecond() throws Exception {
    try (OrukJettyServer server = OrukJettyServer.builder(OrukApi.of(Directories.endlessStream())).port(0)
        .shutdownGrace(Duration.ZERO).start()) {
      URI base = server.uri();
      ordinary(base);   // warms the path up
      long before = median(timed(base));
      try (HostileClients readers = HostileClients.slowReaders(base.resolve("services?format=ndjson"), SLOW_READERS);
          HostileClients stalled = HostileClients.stalled(base, STALLED)) {
        assertEquals(SLOW_READERS, readers.awaitAnswers(Duration.ofSeconds(30)), // generous: a loaded machine is slow to start 50 answers
            "the server began answering every slow reader, and is held up writing to each");
        long under = median(timed(base));
        assertTrue(under - before < 1_000, "the median ordinary request took " + under + " ms under attack, "
            + before + " ms before it");
        assertEquals(STALLED, stalled.size());
      }
    }
  }

  /** Five ordinary requests in turn, each on a new connection; their times in milliseconds. */
  private static List<Long> timed(URI base) throws IOException {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      ordinary(base);
      times.add((System.nanoTime() - start) / 1_000_000);
    }
    return times;
  }

  private static long median(List<Long> times) {
    return times.stream().sorted().toList().get(times.size() / 2);
  }

  /** One small page, which must come back 200 and whole within the deadline. */
  private static void ordinary(URI base) throws IOException {
    long start = System.nanoTime();
    RawHttp.Answer answer = RawHttp.exchange(base, ("GET " + base.getRawPath() + "services?per_page=5 HTTP/1.1\r\n"
        + "Host: " + base.getAuthority() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
        DEADLINE);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(200, answer.status(), () -> "an ordinary request failed: " + answer);
    assertEquals(Directories.SERVICES, answer.json().path("total_items").asInt(), "the whole page came back");
    assertTrue(millis < DEADLINE.toMillis(), "an ordinary request took " + millis + " ms");
  }
}
