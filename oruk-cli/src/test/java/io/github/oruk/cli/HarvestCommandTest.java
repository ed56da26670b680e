package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.client.harvest.HarvestProgress;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.testkit.feed.FakeFeed;
import io.github.oruk.testkit.generate.DataGenerator;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarvestCommandTest {

  private static final OrukJson JSON = OrukJson.lenient();

  @TempDir
  Path dir;

  private static List<String> ids(List<String> lines) {
    List<String> ids = new ArrayList<>();
    for (String line : lines) {
      Service service = JSON.read(line, Service.class).value();
      assertEquals(line, JSON.writeString(service), "each line is canonical JSON");
      ids.add(service.getId());
    }
    return ids;
  }

  private static List<String> lines(String text) {
    return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
  }

  @Test
  void harvestsEveryServiceToAFileAndExitsZero() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(120).basePath("/api").transientFailures(0.1).start()) {
      Path out = dir.resolve("feed.ndjson");

      CliRun run = CliRun.of("harvest", feed.baseUri().toString(), "--out", out.toString(), "--concurrency", "4",
          "--per-page", "25");

      assertEquals(0, run.exitCode(), run.err());
      List<String> ids = ids(Files.readAllLines(out, StandardCharsets.UTF_8));
      assertEquals(120, ids.size());
      assertEquals(new HashSet<>(feed.ids()), new HashSet<>(ids));
      assertTrue(run.err().contains("harvest complete: 120 services fetched"), run.err());
      assertTrue(run.err().contains("--since 20"), "suggests the next incremental run: " + run.err());
      assertEquals("", run.out());
    }
  }

  @Test
  void writesToStdoutByDefaultAndAcceptsTheServicesUrl() {
    try (FakeFeed feed = FakeFeed.builder().services(30).basePath("/api").start()) {
      CliRun run = CliRun.of("harvest", feed.baseUri() + "services");

      assertEquals(0, run.exitCode(), run.err());
      assertEquals(new HashSet<>(feed.ids()), new HashSet<>(ids(lines(run.out()))));
      assertTrue(run.err().contains(feed.baseUri().toString()), run.err());
      assertTrue(run.err().contains("ends in /services"), run.err());
    }
  }

  @Test
  void failedServicesAreListedAndExitOne() {
    try (FakeFeed feed = FakeFeed.builder().services(50).notFound(4, 44).start()) {
      CliRun run = CliRun.of("harvest", feed.baseUri().toString(), "--per-page", "10");

      assertEquals(1, run.exitCode(), run.err());
      assertEquals(5, feed.requestsFor("services"), "50 services in pages of 10");
      Set<String> failed = Arrays.stream(run.errLines()).filter(line -> line.startsWith("FAILED\t"))
          .map(line -> line.split("\t")[1]).collect(Collectors.toSet());
      assertEquals(feed.notFoundIds(), failed);
      assertEquals(48, lines(run.out()).size());
      assertTrue(run.err().contains("2 failed"), run.err());
    }
  }

  @Test
  void aFeedThatCannotBeReadExitsTwo() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    CliRun run = CliRun.of("harvest", "http://127.0.0.1:" + port + "/api");

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("the feed could not be read"), run.err());
    assertTrue(run.err().contains("FAILED\tpage\t"), run.err());
  }

  @Test
  void sinceHarvestsOnlyWhatChanged() {
    try (FakeFeed feed = FakeFeed.builder().services(100).seed(6).start()) {
      OffsetDateTime since = DataGenerator.builder().seed(6).build().referenceDate().minusDays(30)
          .atStartOfDay().atOffset(ZoneOffset.UTC);
      // Worked out from the generated data, not by the feed that applies the filter.
      List<String> expected = DataGenerator.builder().seed(6).build().services(100)
          .filter(s -> s.getLastModified() != null && !s.getLastModified().isBefore(since))
          .map(Service::getId).toList();
      assertTrue(!expected.isEmpty() && expected.size() < 100, "a real subset: " + expected.size());

      CliRun run = CliRun.of("harvest", feed.baseUri().toString(), "--since", since.toString());

      assertEquals(0, run.exitCode(), run.err());
      assertEquals(new HashSet<>(expected), new HashSet<>(ids(lines(run.out()))));
      assertTrue(run.err().contains("modified since"), run.err());
    }
  }

  @Test
  void resumeRetriesFailuresAndRemovesTheCheckpointWhenComplete() throws Exception {
    Path checkpoint = dir.resolve("harvest.checkpoint");
    Path out = dir.resolve("services.ndjson");
    try (FakeFeed feed = FakeFeed.builder().services(40).notFound(7).start()) {
      CliRun first = CliRun.of("harvest", feed.baseUri().toString(), "--out", out.toString(), "--resume",
          checkpoint.toString());
      assertEquals(1, first.exitCode(), first.err());
      assertTrue(Files.exists(checkpoint));
      assertTrue(first.err().contains("run the same command again"), first.err());
      int details = feed.detailRequests();

      CliRun second = CliRun.of("harvest", feed.baseUri().toString(), "--out", out.toString(), "--resume",
          checkpoint.toString());

      assertEquals(1, second.exitCode(), second.err());
      assertTrue(second.err().contains("resuming from"), second.err());
      assertEquals(details + 1, feed.detailRequests(), "only the failed service is fetched again");
      assertEquals(39, Files.readAllLines(out).size(), "nothing written twice");
    }
    try (FakeFeed feed = FakeFeed.builder().services(40).start()) {
      CliRun complete = CliRun.of("harvest", feed.baseUri().toString(), "--out", out.toString(), "--resume",
          dir.resolve("fresh.checkpoint").toString());
      assertEquals(0, complete.exitCode(), complete.err());
      assertFalse(Files.exists(dir.resolve("fresh.checkpoint")), "removed once complete");
      assertEquals(40, Files.readAllLines(out).size());
    }
  }

  @Test
  void aResumeForAnotherFeedIsAUsageError() {
    Path checkpoint = dir.resolve("harvest.checkpoint");
    try (FakeFeed feed = FakeFeed.builder().services(10).notFound(1).start();
        FakeFeed other = FakeFeed.builder().services(10).start()) {
      assertEquals(1, CliRun.of("harvest", feed.baseUri().toString(), "--resume", checkpoint.toString()).exitCode());

      CliRun wrong = CliRun.of("harvest", other.baseUri().toString(), "--resume", checkpoint.toString());

      assertEquals(2, wrong.exitCode(), wrong.err());
      assertTrue(wrong.err().contains("was written for " + feed.baseUri()), wrong.err());
    }
  }

  @Test
  void progressLinesAppearWhenStderrIsNotATerminal() {
    try (FakeFeed feed = FakeFeed.builder().services(80).latency(Duration.ofMillis(5)).start()) {
      CliRun run = CliRun.of("harvest", feed.baseUri().toString(), "--concurrency", "2", "--progress-every", "0.05");

      assertEquals(0, run.exitCode(), run.err());
      assertTrue(Arrays.stream(run.errLines()).anyMatch(line -> line.matches("oruk harvest: \\d+ of 80 services \\(\\d+%\\).*left")),
          run.err());
      assertFalse(run.err().contains("\r"), "no bar redrawing outside a terminal");
    }
  }

  @Test
  void theBarShowsShareCountRateAndEta() {
    HarvestProgress half = new HarvestProgress(500, 0, 1_000L, Duration.ofSeconds(10), 50);
    assertEquals("[###############...............]  50%  500/1,000  50/s  ETA 0:10  ",
        HarvestCommand.Progress.bar(half));
    assertEquals("1,200 services  40/s  ", HarvestCommand.Progress.bar(
        new HarvestProgress(1_200, 0, null, Duration.ofSeconds(30), 40)));
    assertEquals("500 of 1,000 services (50%), 3 failed, 50/s, about 0:10 left",
        HarvestCommand.Progress.line(new HarvestProgress(500, 3, 1_000L, Duration.ofSeconds(10), 50)));
    assertEquals("1:01:01", HarvestCommand.clock(Duration.ofSeconds(3661)));
  }

  @Test
  void badArgumentsAreUsageErrorsWithReasons() {
    CliRun concurrency = CliRun.of("harvest", "http://127.0.0.1:9/api", "--concurrency", "0");
    assertEquals(2, concurrency.exitCode());
    assertTrue(concurrency.err().contains("--concurrency"), concurrency.err());
    CliRun since = CliRun.of("harvest", "http://127.0.0.1:9/api", "--since", "last tuesday");
    assertEquals(2, since.exitCode());
    assertTrue(since.err().contains("--since"), since.err());
    CliRun url = CliRun.of("harvest", "ftp://example.org/feed");
    assertEquals(2, url.exitCode());
    assertTrue(url.err().contains("https://"), url.err());
    assertEquals(2, CliRun.of("harvest", "http://127.0.0.1:9/api", "--per-page", "0").exitCode());
    assertEquals(2, CliRun.of("harvest").exitCode());
    assertTrue(CliRun.of("--help").out().contains("harvest"));
  }

  @Test
  void theLiveBarIsOnlyForAStderrThatIsATerminal() throws Exception {
    assertFalse(Oruk.isTerminal(new java.io.PrintWriter(new java.io.StringWriter())), "a writer in memory");
    Path fd = Path.of("/proc/self/fd/2");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isSymbolicLink(fd), "no /proc here to compare with");
    String target = Files.readSymbolicLink(fd).toString();
    boolean tty = target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    assertEquals(tty, Oruk.isTerminal(new Oruk.StandardError()), "stderr points at " + target);
  }
}
