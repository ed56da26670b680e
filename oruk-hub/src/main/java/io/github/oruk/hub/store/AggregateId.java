package io.github.oruk.hub.store;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Aggregate ids: a record's id in the hub, the same on every refresh and on every machine, because it is a
 * name-based UUID (version 3) of the feed's name and the record's id in that feed. A feed's name is a slug, so
 * {@code feed + "/" + id} cannot be read two ways. The original id stays in the store beside it.
 */
public final class AggregateId {

  private AggregateId() {
  }

  /** The aggregate id of the record {@code originalId} of feed {@code feed}. */
  public static UUID of(String feed, String originalId) {
    return UUID.nameUUIDFromBytes(("oruk-hub:" + feed + "/" + originalId).getBytes(StandardCharsets.UTF_8));
  }
}
