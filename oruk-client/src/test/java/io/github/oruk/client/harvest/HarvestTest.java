package io.github.oruk.client.harvest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.client.OrukClient;
import io.github.oruk.client.paging.PagingCode;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.testkit.feed.FakeFeed;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HarvestTest {

  private static final OrukJson JSON = OrukJson.lenient();

  static OrukClient fastClient(FakeFeed feed) {
    return fastClient(feed, 4);
  }

  static OrukClient fastClient(FakeFeed feed, int attempts) {
    return OrukClient.builder(feed.baseUri()).backoff(Duration.ofMillis(1), Duration.ofMillis(5))
        .maxAttempts(attempts).requestTimeout(Duration.ofSeconds(5)).build();
  }

  /** A sink that keeps what it is given (the harvester never calls it concurrently). */
  static final class Collecting implements HarvestSink {
    final List<Service> services = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void accept(Service service) {
      services.add(service);
    }

    List<String> ids() {
      return services.stream().map(Service::getId).toList();
    }
  }

  @Test
  void twoThousandServicesThroughTenPercentTransientFailuresArriveExactlyOnceAndInFull() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(2_000).seed(3).perPage(50)
        .transientFailures(0.10, FakeFeed.Fault.values()).retryAfter(Duration.ZERO).start()) {
      Collecting sink = new Collecting();

      HarvestReport report = new Harvester(fastClient(feed)).harvest(HarvestOptions.defaults(), sink);

      assertEquals(HarvestReport.Outcome.COMPLETE, report.outcome(), report.summaryLine() + " " + report.failed());
      assertEquals(2_000, sink.services.size());
      assertEquals(new HashSet<>(feed.ids()), new HashSet<>(sink.ids()), "exactly the feed's 2,000 distinct services");
      Map<String, Integer> index = new HashMap<>();
      for (int k = 0; k < feed.ids().size(); k++) {
        index.put(feed.ids().get(k), k);
      }
      for (Service service : sink.services) {
        assertArrayEquals(feed.detailJson(index.get(service.getId())), JSON.write(service), "the full service, unchanged");
      }
      assertEquals(2_000, report.fetched());
      assertEquals(2_000, report.listed());
      assertEquals(List.of(), report.failed());
      assertEquals(2_000, report.totalItems());
      assertTrue(feed.requests() > 2_000 + 40 + 150, "failures were injected and retried: " + feed.requests());
      assertTrue(feed.maxConcurrentRequests() <= HarvestOptions.DEFAULT_CONCURRENCY + 1,
          "details at most 8 at a time, plus the list: " + feed.maxConcurrentRequests());
    }
  }

  @Test
  void servicesThatAlways404AreExactlyTheOnesListedAsFailed() throws Exception {
    List<Integer> missing = List.of(3, 99, 250, 251, 599);
    try (FakeFeed feed = FakeFeed.builder().services(600).notFound(missing).start()) {
      Collecting sink = new Collecting();

      HarvestReport report = new Harvester(fastClient(feed)).harvest(HarvestOptions.defaults(), sink);

      assertEquals(HarvestReport.Outcome.PARTIAL, report.outcome());
      Set<String> failedIds = report.failed().stream().map(HarvestFailure::id).collect(Collectors.toSet());
      assertEquals(feed.notFoundIds(), failedIds);
      assertEquals(5, report.failed().size());
      for (HarvestFailure failure : report.failed()) {
        assertEquals(404, failure.status());
        assertTrue(failure.uri().toString().endsWith("/services/" + failure.id()), failure.uri().toString());
        assertTrue(failure.cause().contains("404 Not Found"), failure.cause());
        assertEquals(1, feed.requestsFor("services/" + failure.id()), "a 404 is not retried");
        assertTrue(failure.toLine().startsWith("FAILED\t" + failure.id() + "\t"));
      }
      assertEquals(595, sink.services.size());
      Set<String> expected = new HashSet<>(feed.ids());
      expected.removeAll(feed.notFoundIds());
      assertEquals(expected, new HashSet<>(sink.ids()));
    }
  }

  /**
   * The property the harvester promises: every listed service is delivered exactly once or listed as
   * failed, never both, never neither, whatever fails, however often, at whatever concurrency. Transient
   * failures of every kind are recovered; services whose details always fail (404, or 500 from a broken
   * record) are exactly the failed ones. Failures that outlast the client's retries by 503, reset or timeout
   * are in {@link HarvestUnderFaultsTest}.
   */
  @Test
  void everyRecordIsEitherDeliveredOrListedAsFailed() throws Exception {
    for (int seed = 1; seed <= 6; seed++) {
      int concurrency = 1 + seed % 5;
      try (FakeFeed feed = FakeFeed.builder().services(300).seed(seed).perPage(7 + seed)
          .transientFailures(0.35, FakeFeed.Fault.values()).brokenDetails(0.05)
          .notFound(seed, seed * 40).start()) {
        Collecting sink = new Collecting();

        HarvestReport report = new Harvester(fastClient(feed, 3))
            .harvest(HarvestOptions.builder().concurrency(concurrency).build(), sink);

        String where = "seed " + seed + ", concurrency " + concurrency;
        List<String> delivered = sink.ids();
        Set<String> deliveredSet = new HashSet<>(delivered);
        assertEquals(delivered.size(), deliveredSet.size(), where + ": nothing delivered twice");
        Set<String> failed = new HashSet<>();
        for (HarvestFailure failure : report.failed()) {
          assertFalse(failure.listPage(), where + ": " + failure);
          assertTrue(failed.add(failure.id()), where + ": listed as failed once: " + failure);
        }
        Set<String> both = new HashSet<>(deliveredSet);
        both.retainAll(failed);
        assertEquals(Set.of(), both, where + ": never both delivered and failed");
        Set<String> accounted = new HashSet<>(deliveredSet);
        accounted.addAll(failed);
        assertEquals(new HashSet<>(feed.ids()), accounted, where + ": never neither");
        Set<String> alwaysFailing = new HashSet<>(feed.notFoundIds());
        alwaysFailing.addAll(feed.brokenIds());
        assertTrue(feed.brokenIds().size() > 3, where + ": some records are broken");
        assertEquals(alwaysFailing, failed, where + ": exactly the records that cannot be fetched");
        assertEquals(report.fetched(), delivered.size());
        assertEquals(report.listed(), report.fetched() + failed.size(), where);
        assertEquals(HarvestReport.Outcome.PARTIAL, report.outcome());
      }
    }
  }

  /** A feed whose details for some ids are another service's: those are failures, never written. */
  @Test
  void aDetailCarryingAnotherIdIsAFailureAndIsNeverWritten() throws Exception {
    List<Integer> mixedUp = List.of(5, 6, 30);
    try (FakeFeed feed = FakeFeed.builder().services(60).detailsWithAnotherId(mixedUp).start()) {
      Collecting sink = new Collecting();

      HarvestReport report = new Harvester(fastClient(feed, 3)).harvest(HarvestOptions.defaults(), sink);

      Set<String> wrong = mixedUp.stream().map(feed.ids()::get).collect(Collectors.toSet());
      Set<String> expected = new HashSet<>(feed.ids());
      expected.removeAll(wrong);
      assertEquals(expected, new HashSet<>(sink.ids()), "every other service, and none of the mixed-up answers");
      assertEquals(57, sink.services.size(), "nothing written twice");
      assertEquals(wrong, report.failed().stream().map(HarvestFailure::id).collect(Collectors.toSet()));
      for (int k : mixedUp) {
        String id = feed.ids().get(k);
        HarvestFailure failure = report.failed().stream().filter(f -> id.equals(f.id())).findFirst().orElseThrow();
        assertTrue(failure.cause().contains("'" + feed.ids().get(k + 1) + "'"), "names what came: " + failure.cause());
        assertEquals(3, feed.requestsFor("services/" + id), "retried per policy");
      }
      assertEquals(HarvestReport.Outcome.PARTIAL, report.outcome());
      assertEquals(60, report.listed());
      assertEquals(report.listed(), report.fetched() + report.failed().size());
      assertTrue(report.summaryLine().contains("3 failed"), report.summaryLine());
    }
  }

  @Test
  void modifiedAfterHarvestsOnlyWhatChanged() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(200).seed(8).start()) {
      OffsetDateTime since = DataGenerator.builder().seed(8).build().referenceDate().minusDays(45)
          .atStartOfDay().atOffset(ZoneOffset.UTC);
      // Worked out from the generated data, not by the feed that applies the filter.
      List<String> expected = DataGenerator.builder().seed(8).build().services(200)
          .filter(s -> s.getLastModified() != null && !s.getLastModified().isBefore(since))
          .map(Service::getId).toList();
      assertTrue(expected.size() > 0 && expected.size() < 200, "a real subset: " + expected.size());
      Collecting sink = new Collecting();

      HarvestReport report = new Harvester(fastClient(feed))
          .harvest(HarvestOptions.builder().modifiedAfter(since).perPage(25).build(), sink);

      assertEquals(HarvestReport.Outcome.COMPLETE, report.outcome());
      assertEquals(new HashSet<>(expected), new HashSet<>(sink.ids()));
      assertEquals(expected.size(), feed.detailRequests(), "no detail fetched that was not asked for");
    }
  }

  @Test
  void progressIsReportedWithTotalsRateAndEta() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(120).latency(Duration.ofMillis(3)).start()) {
      List<HarvestProgress> heard = Collections.synchronizedList(new ArrayList<>());

      new Harvester(fastClient(feed)).harvest(HarvestOptions.builder().concurrency(2)
          .progress(heard::add, Duration.ofMillis(20)).build(), new Collecting());

      assertTrue(heard.size() >= 3, "periodic and final: " + heard.size());
      for (int i = 1; i < heard.size(); i++) {
        assertTrue(heard.get(i).done() >= heard.get(i - 1).done(), "done never goes back");
      }
      HarvestProgress last = heard.get(heard.size() - 1);
      assertEquals(120, last.done());
      assertEquals(120L, last.total());
      assertEquals(1.0, last.fraction().orElseThrow());
      assertEquals(Duration.ZERO, last.eta().orElseThrow());
      assertTrue(last.perSecond() > 0);
      HarvestProgress middle = heard.stream().filter(p -> p.done() > 0 && p.done() < 120).findFirst().orElseThrow();
      assertTrue(middle.eta().orElseThrow().toMillis() > 0, "an ETA while under way");
    }
  }

  @Test
  void concurrencyIsBoundedAndUsed() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(60).latency(Duration.ofMillis(20)).start()) {
      HarvestReport report = new Harvester(fastClient(feed))
          .harvest(HarvestOptions.builder().concurrency(4).build(), new Collecting());

      assertEquals(60, report.fetched());
      assertTrue(feed.maxConcurrentRequests() >= 4, "4 at once: " + feed.maxConcurrentRequests());
      assertTrue(feed.maxConcurrentRequests() <= 5, "never more than 4 details and the list: "
          + feed.maxConcurrentRequests());
    }
  }

  @Test
  void anEmptyFeedIsACompleteHarvestOfNothing() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(0).start()) {
      HarvestReport report = new Harvester(fastClient(feed)).harvest(new Collecting());
      assertEquals(HarvestReport.Outcome.COMPLETE, report.outcome());
      assertEquals(0, report.fetched());
    }
  }

  @Test
  void aFeedThatCannotBeReadAtAllIsUnreadable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    OrukClient client = OrukClient.builder("http://127.0.0.1:" + port + "/api").maxAttempts(1).build();

    HarvestReport report = new Harvester(client).harvest(new Collecting());

    assertEquals(HarvestReport.Outcome.UNREADABLE, report.outcome());
    assertEquals(1, report.failed().size());
    assertTrue(report.failed().get(0).listPage());
    assertTrue(report.failed().get(0).cause().contains("could not connect"), report.failed().get(0).cause());
    assertTrue(report.summaryLine().startsWith("the feed could not be read"), report.summaryLine());
  }

  @Test
  void aStalledListIsAPartialHarvestThatSaysWhy() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(100).perPage(10).stallAfterPage(4).start()) {
      Collecting sink = new Collecting();
      HarvestReport report = new Harvester(fastClient(feed)).harvest(sink);

      assertEquals(HarvestReport.Outcome.PARTIAL, report.outcome());
      assertEquals(40, sink.services.size());
      assertEquals(List.of(PagingCode.STALLED), report.findings().stream().map(f -> f.code()).toList());
    }
  }

  @Test
  void aLegacyV1FeedIsHarvestedInFull() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(90).perPage(20).envelope(FakeFeed.Envelope.V1_ZERO_BASED).start()) {
      Collecting sink = new Collecting();
      HarvestReport report = new Harvester(fastClient(feed)).harvest(sink);

      assertEquals(HarvestReport.Outcome.COMPLETE, report.outcome());
      assertTrue(report.legacyV1());
      assertEquals(new HashSet<>(feed.ids()), new HashSet<>(sink.ids()));
    }
  }

  @Test
  void ndjsonSinkWritesOneCanonicalServicePerLine() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(30).start()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long position;
      try (NdjsonSink sink = NdjsonSink.to(out, JSON)) {
        new Harvester(fastClient(feed)).harvest(sink);
        position = sink.position();
      }
      byte[] written = out.toByteArray();
      assertEquals(written.length, position);
      String[] lines = new String(written, StandardCharsets.UTF_8).split("\n");
      assertEquals(30, lines.length);
      Set<String> ids = new HashSet<>();
      for (String line : lines) {
        Service service = JSON.read(line, Service.class).value();
        ids.add(service.getId());
        assertEquals(line, JSON.writeString(service), "canonical");
      }
      assertEquals(new HashSet<>(feed.ids()), ids);
    }
  }

  @Test
  void optionsRefuseWhatCannotWork() {
    HarvestOptions defaults = HarvestOptions.defaults();
    assertEquals(8, defaults.concurrency());
    assertNull(defaults.checkpoint());
    for (int bad : new int[] {0, 257}) {
      assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> HarvestOptions.builder().concurrency(bad).build()).getMessage().contains("concurrency"));
    }
    assertFalse(defaults.toBuilder().perPage(100).build().query().toQueryString().isEmpty());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> defaults.toBuilder().query(io.github.oruk.model.query.Query.all().withPage(2)).build());
  }

  @Test
  void toBuilderKeepsEveryOptionAndChangesOnlyWhatItIsTold() {
    java.util.function.Consumer<HarvestProgress> listener = p -> { };
    HarvestOptions all = HarvestOptions.builder().concurrency(3).perPage(7).modifiedAfter(
        java.time.OffsetDateTime.parse("2024-05-01T09:30:00Z")).checkpoint(java.nio.file.Path.of("c.json"))
        .checkpointInterval(Duration.ofSeconds(9)).progress(listener, Duration.ofSeconds(4)).maxPages(11)
        .stopAfterFailures(0).build();

    assertEquals(all, all.toBuilder().build());
    HarvestOptions changed = all.toBuilder().concurrency(5).build();
    assertEquals(5, changed.concurrency());
    assertEquals(all.query(), changed.query());
    assertEquals(11, changed.maxPages());
    assertEquals(0, changed.stopAfterFailures());
    assertEquals(HarvestOptions.defaults().query(), HarvestOptions.builder().build().query());
  }
}
