package io.github.oruk.client.harvest;

import io.github.oruk.client.paging.PagingFinding;
import io.github.oruk.model.json.ReadCode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of a harvest. Every service that was listed is delivered to the sink, in {@link #failed()} with
 * its id, address and cause, or — when the harvest stopped early — counted in {@link #notAttempted()}:
 * {@code fetched + failedServices().size() + notAttempted == listed}. A harvest that stopped says why, and its
 * checkpoint knows what is left.
 *
 * @param feed the feed's base URI
 * @param outcome how the harvest ended
 * @param startedAt when the harvest started (for a resumed harvest, when its first run started): the
 *     {@code modified_after} to give the next incremental harvest
 * @param elapsed how long this run took
 * @param listed services listed in this run and not delivered by an earlier run (each id once)
 * @param fetched services fetched and delivered to the sink in this run
 * @param previouslyDelivered services delivered by the earlier runs this one resumed
 * @param failed services (and list pages) that could not be fetched in this run; a resumed run retries the
 *     earlier runs' failures first, so this is what still fails, and a resume from the checkpoint retries it
 * @param notAttempted services listed in this run (or kept by an earlier run to retry) that this run neither
 *     delivered nor failed, because it stopped first: requests cancelled when it stopped, and services it had
 *     not come to. The checkpoint keeps them, and a resume fetches them. Services on list pages not read yet are
 *     not counted here ({@code totalItems} says how many the feed has).
 * @param duplicates records skipped because their id had been listed already, over all runs
 * @param totalItems the number of services the feed last announced ({@code total_items}); null if never
 * @param legacyV1 whether the feed answered with legacy ORUK v1 pages
 * @param findings what the paging guard noticed, over all runs
 * @param readFindings how many of each read finding the list pages and service details had in this run
 * @param stoppedBecause why the harvest stopped early, such as "interrupted" or "the feed stopped answering: ...";
 *     null unless the outcome is {@link Outcome#STOPPED}
 */
public record HarvestReport(URI feed, Outcome outcome, Instant startedAt, Duration elapsed, long listed,
    long fetched, long previouslyDelivered, List<HarvestFailure> failed, long notAttempted, long duplicates,
    @Nullable Integer totalItems,
    boolean legacyV1, List<PagingFinding> findings, Map<ReadCode, Long> readFindings, @Nullable String stoppedBecause) {

  /** How a harvest ended. */
  public enum Outcome {
    /** Every service listed was delivered, and listing reached the end the feed declared. */
    COMPLETE,
    /** Listing finished, but some services or list pages failed, or paging ended early (stalled, limit). */
    PARTIAL,
    /**
     * Interrupted, the sink failed, or the feed stopped answering ({@link HarvestOptions#stopAfterFailures()}):
     * resume from the checkpoint to carry on.
     */
    STOPPED,
    /** Nothing could be read from the feed at all. */
    UNREADABLE
  }

  public HarvestReport {
    Objects.requireNonNull(feed, "feed");
    Objects.requireNonNull(outcome, "outcome");
    failed = List.copyOf(failed);
    findings = List.copyOf(findings);
    readFindings = readFindings.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(readFindings));
  }

  /** Services delivered over all runs: {@link #fetched()} plus {@link #previouslyDelivered()}. */
  public long delivered() {
    return fetched + previouslyDelivered;
  }

  /** The failed services (not list pages). */
  public List<HarvestFailure> failedServices() {
    return failed.stream().filter(f -> !f.listPage()).toList();
  }

  /** One line for people: what was harvested, how fast, and what went wrong. */
  public String summaryLine() {
    double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    StringBuilder line = new StringBuilder();
    line.append(switch (outcome) {
      case COMPLETE -> "harvest complete: ";
      case PARTIAL -> "harvest finished with failures: ";
      case STOPPED -> "harvest stopped (" + stoppedBecause + "): ";
      case UNREADABLE -> "the feed could not be read: ";
    });
    line.append(String.format(java.util.Locale.ROOT, "%,d services fetched in %.1f s (%,.0f/s)", fetched, seconds,
        fetched / seconds));
    if (previouslyDelivered > 0) {
      line.append(String.format(java.util.Locale.ROOT, ", %,d delivered by earlier runs", previouslyDelivered));
    }
    long failedServices = failedServices().size();
    long failedPages = failed.size() - failedServices;
    line.append(String.format(java.util.Locale.ROOT, ", %,d failed", failedServices));
    if (notAttempted > 0) {
      line.append(String.format(java.util.Locale.ROOT, ", %,d not attempted", notAttempted));
    }
    if (failedPages > 0) {
      line.append(String.format(java.util.Locale.ROOT, ", %,d list page%s failed", failedPages,
          failedPages == 1 ? "" : "s"));
    }
    if (duplicates > 0) {
      line.append(String.format(java.util.Locale.ROOT, ", %,d duplicates skipped", duplicates));
    }
    if (totalItems != null) {
      line.append(String.format(java.util.Locale.ROOT, "; the feed announced %,d", totalItems));
    }
    if (legacyV1) {
      line.append("; legacy ORUK v1 feed");
    }
    return line.toString();
  }
}
