package io.github.oruk.hub.store;

import io.github.oruk.hub.dedup.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Which cluster each record is in, from the engine's pairs and the curators' decisions.
 *
 * <p>Edges are joined in this order: the {@code same} decisions (oldest first), then the engine's {@code match}
 * pairs (highest score first; a pair decided {@code same} is joined already, one decided {@code different} is
 * kept apart by the rule that follows). An edge that would put two records decided {@code different}
 * into one cluster is left out, so a {@code different} holds even against a chain of matches through other
 * records; which link of such a chain gives way is the weakest (joined last). A cluster's id is the aggregate
 * id of its oldest record (first seen; the smaller id on a tie).
 */
final class Clustering {

  private final Map<UUID, UUID> parent = new HashMap<>();
  /** For each root: the records its members were decided {@code different} from. */
  private final Map<UUID, List<UUID>> apart = new HashMap<>();

  private Clustering() {
  }

  /**
   * The cluster of every current record, and a new cluster for every earlier row of a record no longer current
   * (its old cluster's id moved to where that cluster's oldest current record went, or kept).
   *
   * @param current the current records with when they were first seen
   * @param pairs the engine's pairs
   * @param decisions every decision
   * @param previous every record's cluster before
   */
  static Map<UUID, UUID> assign(Map<UUID, Instant> current, List<StoredPair> pairs, List<StoredDecision> decisions,
      Map<UUID, UUID> previous) {
    Clustering clustering = new Clustering();
    current.keySet().forEach(id -> clustering.parent.put(id, id));
    for (StoredDecision decision : decisions) {
      if (decision.decision() == CuratorDecision.DIFFERENT && current.containsKey(decision.a())
          && current.containsKey(decision.b())) {
        clustering.apart.computeIfAbsent(decision.a(), k -> new ArrayList<>()).add(decision.b());
        clustering.apart.computeIfAbsent(decision.b(), k -> new ArrayList<>()).add(decision.a());
      }
    }
    decisions.stream().filter(d -> d.decision() == CuratorDecision.SAME)
        .sorted(Comparator.comparing(StoredDecision::decidedAt)).forEach(d -> clustering.join(d.a(), d.b()));
    pairs.stream().filter(p -> p.decision() == Decision.MATCH)
        .sorted(Comparator.comparingDouble(StoredPair::score).reversed().thenComparing(StoredPair::a)
            .thenComparing(StoredPair::b))
        .forEach(p -> clustering.join(p.a(), p.b()));

    Comparator<UUID> age = Comparator.comparing((UUID id) -> current.get(id)).thenComparing(id -> id);
    Map<UUID, UUID> oldest = new HashMap<>();
    for (UUID id : current.keySet()) {
      oldest.merge(clustering.root(id), id, (x, y) -> age.compare(x, y) <= 0 ? x : y);
    }
    Map<UUID, UUID> assigned = new LinkedHashMap<>();
    current.keySet().stream().sorted(age).forEach(id -> assigned.put(id,
        Objects.requireNonNull(oldest.get(clustering.root(id)))));
    Map<UUID, UUID> moved = new HashMap<>();
    assigned.forEach((id, cluster) -> {
      UUID before = previous.get(id);
      if (before != null) {
        moved.putIfAbsent(before, cluster);
      }
    });
    previous.forEach((id, before) -> {
      if (!assigned.containsKey(id)) {
        assigned.put(id, moved.getOrDefault(before, before));
      }
    });
    return assigned;
  }

  private UUID root(UUID id) {
    UUID root = id;
    UUID up;
    while (!(up = Objects.requireNonNull(parent.get(root))).equals(root)) {
      root = up;
    }
    UUID at = id;
    while (!at.equals(root)) {
      UUID next = Objects.requireNonNull(parent.get(at));
      parent.put(at, root);
      at = next;
    }
    return root;
  }

  /** Joins the clusters of two current records unless a decision keeps them apart. */
  private void join(UUID a, UUID b) {
    if (!parent.containsKey(a) || !parent.containsKey(b)) {
      return;
    }
    UUID ra = root(a);
    UUID rb = root(b);
    if (ra.equals(rb)) {
      return;
    }
    List<UUID> apartA = apart.getOrDefault(ra, List.of());
    List<UUID> apartB = apart.getOrDefault(rb, List.of());
    for (UUID other : apartA.size() <= apartB.size() ? apartA : apartB) {
      if (root(other).equals(apartA.size() <= apartB.size() ? rb : ra)) {
        return;
      }
    }
    parent.put(rb, ra);
    if (!apartB.isEmpty()) {
      List<UUID> joined = new ArrayList<>(apartA);
      joined.addAll(apartB);
      apart.put(ra, joined);
      apart.remove(rb);
    }
  }
}
