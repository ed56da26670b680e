package io.github.oruk.client.harvest;

import io.github.oruk.client.paging.PagingOptions;
import io.github.oruk.model.query.Query;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How to harvest a feed: {@link #defaults()}, or a {@link Builder} that starts from them and changes what you
 * need.
 *
 * <pre>{@code
 * HarvestOptions options = HarvestOptions.builder()
 *     .concurrency(16)
 *     .perPage(100)
 *     .modifiedAfter(lastRun)                     // incremental: only services changed since
 *     .checkpoint(Path.of("harvest.checkpoint"))
 *     .progress(p -> System.err.println(p), Duration.ofSeconds(5))
 *     .build();
 * }</pre>
 *
 * <p>Until issue #14 each option had a {@code with} method on the record; {@code defaults().withConcurrency(16)}
 * is now {@code builder().concurrency(16).build()}, and {@link #toBuilder()} changes some options of a value
 * you have.
 *
 * @param concurrency how many service details are fetched at once (1 to 256; default 8)
 * @param query the query for listing {@code /services}: page size, {@code modified_after}, filters
 * @param checkpoint where to keep the checkpoint: read at the start to resume, written as the harvest goes
 *     (atomically) and removed when it completes with nothing failed; null for none
 * @param checkpointInterval how often the checkpoint is written while the harvest runs (default 5 s); it is
 *     always written when the harvest ends or stops
 * @param progress told how far the harvest is, every {@code progressInterval} and once at the end
 * @param progressInterval how often {@code progress} is told (default 1 s)
 * @param maxPages the most list pages to read (default {@value PagingOptions#DEFAULT_MAX_PAGES})
 * @param stopAfterFailures when the feed is taken to have stopped answering, and the harvest stops: after this
 *     many services in a row could not be fetched without an answer (no connection, a timeout, 429 or 5xx, after
 *     the client's retries), when a service the feed delivered earlier cannot be fetched again either (default
 *     {@value #DEFAULT_STOP_AFTER_FAILURES}; 0 never stops). See {@link Harvester}.
 */
public record HarvestOptions(int concurrency, Query query, @Nullable Path checkpoint, Duration checkpointInterval,
    Consumer<HarvestProgress> progress, Duration progressInterval, int maxPages, int stopAfterFailures) {

  /** The default number of details fetched at once. */
  public static final int DEFAULT_CONCURRENCY = 8;

  /**
   * The default number of services in a row that must fail without an answer, with a service fetched earlier
   * failing too, for the harvest to stop: more than the default concurrency, so that with a feed that refuses
   * connections it stops after about two requests' retries (see {@link Harvester}).
   */
  public static final int DEFAULT_STOP_AFTER_FAILURES = 10;

  public HarvestOptions {
    if (concurrency < 1 || concurrency > 256) {
      throw new IllegalArgumentException("concurrency must be between 1 and 256; got " + concurrency);
    }
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(checkpointInterval, "checkpointInterval");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(progressInterval, "progressInterval");
    if (checkpointInterval.isNegative() || checkpointInterval.isZero()
        || progressInterval.isNegative() || progressInterval.isZero()) {
      throw new IllegalArgumentException("checkpointInterval and progressInterval must be positive");
    }
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages must be at least 1; got " + maxPages);
    }
    if (stopAfterFailures < 0) {
      throw new IllegalArgumentException("stopAfterFailures must be 0 (never stop) or more; got " + stopAfterFailures);
    }
    if (query.page() != null) {
      throw new IllegalArgumentException("a harvest reads every page; leave page out of the query (got page="
          + query.page() + ")");
    }
  }

  /** Concurrency 8, every service, no checkpoint, no progress reports, stop after 10 failures in a row. */
  public static HarvestOptions defaults() {
    return builder().build();
  }

  /** A builder holding the {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change some of them. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.concurrency = concurrency;
    builder.query = query;
    builder.checkpoint = checkpoint;
    builder.checkpointInterval = checkpointInterval;
    builder.progress = progress;
    builder.progressInterval = progressInterval;
    builder.maxPages = maxPages;
    builder.stopAfterFailures = stopAfterFailures;
    return builder;
  }

  /** Builds {@link HarvestOptions}; {@link #build()} checks them all. */
  public static final class Builder {
    private int concurrency = DEFAULT_CONCURRENCY;
    private Query query = Query.all();
    private @Nullable Path checkpoint;
    private Duration checkpointInterval = Duration.ofSeconds(5);
    private Consumer<HarvestProgress> progress = p -> { };
    private Duration progressInterval = Duration.ofSeconds(1);
    private int maxPages = PagingOptions.DEFAULT_MAX_PAGES;
    private int stopAfterFailures = DEFAULT_STOP_AFTER_FAILURES;

    private Builder() {
    }

    /** How many service details are fetched at once (1 to 256; default 8). */
    public Builder concurrency(int concurrency) {
      this.concurrency = concurrency;
      return this;
    }

    /** The list query: filters, page size, {@code modified_after}; {@code page} must be left out. */
    public Builder query(Query query) {
      this.query = query;
      return this;
    }

    /** The list query with this page size. */
    public Builder perPage(int perPage) {
      this.query = query.withPerPage(perPage);
      return this;
    }

    /** Only services modified at or after this instant: an incremental harvest. Null for all. */
    public Builder modifiedAfter(OffsetDateTime modifiedAfter) {
      this.query = query.toBuilder().modifiedAfter(modifiedAfter).build();
      return this;
    }

    /** Where to keep the checkpoint (null for none). */
    public Builder checkpoint(Path checkpoint) {
      this.checkpoint = checkpoint;
      return this;
    }

    /** How often the checkpoint is written while the harvest runs (default 5 s). */
    public Builder checkpointInterval(Duration checkpointInterval) {
      this.checkpointInterval = checkpointInterval;
      return this;
    }

    /** Told how far the harvest is, {@code every} so often and once at the end. */
    public Builder progress(Consumer<HarvestProgress> progress, Duration every) {
      this.progress = progress;
      this.progressInterval = every;
      return this;
    }

    /** The most list pages to read (default {@value PagingOptions#DEFAULT_MAX_PAGES}). */
    public Builder maxPages(int maxPages) {
      this.maxPages = maxPages;
      return this;
    }

    /**
     * Stop when this many services in a row could not be fetched without an answer and a service delivered
     * earlier cannot be fetched again either: the feed has stopped answering (0: never stop; default
     * {@value HarvestOptions#DEFAULT_STOP_AFTER_FAILURES}).
     */
    public Builder stopAfterFailures(int stopAfterFailures) {
      this.stopAfterFailures = stopAfterFailures;
      return this;
    }

    /** @throws IllegalArgumentException naming the option that is out of range */
    public HarvestOptions build() {
      return new HarvestOptions(concurrency, query, checkpoint, checkpointInterval, progress, progressInterval,
          maxPages, stopAfterFailures);
    }
  }
}
