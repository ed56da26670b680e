package io.github.oruk.hub.dedup;

import java.util.List;

/**
 * Services taken for one real-world service: the connected groups of {@code match} pairs.
 *
 * @param members two or more, in the result's order of records
 */
public record Cluster(List<RecordKey> members) {
  public Cluster {
    members = List.copyOf(members);
  }
}
