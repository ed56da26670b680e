package io.github.oruk.client.harvest;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How far a harvest is.
 *
 * @param done services settled: delivered (in this run and the runs it resumes) or failed
 * @param failed of those, how many failed in this run
 * @param total how many services the feed says it has ({@code total_items}); null until a page said
 * @param elapsed time since this run started
 * @param perSecond services settled per second in this run
 */
public record HarvestProgress(long done, long failed, @Nullable Long total, Duration elapsed, double perSecond) {

  /** The share done, from 0 to 1, when the total is known. */
  public Optional<Double> fraction() {
    if (total == null || total <= 0) {
      return Optional.empty();
    }
    return Optional.of(Math.min(1.0, done / (double) total));
  }

  /** The time left at the current rate, when the total is known and the rate is not zero. */
  public Optional<Duration> eta() {
    if (total == null || perSecond <= 0) {
      return Optional.empty();
    }
    long left = Math.max(0, total - done);
    return Optional.of(Duration.ofMillis((long) (left / perSecond * 1000)));
  }
}
