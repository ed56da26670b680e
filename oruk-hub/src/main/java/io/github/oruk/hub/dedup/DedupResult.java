package io.github.oruk.hub.dedup;

import java.util.List;

/**
 * What a de-duplication run found.
 *
 * <p>Records are ordered by source (in the order the sources were given) and then by their position in the
 * source. Each pair has its earlier record as {@code a}; pairs are ordered by {@code a}, then {@code b}. So the
 * same input always gives the same result, in the same order.
 *
 * @param pairs every pair scored at or above the review threshold, within one source and across sources
 * @param clusters the groups that the {@code match} pairs connect, each of two or more records, ordered by their
 *     first member
 */
public record DedupResult(List<Pair> pairs, List<Cluster> clusters) {
  public DedupResult {
    pairs = List.copyOf(pairs);
    clusters = List.copyOf(clusters);
  }

  /** The {@code match} pairs only. */
  public List<Pair> matches() {
    return pairs.stream().filter(pair -> pair.decision() == Decision.MATCH).toList();
  }
}
