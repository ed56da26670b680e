package io.github.oruk.client.paging;

/**
 * Hears about a walk across pages as it happens. Both methods are called on the thread that reads the
 * records, in order; they should return quickly. Everything reported here is also in the
 * {@link PagingSummary}.
 */
public interface PagingObserver {

  /** An observer that ignores everything. */
  PagingObserver NONE = new PagingObserver() {
  };

  /** A page was fetched and checked; {@link RecordPage#records()} are about to be delivered. */
  default void onPage(RecordPage<?> page) {
  }

  /** The guard noticed something. */
  default void onFinding(PagingFinding finding) {
  }
}
