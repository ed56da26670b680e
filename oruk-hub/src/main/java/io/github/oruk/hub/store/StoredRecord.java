package io.github.oruk.hub.store;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A record in the hub with its provenance.
 *
 * @param aggregateId the hub's id for it ({@link AggregateId#of(String, String)})
 * @param feed the name of the feed it came from
 * @param originalId its id in that feed
 * @param firstSeen when a refresh first listed it
 * @param lastSeen when a refresh last listed it
 * @param lastChanged when its content last changed (first read counts), or null while its details have never
 *     been read (they failed: see the refresh's failures)
 * @param contentHash SHA-256 (hex) of its canonical JSON, or null while its details have never been read
 * @param withdrawnAt when a complete refresh no longer listed it, or null while it is listed
 * @param document its canonical ORUK 3.0 JSON, or null while its details have never been read
 */
public record StoredRecord(UUID aggregateId, String feed, String originalId, Instant firstSeen, Instant lastSeen,
    @Nullable Instant lastChanged, @Nullable String contentHash, @Nullable Instant withdrawnAt,
    @Nullable String document) {

  /** Whether the feed still lists it. */
  public boolean live() {
    return withdrawnAt == null;
  }
}
