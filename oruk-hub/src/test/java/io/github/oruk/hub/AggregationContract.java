package io.github.oruk.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.hub.refresh.ProgressListener;
import io.github.oruk.hub.refresh.RefreshProgress;
import io.github.oruk.hub.register.Register;
import io.github.oruk.hub.store.AggregateId;
import io.github.oruk.hub.store.FeedRefresh;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.hub.store.RecordChange;
import io.github.oruk.hub.store.StoredRecord;
import io.github.oruk.model.Service;
import io.github.oruk.testkit.feed.FakeFeed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three feeds aggregated into a store; each database runs these through a subclass. */
abstract class AggregationContract {

  @TempDir
  Path folder;

  /** A new, empty store (the same database each time it is called within one test). */
  abstract HubStore openStore() throws Exception;

  private Hub hub(Register register, HubStore store) {
    return Hub.builder(register).store(store).client(b -> b.backoff(Duration.ofMillis(5), Duration.ofMillis(40)))
        .build();
  }

  @Test
  void threeFeedsAggregateIntoTheExpectedUnionWithProvenanceAndVerdicts() throws Exception {
    try (ThreeFeeds feeds = new ThreeFeeds(folder); HubStore store = openStore();
        Hub hub = hub(feeds.register(folder), store)) {
      HubReport report = hub.refresh();

      assertTrue(report.complete(), () -> "every feed read completely: " + report);
      assertEquals(expectedDocuments(feeds.north.services()), documents(store, "north"));
      assertEquals(expectedDocuments(IntStream.range(30, 80).mapToObj(ThreeFeeds.GENERATOR::service).toList()),
          documents(store, "charities"));
      assertEquals(new TreeSet<>(feeds.legacy.ids()), documents(store, "legacy").keySet(), "legacy v1 ids");
      assertTrue(store.records("legacy").stream().allMatch(r -> r.document() != null && r.contentHash() != null));
      assertEquals(150, store.records().size(), "60 + 40 + 50 records, none lost, none twice");
      assertTrue(feeds.proxy.injected(io.github.oruk.testkit.fault.FaultProxy.Fault.SERVICE_UNAVAILABLE) > 0,
          "the proxy did fail some requests");

      StoredRecord one = store.record("north", feeds.north.services().get(3).getId()).orElseThrow();
      assertEquals(AggregateId.of("north", one.originalId()), one.aggregateId());
      assertEquals("north", one.feed());
      assertNotNull(one.lastChanged());
      assertEquals(one.firstSeen(), one.lastSeen());
      assertNull(one.withdrawnAt());
      assertEquals(64, one.contentHash().length());

      Map<String, FeedRefresh> byFeed = report.feeds().stream().map(HubReport.FeedOutcome::refresh)
          .collect(Collectors.toMap(FeedRefresh::feed, Function.identity()));
      assertEquals(new FeedRefresh.Counts(60, 60, 60, 0, 0, 0, 0), byFeed.get("north").counts());
      assertEquals(new FeedRefresh.Counts(40, 40, 40, 0, 0, 0, 0), byFeed.get("legacy").counts());
      assertEquals(new FeedRefresh.Counts(50, 50, 50, 0, 0, 0, 0), byFeed.get("charities").counts());
      assertEquals("content hash", byFeed.get("legacy").detection(), "a v1 feed takes no modified_after");
      assertEquals("file", byFeed.get("charities").detection());
      assertNotNull(byFeed.get("north").parity(), "parity verdict stored");
      assertNotNull(byFeed.get("north").strict(), "strict verdict stored");
      assertEquals(byFeed.get("north"), store.refreshes("north").get(0), "the report is what the store holds");
    }
  }

  @Test
  void aSecondRefreshReadsOnlyWhatChangedWithdrawsWhatDisappearedAndKeepsTheIds() throws Exception {
    try (ThreeFeeds feeds = new ThreeFeeds(folder); HubStore store = openStore();
        Hub hub = hub(feeds.register(folder), store)) {
      hub.refresh();
      Map<String, UUID> idsBefore = store.records().stream()
          .collect(Collectors.toMap(r -> r.feed() + "/" + r.originalId(), StoredRecord::aggregateId));
      String changed = feeds.north.services().get(5).getId();
      String gone = feeds.north.services().get(7).getId();
      Service added = ThreeFeeds.GENERATOR.service(200);
      feeds.north.change(changed, s -> s.name(s.getName() + " (renamed)"));
      feeds.north.remove(gone);
      feeds.north.add(added);
      List<Service> charities = IntStream.range(31, 80).mapToObj(ThreeFeeds.GENERATOR::service).toList();
      feeds.writeCharities(charities);   // service 30 withdrawn from the file
      Map<String, Integer> northBefore = detailRequests(feeds, idsOf(feeds.north.services()));
      int legacyBefore = feeds.legacy.detailRequests();

      HubReport second = hub.refresh();

      assertTrue(second.complete(), second::toString);
      Map<String, Integer> northAfter = detailRequests(feeds, idsOf(feeds.north.services()));
      Set<String> asked = northAfter.keySet().stream()
          .filter(id -> northAfter.get(id) > northBefore.getOrDefault(id, 0)).collect(Collectors.toSet());
      assertEquals(Set.of(changed, added.getId()), asked, "only the changed and the new record's details are read");
      assertEquals(legacyBefore, feeds.legacy.detailRequests(), "nothing changed in the legacy feed: no details read");

      FeedRefresh north = store.refreshes("north").get(1);
      assertEquals(new FeedRefresh.Counts(60, 2, 1, 1, 0, 1, 0), north.counts());
      assertEquals("modified_after", north.detection());
      FeedRefresh file = store.refreshes("charities").get(1);
      assertEquals(new FeedRefresh.Counts(49, 0, 0, 0, 0, 1, 0), file.counts());

      StoredRecord withdrawn = store.record("north", gone).orElseThrow();
      assertNotNull(withdrawn.withdrawnAt(), "withdrawn, with the date");
      assertNotNull(withdrawn.document(), "and kept, never deleted");
      assertEquals(List.of(RecordChange.Kind.ADDED, RecordChange.Kind.WITHDRAWN), kinds(store, withdrawn.aggregateId()));
      assertNotNull(store.record("charities", ThreeFeeds.GENERATOR.service(30).getId()).orElseThrow().withdrawnAt());

      StoredRecord renamed = store.record("north", changed).orElseThrow();
      List<RecordChange> history = store.history(renamed.aggregateId());
      assertEquals(List.of(RecordChange.Kind.ADDED, RecordChange.Kind.CHANGED), kinds(store, renamed.aggregateId()));
      assertTrue(history.get(1).document().contains("(renamed)"), "the history keeps each version");
      assertTrue(!history.get(0).contentHash().equals(history.get(1).contentHash()));
      assertEquals(renamed.contentHash(), history.get(1).contentHash());
      assertTrue(renamed.lastSeen().isAfter(renamed.firstSeen()));

      for (StoredRecord record : store.records()) {
        UUID before = idsBefore.get(record.feed() + "/" + record.originalId());
        assertTrue(before == null || before.equals(record.aggregateId()), "stable ids: " + record);
      }
      assertEquals(151, store.records().size(), "150 + the one added; withdrawn ones stay");

      feeds.north.add(ThreeFeeds.GENERATOR.service(7));   // the withdrawn one comes back
      hub.refresh("north");
      assertNull(store.record("north", gone).orElseThrow().withdrawnAt());
      assertEquals(List.of(RecordChange.Kind.ADDED, RecordChange.Kind.WITHDRAWN, RecordChange.Kind.RETURNED),
          kinds(store, withdrawn.aggregateId()));
    }
  }

  @Test
  void aRefreshCutShortByACrashIsResumedWithoutReadingAgainWhatItHadRead() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(80).seed(5).start(); HubStore store = openStore()) {
      Register register = Register.builder().feed("county", feed.baseUri().toString()).build();
      Hub crashing = Hub.builder(register).store(store).concurrency(4).progress(crashAfterReading(30)).build();
      IllegalStateException crash = assertThrows(IllegalStateException.class, crashing::refresh);
      assertEquals("simulated crash", crash.getMessage());
      FeedRefresh cut = store.refreshes("county").get(0);
      assertEquals(FeedRefresh.Status.RUNNING, cut.status(), "a crash leaves the refresh running");
      long stored = store.records("county").stream().filter(r -> r.document() != null).count();
      assertEquals(30, stored, "progress was persisted record by record");
      int requestsBefore = feed.detailRequests();

      List<RefreshProgress> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
      HubReport resumed = Hub.builder(register).store(store).progress(seen::add).build().refresh();

      assertTrue(resumed.complete(), resumed::toString);
      FeedRefresh refresh = resumed.feeds().get(0).refresh();
      assertEquals(cut.id(), refresh.id(), "the same refresh, resumed");
      assertEquals(cut.startedAt(), refresh.startedAt());
      assertEquals(80 - 30, feed.detailRequests() - requestsBefore, "only what was not stored is read again");
      assertEquals(new FeedRefresh.Counts(80, 80, 80, 0, 0, 0, 0), refresh.counts());
      assertEquals(1, store.refreshes("county").size());
      for (StoredRecord record : store.records("county")) {
        assertEquals(List.of(RecordChange.Kind.ADDED), kinds(store, record.aggregateId()), "one ADDED each");
      }
      assertEquals(RefreshProgress.Phase.DONE, seen.get(seen.size() - 1).phase());
      assertEquals(50, seen.stream().filter(p -> p.phase() == RefreshProgress.Phase.READING).mapToInt(
          RefreshProgress::toRead).max().orElse(0), "progress counts what is left to read");
    }
  }

  @Test
  void aCrashDuringAnIncrementalRefreshIsResumedWithoutReadingAgainTheChangesItHadRead() throws Exception {
    List<Service> services = IntStream.range(0, 50).mapToObj(ThreeFeeds.GENERATOR::service).toList();
    try (ChangingDirectory directory = new ChangingDirectory(services);
        io.github.oruk.testkit.fault.FaultProxy counter =
            io.github.oruk.testkit.fault.FaultProxy.builder(directory.uri()).start();
        HubStore store = openStore()) {
      Register register = Register.builder().feed("county", counter.baseUri().toString()).build();
      Hub.builder(register).store(store).build().refresh();
      List<String> changed = services.subList(0, 20).stream().map(Service::getId).toList();
      changed.forEach(id -> directory.change(id, s -> s.description("updated")));
      Hub crashing = Hub.builder(register).store(store).concurrency(1).progress(crashAfterReading(8)).build();
      assertThrows(IllegalStateException.class, crashing::refresh);
      int before = changed.stream().mapToInt(id -> counter.requestsFor("/services/" + id)).sum();

      FeedRefresh resumed = Hub.builder(register).store(store).build().refresh().feeds().get(0).refresh();

      int after = changed.stream().mapToInt(id -> counter.requestsFor("/services/" + id)).sum();
      assertEquals("modified_after", resumed.detection());
      assertEquals(20 - 8, after - before, "the changes read before the crash are not read again");
      assertEquals(new FeedRefresh.Counts(50, 20, 0, 20, 0, 0, 0), resumed.counts());
    }
  }

  /** A progress listener that throws, as a crash would stop the refresh, once {@code records} were stored. */
  private static ProgressListener crashAfterReading(int records) {
    AtomicInteger reads = new AtomicInteger();
    return progress -> {
      if (progress.phase() == RefreshProgress.Phase.READING && progress.read() > 0
          && reads.incrementAndGet() == records) {
        throw new IllegalStateException("simulated crash");
      }
    };
  }

  private static Map<String, String> expectedDocuments(List<Service> services) {
    return services.stream().collect(Collectors.toMap(Service::getId, ThreeFeeds::canonical, (a, b) -> a,
        java.util.TreeMap::new));
  }

  private static Map<String, String> documents(HubStore store, String feed) {
    return store.records(feed).stream().collect(Collectors.toMap(StoredRecord::originalId,
        r -> String.valueOf(r.document()), (a, b) -> a, java.util.TreeMap::new));
  }

  private static List<String> idsOf(List<Service> services) {
    return services.stream().map(Service::getId).toList();
  }

  private static Map<String, Integer> detailRequests(ThreeFeeds feeds, List<String> ids) {
    Map<String, Integer> requests = new HashMap<>();
    for (String id : ids) {
      requests.put(id, feeds.proxy.requestsFor("/services/" + id));
    }
    return requests;
  }

  private static List<RecordChange.Kind> kinds(HubStore store, UUID aggregateId) {
    return store.history(aggregateId).stream().map(RecordChange::kind).toList();
  }
}
