package io.github.oruk.hub.store;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one refresh saw of a feed as a running service, beside its verdicts and counts.
 *
 * @param reachable whether the feed answered: a list page, its {@code /} or a record read (a file: it could be
 *     read); a feed that only refused connections, timed out or failed every request is not
 * @param requests the requests that got an answer, whose times the percentiles are of
 * @param p50 the median response time of those requests, null when there were none
 * @param p95 their 95th percentile (nearest rank), null when there were none
 * @param topFindings the parity profile's findings by code, the most frequent first (at most
 *     {@value #TOP_FINDINGS}); empty when the refresh read nothing
 */
public record Monitoring(boolean reachable, int requests, @Nullable Duration p50, @Nullable Duration p95,
    List<FindingCount> topFindings) {

  /** How many codes {@link #topFindings()} keeps. */
  public static final int TOP_FINDINGS = 10;

  public Monitoring {
    topFindings = List.copyOf(topFindings);
  }

  /**
   * One finding code and how often a refresh saw it.
   *
   * @param code the rule's code, such as {@code ORUK-SVC-004}
   * @param severity its severity in the parity profile ({@code ERROR}, {@code WARNING}, ...)
   * @param count how many findings had it
   */
  public record FindingCount(String code, String severity, int count) {
    public FindingCount {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(severity, "severity");
    }
  }

  /** Nearest-rank percentile ({@code 0 < percent <= 100}) of these durations; null when there are none. */
  public static @Nullable Duration percentile(List<Duration> durations, int percent) {
    if (durations.isEmpty()) {
      return null;
    }
    List<Duration> sorted = durations.stream().sorted().toList();
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
