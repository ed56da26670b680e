package io.github.oruk.hub.publish;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.hub.store.StoredRecord;
import io.github.oruk.model.Organization;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.query.Query;
import io.github.oruk.server.Capabilities;
import io.github.oruk.server.DirectoryProvider;
import io.github.oruk.server.PageRequest;
import io.github.oruk.server.Results;
import io.github.oruk.server.memory.InMemoryDirectory;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The hub's aggregate as a read-only ORUK 3.0 directory: serve it with {@code OrukApi.builder(directory)
 * .publishExtensions(true)} (the extensions carry the provenance) on any server of the SDK.
 *
 * <pre>{@code
 * HubDirectory directory = HubDirectory.builder(store)
 *     .hideUnassuredAfter(AssurancePolicy.parse("12m"))
 *     .build();
 * System.out.println(directory.published() + " published, " + directory.hidden() + " hidden");
 * OrukJettyServer server = OrukJettyServer.builder(OrukApi.builder(directory).publishExtensions(true).build())
 *     .port(8080).start();
 * }</pre>
 *
 * <p><b>What it publishes.</b> One service per {@link PublishedService} of its source: by default one per cluster,
 * the hub's merged view ({@link PublishedService#clusters}); {@link PublishedService#currentRecords} publishes
 * every current record as it came instead. The service's id is the cluster's (or the record's aggregate id); the
 * ids of its nested records
 * become ids of the aggregate too (see {@code AggregateIds}: the feed's name and the original id), so that
 * feeds using one id for different records never collide; taxonomy terms keep theirs.
 *
 * <p><b>Provenance</b> rides on each service as the extension property {@value #PROVENANCE}: a list with one
 * object per source record, {@code feed}, {@code original_id}, {@code aggregate_id}, {@code first_seen},
 * {@code last_seen}, {@code last_changed} and {@code content_hash}. ORUK 3.0's schemas allow properties they do
 * not define, so strict validation reports it as a note (ORUK-EXT-001), never a warning; generic clients ignore
 * it. It is in list items too, and {@code minimal=true} leaves it out like any other detail.
 *
 * <p><b>Filters.</b> Every endpoint and filter of the standard, answered by the SDK's
 * {@link InMemoryDirectory} built from the aggregate: one implementation of the filters' meaning for the whole SDK,
 * indexed, rather than a second one in SQL that could drift from it. The copy is rebuilt when the store changes:
 * at most every {@code checkEvery} (default 2 s) a request compares the store's {@link HubStore#refreshStamp()}
 * (and the date, for the assurance policy) with the copy's, and, when they differ, one request rebuilds it while
 * the others go on with the old copy. A rebuild that fails (the database is down) is logged and the old copy is
 * kept, so a client never gets a 500 for it.
 *
 * <p><b>Assurance.</b> With {@link Builder#hideUnassuredAfter}, services not assured within the period are left
 * out of every endpoint; they stay in the store, and {@link #hidden()} counts them.
 */
public final class HubDirectory implements DirectoryProvider {

  /** The extension property that carries a service's provenance. */
  public static final String PROVENANCE = "hub_provenance";

  private static final System.Logger LOG = System.getLogger(HubDirectory.class.getName());
  private static final OrukJson JSON = OrukJson.lenient();

  private final HubStore store;
  private final Supplier<List<PublishedService>> source;
  private final Supplier<?> version;
  private final @Nullable AssurancePolicy assurance;
  private final Clock clock;
  private final long checkEveryNanos;
  private final ReentrantLock rebuilding = new ReentrantLock();
  private volatile Snapshot snapshot;
  private volatile long checkedAt;

  private HubDirectory(Builder builder) {
    this.store = builder.store;
    this.source = builder.source != null ? builder.source : () -> PublishedService.clusters(store);
    this.version = builder.version != null ? builder.version : store::refreshStamp;
    this.assurance = builder.assurance;
    this.clock = builder.clock;
    this.checkEveryNanos = builder.checkEvery.toNanos();
    this.snapshot = build(version.get(), LocalDate.now(clock));
    this.checkedAt = System.nanoTime();
  }

  /** A directory over this store's aggregate. */
  public static Builder builder(HubStore store) {
    return new Builder(store);
  }

  /** How many services it publishes now. */
  public int published() {
    return current().directory().size();
  }

  /** How many services the assurance policy hides now (0 without one); they stay in the store. */
  public int hidden() {
    return current().hidden();
  }

  /** What it holds: one copy of the aggregate, with the version of the store and the day it was built for. */
  private record Snapshot(Object version, LocalDate day, InMemoryDirectory directory, int hidden) {
  }

  /** The copy to answer from: rebuilt first when the store or the day has changed since it was built. */
  private Snapshot current() {
    Snapshot held = snapshot;
    long now = System.nanoTime();
    if (now - checkedAt < checkEveryNanos || !rebuilding.tryLock()) {
      return held;
    }
    try {
      checkedAt = now;
      Object stamp = version.get();
      LocalDate today = LocalDate.now(clock);
      if (!stamp.equals(held.version()) || !today.equals(held.day())) {
        snapshot = build(stamp, today);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the hub's aggregate could not be reloaded; still publishing the copy of "
          + held.day() + " (" + e.getMessage() + ")", e);
    } finally {
      rebuilding.unlock();
    }
    return snapshot;
  }

  private Snapshot build(Object stamp, LocalDate today) {
    Map<UUID, StoredRecord> records = new HashMap<>();
    store.records().forEach(record -> records.put(record.aggregateId(), record));
    List<Service> services = new ArrayList<>();
    int hidden = 0;
    for (PublishedService published : source.get()) {
      if (assurance != null && !assurance.assured(published.service(), today)) {
        hidden++;
        continue;
      }
      services.add(publishable(published, records));
    }
    return new Snapshot(stamp, today, InMemoryDirectory.builder().addAll(services).build(), hidden);
  }

  /** The service with ids of the aggregate and its provenance. */
  private static Service publishable(PublishedService published, Map<UUID, StoredRecord> records) {
    ArrayNode provenance = JsonNodeFactory.instance.arrayNode();
    Set<String> serviceIds = new HashSet<>();
    String namespace = null;
    for (UUID id : published.sources()) {
      ObjectNode entry = provenance.addObject();
      StoredRecord record = records.get(id);
      if (record == null) {
        entry.put("aggregate_id", id.toString());
        continue;
      }
      namespace = namespace == null ? record.feed() : namespace;
      serviceIds.add(record.originalId());
      entry.put("feed", record.feed()).put("original_id", record.originalId())
          .put("aggregate_id", id.toString())
          .put("first_seen", record.firstSeen().toString()).put("last_seen", record.lastSeen().toString());
      putInstant(entry, "last_changed", record.lastChanged());
      if (record.contentHash() != null) {
        entry.put("content_hash", record.contentHash());
      }
    }
    String publishedId = published.id().toString();
    if (published.service().getId() != null) {
      serviceIds.add(published.service().getId());
    }
    ObjectNode tree = (ObjectNode) JSON.writeTree(published.service());
    new AggregateIds(namespace == null ? publishedId : namespace, serviceIds, publishedId).rewrite(tree);
    Service service = JSON.read(tree, Service.class).value();
    service.putExtension(PROVENANCE, provenance);
    return service;
  }

  private static void putInstant(ObjectNode entry, String name, @Nullable Instant instant) {
    if (instant != null) {
      entry.put(name, instant.toString());
    }
  }

  // ------------------------------------------------------------------------ the provider: the current copy's

  @Override
  public Capabilities capabilities() {
    return Capabilities.everything();
  }

  @Override
  public boolean recordsAreImmutable() {
    return true;
  }

  /**
   * The copy answers come from (checked against the store as often as answers are): pages are sent again as
   * written until a refresh, a curator's decision or a new day makes a new copy. A page written from a newer copy
   * than the version it was asked under is never sent again, as copies only move forward.
   */
  @Override
  public Object dataVersion() {
    return current().directory();
  }

  @Override
  public Results<Service> services(Query query, PageRequest page) {
    return current().directory().services(query, page);
  }

  @Override
  public Optional<Service> service(String id) {
    return current().directory().service(id);
  }

  @Override
  public Stream<Service> streamServices(Query query) {
    return current().directory().streamServices(query);
  }

  @Override
  public Results<ServiceAtLocation> serviceAtLocations(Query query, PageRequest page) {
    return current().directory().serviceAtLocations(query, page);
  }

  @Override
  public Optional<ServiceAtLocation> serviceAtLocation(String id) {
    return current().directory().serviceAtLocation(id);
  }

  @Override
  public Stream<ServiceAtLocation> streamServiceAtLocations(Query query) {
    return current().directory().streamServiceAtLocations(query);
  }

  @Override
  public Results<Organization> organizations(Query query, PageRequest page) {
    return current().directory().organizations(query, page);
  }

  @Override
  public Optional<Organization> organization(String id, boolean fullService) {
    return current().directory().organization(id, fullService);
  }

  @Override
  public Stream<Organization> streamOrganizations(Query query) {
    return current().directory().streamOrganizations(query);
  }

  @Override
  public Results<Taxonomy> taxonomies(Query query, PageRequest page) {
    return current().directory().taxonomies(query, page);
  }

  @Override
  public Optional<Taxonomy> taxonomy(String id) {
    return current().directory().taxonomy(id);
  }

  @Override
  public Stream<Taxonomy> streamTaxonomies(Query query) {
    return current().directory().streamTaxonomies(query);
  }

  @Override
  public Results<TaxonomyTerm> taxonomyTerms(Query query, PageRequest page) {
    return current().directory().taxonomyTerms(query, page);
  }

  @Override
  public Optional<TaxonomyTerm> taxonomyTerm(String id) {
    return current().directory().taxonomyTerm(id);
  }

  @Override
  public Stream<TaxonomyTerm> streamTaxonomyTerms(Query query) {
    return current().directory().streamTaxonomyTerms(query);
  }

  /** A directory's options; only the store is required. */
  public static final class Builder {
    private final HubStore store;
    private @Nullable Supplier<List<PublishedService>> source;
    private @Nullable Supplier<?> version;
    private @Nullable AssurancePolicy assurance;
    private Clock clock = Clock.systemUTC();
    private Duration checkEvery = Duration.ofSeconds(2);

    private Builder(HubStore store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * What to publish (default: {@link PublishedService#clusters}, the merged view), read again whenever the
     * {@link #version} changes.
     */
    public Builder source(Supplier<List<PublishedService>> source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * A value that changes whenever the source would give something else (default: the store's
     * {@link HubStore#refreshStamp()}); compared with {@code equals}.
     */
    public Builder version(Supplier<?> version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /** Hides services not assured within the policy's period (default: hides nothing). */
    public Builder hideUnassuredAfter(AssurancePolicy policy) {
      this.assurance = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The clock that says what day it is, for the assurance policy (default: UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How often at most a request checks whether the store has changed (default 2 s; zero: every request). */
    public Builder checkEvery(Duration checkEvery) {
      if (checkEvery.isNegative()) {
        throw new IllegalArgumentException("checkEvery must not be negative; got " + checkEvery);
      }
      this.checkEvery = checkEvery;
      return this;
    }

    /**
     * Reads the aggregate once.
     *
     * @throws io.github.oruk.hub.store.HubStoreException when the store cannot be read
     * @throws IllegalArgumentException when the source gives two services one id
     */
    public HubDirectory build() {
      return new HubDirectory(this);
    }
  }
}
