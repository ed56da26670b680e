package io.github.oruk.hub.store;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a record's history.
 *
 * @param aggregateId the record
 * @param refreshId the refresh that saw the change
 * @param at when
 * @param kind what happened
 * @param contentHash the record's content hash after the change (null for a withdrawal)
 * @param document the record's canonical JSON after the change (null for a withdrawal and a return)
 */
public record RecordChange(UUID aggregateId, long refreshId, Instant at, Kind kind, @Nullable String contentHash,
    @Nullable String document) {

  /** What happened to a record. */
  public enum Kind {
    /** Its details were read for the first time. */
    ADDED,
    /** Its content hash changed. */
    CHANGED,
    /** A complete refresh no longer listed it (it is kept, marked withdrawn). */
    WITHDRAWN,
    /** A withdrawn record was listed again. */
    RETURNED
  }
}
