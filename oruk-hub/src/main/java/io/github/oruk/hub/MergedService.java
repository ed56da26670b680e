package io.github.oruk.hub;

import io.github.oruk.model.Service;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One service of the aggregate: a cluster of source records merged into one.
 *
 * @param clusterId the cluster's id: the aggregate id of its oldest record (first seen), stable while the
 *     cluster grows; the ids of the other records resolve to it
 * @param service the merged service; its {@code id} is {@code clusterId} as a string
 * @param sources every current source record of the cluster, the one whose values won first (the merge order:
 *     most recently assured first)
 */
public record MergedService(UUID clusterId, Service service, List<SourceRecord> sources) {

  /** Checks the parts and copies the list. */
  public MergedService {
    Objects.requireNonNull(clusterId, "clusterId");
    Objects.requireNonNull(service, "service");
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("a merged service has at least one source record");
    }
  }
}
