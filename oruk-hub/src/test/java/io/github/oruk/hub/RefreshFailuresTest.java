package io.github.oruk.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.hub.register.Register;
import io.github.oruk.hub.store.FeedRefresh;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.hub.store.StoredFailure;
import io.github.oruk.hub.store.StoredRecord;
import io.github.oruk.testkit.feed.FakeFeed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a refresh does when it cannot read everything: it says so, stores why, and withdraws nothing. */
class RefreshFailuresTest {

  @TempDir
  Path folder;

  @Test
  void failuresAreStoredAndAnIncompleteRefreshWithdrawsNothing() throws Exception {
    try (HubStore store = HubStore.openFolder(folder)) {
      String missing;
      try (FakeFeed feed = FakeFeed.builder().services(20).seed(9).notFound(3).start()) {
        missing = feed.ids().get(3);
        HubReport report = refresh(store, feed);
        FeedRefresh first = report.feeds().get(0).refresh();
        assertEquals(FeedRefresh.Status.INCOMPLETE, first.status());
        assertEquals(new FeedRefresh.Counts(20, 19, 19, 0, 0, 0, 1), first.counts());
        List<StoredFailure> failures = report.feeds().get(0).failures();
        assertEquals(1, failures.size());
        assertEquals(missing, failures.get(0).originalId());
        assertEquals(404, failures.get(0).status());
        assertTrue(failures.get(0).address().endsWith("/services/" + missing), failures.get(0).toLine());
        assertEquals(failures, store.failures(first.id()), "failures are stored");
        StoredRecord unread = store.record("county", missing).orElseThrow();
        assertNull(unread.document(), "listed, kept with its provenance, details still to read");
      }
      try (FakeFeed stalling = FakeFeed.builder().services(10).seed(9).maxPerPage(5).stallAfterPage(1).start()) {
        FeedRefresh second = refresh(store, stalling).feeds().get(0).refresh();
        assertEquals(FeedRefresh.Status.INCOMPLETE, second.status());
        assertTrue(second.note().contains("STALLED"), second.note());
        assertEquals(0, second.counts().withdrawn(), "an incomplete listing withdraws nothing");
        assertTrue(store.records("county").stream().allMatch(StoredRecord::live));
      }
      try (FakeFeed fewer = FakeFeed.builder().services(10).seed(9).start()) {
        FeedRefresh third = refresh(store, fewer).feeds().get(0).refresh();
        assertEquals(FeedRefresh.Status.COMPLETE, third.status());
        assertEquals(10, third.counts().withdrawn(), "a complete refresh withdraws what it did not list");
        assertNotNull(store.record("county", missing).orElseThrow().document(), "the failed one is read now");
      }
    }
  }

  @Test
  void aRefreshThatRunsOutOfTimeIsIncompleteAndSaysSo() throws Exception {
    try (HubStore store = HubStore.openFolder(folder);
        FakeFeed slow = FakeFeed.builder().services(30).latency(Duration.ofMillis(50)).start()) {
      Register register = Register.builder().feed("county", slow.baseUri().toString()).build();
      HubReport report = Hub.builder(register).store(store).concurrency(1).timeLimit(Duration.ofMillis(200)).build()
          .refresh();
      FeedRefresh refresh = report.feeds().get(0).refresh();
      assertEquals(FeedRefresh.Status.INCOMPLETE, refresh.status());
      assertTrue(refresh.note().contains("time limit"), refresh.note());
      assertTrue(refresh.counts().fetched() < 30, refresh.counts().toString());
      assertEquals(30, store.records("county").size(), "every listed record is kept, read or not");
    }
  }

  private static HubReport refresh(HubStore store, FakeFeed feed) throws InterruptedException {
    Register register = Register.builder().feed("county", feed.baseUri().toString()).build();
    return Hub.builder(register).store(store).client(b -> b.backoff(Duration.ofMillis(5), Duration.ofMillis(20)))
        .build().refresh();
  }
}
