package io.github.oruk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harvest benchmark measures what it says, at a tiny size: a feed in a child JVM, every service fetched. */
class HarvestBenchmarkSetupTest {

  @Test
  void harvestsTheWholeFeedServedByAChildProcessAtEachConcurrency() throws Exception {
    HarvestBenchmark.Settings settings = HarvestBenchmark.Settings.parse("--services", "150", "--latency-ms", "1",
        "--per-page", "40", "--concurrency", "1,4", "--rounds", "1");
    try (HarvestBenchmark.FeedProcess feed = HarvestBenchmark.FeedProcess.start(150, 1)) {
      assertEquals("127.0.0.1", feed.baseUri().getHost());

      List<HarvestBenchmark.Run> runs = HarvestBenchmark.measure(feed.baseUri(), settings);

      assertEquals(List.of(1, 4), runs.stream().map(HarvestBenchmark.Run::concurrency).toList());
      for (HarvestBenchmark.Run run : runs) {
        assertTrue(run.wallTime().toMillis() >= 150, "at least one latency per service: " + run);
        assertTrue(run.peakHeapBytes() > 0, "heap measured: " + run);
        assertTrue(run.liveHeapBytes() <= run.peakHeapBytes(), "live is part of the peak: " + run);
      }
    }
  }

  @Test
  void theTableGivesMediansAndSpeedUps() {
    List<HarvestBenchmark.Run> runs = List.of(
        new HarvestBenchmark.Run(1, Duration.ofSeconds(60), 50L << 20, 10L << 20),
        new HarvestBenchmark.Run(16, Duration.ofSeconds(9), 70L << 20, 20L << 20),
        new HarvestBenchmark.Run(1, Duration.ofSeconds(62), 52L << 20, 12L << 20),
        new HarvestBenchmark.Run(16, Duration.ofSeconds(10), 60L << 20, 25L << 20),
        new HarvestBenchmark.Run(1, Duration.ofSeconds(70), 51L << 20, 11L << 20),
        new HarvestBenchmark.Run(16, Duration.ofSeconds(11), 65L << 20, 15L << 20));

    String table = HarvestBenchmark.table(runs, List.of(1, 16));

    assertTrue(table.contains("| 1 | 62.00 s | 60.00, 62.00, 70.00 | 1.00× | 52 MB | 12 MB |"), table);
    assertTrue(table.contains("| 16 | 10.00 s | 9.00, 10.00, 11.00 | 6.20× | 70 MB | 25 MB |"), table);
  }

  @Test
  void settingsHaveTheIssuesDefaultsAndRefuseNonsense() {
    HarvestBenchmark.Settings defaults = HarvestBenchmark.Settings.parse();
    assertEquals(10_000, defaults.services());
    assertEquals(5, defaults.latencyMillis());
    assertEquals(List.of(1, 8, 16), defaults.concurrencies());
    assertThrows(IllegalArgumentException.class, () -> HarvestBenchmark.Settings.parse("--rounds", "0"));
    assertThrows(IllegalArgumentException.class, () -> HarvestBenchmark.Settings.parse("--warp", "9"));
  }
}
