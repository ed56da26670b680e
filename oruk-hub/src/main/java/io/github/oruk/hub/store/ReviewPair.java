package io.github.oruk.hub.store;

import java.util.Objects;

/**
 * Two records for a curator to look at: the engine scored them {@code review}, nobody has decided about them,
 * and they are in different clusters.
 *
 * @param a one record (the smaller aggregate id)
 * @param b the other
 * @param score the engine's score, from 0 to 1
 */
public record ReviewPair(StoredRecord a, StoredRecord b, double score) {
  public ReviewPair {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
  }
}
