package io.github.oruk.hub.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.client.OrukClient;
import io.github.oruk.client.OrukClientException;
import io.github.oruk.client.OrukHttpException;
import io.github.oruk.client.OrukResponse;
import io.github.oruk.client.paging.PagedRecords;
import io.github.oruk.client.paging.RecordPage;
import io.github.oruk.hub.register.FeedEntry;
import io.github.oruk.hub.store.FeedRefresh;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.hub.store.Monitoring;
import io.github.oruk.hub.store.StoredFailure;
import io.github.oruk.model.ApiDetails;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.OrukReadException;
import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.model.json.ReadResult;
import io.github.oruk.model.query.Query;
import io.github.oruk.model.Service;
import io.github.oruk.tabular.TabularPackage;
import io.github.oruk.tabular.TabularRead;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Refreshes one feed into the store: walks the full list of ids, reads the details of the records that are
 * new or changed, stores them with their provenance and history, checks what it read with the parity and
 * strict profiles, and, when it read the feed completely, marks withdrawn what the feed no longer lists.
 *
 * <p><b>Which records are read.</b> A record's details are read when it is new, when its details were never
 * read (they failed before), when its list item's content hash differs from the one stored with its details, or
 * — for an ORUK 3.0 feed that takes {@code modified_after} — when the feed lists it as modified since the last
 * complete refresh started (less a margin of {@value #MARGIN_MINUTES} minutes for clocks that disagree). The
 * filter is asked for on the feed's word (its {@code /} says ORUK 3.0); a feed that refuses it with a 4xx is
 * compared by hashes alone. A change that shows neither in the list item nor in {@code last_modified} cannot be
 * seen without reading every record; a feed whose list items carry {@code last_modified}, as ORUK's do, shows
 * every change in its list item. A file (NDJSON or a tabular package) is read whole every time and its records
 * compared by content hash.
 *
 * <p><b>Resuming.</b> Each record is stored as it is read, and the refresh is marked running until it ends;
 * after a crash the next refresh of the feed continues it: it lists again (list pages are cheap) and skips the
 * records it had already read.
 *
 * <p><b>Nothing lost.</b> Every record that could not be read, every list page that failed and every listed
 * record without an id is stored as a failure of the refresh; such a refresh is {@code INCOMPLETE} and
 * withdraws nothing.
 */
public final class FeedRefresher {

  static final int MARGIN_MINUTES = 10;
  private static final int PER_PAGE = 100;

  private final HubStore store;
  private final OrukJson json;
  private final Function<FeedEntry, OrukClient> clients;
  private final ProgressListener listener;
  private final Clock clock;
  private final int concurrency;
  private final @Nullable Duration timeLimit;

  /**
   * @param store where records go
   * @param json the codec (lenient: real feeds are messy)
   * @param clients the client for a feed (its politeness and retries are the refresh's)
   * @param listener told of progress
   * @param clock the time records are stamped with
   * @param concurrency detail requests in flight per feed
   * @param timeLimit how long a feed may take before its refresh stops, incomplete; null for no limit
   */
  public FeedRefresher(HubStore store, OrukJson json, Function<FeedEntry, OrukClient> clients,
      ProgressListener listener, Clock clock, int concurrency, @Nullable Duration timeLimit) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1; got " + concurrency);
    }
    this.store = store;
    this.json = json;
    this.clients = clients;
    this.listener = listener;
    this.clock = clock;
    this.concurrency = concurrency;
    this.timeLimit = timeLimit;
  }

  /** Refreshes one feed (resuming its refresh if a crash cut it short) and returns the stored outcome. */
  public FeedRefresh refresh(FeedEntry feed) throws InterruptedException {
    store.register(feed, clock.instant());
    FeedRefresh refresh = store.startOrResume(feed.name(), clock.instant());
    return new Run(feed, refresh).run();
  }

  /** A record as listed: its id, its list item's content hash, and the record itself when the list is a file. */
  private record Listed(String id, @Nullable String listHash, @Nullable Service whole, List<ReadFinding> findings) {
  }

  /** A detail request's answer. */
  private record Answer(Listed item, @Nullable OrukResponse<Service> response, @Nullable Throwable error,
      Duration took) {
  }

  /** One refresh of one feed. */
  private final class Run {
    private final FeedEntry feed;
    private final FeedRefresh refresh;
    private final long deadline;
    private final Verdicts verdicts;
    private final List<String> notes = new ArrayList<>();
    private final List<Duration> answered = new ArrayList<>();
    private boolean reachable;
    private boolean complete = true;
    private int failures;
    private int read;
    private int toRead;
    private int listed;

    Run(FeedEntry feed, FeedRefresh refresh) {
      this.feed = feed;
      this.refresh = refresh;
      this.deadline = timeLimit == null ? Long.MAX_VALUE : System.nanoTime() + timeLimit.toNanos();
      this.verdicts = new Verdicts(feed.name());
    }

    FeedRefresh run() throws InterruptedException {
      String detection;
      List<Listed> items;
      @Nullable Set<String> modified = null;
      OrukClient client = null;
      if (feed.remote()) {
        client = clients.apply(feed);
        modified = modifiedSince(client);
        detection = modified == null ? "content hash" : "modified_after";
        items = list(client);
      } else {
        detection = "file";
        items = readFile(feed.file());
      }
      listed = items.size();
      store.listed(refresh.id(), feed.name(), items.stream().map(Listed::id).toList(), clock.instant());
      List<Listed> changed = toRead(items, modified);
      toRead = changed.size();
      progress(RefreshProgress.Phase.READING);
      if (client == null) {
        for (Listed item : changed) {
          Service whole = item.whole();
          if (whole != null) {
            store(item, whole, item.findings(), feed.url());
          }
        }
      } else {
        readDetails(client, changed);
      }
      if (complete) {
        store.withdrawUnlisted(refresh.id(), feed.name(), clock.instant());
      }
      FeedRefresh done = store.finish(refresh.id(),
          complete ? FeedRefresh.Status.COMPLETE : FeedRefresh.Status.INCOMPLETE, detection, listed,
          verdicts.parity(), verdicts.strict(), notes.isEmpty() ? null : String.join("; ", notes), clock.instant());
      store.monitored(refresh.id(), new Monitoring(reachable, answered.size(), Monitoring.percentile(answered, 50),
          Monitoring.percentile(answered, 95), verdicts.topFindings()));
      progress(RefreshProgress.Phase.DONE);
      return done;
    }

    /**
     * The ids the feed lists as modified since the last complete refresh started, or null when that cannot be
     * asked: no complete refresh yet (every record is new), a legacy v1 feed, or a feed that refuses the filter.
     */
    private @Nullable Set<String> modifiedSince(OrukClient client) {
      try {
        long sent = System.nanoTime();
        OrukResponse<ApiDetails> details = client.apiDetails();
        answered(sent);
        String version = details.value().version();
        if (details.legacyV1() || version == null || !version.strip().matches("(?i)(HSDS-UK-)?3(\\..*)?")) {
          return null;
        }
      } catch (OrukClientException e) {
        notes.add("'/' did not answer (" + e.getMessage() + "); changes found by content hash");
        return null;
      }
      Instant since = store.lastCompleteStart(feed.name()).orElse(null);
      if (since == null) {
        return null;
      }
      Query query = Query.builder().perPage(PER_PAGE)
          .modifiedAfter(since.minus(Duration.ofMinutes(MARGIN_MINUTES)).atOffset(java.time.ZoneOffset.UTC)).build();
      Set<String> ids = new HashSet<>();
      try {
        PagedRecords<Service> walk = client.stream(Service.class, query);
        walk.stream().forEach(service -> {
          if (service.getId() != null) {
            ids.add(service.getId());
          }
        });
        if (!walk.summary().complete()) {
          notes.add("the modified_after list ended early (" + walk.summary().end() + "); changes found by content hash");
          return null;
        }
      } catch (OrukHttpException e) {
        if (e.status() / 100 == 4) {
          return null; // the feed does not take modified_after: hashes alone
        }
        notes.add("the modified_after list failed (" + e.getMessage() + "); changes found by content hash");
        return null;
      } catch (OrukClientException e) {
        notes.add("the modified_after list failed (" + e.getMessage() + "); changes found by content hash");
        return null;
      }
      return ids;
    }

    /** Walks the full list, page by page. */
    private List<Listed> list(OrukClient client) {
      List<Listed> items = new ArrayList<>();
      PagedRecords<Service> walk = client.stream(Service.class, Query.builder().perPage(PER_PAGE).build());
      long[] sent = {System.nanoTime()};
      try {
        walk.pages().forEach(page -> {
          answered(sent[0]); // pages are fetched as they are asked for: the wait is the page's request
          for (Service item : page.records()) {
            listedRecord(items, item.getId(), hash(json.write(item)), null, List.of(), page.uri().toString());
          }
          leftOut(items, page);
          listed = items.size();
          progress(RefreshProgress.Phase.LISTING);
          sent[0] = System.nanoTime();
        });
      } catch (OrukClientException e) {
        fail(null, e.uri() == null ? feed.url() : e.uri().toString(),
            e instanceof OrukHttpException http ? http.status() : null, "a list page failed: " + e.getMessage());
      }
      if (!walk.summary().complete() && complete) {
        complete = false;
        notes.add("the list ended before the feed's own end (" + walk.summary().end() + ")");
      }
      return items;
    }

    /** Records the reader had to leave out of a page are listed by id: their own answers may be readable. */
    private void leftOut(List<Listed> items, RecordPage<Service> page) {
      for (ReadFinding finding : page.readFindings()) {
        if (finding.code() == ReadCode.RECORD_LEFT_OUT) {
          listedRecord(items, finding.recordId(), null, null, List.of(), page.uri().toString());
        }
      }
    }

    private void listedRecord(List<Listed> items, @Nullable String id, @Nullable String listHash,
        @Nullable Service whole, List<ReadFinding> findings, String where) {
      if (id == null || id.isBlank()) {
        fail(null, where, null, "a record was listed without an id, so it cannot be stored or read by id");
      } else {
        items.add(new Listed(id, listHash, whole, findings));
      }
    }

    /** A file: NDJSON (a service per line) or a tabular data package (a folder or {@code .zip}). */
    private List<Listed> readFile(Path file) {
      List<Listed> items = new ArrayList<>();
      try {
        if (TabularPackage.isPackage(file)) {
          TabularRead read = TabularPackage.read(file, json);
          for (Service service : read.services()) {
            listedRecord(items, service.getId(), hash(json.write(service)), service, List.of(), file.toString());
          }
          if (!read.unlinked().isEmpty()) {
            notes.add(read.unlinked().size() + " rows of the package belong to no service (oruk convert lists them)");
          }
        } else {
          readNdjson(file, items);
        }
        reachable = true;
      } catch (IOException | RuntimeException e) {
        fail(null, file.toString(), null, "cannot read the file: " + e.getMessage());
      }
      return items;
    }

    private void readNdjson(Path file, List<Listed> items) throws IOException {
      try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          number++;
          if (line.isBlank()) {
            continue;
          }
          String where = file + ":" + number;
          try {
            ReadResult<Service> result = json.read(line, Service.class);
            listedRecord(items, result.value().getId(), hash(json.write(result.value())), result.value(),
                result.findings(), where);
          } catch (OrukReadException e) {
            fail(null, where, null, "line " + number + " is not a service: " + e.getMessage());
          }
        }
      }
    }

    /** The listed records whose details this refresh reads. */
    private List<Listed> toRead(List<Listed> items, @Nullable Set<String> modified) {
      Map<String, HubStore.Known> known = store.known(feed.name());
      List<Listed> changed = new ArrayList<>();
      for (Listed item : items) {
        HubStore.Known was = known.get(item.id());
        if (was != null && was.checkedRefresh() == refresh.id()) {
          continue; // read before the crash this refresh resumes
        }
        if (was == null || !was.read() || item.listHash() == null || !item.listHash().equals(was.listHash())
            || (modified != null && modified.contains(item.id()))) {
          changed.add(item);
        }
      }
      return changed;
    }

    /** Reads details, {@code concurrency} requests in flight, storing each answer on this thread. */
    private void readDetails(OrukClient client, List<Listed> changed) throws InterruptedException {
      Semaphore slots = new Semaphore(concurrency);
      BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
      int pending = 0;
      try {
        for (Listed item : changed) {
          if (System.nanoTime() - deadline > 0) {
            complete = false;
            notes.add("the time limit (" + timeLimit + ") came before " + (changed.size() - read - failures)
                + " records were read");
            break;
          }
          slots.acquire();
          pending++;
          long sent = System.nanoTime();
          client.serviceAsync(item.id()).whenComplete((response, error) -> {
            answers.add(new Answer(item, response, error, Duration.ofNanos(System.nanoTime() - sent)));
            slots.release();
          });
          for (Answer answer = answers.poll(); answer != null; answer = answers.poll()) {
            pending--;
            handle(answer);
          }
        }
        while (pending > 0) {
          Answer answer = answers.take();
          pending--;
          handle(answer);
        }
      } catch (RuntimeException | Error e) {
        // The store or a listener failed: the requests already sent end before the refresh does (their
        // answers are not stored), so nothing of a refresh reaches the feed after it has ended. Each ends
        // within the client's request timeout.
        for (; pending > 0; pending--) {
          answers.take();
        }
        throw e;
      }
    }

    private void handle(Answer answer) {
      String id = answer.item().id();
      OrukResponse<Service> response = answer.response();
      if (response == null) {
        Throwable error = answer.error() instanceof CompletionException wrapped && wrapped.getCause() != null
            ? wrapped.getCause() : answer.error();
        String address = error instanceof OrukClientException client && client.uri() != null
            ? client.uri().toString() : feed.url();
        fail(id, address, error instanceof OrukHttpException http ? http.status() : null,
            error == null ? "no answer" : String.valueOf(error.getMessage()));
      } else if (!id.equals(response.value().getId())) {
        fail(id, response.uri().toString(), null, "asked for '" + id + "', the feed answered with the record '"
            + response.value().getId() + "'; nothing stored for it");
      } else {
        answered.add(answer.took());
        reachable = true;
        store(answer.item(), response.value(), response.findings(), response.uri().toString());
      }
    }

    /** Stores one record's details and checks its document. */
    private void store(Listed item, Service service, List<ReadFinding> findings, String source) {
      byte[] canonical = json.write(service);
      String contentHash = hash(canonical);
      store.read(refresh.id(), feed.name(), item.id(), item.listHash() == null ? contentHash : item.listHash(),
          new String(canonical, StandardCharsets.UTF_8), contentHash, clock.instant());
      JsonNode tree = json.writeTree(service);
      verdicts.check(tree, findings, source);
      read++;
      progress(RefreshProgress.Phase.READING);
    }

    /** A request sent at {@code sent} (from {@link System#nanoTime()}) was answered now. */
    private void answered(long sent) {
      answered.add(Duration.ofNanos(System.nanoTime() - sent));
      reachable = true;
    }

    private void fail(@Nullable String id, @Nullable String address, @Nullable Integer status, String cause) {
      complete = false;
      failures++;
      store.failed(new StoredFailure(refresh.id(), id, address, status, cause));
    }

    private void progress(RefreshProgress.Phase phase) {
      listener.progress(new RefreshProgress(feed.name(), phase, listed, toRead, read, failures));
    }
  }

  /** SHA-256 of canonical JSON, in hex: the content hash the store keeps. */
  static String hash(byte[] canonical) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
