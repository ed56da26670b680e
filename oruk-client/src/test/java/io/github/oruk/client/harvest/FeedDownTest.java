package io.github.oruk.client.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.client.OrukClient;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.testkit.fault.FaultProxy;
import io.github.oruk.testkit.feed.FakeFeed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A feed that stops answering part way through a harvest stops the harvest, promptly, losing nothing. */
class FeedDownTest {

  private static final OrukJson JSON = OrukJson.lenient();

  @TempDir
  Path dir;

  /**
   * The default retry budget (ten attempts) with back-off waits a hundredth of the defaults: a request to a feed
   * that refuses connections gives up after about 0.65 s (at most 1.3 s) instead of 23 s (at most 46 s).
   */
  private static OrukClient client(FaultProxy proxy) {
    return OrukClient.builder(proxy.baseUri()).backoff(Duration.ofMillis(20), Duration.ofMillis(200))
        .requestTimeout(Duration.ofSeconds(5)).build();
  }

  private static List<String> idsIn(Path file) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      ids.add(JSON.read(line, Service.class).value().getId());
    }
    return ids;
  }

  /**
   * The feed (here the proxy in front of it) goes away after 100 of 400 services, all on one list page. The
   * harvest stops within a few give-up times of one request, not after trying each of the 300 left in turn (about
   * 300 / 8 x 0.65 s = 24 s here, and 300 / 8 x 23 s = 15 minutes with the client's default back-off); the
   * checkpoint keeps what was written, and once the feed is back the resume completes it, each service once.
   */
  @Test
  void aFeedThatDiesMidHarvestStopsPromptlyAndTheResumeCompletesIt() throws Exception {
    Path out = dir.resolve("services.ndjson");
    HarvestOptions options = HarvestOptions.builder().checkpoint(dir.resolve("harvest.checkpoint")).build();
    ExecutorService harvesting = Executors.newSingleThreadExecutor();
    try (FakeFeed feed = FakeFeed.builder().services(400).perPage(400).seed(21).start()) {
      FaultProxy proxy = FaultProxy.builder(feed.baseUri()).start();
      int port = proxy.port();
      OrukClient client = client(proxy);
      CountDownLatch hundred = new CountDownLatch(1);
      HarvestReport report;
      long died;
      try (NdjsonSink file = NdjsonSink.toFile(out, JSON)) {
        Future<HarvestReport> running = harvesting.submit(
            () -> new Harvester(client).harvest(options, ResumeTest.watching(file, count -> {
              if (count == 100) {
                hundred.countDown();
              }
            })));
        assertTrue(hundred.await(30, TimeUnit.SECONDS), "100 services delivered");
        proxy.close();
        died = System.nanoTime();
        report = running.get(2, TimeUnit.MINUTES);
      }
      Duration afterDeath = Duration.ofNanos(System.nanoTime() - died);

      String where = report.summaryLine() + " after the feed died: " + afterDeath.toMillis() + " ms";
      assertEquals(HarvestReport.Outcome.STOPPED, report.outcome(), where);
      java.util.regex.Matcher inARow = java.util.regex.Pattern.compile("^the feed stopped answering: (\\d+) services"
          + " in a row could not be fetched, nor could ").matcher(report.stoppedBecause());
      assertTrue(inARow.find(), where);
      assertTrue(Integer.parseInt(inARow.group(1)) >= HarvestOptions.DEFAULT_STOP_AFTER_FAILURES,
          "as many as the threshold, or the few more that failed while the check was under way: " + where);
      assertTrue(afterDeath.compareTo(Duration.ofSeconds(10)) < 0, "stopped promptly: " + where);
      assertEquals(400, report.listed(), where);
      assertEquals(report.listed(), report.fetched() + report.failedServices().size() + report.notAttempted(),
          "delivered + failed + not attempted = listed: " + where);
      assertTrue(report.failedServices().size() >= HarvestOptions.DEFAULT_STOP_AFTER_FAILURES, where);
      assertTrue(report.notAttempted() > 200, "most of the 300 left were never tried: " + where);
      assertTrue(report.summaryLine().contains(report.notAttempted() + " not attempted"), where);
      List<String> written = idsIn(out);
      assertEquals(report.fetched(), written.size(), where);
      assertEquals(written.size(), new HashSet<>(written).size(), "each once");
      assertTrue(written.stream().anyMatch(id -> report.stoppedBecause().contains("nor could " + id + ", fetched earlier")),
          "a service fetched before was checked, and failed too: " + where);
      HarvestCheckpoint checkpoint = HarvestCheckpoint.read(options.checkpoint()).orElseThrow();
      assertEquals(new HashSet<>(written), checkpoint.delivered(), "the checkpoint knows what was written");
      assertEquals(report.failedServices().stream().map(HarvestFailure::id).collect(Collectors.toSet()),
          checkpoint.failed().stream().map(HarvestFailure::id).collect(Collectors.toSet()), "and what failed");

      try (FaultProxy back = FaultProxy.builder(feed.baseUri()).port(port).start();
          NdjsonSink file = NdjsonSink.resumeFile(out, checkpoint.sinkPosition(), JSON)) {
        HarvestReport resumed = new Harvester(client).harvest(options, file);

        assertEquals(HarvestReport.Outcome.COMPLETE, resumed.outcome(), resumed.summaryLine());
        assertEquals(400, resumed.delivered());
      }
      List<String> ids = idsIn(out);
      assertEquals(400, ids.size(), "each service once");
      assertEquals(new HashSet<>(feed.ids()), new HashSet<>(ids));
    } finally {
      harvesting.shutdownNow();
    }
  }

  /**
   * Sixteen services in a row that always answer 503, at concurrency 4: thirteen of them fail one after another
   * with nothing delivered in between, more than the threshold of ten, which a count alone would take for a dead
   * feed. The check — a service fetched before, fetched again — comes back, so they are what they are: failed
   * services, listed, and the harvest goes on to the end.
   */
  @Test
  void aRunOfBrokenAddressesLongerThanTheThresholdDoesNotStopTheHarvest() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(100).perPage(100).seed(22).start()) {
      List<String> broken = feed.ids().subList(40, 56);
      try (FaultProxy proxy = FaultProxy.builder(feed.baseUri()).always(FaultProxy.Fault.SERVICE_UNAVAILABLE,
          broken.stream().map(id -> "services/" + id).toArray(String[]::new)).start()) {
        OrukClient client = OrukClient.builder(proxy.baseUri()).backoff(Duration.ofMillis(5), Duration.ofMillis(50))
            .build();
        HarvestTest.Collecting sink = new HarvestTest.Collecting();

        HarvestReport report = new Harvester(client).harvest(HarvestOptions.builder().concurrency(4).build(), sink);

        String where = report.summaryLine() + " " + report.stoppedBecause();
        assertEquals(HarvestReport.Outcome.PARTIAL, report.outcome(), where);
        assertEquals(Set.copyOf(broken), report.failed().stream().map(HarvestFailure::id).collect(Collectors.toSet()),
            where);
        Set<String> expected = new HashSet<>(feed.ids());
        broken.forEach(expected::remove);
        assertEquals(expected, new HashSet<>(sink.ids()), where);
        assertEquals(84, sink.services.size(), where);
        assertEquals(0, report.notAttempted(), where);
        assertEquals(100, report.listed(), where);
        for (String id : broken) {
          assertEquals(10, proxy.requestsFor("services/" + id), "every attempt was made for " + id);
        }
        int checks = expected.stream().mapToInt(id -> proxy.requestsFor("services/" + id) - 1).sum();
        assertTrue(checks >= 1, "services fetched before were fetched again to check the feed: " + checks);
        assertTrue(checks <= broken.size(), "at most one check per failure: " + checks);
      }
    }
  }

  /**
   * A resume while the feed is still down stops again, and the new checkpoint still holds every failure of the
   * earlier run, those it had not come to retrying included; once the feed is back, the next resume fetches
   * exactly those. (A harvest that stopped while retrying earlier failures used to leave the rest out of its
   * checkpoint: with listing done, they were then never fetched, and the harvest reported itself complete.)
   */
  @Test
  void aResumeWhileTheFeedIsStillDownKeepsEveryEarlierFailure() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(60).seed(23).start()) {
      FaultProxy first = FaultProxy.builder(feed.baseUri()).start();
      int port = first.port();
      OrukClient client = OrukClient.builder(first.baseUri()).backoff(Duration.ofMillis(10), Duration.ofMillis(100))
          .build();
      first.close();
      List<String> earlier = feed.ids().subList(0, 10);
      List<String> failedBefore = feed.ids().subList(10, 60);
      Path checkpointFile = dir.resolve("harvest.checkpoint");
      Instant then = Instant.now().minusSeconds(60);
      new HarvestCheckpoint(client.baseUri(), "", then, then, null, true, null, -1, 0, Set.copyOf(earlier),
          failedBefore.stream().map(id -> new HarvestFailure(id, client.baseUri().resolve("services/" + id), null,
              "the connection failed")).toList(), List.of()).write(checkpointFile);
      HarvestOptions options = HarvestOptions.builder().checkpoint(checkpointFile).concurrency(2)
          .stopAfterFailures(3).build();

      HarvestReport stillDown = new Harvester(client).harvest(options, new HarvestTest.Collecting());

      String where = stillDown.summaryLine();
      assertEquals(HarvestReport.Outcome.STOPPED, stillDown.outcome(), where);
      assertTrue(stillDown.stoppedBecause().startsWith("the feed stopped answering: "), where);
      assertEquals(0, stillDown.fetched(), where);
      assertTrue(stillDown.notAttempted() > 0, where);
      assertEquals(50, stillDown.failedServices().size() + stillDown.notAttempted(), where);
      HarvestCheckpoint kept = HarvestCheckpoint.read(checkpointFile).orElseThrow();
      assertEquals(Set.copyOf(failedBefore), kept.failed().stream().map(HarvestFailure::id).collect(Collectors.toSet()),
          "every earlier failure is still there to retry");
      assertEquals(Set.copyOf(earlier), kept.delivered());

      try (FaultProxy back = FaultProxy.builder(feed.baseUri()).port(port).start()) {
        HarvestTest.Collecting sink = new HarvestTest.Collecting();

        HarvestReport resumed = new Harvester(client).harvest(options, sink);

        assertEquals(HarvestReport.Outcome.COMPLETE, resumed.outcome(), resumed.summaryLine());
        assertEquals(50, sink.services.size(), "each once");
        assertEquals(Set.copyOf(failedBefore), new HashSet<>(sink.ids()));
        assertEquals(60, resumed.delivered());
      }
    }
  }
}
