package io.github.oruk.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.hub.register.Register;
import io.github.oruk.hub.store.AggregateId;
import io.github.oruk.hub.store.CuratorDecision;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.hub.store.ReviewPair;
import io.github.oruk.hub.store.StoredRecord;
import io.github.oruk.model.Contact;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceStatus;
import io.github.oruk.testkit.generate.DataGenerator;
import io.github.oruk.testkit.generate.LabelledSet;
import io.github.oruk.testkit.generate.NearDuplicates;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clusters, curator decisions and the merged view over two overlapping feeds (NDJSON files made by the test
 * kit's near-duplicate injector); each database runs these through a subclass. {@code east} is always refreshed
 * before {@code west}, so an east record is the older of any pair.
 */
abstract class ClusterContract {

  @TempDir
  Path folder;

  /** A new, empty store (the same database each time it is called within one test). */
  abstract HubStore openStore() throws Exception;

  /** 40 services, three in five of them in both feeds, varied as the injector varies them. */
  private static final LabelledSet SET = NearDuplicates.builder().seed(5).sources("east", "west").spread(0.6, 0)
      .sameSourceRate(0).build().inject(DataGenerator.builder().seed(9).asOf(LocalDate.of(2026, 1, 15)).build()
          .services(40).toList());

  @Test
  void aRefreshOfTwoOverlappingFeedsClustersTheirDuplicatesUnderTheOldestRecordsId() throws Exception {
    try (HubStore store = openStore(); Hub hub = refreshed(store)) {
      Map<UUID, Integer> entity = entities();
      Map<UUID, List<UUID>> clusters = store.clusters();

      assertEquals(entity.keySet(), clusters.values().stream().flatMap(List::stream).collect(Collectors.toSet()),
          "every record in exactly one cluster");
      int merged = 0;
      for (Map.Entry<UUID, List<UUID>> cluster : clusters.entrySet()) {
        assertEquals(1, cluster.getValue().stream().map(entity::get).distinct().count(),
            () -> "one real-world service per cluster: " + cluster);
        if (cluster.getValue().size() > 1) {
          merged++;
          assertEquals("east", store.record(cluster.getKey()).orElseThrow().feed(),
              () -> "the oldest record (east, refreshed first) names the cluster: " + cluster);
          for (UUID member : cluster.getValue()) {
            assertEquals(cluster.getKey(), store.resolve(member).orElseThrow(), "a member resolves to its cluster");
          }
        }
      }
      Set<Set<UUID>> reviews = store.reviews().stream().map(r -> Set.of(r.a().aggregateId(), r.b().aggregateId()))
          .collect(Collectors.toSet());
      Map<UUID, UUID> clusterOf = clusterOf(clusters);
      int duplicates = 0;
      for (int[] pair : SET.duplicatePairs()) {
        UUID a = id(SET.records().get(pair[0]));
        UUID b = id(SET.records().get(pair[1]));
        duplicates++;
        assertTrue(clusterOf.get(a).equals(clusterOf.get(b)) || reviews.contains(Set.of(a, b)),
            () -> "a true duplicate pair is merged or up for review: " + a + " " + b);
      }
      assertTrue(duplicates >= 10, "the set has duplicates across the feeds: " + duplicates);
      assertTrue(merged >= duplicates * 3 / 4, "most duplicates merged: " + merged + " of " + duplicates);

      List<MergedService> view = hub.view().services();
      assertEquals(clusters.keySet(), view.stream().map(MergedService::clusterId).collect(Collectors.toSet()));
      for (MergedService service : view) {
        assertEquals(service.clusterId().toString(), service.service().getId());
        assertEquals(Set.copyOf(clusters.get(service.clusterId())),
            service.sources().stream().map(SourceRecord::aggregateId).collect(Collectors.toSet()),
            "every source record reachable");
      }
    }
  }

  @Test
  void sameMergesTwoClustersUnderTheOldestIdAndDifferentSplitsOneAndBothOutliveARefresh() throws Exception {
    try (HubStore store = openStore(); Hub hub = refreshed(store)) {
      Map<UUID, List<UUID>> before = store.clusters();
      List<UUID> matched = before.values().stream().filter(m -> m.size() == 2).findFirst().orElseThrow();
      UUID east = matched.get(0);
      UUID west = matched.get(1);
      UUID lone = before.entrySet().stream().filter(c -> c.getValue().size() == 1 && !c.getKey().equals(east)
          && store.record(c.getKey()).orElseThrow().feed().equals("west")).findFirst().orElseThrow().getKey();
      List<UUID> other = before.values().stream().filter(m -> m.size() == 2 && !m.contains(east)).findFirst()
          .orElseThrow();
      UUID otherCluster = other.get(0);

      store.decide(west, east, CuratorDecision.DIFFERENT, Instant.now());
      store.decide(lone, other.get(1), CuratorDecision.SAME, Instant.now());   // the newer record named first

      for (int refresh = 0; refresh < 2; refresh++) {
        String when = refresh == 0 ? "after the decisions" : "after another refresh";
        Map<UUID, List<UUID>> clusters = store.clusters();
        assertEquals(east, store.resolve(east).orElseThrow(), when);
        assertEquals(west, store.resolve(west).orElseThrow(), "split: the west record is a cluster again, " + when);
        assertEquals(List.of(west), clusters.get(west), when);
        assertEquals(Set.of(other.get(0), other.get(1), lone), Set.copyOf(clusters.get(otherCluster)), when);
        assertFalse(clusters.containsKey(lone), "the newer cluster's id is gone, " + when);
        assertEquals(otherCluster, store.resolve(lone).orElseThrow(), "the merged id resolves, " + when);
        assertEquals(otherCluster, hub.view().service(lone).orElseThrow().clusterId(), when);
        assertEquals(3, hub.view().service(lone).orElseThrow().sources().size(), when);
        assertTrue(store.reviews().stream().noneMatch(r -> Set.of(east, west).contains(r.a().aggregateId())
            && Set.of(east, west).contains(r.b().aggregateId())), "a decided pair is never up for review");
        if (refresh == 0) {
          Path file = folder.resolve("west.ndjson");
          List<Service> changed = SET.sources().get("west").stream()     // copies: SET is shared by the tests
              .map(s -> ThreeFeeds.JSON.read(ThreeFeeds.JSON.write(s), Service.class).value()).toList();
          changed.get(changed.size() - 1).setDescription("Changed between the refreshes");
          write(file, changed);
          hub.refresh();
          assertTrue(store.history(AggregateId.of("west", changed.get(changed.size() - 1).getId())).size() > 1,
              "the second refresh did read a change");
        }
      }
    }
  }

  @Test
  void aReviewPairDecidedIsNoLongerUpForReview() throws Exception {
    try (HubStore store = openStore()) {
      write(folder.resolve("east.ndjson"), List.of(plain("e1", "Riverside Youth Club")));
      write(folder.resolve("west.ndjson"), List.of(plain("w1", "Riverside Youth Club")));
      try (Hub hub = hub(store)) {
        hub.refresh("east");
        hub.refresh("west");
        List<ReviewPair> reviews = store.reviews();
        assertEquals(1, reviews.size(), "known by name alone: review, not match: " + reviews);
        UUID e1 = AggregateId.of("east", "e1");
        UUID w1 = AggregateId.of("west", "w1");
        assertEquals(Set.of(e1, w1), Set.of(reviews.get(0).a().aggregateId(), reviews.get(0).b().aggregateId()));

        store.decide(w1, e1, CuratorDecision.DIFFERENT, Instant.now());
        hub.refresh();

        assertEquals(List.of(), store.reviews());
        assertEquals(2, hub.view().services().size());
      }
    }
  }

  @Test
  void theMergedViewTakesEachFieldFromTheMostRecentlyAssuredRecordAndListsFromThatRecordOnly() throws Exception {
    try (HubStore store = openStore()) {
      Service olderClub = plain("e1", "Riverside Youth Club").description("Old description")
          .email("club@riverside.example.org").assuredDate(LocalDate.of(2025, 1, 10))
          .lastModified(OffsetDateTime.parse("2025-08-01T09:00:00Z"))   // later, but assured earlier
          .contacts(List.of(new Contact().id("c1").name("Ann")));
      Service newerClub = plain("w1", "Riverside Youth Club").description("New description")
          .url("https://riverside.example.org/youth").assuredDate(LocalDate.of(2025, 6, 1));
      Service modifiedLater = plain("e2", "Hillside Foodbank").description("Modified in May")
          .lastModified(OffsetDateTime.parse("2025-05-01T10:00:00Z"));
      Service modifiedEarlier = plain("w2", "Hillside Foodbank").description("Modified in March")
          .fees("None").lastModified(OffsetDateTime.parse("2025-03-01T10:00:00Z"))
          .contacts(List.of(new Contact().id("c2").name("Bob")));
      write(folder.resolve("east.ndjson"), List.of(olderClub, modifiedLater));
      write(folder.resolve("west.ndjson"), List.of(newerClub, modifiedEarlier));
      try (Hub hub = hub(store)) {
        hub.refresh("east");
        hub.refresh("west");
        UUID e1 = AggregateId.of("east", "e1");
        UUID w1 = AggregateId.of("west", "w1");
        UUID e2 = AggregateId.of("east", "e2");
        UUID w2 = AggregateId.of("west", "w2");
        store.decide(w1, e1, CuratorDecision.SAME, Instant.now());
        store.decide(w2, e2, CuratorDecision.SAME, Instant.now());

        MergedService club = hub.view().service(w1).orElseThrow();
        assertEquals(e1, club.clusterId(), "the older record's id");
        assertEquals(e1.toString(), club.service().getId());
        assertEquals("New description", club.service().getDescription(), "the most recently assured wins");
        assertEquals(LocalDate.of(2025, 6, 1), club.service().getAssuredDate());
        assertEquals("https://riverside.example.org/youth", club.service().getUrl());
        assertEquals("club@riverside.example.org", club.service().getEmail(), "what the winner lacks, the next has");
        assertEquals(OffsetDateTime.parse("2025-08-01T09:00:00Z").toInstant(),
            club.service().getLastModified().toInstant(), "the winner has none: the next record's");
        assertTrue(club.service().getContacts() == null || club.service().getContacts().isEmpty(),
            "lists only from the winner, which has no contacts: " + club.service().getContacts());
        assertEquals(List.of(w1, e1), club.sources().stream().map(SourceRecord::aggregateId).toList());
        assertEquals(LocalDate.of(2025, 1, 10), club.sources().get(1).assuredDate());

        MergedService foodbank = hub.view().service(e2).orElseThrow();
        assertEquals("Modified in May", foodbank.service().getDescription(), "no assured date: last_modified");
        assertEquals("None", foodbank.service().getFees());
        assertTrue(foodbank.service().getContacts() == null || foodbank.service().getContacts().isEmpty());
        assertEquals(List.of(e2, w2), foodbank.sources().stream().map(SourceRecord::aggregateId).toList());
        assertEquals(2, hub.view().services().size());
      }
    }
  }

  private static Service plain(String id, String name) {
    return new Service().id(id).name(name).status(ServiceStatus.ACTIVE);
  }

  /** The hub over the two files, refreshed: east first, then west. */
  private Hub refreshed(HubStore store) throws Exception {
    write(folder.resolve("east.ndjson"), SET.sources().get("east"));
    write(folder.resolve("west.ndjson"), SET.sources().get("west"));
    Hub hub = hub(store);
    hub.refresh("east");
    hub.refresh("west");
    return hub;
  }

  private Hub hub(HubStore store) throws IOException {
    Path register = folder.resolve("feeds.yaml");
    Files.writeString(register, "feeds:\n  - name: east\n    url: east.ndjson\n  - name: west\n    url: west.ndjson\n");
    return Hub.builder(Register.load(register)).store(store).build();
  }

  private static void write(Path file, List<Service> services) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      for (Service service : services) {
        out.write(ThreeFeeds.JSON.write(service));
        out.write('\n');
      }
    }
  }

  private static UUID id(LabelledSet.Labelled record) {
    return AggregateId.of(record.source(), record.id());
  }

  private static Map<UUID, Integer> entities() {
    Map<UUID, Integer> entity = new HashMap<>();
    SET.records().forEach(record -> entity.put(id(record), record.entity()));
    return entity;
  }

  private static Map<UUID, UUID> clusterOf(Map<UUID, List<UUID>> clusters) {
    Map<UUID, UUID> of = new HashMap<>();
    clusters.forEach((cluster, members) -> members.forEach(member -> of.put(member, cluster)));
    return of;
  }
}
