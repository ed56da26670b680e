package io.github.oruk.hub.dedup;

import java.util.Objects;

/**
 * Two services scored as possibly the same.
 *
 * @param a the first, in the {@link DedupResult#pairs() result's order}
 * @param b the second
 * @param score from 0 (nothing alike) to 1 (alike in everything compared)
 * @param decision {@code match} or {@code review}
 */
public record Pair(RecordKey a, RecordKey b, double score, Decision decision) {
  public Pair {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(decision, "decision");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("expected a score from 0 to 1; got " + score);
    }
  }
}
