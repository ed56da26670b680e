package io.github.oruk.hub.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One refresh of one feed, as stored.
 *
 * @param id the refresh's id in the store
 * @param feed the feed's name
 * @param startedAt when it started (a resumed refresh keeps its first start)
 * @param finishedAt when it ended, or null while it runs (or if it was cut short and not yet resumed)
 * @param status how it ended
 * @param detection how changed records were told from unchanged ones: {@code modified_after} (the feed
 *     filters by it, and list items are compared by content hash too), {@code content hash} (list items compared
 *     by content hash) or {@code file} (a whole file read and compared record by record)
 * @param counts what it saw
 * @param parity the parity verdict on the documents it read, or null when it read none
 * @param strict the strict verdict on the documents it read, or null when it read none
 * @param note why it is incomplete, when it is
 */
public record FeedRefresh(long id, String feed, Instant startedAt, @Nullable Instant finishedAt, Status status,
    @Nullable String detection, Counts counts, @Nullable FeedVerdict parity, @Nullable FeedVerdict strict,
    @Nullable String note) {

  /** How a refresh ended. */
  public enum Status {
    /** Still running, or cut short by a crash: the next refresh of the feed resumes it. */
    RUNNING,
    /** Every listed record was read or confirmed unchanged: records it did not list were withdrawn. */
    COMPLETE,
    /** Something could not be read (see the failures) or the time limit came first: nothing was withdrawn. */
    INCOMPLETE
  }

  /**
   * What a refresh saw.
   *
   * @param listed records the feed listed
   * @param fetched records whose details were read (new, changed or possibly changed)
   * @param added records read for the first time
   * @param changed records whose content changed
   * @param unchanged records read again and found unchanged
   * @param withdrawn records marked withdrawn
   * @param failed failures (records and list pages)
   */
  public record Counts(int listed, int fetched, int added, int changed, int unchanged, int withdrawn, int failed) {
  }

  /**
   * A profile's verdict.
   *
   * @param verdict {@code PASS}, {@code PASS_WITH_WARNINGS} or {@code FAIL}
   * @param errors error findings
   * @param warnings warning findings
   */
  public record FeedVerdict(String verdict, int errors, int warnings) {
  }

  /** Whether the refresh read the feed completely. */
  public boolean complete() {
    return status == Status.COMPLETE;
  }
}
