package io.github.oruk.hub;

import io.github.oruk.hub.store.FeedRefresh;
import io.github.oruk.hub.store.StoredFailure;
import java.util.List;

/**
 * What one {@link Hub#refresh()} did, feed by feed, in the register's order.
 *
 * @param feeds each feed's refresh and its failures
 */
public record HubReport(List<FeedOutcome> feeds) {

  public HubReport {
    feeds = List.copyOf(feeds);
  }

  /** Whether every feed was read completely. */
  public boolean complete() {
    return feeds.stream().allMatch(feed -> feed.refresh().complete());
  }

  /**
   * One feed's refresh.
   *
   * @param refresh the refresh as stored: status, counts, verdicts
   * @param failures what it could not read
   */
  public record FeedOutcome(FeedRefresh refresh, List<StoredFailure> failures) {

    public FeedOutcome {
      failures = List.copyOf(failures);
    }
  }
}
