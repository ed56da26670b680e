package io.github.oruk.hub.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A curator's decision about two records, by aggregate id (the store keeps {@code a < b}).
 *
 * @param a one record
 * @param b the other
 * @param decision {@code same} or {@code different}
 * @param decidedAt when it was recorded; a later decision on the same pair replaces it
 */
public record StoredDecision(UUID a, UUID b, CuratorDecision decision, Instant decidedAt) {
  public StoredDecision {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(decidedAt, "decidedAt");
  }
}
