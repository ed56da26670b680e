package io.github.oruk.hub.monitor;

import io.github.oruk.hub.store.FeedRefresh;
import io.github.oruk.hub.store.FeedRun;
import io.github.oruk.hub.store.Monitoring;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A feed's status as monitoring reports it: its latest parity verdict (the official one), or unreachable.
 * Ordered from best to worst verdict, unreachable last.
 */
public enum FeedStatus {
  /** The latest parity verdict is a pass. */
  PASS,
  /** The latest parity verdict is a pass with warnings. */
  PASS_WITH_WARNINGS,
  /** The latest parity verdict is a fail. */
  FAIL,
  /** The feed did not answer on its latest run. */
  UNREACHABLE;

  /** The status's word in events and badges: {@code pass}, {@code pass-with-warnings}, {@code fail}, {@code unreachable}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The status after these runs (oldest first): unreachable when the last run found the feed unreachable, else
   * the parity verdict of the latest run that read something — a run that read nothing (the feed did not
   * change) keeps the verdict before it. Null when no run has a verdict and the last one was reachable.
   */
  public static @Nullable FeedStatus after(List<FeedRun> runs) {
    FeedStatus status = null;
    FeedStatus verdict = null;
    for (FeedRun run : runs) {
      Monitoring monitoring = run.monitoring();
      FeedRefresh.FeedVerdict parity = run.refresh().parity();
      if (parity != null) {
        verdict = valueOf(parity.verdict());
      }
      status = monitoring != null && !monitoring.reachable() ? UNREACHABLE : verdict;
    }
    return status;
  }
}
