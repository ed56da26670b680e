package io.github.oruk.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.hub.register.FeedEntry;
import io.github.oruk.hub.register.Register;
import io.github.oruk.hub.store.FeedRefresh;
import io.github.oruk.hub.store.FeedRun;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.hub.store.Monitoring;
import io.github.oruk.testkit.feed.FakeFeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each refresh keeps availability, response times and top findings, queryable as the feed's history. */
class MonitoringTest {

  @TempDir
  Path folder;

  @Test
  void everyRunKeepsAvailabilityAndResponseTimesAndAFeedThatIsGoneIsUnreachable() throws Exception {
    try (HubStore store = HubStore.openFolder(folder)) {
      String url;
      try (FakeFeed feed = FakeFeed.builder().services(5).seed(3).latency(Duration.ofMillis(40)).start()) {
        url = feed.baseUri().toString();
        refresh(store, url);
      }
      refresh(store, url); // the feed's server is gone: nothing answers

      List<FeedRun> history = store.history("county");
      assertEquals(2, history.size(), "every run is kept");
      Monitoring up = history.get(0).monitoring();
      assertNotNull(up);
      assertTrue(up.reachable());
      assertEquals(7, up.requests(), "'/', one list page and five records");
      assertTrue(up.p50().compareTo(Duration.ofMillis(40)) >= 0, "every answer took the feed's 40 ms: " + up);
      assertTrue(up.p95().compareTo(up.p50()) >= 0, up.toString());

      FeedRun gone = history.get(1);
      assertNotNull(gone.monitoring());
      assertFalse(gone.monitoring().reachable());
      assertEquals(0, gone.monitoring().requests());
      assertNull(gone.monitoring().p50());
      assertEquals(FeedRefresh.Status.INCOMPLETE, gone.refresh().status());
      assertTrue(history.get(0).refresh().id() < gone.refresh().id(), "oldest first");
    }
  }

  @Test
  void topFindingsAreTheParityFindingsByCodeMostFrequentFirst() throws Exception {
    Path file = folder.resolve("thin.ndjson");
    // Services with an id and a name only: each lacks what ORUK 3.0 requires of a service.
    Files.write(file, IntStream.range(0, 3).mapToObj(i -> "{\"id\": \"s" + i + "\", \"name\": \"Service " + i + "\"}")
        .toList());
    try (HubStore store = HubStore.openFolder(folder.resolve("db"))) {
      Register register = Register.builder().feed(FeedEntry.of("thin", file.toString())).build();
      Hub.builder(register).store(store).build().refresh();
      FeedRun run = store.history("thin").get(0);
      Monitoring monitoring = run.monitoring();
      assertNotNull(monitoring);
      assertTrue(monitoring.reachable(), "a file that could be read is reachable");
      FeedRefresh.FeedVerdict parity = run.refresh().parity();
      assertNotNull(parity);
      assertEquals("FAIL", parity.verdict());
      List<Monitoring.FindingCount> top = monitoring.topFindings();
      assertFalse(top.isEmpty());
      assertTrue(top.size() < Monitoring.TOP_FINDINGS, "this feed has few codes, so all are kept: " + top);
      assertEquals(parity.errors() + parity.warnings(), top.stream().mapToInt(Monitoring.FindingCount::count).sum(),
          "the codes account for every error and warning: " + top);
      for (int i = 1; i < top.size(); i++) {
        assertTrue(top.get(i - 1).count() >= top.get(i).count(), "most frequent first: " + top);
      }
      assertTrue(top.stream().allMatch(f -> f.severity().equals("ERROR") || f.severity().equals("WARNING")), top.toString());
      assertTrue(top.stream().allMatch(f -> f.count() % 3 == 0), "three alike services, each finding thrice: " + top);
    }
  }

  @Test
  void percentilesAreByNearestRank() {
    List<Duration> twenty = IntStream.rangeClosed(1, 20).mapToObj(Duration::ofMillis).toList();
    assertEquals(Duration.ofMillis(10), Monitoring.percentile(twenty, 50));
    assertEquals(Duration.ofMillis(19), Monitoring.percentile(twenty, 95));
    assertEquals(Duration.ofMillis(7), Monitoring.percentile(List.of(Duration.ofMillis(7)), 95));
    assertNull(Monitoring.percentile(List.of(), 50));
  }

  private static void refresh(HubStore store, String url) throws InterruptedException {
    Register register = Register.builder().feed("county", url).build();
    Hub.builder(register).store(store).client(b -> b.maxAttempts(1).connectTimeout(Duration.ofSeconds(2)))
        .build().refresh();
  }
}
