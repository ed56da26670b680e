package io.github.oruk.client.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.client.OrukClient;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.testkit.feed.FakeFeed;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interrupted harvests resume from their checkpoint and end with the full set, each service once. */
class ResumeTest {

  private static final OrukJson JSON = OrukJson.lenient();

  @TempDir
  Path dir;

  private static OrukClient client(FakeFeed feed) {
    return HarvestTest.fastClient(feed);
  }

  /** A file sink that fails (like a full disk) when it is given its {@code failAt}-th service. */
  private static HarvestSink failingAt(NdjsonSink sink, int failAt) {
    return watching(sink, count -> {
      if (count == failAt) {
        throw new IOException("No space left on device");
      }
    });
  }

  interface Watcher {
    void before(int count) throws IOException;
  }

  /** A file sink that lets {@code watcher} see each service's number before it is written. */
  static HarvestSink watching(NdjsonSink sink, Watcher watcher) {
    return watching(sink, (count, service) -> watcher.before(count));
  }

  interface ServiceWatcher {
    void before(int count, Service service) throws IOException;
  }

  /** A file sink that lets {@code watcher} see (and change) each service, and its number, before it is written. */
  static HarvestSink watching(NdjsonSink sink, ServiceWatcher watcher) {
    AtomicInteger count = new AtomicInteger();
    return new HarvestSink() {
      @Override
      public void accept(Service service) throws IOException {
        watcher.before(count.incrementAndGet(), service);
        sink.accept(service);
      }

      @Override
      public void flush() throws IOException {
        sink.flush();
      }

      @Override
      public long position() {
        return sink.position();
      }
    };
  }

  private static List<String> idsIn(Path file) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      ids.add(JSON.read(line, Service.class).value().getId());
    }
    return ids;
  }

  private static HarvestReport resume(FakeFeed feed, HarvestOptions options, Path out) throws IOException {
    HarvestCheckpoint checkpoint = HarvestCheckpoint.read(options.checkpoint()).orElseThrow();
    try (NdjsonSink sink = NdjsonSink.resumeFile(out, checkpoint.sinkPosition(), JSON)) {
      return new Harvester(client(feed)).harvest(options, sink);
    }
  }

  @Test
  void aHarvestStoppedBySinkFailureResumesToTheFullSetWithNoDuplicates() throws Exception {
    // 600 services, 15 pages of 40; the sink fails at the 280th, on page 7, so a resumed listing reads the pages
    // from about there on (a few again after transient failures), and a restarted one would read all 15 again.
    try (FakeFeed feed = FakeFeed.builder().services(600).seed(12).perPage(40)
        .transientFailures(0.05).start()) {
      Path out = dir.resolve("services.ndjson");
      HarvestOptions options = HarvestOptions.builder().checkpoint(dir.resolve("harvest.checkpoint")).build();

      HarvestReport first;
      try (NdjsonSink sink = NdjsonSink.toFile(out, JSON)) {
        first = new Harvester(client(feed)).harvest(options, failingAt(sink, 280));
      }

      assertEquals(HarvestReport.Outcome.STOPPED, first.outcome());
      assertTrue(first.stoppedBecause().contains("No space left on device"), first.stoppedBecause());
      HarvestCheckpoint checkpoint = HarvestCheckpoint.read(options.checkpoint()).orElseThrow();
      assertEquals(279, checkpoint.delivered().size());
      assertEquals(Files.size(out), checkpoint.sinkPosition());
      assertEquals(279, idsIn(out).size());
      assertFalse(checkpoint.listingDone());

      int listRequestsBefore = feed.requestsFor("services");
      HarvestReport second = resume(feed, options, out);

      assertEquals(HarvestReport.Outcome.COMPLETE, second.outcome(), second.summaryLine());
      assertEquals(279, second.previouslyDelivered());
      assertEquals(321, second.fetched());
      assertEquals(600, second.delivered());
      List<String> ids = idsIn(out);
      assertEquals(600, ids.size(), "no duplicates");
      assertEquals(new HashSet<>(feed.ids()), new HashSet<>(ids), "the full set");
      assertFalse(Files.exists(options.checkpoint()), "a complete harvest removes its checkpoint");
      assertTrue(feed.requestsFor("services") - listRequestsBefore < 15, "listing resumed, not restarted");
      try (var files = Files.list(dir)) {
        assertEquals(List.of("services.ndjson"), files.map(p -> p.getFileName().toString()).toList(),
            "no temporary files left");
      }
    }
  }

  /**
   * A service the sink cannot write (here a number out of range, set by code: the reader refuses such a number,
   * so a feed cannot deliver one) is one failed record, listed with its id and the place, and every other
   * service is written; it used to stop the whole harvest as a broken sink. Resuming fetches it again.
   */
  @Test
  void aServiceTheSinkCannotWriteIsOneFailedRecordAndResumeFetchesIt() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(40).seed(15).perPage(10).start()) {
      Path out = dir.resolve("services.ndjson");
      HarvestOptions options = HarvestOptions.builder().checkpoint(dir.resolve("harvest.checkpoint")).build();
      String bad = feed.ids().get(12);

      HarvestReport first;
      try (NdjsonSink file = NdjsonSink.toFile(out, JSON)) {
        first = new Harvester(client(feed)).harvest(options, watching(file, (count, service) -> {
          if (service.getId().equals(bad)) {
            service.setMaximumAge(new BigDecimal("1e999999"));
          }
        }));
      }

      assertEquals(HarvestReport.Outcome.PARTIAL, first.outcome(), first.summaryLine() + " " + first.stoppedBecause());
      assertEquals(1, first.failed().size(), first.failed().toString());
      HarvestFailure failure = first.failed().get(0);
      assertEquals(bad, failure.id());
      assertTrue(failure.cause().contains("/maximum_age") && failure.cause().contains("1E+999999"), failure.cause());
      assertTrue(failure.uri().toString().endsWith("/services/" + bad), failure.uri().toString());
      assertEquals(39, idsIn(out).size(), "every other service was written");
      assertFalse(idsIn(out).contains(bad));

      HarvestReport second = resume(feed, options, out);

      assertEquals(HarvestReport.Outcome.COMPLETE, second.outcome(), second.summaryLine());
      List<String> ids = idsIn(out);
      assertEquals(40, ids.size(), "each service once");
      assertEquals(new HashSet<>(feed.ids()), new HashSet<>(ids));
    }
  }

  @Test
  void aCrashAfterTheLastCheckpointLosesNothingAndDuplicatesNothing() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(450).seed(13).perPage(25).start()) {
      Path out = dir.resolve("services.ndjson");
      Path checkpointFile = dir.resolve("harvest.checkpoint");
      HarvestOptions options = HarvestOptions.builder().checkpoint(checkpointFile).concurrency(3).build();

      try (NdjsonSink sink = NdjsonSink.toFile(out, JSON)) {
        new Harvester(client(feed)).harvest(options, failingAt(sink, 150));
      }
      Path stale = dir.resolve("stale.checkpoint");
      Files.copy(checkpointFile, stale);
      resumeAndFailAt(feed, options, out, 125);
      assertEquals(273, idsIn(out).size(), "the second run wrote more after the stale checkpoint");
      // The process "crashed" before writing its last checkpoint: only the older one survives.
      Files.move(stale, checkpointFile, StandardCopyOption.REPLACE_EXISTING);

      HarvestReport last = resume(feed, options, out);

      assertEquals(HarvestReport.Outcome.COMPLETE, last.outcome(), last.summaryLine());
      List<String> ids = idsIn(out);
      assertEquals(450, ids.size(), "the output was cut back to the checkpoint, so nothing is there twice");
      assertEquals(new HashSet<>(feed.ids()), new HashSet<>(ids));
    }
  }

  private static void resumeAndFailAt(FakeFeed feed, HarvestOptions options, Path out, int failAt) throws IOException {
    HarvestCheckpoint checkpoint = HarvestCheckpoint.read(options.checkpoint()).orElseThrow();
    try (NdjsonSink sink = NdjsonSink.resumeFile(out, checkpoint.sinkPosition(), JSON)) {
      HarvestReport report = new Harvester(client(feed)).harvest(options, failingAt(sink, failAt));
      assertEquals(HarvestReport.Outcome.STOPPED, report.outcome());
    }
  }

  @Test
  void interruptingTheHarvestingThreadStopsItCleanlyAndItResumes() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(600).seed(14).perPage(30).latency(Duration.ofMillis(2)).start()) {
      Path out = dir.resolve("services.ndjson");
      HarvestOptions options = HarvestOptions.builder().checkpoint(dir.resolve("harvest.checkpoint"))
          .concurrency(4).build();
      CountDownLatch halfway = new CountDownLatch(1);
      AtomicReference<HarvestReport> report = new AtomicReference<>();
      AtomicReference<Boolean> interruptKept = new AtomicReference<>();
      Thread harvesting = new Thread(() -> {
        try (NdjsonSink file = NdjsonSink.toFile(out, JSON)) {
          report.set(new Harvester(client(feed)).harvest(options, watching(file, count -> {
            if (count == 201) {
              halfway.countDown();
            }
          })));
          interruptKept.set(Thread.currentThread().isInterrupted());
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
      harvesting.start();
      assertTrue(halfway.await(20, TimeUnit.SECONDS));
      harvesting.interrupt();
      harvesting.join(20_000);

      assertEquals(HarvestReport.Outcome.STOPPED, report.get().outcome());
      assertEquals("interrupted", report.get().stoppedBecause());
      assertTrue(interruptKept.get(), "the interrupt is still set when harvest returns");
      int before = idsIn(out).size();
      assertTrue(before >= 200 && before < 600, "stopped part way: " + before);

      HarvestReport resumed = resume(feed, options, out);

      assertEquals(HarvestReport.Outcome.COMPLETE, resumed.outcome(), resumed.summaryLine());
      List<String> ids = idsIn(out);
      assertEquals(600, ids.size());
      assertEquals(new HashSet<>(feed.ids()), new HashSet<>(ids));
    }
  }

  @Test
  void aResumeRetriesOnlyWhatFailed() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(200).seed(15).notFound(10, 20, 30).start()) {
      Path out = dir.resolve("services.ndjson");
      HarvestOptions options = HarvestOptions.builder().checkpoint(dir.resolve("harvest.checkpoint")).build();
      try (NdjsonSink sink = NdjsonSink.toFile(out, JSON)) {
        assertEquals(HarvestReport.Outcome.PARTIAL, new Harvester(client(feed)).harvest(options, sink).outcome());
      }
      HarvestCheckpoint checkpoint = HarvestCheckpoint.read(options.checkpoint()).orElseThrow();
      assertTrue(checkpoint.listingDone());
      assertEquals(feed.notFoundIds(), checkpoint.failed().stream().map(HarvestFailure::id).collect(Collectors.toSet()));
      int listRequests = feed.requestsFor("services");
      int detailRequests = feed.detailRequests();

      HarvestReport again = resume(feed, options, out);

      assertEquals(HarvestReport.Outcome.PARTIAL, again.outcome());
      assertEquals(listRequests, feed.requestsFor("services"), "listing is not repeated");
      assertEquals(detailRequests + 3, feed.detailRequests(), "only the three failures are tried again");
      assertEquals(3, again.failed().size());
      assertEquals(197, again.previouslyDelivered());
      assertEquals(197, idsIn(out).size());
    }
  }

  @Test
  void aCheckpointIsOnlyForTheFeedAndQueryItWasWrittenFor() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(20).notFound(1).start();
        FakeFeed other = FakeFeed.builder().services(20).start()) {
      HarvestOptions options = HarvestOptions.builder().checkpoint(dir.resolve("harvest.checkpoint")).build();
      new Harvester(client(feed)).harvest(options, service -> { });
      assertTrue(Files.exists(options.checkpoint()), "kept: a service failed");

      IllegalArgumentException otherFeed = assertThrows(IllegalArgumentException.class,
          () -> new Harvester(client(other)).harvest(options, service -> { }));
      assertTrue(otherFeed.getMessage().contains(feed.baseUri().toString()), otherFeed.getMessage());
      assertThrows(IllegalArgumentException.class,
          () -> new Harvester(client(feed)).harvest(options.toBuilder().perPage(5).build(), service -> { }));

      Files.writeString(options.checkpoint(), "{\"hello\": 1}");
      IOException damaged = assertThrows(IOException.class,
          () -> new Harvester(client(feed)).harvest(options, service -> { }));
      assertTrue(damaged.getMessage().contains("not a version-1 harvest checkpoint"), damaged.getMessage());
    }
  }

  @Test
  void checkpointsRoundTrip() throws Exception {
    HarvestCheckpoint checkpoint = new HarvestCheckpoint(java.net.URI.create("http://127.0.0.1:1/api/"), "per_page=5",
        java.time.Instant.parse("2026-11-24T10:00:00Z"), java.time.Instant.parse("2026-11-24T10:05:00Z"), 7, false,
        io.github.oruk.model.v1.PageBase.ZERO_BASED, 12_345, 2, Set.of("a", "b"),
        List.of(new HarvestFailure("c", java.net.URI.create("http://127.0.0.1:1/api/services/c"), 404, "gone"),
            new HarvestFailure(null, java.net.URI.create("http://127.0.0.1:1/api/services?page=7"), null, "timeout")),
        List.of(new io.github.oruk.client.paging.PagingFinding(io.github.oruk.client.paging.PagingCode.TOTAL_CHANGED,
            java.net.URI.create("http://127.0.0.1:1/api/services?page=2"), "/total_items", "went up")));
    Path file = dir.resolve("c.checkpoint");

    checkpoint.write(file);
    checkpoint.write(file);

    assertEquals(checkpoint, HarvestCheckpoint.read(file).orElseThrow());
    assertTrue(HarvestCheckpoint.read(dir.resolve("absent")).isEmpty());
    Files.writeString(file, "not json");
    assertTrue(assertThrows(IOException.class, () -> HarvestCheckpoint.read(file)).getMessage().contains("not JSON"));
  }

  @Test
  void checkpointsKeepKindsThatShareACodeAndReadTheCodesOfEarlierVersions() throws Exception {
    java.net.URI page = java.net.URI.create("http://127.0.0.1:1/api/services?page=2");
    HarvestCheckpoint checkpoint = new HarvestCheckpoint(java.net.URI.create("http://127.0.0.1:1/api/"), "",
        java.time.Instant.parse("2026-11-24T10:00:00Z"), java.time.Instant.parse("2026-11-24T10:05:00Z"), 3, false,
        null, 10, 0, Set.of("a"), List.of(),
        List.of(new io.github.oruk.client.paging.PagingFinding(io.github.oruk.client.paging.PagingCode.ENVELOPE_MISSING,
            page, "", "bare"), new io.github.oruk.client.paging.PagingFinding(
                io.github.oruk.client.paging.PagingCode.ENVELOPE_INCOMPLETE, page, "", "incomplete")));
    Path file = dir.resolve("shared.checkpoint");
    checkpoint.write(file);
    assertEquals(checkpoint, HarvestCheckpoint.read(file).orElseThrow(), "both kinds are ORUK-PAGE-011");

    // A checkpoint an earlier version wrote: no "kind", and the guard's own ORUK-PAGING code.
    String earlier = Files.readString(file).replaceAll(",?\\s*\"kind\"\\s*:\\s*\"[A-Z_]+\"", "")
        .replaceFirst("ORUK-PAGE-011", "ORUK-PAGING-006").replaceFirst("ORUK-PAGE-011", "ORUK-PAGING-007");
    assertFalse(earlier.contains("kind"), earlier);
    Files.writeString(file, earlier);
    assertEquals(checkpoint.findings(), HarvestCheckpoint.read(file).orElseThrow().findings());
  }

  @Test
  void resumingAFileThatIsNotTheCheckpointsIsRefused() throws Exception {
    Path out = dir.resolve("services.ndjson");
    Files.writeString(out, "short");
    IOException shorter = assertThrows(IOException.class, () -> NdjsonSink.resumeFile(out, 1_000, JSON));
    assertTrue(shorter.getMessage().contains("fewer than the 1000"), shorter.getMessage());
    assertThrows(IOException.class, () -> NdjsonSink.resumeFile(dir.resolve("missing.ndjson"), 10, JSON));
  }
}
