package io.github.oruk.hub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.hub.Hub;
import io.github.oruk.hub.register.FeedEntry;
import io.github.oruk.hub.register.Register;
import io.github.oruk.hub.store.AggregateId;
import io.github.oruk.hub.store.CuratorDecision;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.hub.store.StoredRecord;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.testkit.generate.DataGenerator;
import io.github.oruk.validation.junit.ComplianceOptions;
import io.github.oruk.validation.junit.ComplianceResult;
import io.github.oruk.validation.junit.OrukAssertions;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two generated feeds aggregated into H2 and served: one service per cluster, strict-clean with no warning,
 * provenance naming every source record, the assurance policy hiding and counting. The feeds overlap (services 20–29 of one generator in both), so every
 * nested id of those services is in both feeds.
 */
class HubDirectoryTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  private static final DataGenerator GENERATOR = DataGenerator.builder().seed(21).asOf(TODAY).build();
  private static final OrukJson JSON = OrukJson.lenient();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path folder;

  @Test
  void theServedAggregateIsOneStrictCleanServicePerClusterWithItsProvenance() throws Exception {
    try (HubStore store = aggregate(UnaryOperator.identity())) {
      HubDirectory directory = HubDirectory.builder(store).checkEvery(Duration.ZERO).build();
      assertEquals(50, directory.published(), "30 records of each feed, services 20-29 in both: one per cluster");
      assertEquals(0, directory.hidden());

      try (OrukHttpServer server = serve(directory)) {
        ComplianceResult result = OrukAssertions.assertCompliant(server.uri(),
            ComplianceOptions.defaults().withSample(0));
        List<String> warnings = result.checks().stream().flatMap(check -> check.warnings().stream()).toList();
        assertEquals(List.of(), warnings, result.report());

        String original = GENERATOR.service(25).getId();
        StoredRecord north = store.record("north", original).orElseThrow();
        StoredRecord south = store.record("south", original).orElseThrow();
        UUID cluster = store.resolve(north.aggregateId()).orElseThrow();
        assertEquals(cluster, store.resolve(south.aggregateId()).orElseThrow(), "one service, one cluster");
        JsonNode served = get(server.uri().resolve("services/" + cluster));
        assertEquals(cluster.toString(), served.path("id").asText(), "served by its cluster's id");
        JsonNode provenance = served.path(HubDirectory.PROVENANCE);
        assertEquals(2, provenance.size(), served.toString());
        List<String> feeds = new java.util.ArrayList<>();
        provenance.forEach(source -> feeds.add(source.path("feed").asText() + " " + source.path("original_id").asText()
            + " " + source.path("aggregate_id").asText()));
        assertEquals(List.of("north " + original + " " + north.aggregateId(), "south " + original + " "
            + south.aggregateId()), feeds.stream().sorted().toList(), "every source record is named");
        assertEquals(cluster.toString(), served.path("service_at_locations").get(0).path("service_id").asText(),
            "references follow the id");
        JsonNode full = get(server.uri().resolve("services?per_page=1&full=true")).path("contents").get(0);
        assertTrue(full.has(HubDirectory.PROVENANCE), "full lists carry it too: " + full);

        store.decide(north.aggregateId(), south.aggregateId(), CuratorDecision.DIFFERENT, Instant.now());
        assertEquals(51, get(server.uri().resolve("services")).path("total_items").asInt(),
            "a curator's decision is served at once, without a refresh");
      }
    }
  }

  @Test
  void everyRecordAsItCameKeepsTheIdsOfEachFeedApart() throws Exception {
    try (HubStore store = aggregate(UnaryOperator.identity())) {
      HubDirectory directory = HubDirectory.builder(store).source(() -> PublishedService.currentRecords(store))
          .build();
      assertEquals(60, directory.published(), "30 records of each feed, one service each");
      try (OrukHttpServer server = serve(directory)) {
        ComplianceResult result = OrukAssertions.assertCompliant(server.uri(),
            ComplianceOptions.defaults().withSample(0));
        assertEquals(List.of(), result.checks().stream().flatMap(check -> check.warnings().stream()).toList(),
            result.report());
        String original = GENERATOR.service(25).getId();
        StoredRecord north = store.record("north", original).orElseThrow();
        JsonNode served = get(server.uri().resolve("services/" + north.aggregateId()));
        JsonNode source = served.path(HubDirectory.PROVENANCE).get(0);
        assertEquals("north", source.path("feed").asText());
        assertEquals(north.contentHash(), source.path("content_hash").asText());
        assertEquals(north.firstSeen().toString(), source.path("first_seen").asText());
        assertEquals(String.valueOf(north.lastChanged()), source.path("last_changed").asText());
        JsonNode south = get(server.uri().resolve("services/" + AggregateId.of("south", original)));
        String northLink = served.path("service_at_locations").get(0).path("id").asText();
        String southLink = south.path("service_at_locations").get(0).path("id").asText();
        assertNotEquals(northLink, southLink, "one original id in two feeds is two records of the aggregate");
      }
    }
  }

  @Test
  void recordsNotAssuredWithinThePeriodAreHiddenCountedAndKeptAndShowOnceAssuredAgain() throws Exception {
    // services 0-4 and 20-24 assured 400 days ago, 5 and 25 300 days ago, 6 and 26 never, the rest 10 days ago:
    // 12 months hides 12 of north (0-29) and 6 of south (20-49); 90 days also 5 and 25 of north and 25 of south
    UnaryOperator<Service> dates = service -> {
      int index = index(service) % 20;
      return service.assuredDate(index(service) >= 40 ? TODAY.minusDays(10) : index < 5 ? TODAY.minusDays(400)
          : index == 5 ? TODAY.minusDays(300) : index == 6 ? null : TODAY.minusDays(10));
    };
    try (HubStore store = aggregate(dates)) {
      // Counted per record as it came (services 20-29 are in both feeds), so the policy's arithmetic is plain.
      HubDirectory year = HubDirectory.builder(store).source(() -> PublishedService.currentRecords(store))
          .hideUnassuredAfter(AssurancePolicy.parse("12m")).checkEvery(Duration.ZERO).build();
      HubDirectory quarter = HubDirectory.builder(store).source(() -> PublishedService.currentRecords(store))
          .hideUnassuredAfter(AssurancePolicy.parse("90d")).build();
      assertEquals(18, year.hidden());
      assertEquals(42, year.published());
      assertEquals(21, quarter.hidden());
      assertEquals(39, quarter.published());
      assertEquals(60, store.records().size(), "hidden records stay in the store");

      try (OrukHttpServer server = serve(year)) {
        assertEquals(404, status(server.uri().resolve("services/" + AggregateId.of("north", id(0)))));
        assertEquals(404, status(server.uri().resolve("services/" + AggregateId.of("north", id(6)))));
        assertEquals(200, status(server.uri().resolve("services/" + AggregateId.of("north", id(5)))));
        assertEquals(42, get(server.uri().resolve("services")).path("total_items").asInt());

        // service 0 is assured again: the next refresh brings it back, without restarting
        write("north", IntStream.range(0, 30).mapToObj(i -> i == 0
            ? GENERATOR.service(0).assuredDate(TODAY.minusDays(1)) : dates.apply(GENERATOR.service(i))).toList());
        try (Hub hub = Hub.builder(register()).store(store).build()) {
          hub.refresh();
        }
        assertEquals(200, status(server.uri().resolve("services/" + AggregateId.of("north", id(0)))));
        assertEquals(17, year.hidden());
        assertEquals(43, get(server.uri().resolve("services")).path("total_items").asInt(),
            "the page written before the refresh is not sent again after it (its data version changed)");
      }
    }
  }

  @Test
  void aRecordIsHiddenOnTheDayItsAssuranceRunsOutWithoutARefresh() throws Exception {
    try (HubStore store = aggregate(service -> service.assuredDate(index(service) == 3 ? TODAY.minusDays(80)
        : TODAY.minusDays(1)))) {
      Instant now = TODAY.atStartOfDay(ZoneOffset.UTC).toInstant();
      AtomicReference<Instant> time = new AtomicReference<>(now);
      Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
          return time.get();
        }
      };
      HubDirectory directory = HubDirectory.builder(store).source(() -> PublishedService.currentRecords(store))
          .hideUnassuredAfter(AssurancePolicy.parse("90d")).clock(clock).checkEvery(Duration.ZERO).build();
      assertEquals(0, directory.hidden());
      time.set(now.plus(Duration.ofDays(10)));
      assertEquals(0, directory.hidden(), "assured 90 days before that day: still shown");
      time.set(now.plus(Duration.ofDays(11)));
      assertEquals(1, directory.hidden(), "service 3 of north, the next day");
      assertEquals(59, directory.published());
    }
  }

  /** Two feeds, north (services 0–29) and south (20–49), each service passed through {@code change}. */
  private HubStore aggregate(UnaryOperator<Service> change) throws Exception {
    write("north", IntStream.range(0, 30).mapToObj(i -> change.apply(GENERATOR.service(i))).toList());
    write("south", IntStream.range(20, 50).mapToObj(i -> change.apply(GENERATOR.service(i))).toList());
    HubStore store = HubStore.openFolder(folder.resolve("oruk-hub"));
    try (Hub hub = Hub.builder(register()).store(store).build()) {
      assertTrue(hub.refresh().complete());
    }
    return store;
  }

  private Register register() {
    return Register.builder().feed(FeedEntry.of("north", folder.resolve("north.ndjson").toString()))
        .feed(FeedEntry.of("south", folder.resolve("south.ndjson").toString())).build();
  }

  private void write(String feed, List<Service> services) throws Exception {
    try (OutputStream out = Files.newOutputStream(folder.resolve(feed + ".ndjson"))) {
      for (Service service : services) {
        out.write(JSON.write(service));
        out.write('\n');
      }
    }
  }

  private static String id(int index) {
    return GENERATOR.service(index).getId();
  }

  private static int index(Service service) {
    return IntStream.range(0, 50).filter(i -> id(i).equals(service.getId())).findFirst().orElseThrow();
  }

  private static OrukHttpServer serve(HubDirectory directory) throws Exception {
    return OrukHttpServer.builder(OrukApi.builder(directory).publishExtensions(true).build()).host("127.0.0.1")
        .port(0).shutdownGrace(Duration.ZERO).start();
  }

  private static JsonNode get(URI uri) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), uri + ": " + response.body());
    return MAPPER.readTree(response.body());
  }

  private static int status(URI uri) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
