package io.github.oruk.client.paging;

/** Why a walk across pages ended (or that it has not). */
public enum PagingEnd {
  /** The walk has not reached an end: it is under way, or the consumer stopped reading early. */
  NOT_FINISHED(false),
  /** A page said {@code last_page: true}. */
  LAST_PAGE(true),
  /** A page had no records. */
  EMPTY_PAGE(true),
  /** The page number reached {@code total_pages}. */
  TOTAL_PAGES(true),
  /** Without other end markers, as many records as {@code total_items} were delivered. */
  ALL_RECORDS(true),
  /** The list came without an envelope (a bare array): it is the only page. */
  SINGLE_PAGE(true),
  /** The feed repeated itself; see {@link PagingCode#STALLED}. Records may be missing. */
  STALLED(false),
  /** The page limit was reached; see {@link PagingCode#PAGE_LIMIT_REACHED}. Records may be missing. */
  PAGE_LIMIT(false),
  /** A page could not be fetched or read; the exception was thrown to the consumer. */
  FAILED(false);

  private final boolean complete;

  PagingEnd(boolean complete) {
    this.complete = complete;
  }

  /** Whether the walk reached the end the feed itself declared, so no record should be missing. */
  public boolean complete() {
    return complete;
  }
}
