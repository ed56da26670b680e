package io.github.oruk.hub.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.oruk.hub.dedup.Decision;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How clusters follow from the engine's pairs and the curators' decisions, without a database. */
class ClusteringTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final UUID a = new UUID(0, 3);
  private final UUID b = new UUID(0, 1);
  private final UUID c = new UUID(0, 2);

  /** a first seen first, then b, then c: a is the oldest although its id is the largest. */
  private Map<UUID, Instant> current() {
    Map<UUID, Instant> current = new LinkedHashMap<>();
    current.put(c, T0.plusSeconds(2));
    current.put(a, T0);
    current.put(b, T0.plusSeconds(1));
    return current;
  }

  @Test
  void aDifferentHoldsAgainstAChainOfMatchesAndTheWeakestLinkGivesWay() {
    List<StoredPair> pairs = List.of(new StoredPair(a, b, 0.9, Decision.MATCH),
        new StoredPair(b, c, 0.8, Decision.MATCH));

    assertEquals(Map.of(a, a, b, a, c, a), Clustering.assign(current(), pairs, List.of(), Map.of()),
        "a chain of matches is one cluster, named by its oldest record");
    assertEquals(Map.of(a, a, b, a, c, c), Clustering.assign(current(), pairs,
        List.of(new StoredDecision(a, c, CuratorDecision.DIFFERENT, T0)), Map.of()));
  }

  @Test
  void aSameJoinsWhatTheEngineDidNotAndADecidedPairIsNotTheEnginesToJoin() {
    List<StoredPair> pairs = List.of(new StoredPair(a, b, 0.95, Decision.MATCH));

    assertEquals(Map.of(a, a, b, a, c, a), Clustering.assign(current(), pairs,
        List.of(new StoredDecision(c, b, CuratorDecision.SAME, T0)), Map.of()));
    assertEquals(Map.of(a, a, b, b, c, c), Clustering.assign(current(), pairs,
        List.of(new StoredDecision(a, b, CuratorDecision.DIFFERENT, T0)), Map.of()));
  }

  @Test
  void aWithdrawnRecordFollowsItsOldClusterToWhereItsCurrentRecordsWent() {
    UUID gone = new UUID(0, 9);
    Map<UUID, UUID> previous = Map.of(gone, b, b, b, c, c);
    List<StoredPair> pairs = List.of(new StoredPair(a, b, 0.9, Decision.MATCH));

    assertEquals(Map.of(a, a, b, a, c, c, gone, a), Clustering.assign(current(), pairs, List.of(), previous));
  }
}
