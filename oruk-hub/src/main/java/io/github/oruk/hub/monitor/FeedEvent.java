package io.github.oruk.hub.monitor;

import io.github.oruk.hub.store.FeedRun;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Something a watcher of a feed wants to know: its parity verdict got worse (pass, pass with warnings, fail),
 * it became unreachable, or it recovered (answers again, or its verdict got better).
 *
 * @param feed the feed's name in the register
 * @param kind what happened
 * @param previous the status before the run that raised it; null when the feed had none (its first run)
 * @param current the status after it
 * @param at when that run ended
 * @param url the feed's address as the register gives it
 */
public record FeedEvent(String feed, Kind kind, @Nullable FeedStatus previous, FeedStatus current, Instant at,
    String url) {

  public FeedEvent {
    Objects.requireNonNull(feed, "feed");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(url, "url");
  }

  /** What happened. */
  public enum Kind {
    /** The parity verdict got worse. */
    WORSE,
    /** The feed did not answer. */
    UNREACHABLE,
    /** The feed answers again after being unreachable, or its verdict got better. */
    RECOVERED;

    /** The word in the webhook's JSON: {@code worse}, {@code unreachable}, {@code recovered}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The event the latest of these runs (oldest first) raises, if any: its status compared with the status
   * after the runs before it. A first run raises an event only when the feed is unreachable.
   */
  public static Optional<FeedEvent> latest(String feed, String url, List<FeedRun> runs) {
    if (runs.isEmpty()) {
      return Optional.empty();
    }
    FeedStatus previous = FeedStatus.after(runs.subList(0, runs.size() - 1));
    FeedStatus current = FeedStatus.after(runs);
    FeedRun last = runs.get(runs.size() - 1);
    Instant at = last.refresh().finishedAt() != null ? last.refresh().finishedAt() : last.refresh().startedAt();
    Kind kind = null;
    if (current == FeedStatus.UNREACHABLE && previous != FeedStatus.UNREACHABLE) {
      kind = Kind.UNREACHABLE;
    } else if (current != null && previous != null && current.compareTo(previous) < 0) {
      kind = Kind.RECOVERED;
    } else if (current != null && previous != null && current.compareTo(previous) > 0) {
      kind = Kind.WORSE;
    }
    return kind == null || current == null ? Optional.empty()
        : Optional.of(new FeedEvent(feed, kind, previous, current, at, url));
  }

  /** One line for a log. */
  public String toLine() {
    return feed + ": " + kind.label() + " (" + (previous == null ? "none" : previous.label()) + " -> "
        + current.label() + ") at " + at + ", " + url;
  }
}
