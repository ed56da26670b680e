package io.github.oruk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.testkit.feed.FakeFeed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The soak does what it says, at a tiny size: a clean and a faulted harvest per round. (The feed runs in this
 * JVM here; {@link HarvestBenchmarkSetupTest} checks the child process that the soak shares with the benchmark.)
 */
class HarvestSoakSetupTest {

  @Test
  void eachRoundHarvestsCleanlyThenThroughTheIssuesFaults() throws Exception {
    HarvestSoak.Settings settings = HarvestSoak.Settings.parse("--services", "30", "--latency-ms", "0", "--rounds", "1");
    try (FakeFeed feed = FakeFeed.builder().services(30).start()) {
      List<HarvestSoak.Round> rounds = HarvestSoak.soak(feed.baseUri(), settings);

      assertEquals(1, rounds.size());
      HarvestSoak.Round round = rounds.get(0);
      assertEquals(30, round.listed());
      assertTrue(round.complete(), round.toString());
      assertTrue(round.injected().stream().mapToInt(Integer::intValue).sum() > 0, "faults were injected: " + round);
      assertTrue(round.baseline().toNanos() > 0 && round.faulted().toNanos() > 0, round.toString());
    }
  }

  @Test
  void theTableCountsCompleteRunsAndGivesMediansAndTheirRatio() {
    List<HarvestSoak.Round> rounds = List.of(
        new HarvestSoak.Round(1, Duration.ofSeconds(4), Duration.ofSeconds(40), 3_000, 3_000, 0, true, List.of(1, 2, 3, 4)),
        new HarvestSoak.Round(2, Duration.ofSeconds(5), Duration.ofSeconds(50), 3_000, 2_998, 2, false, List.of(5, 6, 7, 8)),
        new HarvestSoak.Round(3, Duration.ofSeconds(6), Duration.ofSeconds(45), 3_000, 3_000, 0, true, List.of(1, 1, 1, 1)));

    String table = HarvestSoak.table(rounds, 3_000);

    assertTrue(table.contains("| 3,000 | 2 of 3 | 45.00 s | 5.00 s | 9.00× | 2 |"), table);
    assertTrue(table.contains("| 2 | 5.00 s | 50.00 s | **no** | 2,998 | 2 | 5 | 6 | 7 | 8 |"), table);
  }

  @Test
  void settingsHaveTheIssuesDefaultsAndRefuseNonsense() {
    HarvestSoak.Settings defaults = HarvestSoak.Settings.parse();
    assertEquals(3_000, defaults.services());
    assertEquals(10, defaults.rounds());
    assertEquals(null, defaults.maxAttempts(), "the client's own default");
    assertEquals(4, HarvestSoak.Settings.parse("--max-attempts", "4").maxAttempts());
    assertThrows(IllegalArgumentException.class, () -> HarvestSoak.Settings.parse("--rounds", "0"));
    assertThrows(IllegalArgumentException.class, () -> HarvestSoak.Settings.parse("--warp", "9"));
  }
}
