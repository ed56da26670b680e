package io.github.oruk.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.hub.register.FeedEntry;
import io.github.oruk.hub.register.Register;
import io.github.oruk.hub.store.HubStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's schedule: each feed on its own interval, counted from the store, until the watcher is closed. */
class WatcherTest {

  @TempDir
  Path folder;

  @Test
  void aFeedIsDueItsIntervalAfterItsLastRefreshStartedAndANewFeedAtOnce() throws Exception {
    Instant t0 = Instant.parse("2026-12-01T06:00:00Z");
    Register register = Register.builder()
        .feed(FeedEntry.of("north", file("north.ndjson").toString()).withRefresh(Duration.ofHours(6)))
        .feed(FeedEntry.of("south", file("south.ndjson").toString()).withRefresh(Duration.ofMinutes(30)))
        .build();
    try (HubStore store = HubStore.openFolder(folder.resolve("db"));
        Hub hub = Hub.builder(register).store(store).clock(Clock.fixed(t0, ZoneOffset.UTC)).build()) {
      hub.refresh("north");
      Instant now = t0.plus(Duration.ofMinutes(5));
      assertEquals(Map.of("north", t0.plus(Duration.ofHours(6)), "south", now), Watcher.due(hub, now));
    }
  }

  @Test
  void watchingRefreshesEachFeedOnItsIntervalUntilClosed() throws Exception {
    Register register = Register.builder()
        .feed(FeedEntry.of("fast", file("fast.ndjson").toString()).withRefresh(Duration.ofMillis(150)))
        .feed(FeedEntry.of("slow", file("slow.ndjson").toString()).withRefresh(Duration.ofHours(1)))
        .build();
    try (HubStore store = HubStore.openFolder(folder.resolve("db"));
        Hub hub = Hub.builder(register).store(store).build()) {
      Watcher watcher = hub.watch();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (store.history("fast").size() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(20); // polling, bounded by the deadline
      }
      watcher.close();
      assertFalse(watcher.running());
      int fast = store.history("fast").size();
      assertTrue(fast >= 3, "the fast feed was refreshed again and again: " + fast);
      assertEquals(1, store.history("slow").size(), "the slow feed once, at the start");
      assertEquals(fast, store.refreshes("fast").size(), "closed: nothing runs any more, nothing left running");
    }
  }

  /**
   * A refresh interrupted (as closing the watcher does) returns only once its threads have let go of the store, so
   * whoever closes the store next does not close it under them. Seen failing about once in 40 runs of the test
   * above before the fix: a refresh thread still writing when the store was closed.
   */
  @Test
  void anInterruptedRefreshReturnsOnlyWhenItsThreadsAreDone() throws Exception {
    Register register = Register.builder().feed(FeedEntry.of("one", file("one.ndjson").toString())).build();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch returned = new CountDownLatch(1);
    try (HubStore store = HubStore.openFolder(folder.resolve("db"));
        Hub hub = Hub.builder(register).store(store).progress(progress -> {
          inside.countDown();
          boolean waited = false;
          while (!waited) {
            try {
              waited = release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              // a thread busy with something it does not stop for, such as a write to the store
            }
          }
        }).build()) {
      Thread caller = new Thread(() -> {
        try {
          hub.refresh();
        } catch (InterruptedException | RuntimeException e) {
          // interrupted, as expected
        } finally {
          returned.countDown();
        }
      });
      caller.start();
      assertTrue(inside.await(30, TimeUnit.SECONDS), "the refresh reached its feed");
      caller.interrupt();
      assertFalse(returned.await(500, TimeUnit.MILLISECONDS),
          "the interrupted refresh returned while its thread was still at work");
      release.countDown();
      assertTrue(returned.await(30, TimeUnit.SECONDS), "and returned once it was done");
    }
  }

  private Path file(String name) throws Exception {
    Path file = folder.resolve(name);
    Files.writeString(file, "{\"id\": \"" + name + "-1\", \"name\": \"A service\", \"status\": \"active\"}\n");
    return file;
  }
}
