package io.github.oruk.hub.store;

import io.github.oruk.hub.dedup.Decision;
import java.util.Objects;
import java.util.UUID;

/**
 * A pair of records the de-duplication engine scored, by aggregate id (the store keeps {@code a < b}).
 *
 * @param a one record
 * @param b the other
 * @param score from 0 to 1
 * @param decision {@code match} or {@code review}, as the engine scored it
 */
public record StoredPair(UUID a, UUID b, double score, Decision decision) {
  public StoredPair {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(decision, "decision");
    if (a.equals(b)) {
      throw new IllegalArgumentException("a pair is of two records; got " + a + " twice");
    }
  }

  /** The same pair with its smaller id first. */
  StoredPair ordered() {
    return a.compareTo(b) < 0 ? this : new StoredPair(b, a, score, decision);
  }
}
