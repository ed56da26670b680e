package io.github.oruk.hub;

import io.github.oruk.hub.register.FeedEntry;
import io.github.oruk.hub.store.FeedRefresh;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The hub's schedule ({@link Hub#watch()}): refreshes each feed of the register on its {@code refresh}
 * interval until closed, so that every run's verdicts, availability and events are kept.
 *
 * <p>A feed is due its interval after its last refresh <em>started</em> (as the store has it, so a restarted
 * watcher does not refresh everything at once); a feed never refreshed, or whose last refresh was cut short, is
 * due at once. The feeds due together are refreshed together, as {@link Hub#refresh()} does (different hosts
 * concurrently), then de-duplicated once. A refresh that throws (the store is down, a listener failed) is logged
 * and tried again after a minute, or its interval when shorter: the watcher never dies of it.
 *
 * <p>{@link #close()} interrupts a refresh under way (the next one resumes it) and waits for the watcher's
 * thread to end.
 */
public final class Watcher implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(Watcher.class.getName());
  private static final Duration RETRY = Duration.ofMinutes(1);

  private final Hub hub;
  private final Clock clock;
  private final Thread thread;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile @Nullable Throwable died;

  Watcher(Hub hub, Clock clock) {
    this.hub = hub;
    this.clock = clock;
    this.thread = new Thread(this::run, "oruk-hub-watch");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * When each feed is next due: its last refresh's start plus its interval, or now when it has none or the
   * last one was cut short.
   */
  static Map<String, Instant> due(Hub hub, Instant now) {
    Map<String, Instant> due = new HashMap<>();
    for (FeedEntry feed : hub.register().feeds()) {
      List<FeedRefresh> refreshes = hub.store().refreshes(feed.name());
      FeedRefresh last = refreshes.isEmpty() ? null : refreshes.get(refreshes.size() - 1);
      due.put(feed.name(), last == null || last.status() == FeedRefresh.Status.RUNNING ? now
          : last.startedAt().plus(feed.refresh()));
    }
    return due;
  }

  private void run() {
    try {
      Map<String, Instant> due = due(hub, clock.instant());
      while (stopped.getCount() > 0) {
        Instant now = clock.instant();
        List<FeedEntry> ready = new ArrayList<>();
        Instant next = null;
        for (FeedEntry feed : hub.register().feeds()) {
          Instant at = due.getOrDefault(feed.name(), now);
          if (!at.isAfter(now)) {
            ready.add(feed);
          } else if (next == null || at.isBefore(next)) {
            next = at;
          }
        }
        if (ready.isEmpty()) {
          long wait = next == null ? Long.MAX_VALUE : Math.max(1, Duration.between(now, next).toMillis());
          stopped.await(wait, TimeUnit.MILLISECONDS);
          continue;
        }
        for (FeedEntry feed : ready) {
          due.put(feed.name(), now.plus(feed.refresh()));
        }
        try {
          hub.refresh(ready);
        } catch (RuntimeException e) {
          LOG.log(Level.ERROR, "refreshing " + ready.stream().map(FeedEntry::name).toList() + " failed; tried again"
              + " within " + RETRY, e);
          for (FeedEntry feed : ready) {
            Duration retry = feed.refresh().compareTo(RETRY) < 0 ? feed.refresh() : RETRY;
            due.put(feed.name(), clock.instant().plus(retry));
          }
        }
      }
    } catch (InterruptedException e) {
      // closed during a refresh or a wait: the refresh is resumed by the next one
    } catch (RuntimeException | Error e) {
      died = e;
      LOG.log(Level.ERROR, "the hub's watcher stopped", e);
    } finally {
      ended.countDown();
    }
  }

  /**
   * Blocks until the watcher is closed (from another thread, or a shutdown hook).
   *
   * @throws IllegalStateException when the watcher stopped on an error it could not go on from (the store
   *     could not even be read)
   */
  public void await() throws InterruptedException {
    ended.await();
    Throwable cause = died;
    if (cause != null) {
      throw new IllegalStateException("the hub's watcher stopped: " + cause.getMessage(), cause);
    }
  }

  /** Whether the watcher is still running. */
  public boolean running() {
    return ended.getCount() > 0;
  }

  /** Stops the schedule: a refresh under way is interrupted; waits for the watcher's thread to end. */
  @Override
  public void close() {
    stopped.countDown();
    thread.interrupt();
    boolean interrupted = false;
    while (ended.getCount() > 0) {
      try {
        ended.await(); // even when the caller is interrupted: the store must outlive the refresh
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
