package io.github.oruk.hub.store;

import io.github.oruk.hub.dedup.Decision;
import io.github.oruk.hub.register.FeedEntry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;

/**
 * The hub's database: an H2 file by default ({@link #openFolder(Path)}), PostgreSQL or another H2 by JDBC URL
 * ({@link #open(String)}). Opening it brings the schema up to date with Flyway's migrations (shipped in the jar,
 * history in the table {@code oruk_hub_schema_history}), so a new database needs no set-up and an older one is
 * upgraded. In a PostgreSQL database shared with other software, give the hub a schema of its own
 * ({@code ?currentSchema=hub}).
 *
 * <p>Reads answer the questions a user of the aggregate asks: the records of a feed, one record with its
 * provenance, its history, the refreshes of a feed with their verdicts and counts, and their failures. The
 * writes are what a refresh does ({@link io.github.oruk.hub.refresh}); each leaves the store consistent on its
 * own, which is what lets a refresh cut short by a crash be resumed.
 *
 * <p>One connection, used by one thread at a time (the methods are synchronized): feeds are harvested
 * concurrently, but the network, not the store, is what they wait for.
 */
public final class HubStore implements AutoCloseable {

  private static final String HISTORY_TABLE = "oruk_hub_schema_history";
  private static final String MIGRATIONS = "classpath:oruk-hub/migration";
  private static final String RECORD_COLUMNS = "aggregate_id, feed, original_id, first_seen, last_seen, last_changed,"
      + " content_hash, withdrawn_at, document";
  private static final String REFRESH_COLUMNS = "id, feed, started_at, finished_at, status, detection, listed,"
      + " fetched, added, changed, unchanged, withdrawn, failed, parity_verdict, parity_errors, parity_warnings,"
      + " strict_verdict, strict_errors, strict_warnings, note";

  /** The records that take part in de-duplication and the merged view: read and not withdrawn. */
  private static final String CURRENT = "r.withdrawn_at is null and r.document is not null";

  private final Connection connection;
  private final String url;

  private HubStore(Connection connection, String url) {
    this.connection = connection;
    this.url = url;
  }

  /** The default store: the H2 file database {@code hub} in {@code folder} (created when missing). */
  public static HubStore openFolder(Path folder) {
    return open("jdbc:h2:file:" + folder.toAbsolutePath().normalize().resolve("hub"));
  }

  /**
   * The store at a JDBC URL ({@code jdbc:h2:...} or {@code jdbc:postgresql://host/db?user=...&password=...}),
   * migrated to the current schema.
   *
   * @throws HubStoreException when the database cannot be reached or migrated
   */
  public static HubStore open(String jdbcUrl) {
    return open(jdbcUrl, null, null);
  }

  /** As {@link #open(String)}, with a user and password given apart from the URL. */
  public static HubStore open(String jdbcUrl, @Nullable String user, @Nullable String password) {
    try {
      Flyway.configure(HubStore.class.getClassLoader())
          .dataSource(jdbcUrl, user, password)
          .locations(MIGRATIONS)
          .table(HISTORY_TABLE)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new HubStoreException("cannot bring the hub's store at " + redact(jdbcUrl) + " up to date: "
          + e.getMessage(), e);
    }
    try {
      Connection connection = user == null ? DriverManager.getConnection(jdbcUrl)
          : DriverManager.getConnection(jdbcUrl, user, password);
      return new HubStore(connection, redact(jdbcUrl));
    } catch (SQLException e) {
      throw new HubStoreException("cannot open the hub's store at " + redact(jdbcUrl) + ": " + e.getMessage(), e);
    }
  }

  /** The URL without a password in it. */
  private static String redact(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  @Override
  public String toString() {
    return "HubStore[" + url + "]";
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }

  // ------------------------------------------------------------------------------------------------- reads

  /** Every record of a feed, withdrawn ones included, by original id. */
  public synchronized List<StoredRecord> records(String feed) {
    return query("select " + RECORD_COLUMNS + " from hub_record where feed = ? order by original_id",
        HubStore::record, feed);
  }

  /** Every record of every feed, withdrawn ones included, by feed and original id. */
  public synchronized List<StoredRecord> records() {
    return query("select " + RECORD_COLUMNS + " from hub_record order by feed, original_id", HubStore::record);
  }

  /** A record by its aggregate id. */
  public synchronized Optional<StoredRecord> record(UUID aggregateId) {
    return query("select " + RECORD_COLUMNS + " from hub_record where aggregate_id = ?", HubStore::record,
        aggregateId).stream().findFirst();
  }

  /** A record by its feed and original id. */
  public synchronized Optional<StoredRecord> record(String feed, String originalId) {
    return record(AggregateId.of(feed, originalId));
  }

  /** A record's history, oldest first. */
  public synchronized List<RecordChange> history(UUID aggregateId) {
    return query("select aggregate_id, refresh_id, changed_at, kind, content_hash, document from hub_change"
        + " where aggregate_id = ? order by id", rs -> new RecordChange(rs.getObject(1, UUID.class), rs.getLong(2),
        instant(rs, 3), RecordChange.Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6)), aggregateId);
  }

  /**
   * Every change of every record, oldest first, for counting changes over time: as {@link #history(UUID)} gives
   * them, but without documents ({@code document} is null in each, to keep a long history small).
   */
  public synchronized List<RecordChange> changes() {
    return query("select aggregate_id, refresh_id, changed_at, kind, content_hash from hub_change order by id",
        rs -> new RecordChange(rs.getObject(1, UUID.class), rs.getLong(2), instant(rs, 3),
            RecordChange.Kind.valueOf(rs.getString(4)), rs.getString(5), null));
  }

  /** The refreshes of a feed, oldest first. */
  public synchronized List<FeedRefresh> refreshes(String feed) {
    return query("select " + REFRESH_COLUMNS + " from hub_refresh where feed = ? order by id", HubStore::refresh,
        feed);
  }

  /**
   * The monitoring history of a feed: every finished refresh, oldest first, with its availability, response
   * times and top findings beside its verdicts and counts. A refresh still running is left out.
   */
  public synchronized List<FeedRun> history(String feed) {
    Map<Long, List<Monitoring.FindingCount>> findings = new HashMap<>();
    query("select f.refresh_id, f.code, f.severity, f.occurrences from hub_finding f join hub_refresh r"
        + " on r.id = f.refresh_id where r.feed = ? order by f.refresh_id, f.occurrences desc, f.code", rs -> {
          findings.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
              .add(new Monitoring.FindingCount(rs.getString(2), rs.getString(3), rs.getInt(4)));
          return null;
        }, feed);
    return query("select " + REFRESH_COLUMNS + ", reachable, requests, p50_ms, p95_ms from hub_refresh"
        + " where feed = ? and finished_at is not null order by id", rs -> {
          FeedRefresh refresh = refresh(rs);
          Boolean reachable = rs.getObject(21, Boolean.class);
          Monitoring monitoring = reachable == null ? null : new Monitoring(reachable, rs.getInt(22),
              millis(rs, 23), millis(rs, 24), findings.getOrDefault(refresh.id(), List.of()));
          return new FeedRun(refresh, monitoring);
        }, feed);
  }

  private static @Nullable Duration millis(ResultSet rs, int column) throws SQLException {
    Integer millis = rs.getObject(column, Integer.class);
    return millis == null ? null : Duration.ofMillis(millis);
  }

  /** The names of the feeds the store has been told of (by refreshes, from their register), in name order. */
  public synchronized List<String> feeds() {
    return query("select name from hub_feed order by name", rs -> rs.getString(1));
  }

  /** What the register last said about a feed (its URL, publisher, ...), if the store has been told of it. */
  public synchronized Optional<FeedEntry> feed(String name) {
    return query("select name, url, publisher, licence, contact, taxonomy, refresh_seconds from hub_feed where name = ?",
        rs -> new FeedEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), Duration.ofSeconds(rs.getLong(7))), name).stream().findFirst();
  }

  /** A refresh by id. */
  public synchronized Optional<FeedRefresh> refresh(long id) {
    return query("select " + REFRESH_COLUMNS + " from hub_refresh where id = ?", HubStore::refresh, id)
        .stream().findFirst();
  }

  /** What a refresh could not read. */
  public synchronized List<StoredFailure> failures(long refreshId) {
    return query("select refresh_id, original_id, address, status, cause from hub_failure where refresh_id = ?"
        + " order by id", rs -> new StoredFailure(rs.getLong(1), rs.getString(2), rs.getString(3),
        rs.getObject(4, Integer.class), rs.getString(5)), refreshId);
  }

  /**
   * A value that changes whenever a refresh starts or ends (the number of refreshes and of finished ones) and
   * whenever a curator decides (the number of decisions and the latest), for a reader that keeps a copy of the
   * aggregate, such as the republishing directory, to tell cheaply that it may be stale. What a running refresh
   * writes shows in it when that refresh ends; a decision shows at once.
   */
  public synchronized String refreshStamp() {
    String refreshes = query("select count(*), count(finished_at) from hub_refresh",
        rs -> rs.getLong(1) + "/" + rs.getLong(2)).get(0);
    String decisions = query("select count(*), max(decided_at) from hub_decision",
        rs -> rs.getLong(1) + "/" + rs.getObject(2)).get(0);
    return refreshes + "/" + decisions;
  }

  // ------------------------------------------------------------------------------------------------ writes

  /** Records a feed of the register (or updates what the register says about it). */
  public synchronized void register(FeedEntry feed, Instant now) {
    int updated = update("update hub_feed set url = ?, publisher = ?, licence = ?, contact = ?, taxonomy = ?,"
        + " refresh_seconds = ? where name = ?", feed.url(), feed.publisher(), feed.licence(), feed.contact(),
        feed.taxonomy(), feed.refresh().toSeconds(), feed.name());
    if (updated == 0) {
      update("insert into hub_feed (name, url, publisher, licence, contact, taxonomy, refresh_seconds, registered_at)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?)", feed.name(), feed.url(), feed.publisher(), feed.licence(),
          feed.contact(), feed.taxonomy(), feed.refresh().toSeconds(), time(now));
    }
  }

  /**
   * The refresh of a feed that a crash cut short, if there is one (its failures are forgotten, as everything
   * they concern is tried again); otherwise a new one, started now.
   */
  public synchronized FeedRefresh startOrResume(String feed, Instant now) {
    List<FeedRefresh> running = query("select " + REFRESH_COLUMNS + " from hub_refresh where feed = ? and status = ?"
        + " order by id", HubStore::refresh, feed, FeedRefresh.Status.RUNNING.name());
    if (!running.isEmpty()) {
      FeedRefresh resumed = running.get(running.size() - 1);
      update("delete from hub_failure where refresh_id = ?", resumed.id());
      return resumed;
    }
    update("insert into hub_refresh (feed, started_at, status) values (?, ?, ?)", feed, time(now),
        FeedRefresh.Status.RUNNING.name());
    List<FeedRefresh> started = query("select " + REFRESH_COLUMNS + " from hub_refresh where feed = ? and status = ?"
        + " order by id desc", HubStore::refresh, feed, FeedRefresh.Status.RUNNING.name());
    return started.get(0);
  }

  /** When the last complete refresh of a feed started (what {@code modified_after} asks from), if any. */
  public synchronized Optional<Instant> lastCompleteStart(String feed) {
    return query("select max(started_at) from hub_refresh where feed = ? and status = ?",
        rs -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant), feed,
        FeedRefresh.Status.COMPLETE.name()).get(0);
  }

  /**
   * What the store knows of each record of a feed, by original id, for deciding which details to read.
   *
   * @param listHash the content hash of the record's list item when its details were last read
   * @param read whether its details have been read
   * @param checkedRefresh the refresh that last read its details
   */
  public record Known(@Nullable String listHash, boolean read, long checkedRefresh) {
  }

  /** {@link Known} for every record of a feed. */
  public synchronized Map<String, Known> known(String feed) {
    Map<String, Known> known = new HashMap<>();
    query("select original_id, list_hash, content_hash, checked_refresh from hub_record where feed = ?", rs -> {
      known.put(rs.getString(1), new Known(rs.getString(2), rs.getString(3) != null, rs.getLong(4)));
      return null;
    }, feed);
    return known;
  }

  /**
   * Notes that a refresh listed these records: new ones are added (provenance only, until their details are
   * read), the others' {@code last_seen} moves on, and withdrawn ones return. One transaction.
   */
  public synchronized void listed(long refreshId, String feed, List<String> originalIds, Instant now) {
    transaction(() -> {
      OffsetDateTime at = time(now);
      try (PreparedStatement seen = connection.prepareStatement("update hub_record set last_seen = ?, seen_refresh = ?"
          + " where aggregate_id = ?");
          PreparedStatement add = connection.prepareStatement("insert into hub_record (aggregate_id, feed, original_id,"
              + " first_seen, last_seen, seen_refresh) values (?, ?, ?, ?, ?, ?)")) {
        java.util.Set<UUID> back = new java.util.HashSet<>(query("select aggregate_id from hub_record where feed = ? and withdrawn_at is not null",
            rs -> rs.getObject(1, UUID.class), feed));
        for (String id : originalIds) {
          UUID aggregateId = AggregateId.of(feed, id);
          seen.setObject(1, at);
          seen.setLong(2, refreshId);
          seen.setObject(3, aggregateId);
          if (seen.executeUpdate() == 0) {
            add.setObject(1, aggregateId);
            add.setString(2, feed);
            add.setString(3, id);
            add.setObject(4, at);
            add.setObject(5, at);
            add.setLong(6, refreshId);
            add.executeUpdate();
          } else if (back.contains(aggregateId)) {
            update("update hub_record set withdrawn_at = null where aggregate_id = ?", aggregateId);
            change(aggregateId, refreshId, at, RecordChange.Kind.RETURNED, null, null);
          }
        }
      }
    });
  }

  /** What storing a record's details found. */
  public enum Outcome {
    /** Its details were read for the first time. */
    ADDED,
    /** Its content differs from what was stored. */
    CHANGED,
    /** Its content is what was stored. */
    UNCHANGED
  }

  /**
   * Stores a record's details as read by a refresh, noting a change in its history when its content hash
   * differs from the stored one. One transaction.
   */
  public synchronized Outcome read(long refreshId, String feed, String originalId, String listHash,
      String document, String contentHash, Instant now) {
    UUID aggregateId = AggregateId.of(feed, originalId);
    OffsetDateTime at = time(now);
    Outcome[] outcome = new Outcome[1];
    transaction(() -> {
      List<Optional<String>> stored = query("select content_hash from hub_record where aggregate_id = ?",
          rs -> Optional.ofNullable(rs.getString(1)), aggregateId);
      if (stored.isEmpty()) {
        update("insert into hub_record (aggregate_id, feed, original_id, first_seen, last_seen, seen_refresh)"
            + " values (?, ?, ?, ?, ?, ?)", aggregateId, feed, originalId, at, at, refreshId);
      }
      String before = stored.isEmpty() ? null : stored.get(0).orElse(null);
      outcome[0] = before == null ? Outcome.ADDED : before.equals(contentHash) ? Outcome.UNCHANGED : Outcome.CHANGED;
      if (outcome[0] == Outcome.UNCHANGED) {
        update("update hub_record set list_hash = ?, checked_refresh = ? where aggregate_id = ?", listHash, refreshId,
            aggregateId);
      } else {
        update("update hub_record set list_hash = ?, checked_refresh = ?, content_hash = ?, document = ?,"
            + " last_changed = ? where aggregate_id = ?", listHash, refreshId, contentHash, document, at, aggregateId);
        change(aggregateId, refreshId, at, outcome[0] == Outcome.ADDED ? RecordChange.Kind.ADDED
            : RecordChange.Kind.CHANGED, contentHash, document);
      }
    });
    return outcome[0];
  }

  /** Stores something a refresh could not read. */
  public synchronized void failed(StoredFailure failure) {
    update("insert into hub_failure (refresh_id, original_id, address, status, cause) values (?, ?, ?, ?, ?)",
        failure.refreshId(), failure.originalId(), failure.address(), failure.status(), failure.cause());
  }

  /**
   * Marks withdrawn, as of now, every live record of the feed that this (complete) refresh did not list, noting
   * it in their history. One transaction. Nothing is deleted.
   *
   * @return how many were withdrawn
   */
  public synchronized int withdrawUnlisted(long refreshId, String feed, Instant now) {
    OffsetDateTime at = time(now);
    int[] count = new int[1];
    transaction(() -> {
      List<UUID> gone = query("select aggregate_id from hub_record where feed = ? and withdrawn_at is null"
          + " and (seen_refresh is null or seen_refresh <> ?)", rs -> rs.getObject(1, UUID.class), feed, refreshId);
      for (UUID aggregateId : gone) {
        update("update hub_record set withdrawn_at = ? where aggregate_id = ?", at, aggregateId);
        change(aggregateId, refreshId, at, RecordChange.Kind.WITHDRAWN, null, null);
      }
      count[0] = gone.size();
    });
    return count[0];
  }

  /**
   * Ends a refresh: its counts are taken from the store (so a resumed refresh counts what it did before the
   * crash too), with {@code listed} as the refresh saw it.
   */
  public synchronized FeedRefresh finish(long refreshId, FeedRefresh.Status status, @Nullable String detection,
      int listed, FeedRefresh.@Nullable FeedVerdict parity, FeedRefresh.@Nullable FeedVerdict strict,
      @Nullable String note, Instant now) {
    int fetched = count("select count(*) from hub_record where checked_refresh = ?", refreshId);
    int added = count("select count(*) from hub_change where refresh_id = ? and kind = 'ADDED'", refreshId);
    int changed = count("select count(*) from hub_change where refresh_id = ? and kind = 'CHANGED'", refreshId);
    int withdrawn = count("select count(*) from hub_change where refresh_id = ? and kind = 'WITHDRAWN'", refreshId);
    int failed = count("select count(*) from hub_failure where refresh_id = ?", refreshId);
    update("update hub_refresh set finished_at = ?, status = ?, detection = ?, listed = ?, fetched = ?, added = ?,"
        + " changed = ?, unchanged = ?, withdrawn = ?, failed = ?, parity_verdict = ?, parity_errors = ?,"
        + " parity_warnings = ?, strict_verdict = ?, strict_errors = ?, strict_warnings = ?, note = ? where id = ?",
        time(now), status.name(), detection, listed, fetched, added, changed, fetched - added - changed, withdrawn,
        failed, parity == null ? null : parity.verdict(), parity == null ? null : parity.errors(),
        parity == null ? null : parity.warnings(), strict == null ? null : strict.verdict(),
        strict == null ? null : strict.errors(), strict == null ? null : strict.warnings(),
        note == null || note.length() <= 4000 ? note : note.substring(0, 3997) + "...", refreshId);
    return refresh(refreshId).orElseThrow();
  }

  /** Stores what a finished refresh saw of the feed as a service (one transaction; replaces what was there). */
  public synchronized void monitored(long refreshId, Monitoring monitoring) {
    transaction(() -> {
      update("update hub_refresh set reachable = ?, requests = ?, p50_ms = ?, p95_ms = ? where id = ?",
          monitoring.reachable(), monitoring.requests(), toMillis(monitoring.p50()), toMillis(monitoring.p95()),
          refreshId);
      update("delete from hub_finding where refresh_id = ?", refreshId);
      for (Monitoring.FindingCount finding : monitoring.topFindings()) {
        update("insert into hub_finding (refresh_id, code, severity, occurrences) values (?, ?, ?, ?)", refreshId,
            finding.code(), finding.severity(), finding.count());
      }
    });
  }

  private static @Nullable Integer toMillis(@Nullable Duration duration) {
    return duration == null ? null : (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
  }

  // ------------------------------------------------------------------------------------------------ clusters

  /**
   * Replaces the engine's pairs with those of its latest run and brings the clusters up to date with them
   * and the decisions ({@link Clustering}). One transaction.
   */
  public synchronized ClusterSummary storePairs(List<StoredPair> pairs) {
    transaction(() -> {
      update("delete from hub_pair");
      try (PreparedStatement insert = connection.prepareStatement("insert into hub_pair (a, b, score, decision)"
          + " values (?, ?, ?, ?)")) {
        for (StoredPair pair : pairs) {
          StoredPair ordered = pair.ordered();
          insert.setObject(1, ordered.a());
          insert.setObject(2, ordered.b());
          insert.setDouble(3, ordered.score());
          insert.setString(4, ordered.decision().name());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      recluster();
    });
    return clusterSummary();
  }

  /**
   * Records a curator's decision about two records (replacing an earlier one about the same two) and brings
   * the clusters up to date. One transaction.
   *
   * @throws IllegalArgumentException when the two ids are one, or the store has no record with one of them
   */
  public synchronized ClusterSummary decide(UUID a, UUID b, CuratorDecision decision, Instant now) {
    if (a.equals(b)) {
      throw new IllegalArgumentException("a decision is about two records; got " + a + " twice");
    }
    for (UUID id : List.of(a, b)) {
      if (record(id).isEmpty()) {
        throw new IllegalArgumentException("no record with aggregate id " + id + " in " + url);
      }
    }
    UUID first = a.compareTo(b) < 0 ? a : b;
    UUID second = first.equals(a) ? b : a;
    transaction(() -> {
      update("delete from hub_decision where a = ? and b = ?", first, second);
      update("insert into hub_decision (a, b, decision, decided_at) values (?, ?, ?, ?)", first, second,
          decision.name(), time(now));
      recluster();
    });
    return clusterSummary();
  }

  /** Every curator decision, oldest first. */
  public synchronized List<StoredDecision> decisions() {
    return query("select a, b, decision, decided_at from hub_decision order by decided_at, a, b",
        rs -> new StoredDecision(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            CuratorDecision.valueOf(rs.getString(3)), instant(rs, 4)));
  }

  /** The engine's pairs from its latest run, by score, highest first. */
  public synchronized List<StoredPair> pairs() {
    return query("select a, b, score, decision from hub_pair order by score desc, a, b", rs -> new StoredPair(
        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getDouble(3), Decision.valueOf(rs.getString(4))));
  }

  /**
   * The cluster a record is in, by its id: the cluster's id (its oldest current record's aggregate id). A record
   * merged into another cluster resolves to that cluster; a withdrawn record to the cluster it was last in, or
   * where that cluster went; a record never clustered to itself. Empty when no record has this id.
   */
  public synchronized Optional<UUID> resolve(UUID aggregateId) {
    Optional<UUID> cluster = query("select cluster_id from hub_cluster where aggregate_id = ?",
        rs -> rs.getObject(1, UUID.class), aggregateId).stream().findFirst();
    return cluster.isPresent() ? cluster : record(aggregateId).map(StoredRecord::aggregateId);
  }

  /**
   * The clusters of the current records (read, not withdrawn): cluster id to its records' aggregate ids, oldest
   * first; by cluster id. A current record the engine has not yet seen (before the first de-duplication) is a
   * cluster of its own.
   */
  public synchronized Map<UUID, List<UUID>> clusters() {
    Map<UUID, List<UUID>> clusters = new java.util.TreeMap<>();
    query("select r.aggregate_id, c.cluster_id from hub_record r left join hub_cluster c"
        + " on c.aggregate_id = r.aggregate_id where " + CURRENT + " order by r.first_seen, r.aggregate_id", rs -> {
          UUID id = rs.getObject(1, UUID.class);
          UUID cluster = rs.getObject(2, UUID.class);
          clusters.computeIfAbsent(cluster == null ? id : cluster, k -> new ArrayList<>()).add(id);
          return null;
        });
    return clusters;
  }

  /**
   * The current records of a cluster, oldest first: those assigned to it, or the record with this id alone when
   * it is current and not yet clustered. Empty when the id is no cluster's.
   */
  public synchronized List<StoredRecord> members(UUID clusterId) {
    List<StoredRecord> members = query("select " + RECORD_COLUMNS.replaceAll("(\\w+)", "r.$1") + " from hub_record r"
        + " join hub_cluster c on c.aggregate_id = r.aggregate_id where c.cluster_id = ? and " + CURRENT
        + " order by r.first_seen, r.aggregate_id", HubStore::record, clusterId);
    if (members.isEmpty() && count("select count(*) from hub_cluster where aggregate_id = ?", clusterId) == 0) {
      return record(clusterId).filter(HubStore::current).map(List::of).orElse(List.of());
    }
    return members;
  }

  /**
   * The pairs waiting for a curator, highest score first: scored {@code review} by the engine's latest run,
   * both records current, in different clusters (a pair the matches already put in one cluster is not asked
   * about), and not decided.
   */
  public synchronized List<ReviewPair> reviews() {
    List<ReviewPair> reviews = new ArrayList<>();
    query("select p.a, p.b, p.score from hub_pair p join hub_cluster ca on ca.aggregate_id = p.a"
        + " join hub_cluster cb on cb.aggregate_id = p.b where p.decision = 'REVIEW' and ca.cluster_id <> cb.cluster_id"
        + " and not exists (select 1 from hub_decision d where d.a = p.a and d.b = p.b)"
        + " order by p.score desc, p.a, p.b", rs -> {
          Optional<StoredRecord> a = record(rs.getObject(1, UUID.class)).filter(HubStore::current);
          Optional<StoredRecord> b = record(rs.getObject(2, UUID.class)).filter(HubStore::current);
          if (a.isPresent() && b.isPresent()) {
            reviews.add(new ReviewPair(a.get(), b.get(), rs.getDouble(3)));
          }
          return null;
        });
    return reviews;
  }

  /** How the clusters stand. */
  public synchronized ClusterSummary clusterSummary() {
    int records = count("select count(*) from hub_record r where " + CURRENT);
    return new ClusterSummary(records, clusters().size(), reviews().size());
  }

  private static boolean current(StoredRecord record) {
    return record.live() && record.document() != null;
  }

  /** Assigns every current record its cluster from the pairs and decisions; writes the rows that changed. */
  private void recluster() throws SQLException {
    Map<UUID, Instant> current = new java.util.LinkedHashMap<>();
    query("select r.aggregate_id, r.first_seen from hub_record r where " + CURRENT, rs -> {
      current.put(rs.getObject(1, UUID.class), instant(rs, 2));
      return null;
    });
    Map<UUID, UUID> previous = new HashMap<>();
    query("select aggregate_id, cluster_id from hub_cluster", rs -> {
      previous.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
      return null;
    });
    Map<UUID, UUID> assigned = Clustering.assign(current, pairs(), decisions(), previous);
    try (PreparedStatement insert = connection.prepareStatement("insert into hub_cluster (aggregate_id, cluster_id)"
        + " values (?, ?)");
        PreparedStatement move = connection.prepareStatement("update hub_cluster set cluster_id = ?"
            + " where aggregate_id = ?")) {
      for (Map.Entry<UUID, UUID> row : assigned.entrySet()) {
        UUID before = previous.get(row.getKey());
        if (before == null) {
          insert.setObject(1, row.getKey());
          insert.setObject(2, row.getValue());
          insert.addBatch();
        } else if (!before.equals(row.getValue())) {
          move.setObject(1, row.getValue());
          move.setObject(2, row.getKey());
          move.addBatch();
        }
      }
      insert.executeBatch();
      move.executeBatch();
    }
  }

  // ------------------------------------------------------------------------------------------------ plumbing

  private void change(UUID aggregateId, long refreshId, OffsetDateTime at, RecordChange.Kind kind,
      @Nullable String contentHash, @Nullable String document) {
    update("insert into hub_change (aggregate_id, refresh_id, changed_at, kind, content_hash, document)"
        + " values (?, ?, ?, ?, ?, ?)", aggregateId, refreshId, at, kind.name(), contentHash, document);
  }

  private static StoredRecord record(ResultSet rs) throws SQLException {
    return new StoredRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), instant(rs, 4),
        instant(rs, 5), nullableInstant(rs, 6), rs.getString(7), nullableInstant(rs, 8), rs.getString(9));
  }

  private static FeedRefresh refresh(ResultSet rs) throws SQLException {
    return new FeedRefresh(rs.getLong(1), rs.getString(2), instant(rs, 3), nullableInstant(rs, 4),
        FeedRefresh.Status.valueOf(rs.getString(5)), rs.getString(6),
        new FeedRefresh.Counts(rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12),
            rs.getInt(13)), verdict(rs, 14), verdict(rs, 17), rs.getString(20));
  }

  private static FeedRefresh.@Nullable FeedVerdict verdict(ResultSet rs, int column) throws SQLException {
    String verdict = rs.getString(column);
    return verdict == null ? null : new FeedRefresh.FeedVerdict(verdict, rs.getInt(column + 1), rs.getInt(column + 2));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Instant instant = nullableInstant(rs, column);
    if (instant == null) {
      throw new SQLException("column " + column + " is null");
    }
    return instant;
  }

  private static @Nullable Instant nullableInstant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }

  /** Instants as stored: UTC, to the microsecond (PostgreSQL's precision), so that they read back equal. */
  private static OffsetDateTime time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  /** Reads rows. */
  private interface Row<T> {
    @Nullable T read(ResultSet rs) throws SQLException;
  }

  /** Work inside a transaction. */
  private interface Work {
    void run() throws SQLException;
  }

  private <T> List<T> query(String sql, Row<T> row, @Nullable Object... parameters) {
    try (PreparedStatement statement = prepare(sql, parameters); ResultSet rs = statement.executeQuery()) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        T value = row.read(rs);
        if (value != null) {
          rows.add(value);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  private int count(String sql, Object... parameters) {
    return query(sql, rs -> rs.getInt(1), parameters).get(0);
  }

  private int update(String sql, @Nullable Object... parameters) {
    try (PreparedStatement statement = prepare(sql, parameters)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  private PreparedStatement prepare(String sql, @Nullable Object... parameters) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      Object parameter = parameters[i];
      if (parameter == null) {
        statement.setNull(i + 1, Types.NULL);
      } else {
        statement.setObject(i + 1, parameter);
      }
    }
    return statement;
  }

  private void transaction(Work work) {
    try {
      connection.setAutoCommit(false);
      try {
        work.run();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure("transaction", e);
    }
  }

  private HubStoreException failure(String what, SQLException e) {
    return new HubStoreException("the hub's store at " + url + " failed (" + what.strip().split("\\s+", 2)[0]
        + "): " + e.getMessage(), e);
  }
}
