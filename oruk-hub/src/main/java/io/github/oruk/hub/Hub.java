package io.github.oruk.hub;

import io.github.oruk.client.OrukClient;
import io.github.oruk.hub.dedup.DedupResult;
import io.github.oruk.hub.dedup.Deduplicator;
import io.github.oruk.hub.dedup.Pair;
import io.github.oruk.hub.dedup.Source;
import io.github.oruk.hub.monitor.FeedEvent;
import io.github.oruk.hub.monitor.FeedListener;
import io.github.oruk.hub.monitor.WebhookListener;
import io.github.oruk.hub.refresh.FeedRefresher;
import io.github.oruk.hub.refresh.ProgressListener;
import io.github.oruk.hub.register.FeedEntry;
import io.github.oruk.hub.register.Register;
import io.github.oruk.hub.store.AggregateId;
import io.github.oruk.hub.store.ClusterSummary;
import io.github.oruk.hub.store.FeedRefresh;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.hub.store.StoredPair;
import io.github.oruk.hub.store.StoredRecord;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Many feeds into one store: the feeds of a {@link Register}, refreshed into a {@link HubStore} with their
 * provenance and history.
 *
 * <pre>{@code
 * Register register = Register.load(Path.of("feeds.yaml"));
 * try (Hub hub = Hub.builder(register).build()) {            // H2 in ./oruk-hub/; .jdbcUrl(...) for PostgreSQL
 *   HubReport report = hub.refresh();                         // every feed, concurrently
 *   report.feeds().forEach(feed -> System.out.println(feed.refresh().feed() + " " + feed.refresh().status()));
 *   hub.store().records("north").forEach(r -> System.out.println(r.aggregateId() + " " + r.originalId()));
 * }
 * }</pre>
 *
 * <p>Feeds on different hosts are refreshed concurrently; feeds on one host one after another, so the
 * client's politeness ({@code maxRequestsPerSecond}, per host) holds for the host as a whole. See
 * {@link FeedRefresher} for what one feed's refresh does.
 *
 * <p>After every refresh the hub de-duplicates the current records of all feeds ({@link #deduplicate()}) into
 * clusters, which curators correct ({@link HubStore#decide}) and {@link #view()} merges into one service each.
 */
public final class Hub implements AutoCloseable {

  private static final OrukJson JSON = OrukJson.lenient();
  private static final System.Logger LOG = System.getLogger(Hub.class.getName());

  private final Register register;
  private final HubStore store;
  private final boolean ownsStore;
  private final FeedRefresher refresher;
  private final Deduplicator deduplicator;
  private final List<FeedListener> listeners;
  private final Clock clock;
  private final @Nullable WebhookListener webhooks;

  private Hub(Builder builder, HubStore store, boolean ownsStore) {
    this.register = builder.register;
    this.store = store;
    this.ownsStore = ownsStore;
    this.deduplicator = builder.deduplicator;
    this.clock = builder.clock;
    this.webhooks = register.webhooks().isEmpty() ? null
        : builder.webhooks.apply(register.webhooks());
    List<FeedListener> listeners = new ArrayList<>(builder.listeners);
    if (webhooks != null) {
      listeners.add(webhooks);
    }
    this.listeners = List.copyOf(listeners);
    UnaryOperator<OrukClient.Builder> settings = builder.client;
    this.refresher = new FeedRefresher(store, OrukJson.lenient(), feed -> settings.apply(
        OrukClient.builder(feed.uri())).build(), builder.progress, builder.clock, builder.concurrency,
        builder.timeLimit);
  }

  /** A hub over the feeds of this register. */
  public static Builder builder(Register register) {
    return new Builder(register);
  }

  /** The register. */
  public Register register() {
    return register;
  }

  /** The store, for reading the aggregate: records, provenance, history, refreshes, failures. */
  public HubStore store() {
    return store;
  }

  /**
   * The aggregate as one directory: one merged service per cluster, by the policy {@link AggregateView}
   * states. Reads the store on each call.
   */
  public AggregateView view() {
    return AggregateView.of(store);
  }

  /**
   * Refreshes every feed once, concurrently, and waits for all of them.
   *
   * @throws InterruptedException when interrupted: refreshes under way stop where they are and are resumed
   *     by the next refresh
   * @throws RuntimeException the first exception a feed's refresh ended with (a store that failed, a progress
   *     listener that threw), after the other feeds have finished
   */
  public HubReport refresh() throws InterruptedException {
    return refresh(register.feeds());
  }

  /** Refreshes these feeds of the register as {@link #refresh()} does all of them. */
  HubReport refresh(List<FeedEntry> feedsToRefresh) throws InterruptedException {
    Map<String, List<FeedEntry>> byHost = new LinkedHashMap<>();
    for (FeedEntry feed : feedsToRefresh) {
      String host = feed.remote() && feed.uri().getHost() != null
          ? feed.uri().getHost().toLowerCase(Locale.ROOT) + ":" + feed.uri().getPort() : "file:" + feed.name();
      byHost.computeIfAbsent(host, h -> new ArrayList<>()).add(feed);
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(byHost.size(), 8)), task -> {
      Thread thread = new Thread(task, "oruk-hub-refresh");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<List<FeedRefresh>>> hosts = new ArrayList<>();
      for (List<FeedEntry> feeds : byHost.values()) {
        hosts.add(pool.submit(() -> {
          List<FeedRefresh> done = new ArrayList<>();
          for (FeedEntry feed : feeds) {
            done.add(refresher.refresh(feed));
            raise(feed);
          }
          return done;
        }));
      }
      Map<String, FeedRefresh> byName = new LinkedHashMap<>();
      RuntimeException first = null;
      for (Future<List<FeedRefresh>> host : hosts) {
        try {
          host.get().forEach(refresh -> byName.put(refresh.feed(), refresh));
        } catch (ExecutionException e) {
          RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
              : new IllegalStateException(e.getCause());
          if (first == null) {
            first = cause;
          } else {
            first.addSuppressed(cause);
          }
        }
      }
      if (first != null) {
        throw first;
      }
      List<HubReport.FeedOutcome> outcomes = new ArrayList<>();
      for (FeedEntry feed : feedsToRefresh) {
        FeedRefresh refresh = Objects.requireNonNull(byName.get(feed.name()));
        outcomes.add(new HubReport.FeedOutcome(refresh, store.failures(refresh.id())));
      }
      deduplicate();
      return new HubReport(outcomes);
    } finally {
      pool.shutdownNow();
      awaitEnd(pool);
    }
  }

  /**
   * Waits for an interrupted refresh's threads to end, even when the caller is interrupted itself: they write to
   * the store, so whoever closes it next (a watcher being closed, a command ending) must not do so under them.
   * Before, a store closed at that moment had a refresh thread still calling it (seen in WatcherTest, as H2's
   * trace of "The object is already closed" written into the store's folder after the test had emptied it).
   */
  private static void awaitEnd(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
        LOG.log(Level.WARNING, "an interrupted refresh has not stopped after a minute; still waiting for it");
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Refreshes one feed of the register. */
  public FeedRefresh refresh(String feedName) throws InterruptedException {
    FeedEntry feed = register.feed(feedName);
    if (feed == null) {
      throw new IllegalArgumentException("no feed named '" + feedName + "' in the register");
    }
    FeedRefresh refresh = refresher.refresh(feed);
    raise(feed);
    deduplicate();
    return refresh;
  }

  /**
   * Raises the event the feed's latest run calls for, if any ({@link FeedEvent#latest}): logged (a warning when
   * the feed got worse or went down, information when it recovered) and given to every listener.
   */
  private void raise(FeedEntry feed) {
    FeedEvent.latest(feed.name(), feed.url(), store.history(feed.name())).ifPresent(event -> {
      LOG.log(event.kind() == FeedEvent.Kind.RECOVERED ? Level.INFO : Level.WARNING, event.toLine());
      for (FeedListener listener : listeners) {
        try {
          listener.event(event);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "a feed listener failed on " + event.toLine(), e);
        }
      }
    });
  }

  /**
   * Starts refreshing every feed on its register {@code refresh} interval, on a thread of its own, until the
   * watcher is closed: see {@link Watcher}. The hub must stay open while it runs.
   */
  public Watcher watch() {
    return new Watcher(this, clock);
  }

  /**
   * Runs the de-duplication engine over the current records of every feed in the store (read and not
   * withdrawn; each feed a source), stores its pairs and brings the clusters up to date with them and the
   * curators' decisions ({@link HubStore#decide}). Run by every refresh; call it after changing the decisions
   * or the engine's settings. The merged view ({@link #view()}) follows the clusters.
   */
  public ClusterSummary deduplicate() {
    Map<String, List<Service>> byFeed = new LinkedHashMap<>();
    for (StoredRecord record : store.records()) {
      String document = record.document();
      if (record.live() && document != null) {
        Service service = JSON.read(document, Service.class).value();
        service.setId(record.originalId());
        byFeed.computeIfAbsent(record.feed(), feed -> new ArrayList<>()).add(service);
      }
    }
    List<Source> sources = new ArrayList<>();
    byFeed.forEach((feed, services) -> sources.add(new Source(feed, services)));
    DedupResult result = deduplicator.run(sources);
    List<StoredPair> pairs = new ArrayList<>();
    for (Pair pair : result.pairs()) {
      pairs.add(new StoredPair(AggregateId.of(pair.a().source(), pair.a().id()),
          AggregateId.of(pair.b().source(), pair.b().id()), pair.score(), pair.decision()));
    }
    return store.storePairs(pairs);
  }

  /** Closes the store if the hub opened it, and the webhook listener (retries still waiting are dropped). */
  @Override
  public void close() {
    if (webhooks != null) {
      webhooks.close();
    }
    if (ownsStore) {
      store.close();
    }
  }

  /** A hub's options; only the register is required. */
  public static final class Builder {
    private final Register register;
    private @Nullable HubStore store;
    private @Nullable String jdbcUrl;
    private Path folder = Path.of("oruk-hub");
    private UnaryOperator<OrukClient.Builder> client = UnaryOperator.identity();
    private ProgressListener progress = ProgressListener.NONE;
    private Clock clock = Clock.systemUTC();
    private int concurrency = 8;
    private @Nullable Duration timeLimit;
    private Deduplicator deduplicator = Deduplicator.builder().build();
    private final List<FeedListener> listeners = new ArrayList<>();
    private Function<List<URI>, WebhookListener> webhooks = WebhookListener::of;

    private Builder(Register register) {
      this.register = Objects.requireNonNull(register, "register");
    }

    /** A store the caller opened and closes. */
    public Builder store(HubStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The store at this JDBC URL (H2 or PostgreSQL); the hub opens and closes it. */
    public Builder jdbcUrl(String jdbcUrl) {
      this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      return this;
    }

    /** Where the default H2 store lives when no store or JDBC URL is given (default {@code ./oruk-hub}). */
    public Builder folder(Path folder) {
      this.folder = Objects.requireNonNull(folder, "folder");
      return this;
    }

    /**
     * Settings for every feed's client, such as {@code b -> b.maxRequestsPerSecond(5).userAgent("...")}:
     * politeness, timeouts and retries are the client's (see {@link OrukClient.Builder}).
     */
    public Builder client(UnaryOperator<OrukClient.Builder> settings) {
      this.client = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Told how each feed's refresh is going. */
    public Builder progress(ProgressListener listener) {
      this.progress = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The clock records are stamped with (default UTC system time). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Detail requests in flight per feed (default 8). */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1; got " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /** How long one feed's refresh may read details before it stops, incomplete (default: no limit). */
    public Builder timeLimit(Duration limit) {
      if (limit.isNegative() || limit.isZero()) {
        throw new IllegalArgumentException("the time limit must be positive; got " + limit);
      }
      this.timeLimit = limit;
      return this;
    }

    /** The de-duplication engine's settings (default: its defaults). */
    public Builder deduplicator(Deduplicator deduplicator) {
      this.deduplicator = Objects.requireNonNull(deduplicator, "deduplicator");
      return this;
    }

    /** Told of every feed event (worse, unreachable, recovered); may be called more than once to add several. */
    public Builder listener(FeedListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * How the listener for the register's {@code webhooks} is made (default {@link WebhookListener#of}: 5
     * attempts, 1 s backoff doubling); for instance {@code urls -> new WebhookListener(urls, 3,
     * Duration.ofMillis(100))}.
     */
    public Builder webhooks(Function<List<URI>, WebhookListener> factory) {
      this.webhooks = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /** The hub, its store opened (and migrated) unless one was given. */
    public Hub build() {
      if (store != null) {
        return new Hub(this, store, false);
      }
      return new Hub(this, jdbcUrl != null ? HubStore.open(jdbcUrl) : HubStore.openFolder(folder), true);
    }
  }
}
