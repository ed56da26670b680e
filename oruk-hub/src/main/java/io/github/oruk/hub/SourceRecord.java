package io.github.oruk.hub;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A record a {@link MergedService} came from: its provenance, and the dates the merge policy ordered it by.
 * The whole record, with its history, is in the store ({@code HubStore.record(aggregateId)}).
 *
 * @param feed the name of the feed it came from
 * @param originalId its id in that feed
 * @param aggregateId the hub's id for it
 * @param lastChanged when its content last changed in the store
 * @param assuredDate its {@code assured_date}, or null when it has none
 * @param lastModified its {@code last_modified}, or null when it has none
 */
public record SourceRecord(String feed, String originalId, UUID aggregateId, Instant lastChanged,
    @Nullable LocalDate assuredDate, @Nullable Instant lastModified) {

  /** Checks the required parts. */
  public SourceRecord {
    Objects.requireNonNull(feed, "feed");
    Objects.requireNonNull(originalId, "originalId");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(lastChanged, "lastChanged");
  }
}
