package io.github.oruk.client.harvest;

import io.github.oruk.client.OrukClient;
import io.github.oruk.client.OrukClientException;
import io.github.oruk.client.OrukHttpException;
import io.github.oruk.client.OrukResponse;
import io.github.oruk.client.paging.PagedRecords;
import io.github.oruk.client.paging.PagingFinding;
import io.github.oruk.client.paging.PagingObserver;
import io.github.oruk.client.paging.PagingOptions;
import io.github.oruk.client.paging.PagingSummary;
import io.github.oruk.client.paging.RecordPage;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukWriteException;
import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.model.v1.PageBase;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Harvests every service of a feed in full: it walks the {@code /services} list across its pages (with the
 * client's page-invariant guard), fetches {@code /services/{id}} for each service with bounded
 * concurrency, and hands each fully nested service to a {@link HarvestSink} as it arrives, so memory stays
 * flat whatever the feed's size (it grows only with the set of ids, about a hundred bytes per service).
 *
 * <pre>{@code
 * OrukClient client = OrukClient.create("https://example.org/api");
 * try (NdjsonSink sink = NdjsonSink.toFile(Path.of("services.ndjson"), OrukJson.lenient())) {
 *   HarvestReport report = new Harvester(client).harvest(HarvestOptions.builder().concurrency(16).build(), sink);
 *   report.failed().forEach(f -> System.err.println(f.toLine()));
 * }
 * }</pre>
 *
 * <p>A service is either delivered or listed in {@link HarvestReport#failed()} with its id, address and
 * cause; the client's retries come first. With a {@link HarvestOptions#checkpoint() checkpoint}, an
 * interrupted harvest carries on where it stopped: delivered services are not fetched again, failed ones
 * are retried, and listing starts again one page before where it had got to (so records that moved back
 * a page meanwhile are still seen). Interrupting the thread that runs {@link #harvest} stops the harvest
 * cleanly: requests under way are cancelled and the checkpoint is written.
 *
 * <p>A feed that stops answering stops the harvest, rather than have every service left wait out the client's
 * retries in turn (23 s each with the default back-off, so hours for a large feed). When
 * {@link HarvestOptions#stopAfterFailures()} services in a row (default 10) could not be fetched without an
 * answer — no connection, a timeout, 429 or 5xx, after their retries — with nothing delivered in between, and a
 * service the feed delivered earlier cannot be fetched again either, the harvest stops
 * ({@link HarvestReport.Outcome#STOPPED}, "the feed stopped answering: ..."): requests under way are cancelled
 * and counted in {@link HarvestReport#notAttempted()} with the services not yet dispatched, and the checkpoint
 * keeps all of them. The service fetched again is the check that tells a dead feed from a run of broken
 * records: if it comes back, the failures are those records' own and the harvest goes on. It is sent at the
 * first failure of a run, alongside the fetches under way, so with concurrency 8 and a feed that refuses
 * connections the harvest stops about two give-up times of one request after the feed died (about 46 s with the
 * client's defaults, 4 minutes when the feed accepts connections but never answers); at a concurrency below 10
 * it takes about {@code 10 / concurrency} give-up times. See {@code FeedWatch} for the rule and why.
 */
public final class Harvester {

  private static final System.Logger LOG = System.getLogger("io.github.oruk.client.harvest");

  private final OrukClient client;

  /** A harvester that fetches through {@code client} (its retries, timeouts and politeness apply). */
  public Harvester(OrukClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Harvests with the default options (concurrency 8, no checkpoint). */
  public HarvestReport harvest(HarvestSink sink) throws IOException {
    return harvest(HarvestOptions.defaults(), sink);
  }

  /**
   * Harvests the feed into {@code sink}. Returns when every listed service is settled, or when the harvest
   * stopped (interrupted, or the sink failed); the report says which.
   *
   * @throws IOException when the checkpoint file exists but cannot be read
   * @throws IllegalArgumentException when the checkpoint was written for another feed or query
   */
  public HarvestReport harvest(HarvestOptions options, HarvestSink sink) throws IOException {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(sink, "sink");
    Optional<HarvestCheckpoint> checkpoint = options.checkpoint() == null
        ? Optional.empty()
        : HarvestCheckpoint.read(options.checkpoint());
    String query = options.query().toQueryString();
    checkpoint.ifPresent(saved -> {
      if (!saved.feed().equals(client.baseUri()) || !saved.query().equals(query)) {
        throw new IllegalArgumentException("the checkpoint " + options.checkpoint() + " was written for "
            + saved.feed() + " with the query '" + saved.query() + "', but this harvest is of " + client.baseUri()
            + " with '" + query + "'. Resume with the same feed and options, or use another checkpoint file.");
      }
    });
    return new Run(client, options, sink, checkpoint.orElse(null)).run();
  }

  /** One list page whose services are being fetched: its page number and what is still open. */
  private static final class PageTrack {
    final @Nullable Integer number;
    int outstanding;
    int pending;
    boolean dispatched;

    PageTrack(@Nullable Integer number) {
      this.number = number;
    }

    boolean settled() {
      return dispatched && outstanding == 0 && pending == 0;
    }
  }

  /** The state of one harvest run. */
  private static final class Run {
    private final OrukClient client;
    private final HarvestOptions options;
    private final HarvestSink sink;
    private final @Nullable HarvestCheckpoint resumed;
    private final Instant startedAt;
    private final long startNanos = System.nanoTime();

    private final Object lock = new Object();
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    private final Map<String, CompletableFuture<?>> inFlight = new ConcurrentHashMap<>();
    private final Semaphore permits;

    // Guarded by lock.
    private final Set<String> delivered = new LinkedHashSet<>();
    private final List<HarvestFailure> failed = new ArrayList<>();
    private final List<HarvestFailure> pendingRetries = new ArrayList<>();
    private final TreeMap<Integer, PageTrack> pages = new TreeMap<>();
    private final Map<ReadCode, Long> readFindings = new EnumMap<>(ReadCode.class);
    private final FeedWatch watch;
    private long fetched;
    private long listed;
    private long notAttempted;
    private boolean sinkBroken;

    private volatile @Nullable String stopReason;
    private volatile boolean interrupted;
    private volatile @Nullable Long totalItems;
    private volatile @Nullable PagedRecords<Service> walk;
    private volatile @Nullable Integer walkNext;
    private volatile boolean listingComplete;
    private volatile boolean listingFailed;
    private volatile int pagesRead;
    private volatile @Nullable CompletableFuture<?> check;

    Run(OrukClient client, HarvestOptions options, HarvestSink sink, @Nullable HarvestCheckpoint resumed) {
      this.client = client;
      this.options = options;
      this.sink = sink;
      this.resumed = resumed;
      this.permits = new Semaphore(options.concurrency());
      this.startedAt = resumed != null ? resumed.startedAt() : Instant.now();
      String knownGood = null;
      if (resumed != null) {
        for (String id : resumed.delivered()) {
          knownGood = id; // the last one delivered
        }
      }
      this.watch = new FeedWatch(options.stopAfterFailures(), knownGood, this::check);
      if (resumed != null) {
        delivered.addAll(resumed.delivered());
        claimed.addAll(resumed.delivered());
        walkNext = resumed.nextPage();
        listingComplete = resumed.listingDone();
      }
    }

    HarvestReport run() {
      ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "oruk-harvest-ticker");
        thread.setDaemon(true);
        return thread;
      });
      long progressMillis = options.progressInterval().toMillis();
      ticker.scheduleAtFixedRate(this::reportProgress, progressMillis, progressMillis, TimeUnit.MILLISECONDS);
      if (options.checkpoint() != null) {
        long every = options.checkpointInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::saveCheckpointQuietly, every, every, TimeUnit.MILLISECONDS);
      }
      try {
        retryEarlierFailures();
        if (resumed == null || !resumed.listingDone()) {
          list();
        }
        awaitAll();
      } finally {
        cancelCheck();
        ticker.shutdownNow();
        try {
          ticker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      HarvestReport report = finish();
      reportProgress();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return report;
    }

    // ----------------------------------------------------------------------------------------- listing

    private void retryEarlierFailures() {
      if (resumed == null) {
        return;
      }
      for (HarvestFailure failure : resumed.failed()) {
        if (failure.id() == null || !claimed.add(failure.id())) {
          continue;
        }
        if (!acquireUnlessStopped()) {
          synchronized (lock) {
            pendingRetries.add(failure); // kept in the checkpoint, so the next run retries it
            listed++;
            notAttempted++;
          }
          continue;
        }
        dispatch(failure.id(), null);
      }
    }

    private void list() {
      PagingOptions paging = PagingOptions.builder()
          .maxPages(options.maxPages())
          .startPage(resumeStart())
          .legacyPageBase(resumed != null && resumed.legacyPageBase() != null
              ? resumed.legacyPageBase() : PageBase.DETECT)
          .observer(new PagingObserver() {
            @Override
            public void onPage(RecordPage<?> page) {
              if (page.page().totalItems() != null) {
                totalItems = page.page().totalItems().longValue();
              }
            }
          })
          .build();
      PagedRecords<Service> records = client.stream(Service.class, options.query(), paging);
      walk = records;
      Iterator<RecordPage<Service>> iterator = records.pages().iterator();
      try {
        while (stopReason == null && iterator.hasNext()) {
          RecordPage<Service> page = iterator.next();
          pagesRead++;
          PageTrack track = new PageTrack(numberOf(page));
          synchronized (lock) {
            pages.put(page.ordinal(), track);
            walkNext = page.nextPage();
            page.readFindings().forEach(this::count);
          }
          dispatchPage(page, track);
          synchronized (lock) {
            track.dispatched = true;
          }
        }
        if (stopReason == null) {
          listingComplete = records.summary().complete();
        }
      } catch (OrukClientException e) {
        if (e.getCause() instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
          stop("interrupted");
        } else {
          listingFailed = true;
          synchronized (lock) {
            failed.add(new HarvestFailure(null, e.uri() != null ? e.uri() : client.baseUri(), statusOf(e),
                Objects.requireNonNullElse(e.getMessage(), e.toString())));
          }
        }
      }
    }

    private void dispatchPage(RecordPage<Service> page, PageTrack track) {
      dispatchLeftOut(page, track);
      List<Service> services = page.records();
      for (int i = 0; i < services.size(); i++) {
        String id = services.get(i).getId();
        if (id == null || id.isBlank()) {
          synchronized (lock) {
            failed.add(new HarvestFailure(null, page.uri(), null, "the record at /contents/" + i
                + " has no id, so its details cannot be fetched"));
          }
          continue;
        }
        if (claimed.contains(id)) {
          continue; // delivered by an earlier run, or being retried
        }
        if (!acquireUnlessStopped()) {
          notReached(services.subList(i, services.size()), track);
          return;
        }
        claimed.add(id);
        dispatch(id, track);
      }
    }

    /**
     * Services the reader had to leave out of the page (one breaks the nesting or text limit; ORUK-READ-017)
     * are fetched by id like the others: the list is only where ids come from, and a service's own answer may
     * be readable. When it is not, the fetch fails and the service is listed as failed, with the reason.
     */
    private void dispatchLeftOut(RecordPage<Service> page, PageTrack track) {
      for (ReadFinding finding : page.readFindings()) {
        if (finding.code() != ReadCode.RECORD_LEFT_OUT) {
          continue;
        }
        String id = finding.recordId();
        if (id == null || id.isBlank()) {
          synchronized (lock) {
            failed.add(new HarvestFailure(null, page.uri(), null, finding.message() + " It has no id at its top,"
                + " so its details cannot be fetched either."));
          }
        } else if (claimed.add(id)) {
          if (acquireUnlessStopped()) {
            dispatch(id, track);
          } else {
            claimed.remove(id);
            synchronized (lock) {
              track.pending++;
              listed++;
              notAttempted++;
            }
          }
        }
      }
    }

    /**
     * The harvest stopped before these services of a page were dispatched: they count as listed and not
     * attempted, and the page stays open, so the checkpoint has listing carry on from it.
     */
    private void notReached(List<Service> rest, PageTrack track) {
      long count = rest.stream().map(Service::getId).filter(id -> id != null && !id.isBlank() && !claimed.contains(id))
          .distinct().count();
      synchronized (lock) {
        track.pending++;
        listed += count;
        notAttempted += count;
      }
    }

    private @Nullable Integer resumeStart() {
      if (resumed == null || resumed.nextPage() == null) {
        return null;
      }
      int first = resumed.legacyPageBase() == PageBase.ZERO_BASED ? 0 : 1;
      // One page of overlap: records that moved back a page since the last run are still seen.
      return Math.max(first, resumed.nextPage() - 1);
    }

    private static @Nullable Integer numberOf(RecordPage<?> page) {
      if (page.requestedPage() != null) {
        return page.requestedPage();
      }
      return page.nextPage() != null ? page.nextPage() - 1 : null;
    }

    /** Waits for a free slot; false, with no slot taken, when the harvest stopped before or meanwhile. */
    private boolean acquireUnlessStopped() {
      if (stopReason != null) {
        return false;
      }
      try {
        permits.acquire();
      } catch (InterruptedException e) {
        stop("interrupted");
        return false;
      }
      if (stopReason != null) {
        permits.release();
        return false;
      }
      return true;
    }

    // ----------------------------------------------------------------------------------------- fetching

    private void dispatch(String id, @Nullable PageTrack track) {
      synchronized (lock) {
        listed++;
        if (track != null) {
          track.outstanding++;
        }
      }
      CompletableFuture<OrukResponse<Service>> future;
      try {
        future = client.serviceAsync(id);
      } catch (RuntimeException e) {
        settle(id, track, null, e);
        permits.release();
        return;
      }
      inFlight.put(id, future);
      future.whenComplete((response, error) -> {
        try {
          settle(id, track, response, error);
        } finally {
          inFlight.remove(id);
          permits.release();
        }
      });
    }

    private void settle(String id, @Nullable PageTrack track, @Nullable OrukResponse<Service> response,
        @Nullable Throwable error) {
      Throwable cause = unwrap(error);
      synchronized (lock) {
        try {
          if (cause == null && !sinkBroken) {
            // A fetch that completed without an error has its answer.
            response = Objects.requireNonNull(response, "response");
            sink.accept(response.value());
            delivered.add(id);
            fetched++;
            response.findings().forEach(this::count);
            watch.delivered(id);
          } else if (cause == null || cause instanceof CancellationException || isInterruption(cause)) {
            markPending(id, track);
          } else {
            failed.add(failureOf(id, cause));
            String down = watch.failed(cause);
            if (down != null) {
              stop(down);
            }
          }
        } catch (OrukWriteException e) {
          // The service cannot be written, and the sink wrote nothing: one failed record, not a broken sink.
          failed.add(new HarvestFailure(id, detailUri(id), null,
              Objects.requireNonNullElse(e.getMessage(), e.toString())));
        } catch (IOException | RuntimeException e) {
          markPending(id, track);
          sinkBroken = true;
          stop("the sink failed: " + e);
        } finally {
          if (track != null) {
            track.outstanding--;
          }
        }
      }
    }

    private void markPending(String id, @Nullable PageTrack track) {
      notAttempted++;
      if (track != null) {
        track.pending++;
      } else {
        pendingRetries.add(new HarvestFailure(id, detailUri(id), null, "not retried yet"));
      }
    }

    /**
     * The feed watch's check: fetches again a service the feed delivered earlier, and tells the watch how it went.
     * Called under the lock; the answer is not delivered again.
     */
    private void check(String id, long run) {
      LOG.log(Level.DEBUG, "a service could not be fetched without an answer from the feed; checking that it still"
          + " answers with {0}", id);
      CompletableFuture<OrukResponse<Service>> future;
      try {
        future = client.serviceAsync(id);
      } catch (RuntimeException e) {
        future = CompletableFuture.failedFuture(e);
      }
      check = future;
      future.whenComplete((response, error) -> {
        Throwable cause = unwrap(error);
        if (cause instanceof CancellationException || isInterruption(cause) || stopReason != null) {
          return; // the harvest is over, or stopping
        }
        synchronized (lock) {
          String down = watch.checked(run, cause);
          LOG.log(Level.DEBUG, "the check with {0} {1}", id, cause == null ? "was answered" : "failed: " + cause);
          if (down != null) {
            stop(down);
          }
        }
      });
    }

    private void cancelCheck() {
      CompletableFuture<?> running = check;
      if (running != null) {
        running.cancel(true);
      }
    }

    private HarvestFailure failureOf(String id, Throwable cause) {
      URI uri = cause instanceof OrukClientException e && e.uri() != null ? e.uri() : detailUri(id);
      String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
      return new HarvestFailure(id, uri, statusOf(cause), message);
    }

    private URI detailUri(String id) {
      return URI.create(client.baseUri() + Endpoint.SERVICE.path(id).substring(1));
    }

    private static @Nullable Integer statusOf(Throwable cause) {
      return cause instanceof OrukHttpException http ? http.status() : null;
    }

    private void count(ReadFinding finding) {
      readFindings.merge(finding.code(), 1L, Long::sum);
    }

    private void stop(String reason) {
      if (stopReason == null) {
        stopReason = reason;
      }
      if (reason.equals("interrupted")) {
        interrupted = true;
        Thread.interrupted(); // cleared while the run winds down; set again before returning
      }
      inFlight.values().forEach(future -> future.cancel(true));
      cancelCheck();
    }

    private void awaitAll() {
      while (true) {
        try {
          permits.acquire(options.concurrency());
          permits.release(options.concurrency());
          return;
        } catch (InterruptedException e) {
          stop("interrupted");
        }
      }
    }

    private static @Nullable Throwable unwrap(@Nullable Throwable error) {
      Throwable cause = error;
      while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
        cause = cause.getCause();
      }
      return cause;
    }

    private static boolean isInterruption(@Nullable Throwable cause) {
      return cause instanceof OrukClientException e
          && (e.getCause() instanceof InterruptedException || e.getCause() instanceof CancellationException);
    }

    // ----------------------------------------------------------------------------------------- results

    private HarvestProgress progress() {
      long failedCount;
      long done;
      synchronized (lock) {
        failedCount = failed.stream().filter(f -> !f.listPage()).count();
        done = delivered.size() + failedCount;
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
      long previously = resumed == null ? 0 : resumed.delivered().size();
      double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
      return new HarvestProgress(done, failedCount, totalItems, elapsed, (done - previously) / seconds);
    }

    private void reportProgress() {
      try {
        options.progress().accept(progress());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "the harvest's progress listener failed; ignored", e);
      }
    }

    private void saveCheckpointQuietly() {
      try {
        saveCheckpoint();
      } catch (IOException | RuntimeException e) {
        stop("the checkpoint could not be written to " + options.checkpoint() + ": " + e.getMessage());
      }
    }

    private void saveCheckpoint() throws IOException {
      HarvestCheckpoint snapshot;
      synchronized (lock) {
        if (!sinkBroken) {
          sink.flush();
        }
        while (!pages.isEmpty() && pages.firstEntry().getValue().settled()) {
          pages.pollFirstEntry();
        }
        Integer next;
        boolean done;
        if (!pages.isEmpty()) {
          next = pages.firstEntry().getValue().number;
          done = false;
        } else {
          next = walkNext;
          done = listingComplete && stopReason == null && !listingFailed;
        }
        List<HarvestFailure> failures = new ArrayList<>(failed);
        failures.addAll(pendingRetries);
        PagingSummary summary = walk == null ? null : walk.summary();
        snapshot = new HarvestCheckpoint(client.baseUri(), options.query().toQueryString(), startedAt, Instant.now(),
            next, done, legacyPageBase(summary), sink.position(), duplicates(summary), delivered, failures,
            findings(summary));
      }
      Path file = options.checkpoint();
      if (file != null) { // always: checkpoints are only saved when the options name a file
        snapshot.write(file);
      }
    }

    private @Nullable PageBase legacyPageBase(@Nullable PagingSummary summary) {
      if (summary != null && summary.legacyPageBase() != null) {
        return summary.legacyPageBase();
      }
      return resumed == null ? null : resumed.legacyPageBase();
    }

    private long duplicates(@Nullable PagingSummary summary) {
      return (resumed == null ? 0 : resumed.duplicates()) + (summary == null ? 0 : summary.duplicates());
    }

    private List<PagingFinding> findings(@Nullable PagingSummary summary) {
      List<PagingFinding> all = new ArrayList<>();
      if (resumed != null) {
        all.addAll(resumed.findings());
      }
      if (summary != null) {
        all.addAll(summary.findings());
      }
      return all;
    }

    private HarvestReport finish() {
      PagingSummary summary = walk == null ? null : walk.summary();
      HarvestReport.Outcome outcome;
      synchronized (lock) {
        if (stopReason != null) {
          outcome = HarvestReport.Outcome.STOPPED;
        } else if (listingFailed && pagesRead == 0 && fetched == 0) {
          outcome = HarvestReport.Outcome.UNREADABLE;
        } else if (!failed.isEmpty() || !listingComplete) {
          outcome = HarvestReport.Outcome.PARTIAL;
        } else {
          outcome = HarvestReport.Outcome.COMPLETE;
        }
      }
      if (options.checkpoint() != null) {
        try {
          if (outcome == HarvestReport.Outcome.COMPLETE) {
            Files.deleteIfExists(options.checkpoint());
          } else {
            saveCheckpoint();
          }
        } catch (IOException | RuntimeException e) {
          outcome = HarvestReport.Outcome.STOPPED;
          stopReason = "the checkpoint could not be written to " + options.checkpoint() + ": " + e.getMessage();
        }
      }
      synchronized (lock) {
        return new HarvestReport(client.baseUri(), outcome, startedAt, Duration.ofNanos(System.nanoTime() - startNanos),
            listed, fetched, resumed == null ? 0 : resumed.delivered().size(), failed, notAttempted,
            duplicates(summary),
            totalItems == null ? null : totalItems.intValue(), legacyPageBase(summary) != null, findings(summary),
            readFindings, stopReason);
      }
    }
  }
}
