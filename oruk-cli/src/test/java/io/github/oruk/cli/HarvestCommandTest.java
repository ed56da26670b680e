package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.client.harvest.HarvestProgress;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.testkit.fault.FaultProxy;
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
      assertFalse(run.err().contains("--resume"), run.err());
      assertFalse(Files.exists(dir.resolve("feed.ndjson.checkpoint")), "progress kept while it ran, removed once complete");
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
  void failedServicesAreListedAndExitOne() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(50).notFound(4, 44).start()) {
      CliRun run = CliRun.of("harvest", feed.baseUri().toString(), "--per-page", "10");

      assertEquals(1, run.exitCode(), run.err());
      assertEquals(5, feed.requestsFor("services"), "50 services in pages of 10");
      Set<String> failed = Arrays.stream(run.errLines()).filter(line -> line.startsWith("FAILED\t"))
          .map(line -> line.split("\t")[1]).collect(Collectors.toSet());
      assertEquals(feed.notFoundIds(), failed);
      assertEquals(48, lines(run.out()).size());
      assertTrue(run.err().contains("2 failed"), run.err());
      assertFalse(run.err().contains("--since"), "no incremental advice that would skip the failed: " + run.err());
      List<String> resume = resumeCommand(run);
      assertEquals(List.of("oruk", "harvest", feed.baseUri().toString(), "--per-page", "10", "--resume"),
          resume.subList(0, 6));
      Path checkpoint = Path.of(resume.get(6));
      assertTrue(Files.exists(checkpoint), "stdout was written, so progress was kept in " + checkpoint);
      assertTrue(run.err().contains("it writes only what is missing, to stdout"), run.err());
      Files.delete(checkpoint);
    }
  }

  /** The words of the command printed after "run:", as a shell would split them (the test's paths need no quotes). */
  private static List<String> resumeCommand(CliRun run) {
    String[] lines = run.errLines();
    for (int i = 0; i + 1 < lines.length; i++) {
      if (lines[i].startsWith("oruk harvest: ") && lines[i].endsWith(":") && lines[i].contains(" run")) {
        assertTrue(lines[i + 1].startsWith("  oruk harvest "), lines[i + 1]);
        assertFalse(lines[i + 1].contains("'"), "no quoting expected here: " + lines[i + 1]);
        return List.of(lines[i + 1].strip().split(" "));
      }
    }
    throw new AssertionError("no command to run printed: " + run.err());
  }

  /** Runs a printed {@code oruk harvest ...} command, as a user pasting it would. */
  private static CliRun paste(List<String> command) {
    assertEquals("oruk", command.get(0));
    return CliRun.of(command.subList(1, command.size()).toArray(String[]::new));
  }

  /**
   * After failures the advice is the exact command that fetches what is missing — the same URL and
   * options, with --resume — and following it, once the feed is well again, leaves a complete file with
   * every service exactly once. (The old advice, --since the run's start, would have lost them for good.)
   */
  @Test
  void theAdviceAfterFailuresIsAResumeCommandThatLosesNothing() throws Exception {
    Path out = dir.resolve("services.ndjson");
    try (FakeFeed feed = FakeFeed.builder().services(30).perPage(10).start()) {
      List<String> doomed = List.of(feed.ids().get(3), feed.ids().get(21));
      int port;
      List<String> resume;
      try (FaultProxy sick = FaultProxy.builder(feed.baseUri())
          .always(FaultProxy.Fault.SERVICE_UNAVAILABLE, "services/" + doomed.get(0), "services/" + doomed.get(1))
          .start()) {
        port = sick.port();
        CliRun first = CliRun.of("harvest", sick.baseUri().toString(), "--out", out.toString(), "--concurrency", "3",
            "--per-page", "10", "--max-attempts", "2", "--request-timeout", "7.5");

        assertEquals(1, first.exitCode(), first.err());
        assertEquals(28, Files.readAllLines(out).size());
        assertFalse(first.err().contains("--since"), first.err());
        assertTrue(first.err().contains("2 services could not be fetched. To fetch what is missing, without fetching"
            + " again what was written, run:"), first.err());
        resume = resumeCommand(first);
        assertEquals(List.of("oruk", "harvest", sick.baseUri().toString(), "--out", out.toString(), "--concurrency",
            "3", "--per-page", "10", "--max-attempts", "2", "--request-timeout", "7.5", "--resume",
            out + ".checkpoint"), resume);
        for (String id : doomed) {
          assertEquals(2, sick.requestsFor("services/" + id), "--max-attempts 2 was used");
        }
      }
      try (FaultProxy well = FaultProxy.builder(feed.baseUri()).port(port).start()) {
        int details = feed.detailRequests();

        CliRun second = paste(resume);

        assertEquals(0, second.exitCode(), second.err());
        assertEquals(details + 2, feed.detailRequests(), "only the two that failed were fetched again");
        assertEquals(well.requestsFor("services/" + doomed.get(0)), 1);
        List<String> ids = ids(Files.readAllLines(out, StandardCharsets.UTF_8));
        assertEquals(30, ids.size(), "each service once");
        assertEquals(new HashSet<>(feed.ids()), new HashSet<>(ids));
        assertFalse(Files.exists(Path.of(out + ".checkpoint")), "removed once complete");
        assertTrue(second.err().contains("--since 20"), second.err());
      }
    }
  }

  /**
   * One service holding a number no double holds (1e999999): it is one failed service, listed with its id and
   * the number's pointer, and the other four are written; once the publisher fixes it, the printed resume
   * command completes the file, each service once. It used to stop the whole harvest ("the sink failed") after
   * 2 of the 5, and a resume never listed it.
   */
  @Test
  void aServiceWithANumberNoDoubleHoldsIsOneFailedServiceAndTheResumeCompletesOnceItIsFixed() throws Exception {
    List<Service> services = DataGenerator.builder().seed(21).build().services(5).toList();
    Service bad = services.get(2);
    Path out = dir.resolve("services.ndjson");
    try (RawFeed feed = new RawFeed(services)) {
      feed.serve(bad.getId(), RawFeed.withMaximumAge(bad, "1e999999"));

      CliRun first = CliRun.of("harvest", feed.baseUri().toString(), "--out", out.toString());

      assertEquals(1, first.exitCode(), first.err());
      List<String> written = ids(Files.readAllLines(out, StandardCharsets.UTF_8));
      assertEquals(4, written.size(), first.err());
      assertFalse(written.contains(bad.getId()));
      List<String> failed = Arrays.stream(first.errLines()).filter(line -> line.startsWith("FAILED	")).toList();
      assertEquals(1, failed.size(), first.err());
      assertTrue(failed.get(0).startsWith("FAILED	" + bad.getId() + "	" + feed.baseUri() + "services/" + bad.getId()
          + "	"), failed.get(0));
      assertTrue(failed.get(0).contains("/maximum_age") && failed.get(0).contains("ORUK-READ-018"), failed.get(0));

      feed.serve(bad.getId(), JSON.writeString(bad));
      CliRun second = paste(resumeCommand(first));

      assertEquals(0, second.exitCode(), second.err());
      List<String> ids = ids(Files.readAllLines(out, StandardCharsets.UTF_8));
      assertEquals(5, ids.size(), "each service once");
      assertEquals(services.stream().map(Service::getId).collect(Collectors.toSet()), new HashSet<>(ids));
    }
  }

  /**
   * A feed that goes away part way through: the harvest stops, says the feed stopped answering and how many
   * services it did not attempt, exits 1 and prints the command that carries on, which completes the harvest
   * once the feed is back, each service once.
   */
  @Test
  void aFeedThatStopsAnsweringStopsTheHarvestWithTheResumeCommand() throws Exception {
    Path out = dir.resolve("services.ndjson");
    try (FakeFeed feed = FakeFeed.builder().services(200).perPage(200).start()) {
      FaultProxy proxy = FaultProxy.builder(feed.baseUri()).start();
      int port = proxy.port();
      Thread killer = new Thread(() -> {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (proxy.requests() < 60 && System.nanoTime() < deadline) {
          java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // polling the proxy's count, with a deadline
        }
        proxy.close();
      }, "feed-killer");
      killer.start();

      CliRun first = CliRun.of("harvest", proxy.baseUri().toString(), "--out", out.toString(), "--max-attempts", "2",
          "--stop-after-failures", "5");
      killer.join(60_000);

      assertEquals(1, first.exitCode(), first.err());
      java.util.regex.Matcher reason = java.util.regex.Pattern.compile("oruk harvest: harvest stopped \\(the feed"
          + " stopped answering: (\\d+) services in a row could not be fetched, nor could ").matcher(first.err());
      assertTrue(reason.find(), first.err());
      assertTrue(Integer.parseInt(reason.group(1)) >= 5, "--stop-after-failures 5 was used: " + first.err());
      long failed = Arrays.stream(first.errLines()).filter(line -> line.startsWith("FAILED\t")).count();
      int written = Files.readAllLines(out).size();
      java.util.regex.Matcher notAttempted = java.util.regex.Pattern.compile(", (\\d+) not attempted")
          .matcher(first.err());
      assertTrue(notAttempted.find(), first.err());
      assertEquals(200, written + failed + Long.parseLong(notAttempted.group(1)), "nothing unaccounted for: "
          + first.err());
      assertTrue(first.err().contains("The harvest stopped before the end. To carry on where it stopped"), first.err());
      assertFalse(first.err().contains("--since"), first.err());
      List<String> resume = resumeCommand(first);
      assertEquals(List.of("oruk", "harvest", proxy.baseUri().toString(), "--out", out.toString(), "--max-attempts",
          "2", "--stop-after-failures", "5", "--resume", out + ".checkpoint"), resume);

      try (FaultProxy back = FaultProxy.builder(feed.baseUri()).port(port).start()) {
        CliRun second = paste(resume);

        assertEquals(0, second.exitCode(), second.err());
        List<String> ids = ids(Files.readAllLines(out, StandardCharsets.UTF_8));
        assertEquals(200, ids.size(), "each service once");
        assertEquals(new HashSet<>(feed.ids()), new HashSet<>(ids));
      }
    }
  }

  /** A feed whose by-id answers all carry another id: nothing is written, each is FAILED, exit 1. */
  @Test
  void aFeedWhoseDetailsCarryAnotherIdWritesNothing() throws Exception {
    Path out = dir.resolve("services.ndjson");
    try (FakeFeed feed = FakeFeed.builder().services(24).detailsWithAnotherId(
        java.util.stream.IntStream.range(0, 24).boxed().toList()).start()) {
      CliRun run = CliRun.of("harvest", feed.baseUri().toString(), "--out", out.toString(), "--max-attempts", "2");

      assertEquals(1, run.exitCode(), run.err());
      assertEquals(List.of(), Files.readAllLines(out), "nothing written");
      Set<String> failed = Arrays.stream(run.errLines()).filter(line -> line.startsWith("FAILED\t"))
          .map(line -> line.split("\t")[1]).collect(Collectors.toSet());
      assertEquals(new HashSet<>(feed.ids()), failed);
      assertTrue(run.err().contains("0 services fetched"), run.err());
      assertTrue(run.err().contains("24 failed"), run.err());
      assertTrue(run.err().contains("with the id '" + feed.ids().get(1) + "' on all 2 attempts"), run.err());
      assertEquals(2, feed.requestsFor("services/" + feed.ids().get(0)), "retried per --max-attempts");
      assertFalse(run.err().contains("harvest complete"), run.err());
    }
  }

  private static final java.util.regex.Pattern JAVA_METHOD = java.util.regex.Pattern.compile("[a-z][A-Za-z]*\\(\\.\\.\\.\\)");

  /** What the client advises, in the command's terms: its options, never the library's builder methods. */
  @Test
  void messagesNameTheCommandsOptionsNotJavaMethods() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(6).start();
        FaultProxy unavailable = FaultProxy.builder(feed.baseUri())
            .always(FaultProxy.Fault.SERVICE_UNAVAILABLE, "services/" + feed.ids().get(2)).start();
        FaultProxy stalled = FaultProxy.builder(feed.baseUri()).rate(FaultProxy.Fault.STALL, 1)
            .stallTime(Duration.ofSeconds(2)).start()) {
      CliRun busy = CliRun.of("harvest", unavailable.baseUri().toString(), "--max-attempts", "2");
      assertEquals(1, busy.exitCode(), busy.err());
      assertTrue(busy.err().contains("503 Service Unavailable on all 2 attempts"), busy.err());
      assertTrue(busy.err().contains("allow more attempts with --max-attempts N"), busy.err());
      assertFalse(JAVA_METHOD.matcher(busy.err()).find(), busy.err());
      List<String> resume = resumeCommand(busy);
      Files.delete(Path.of(resume.get(resume.size() - 1)));

      CliRun slow = CliRun.of("harvest", stalled.baseUri().toString(), "--max-attempts", "1", "--request-timeout",
          "0.3");
      assertEquals(2, slow.exitCode(), slow.err());
      assertTrue(slow.err().contains("request timeout of 300 ms"), slow.err());
      assertTrue(slow.err().contains("raise --request-timeout SECONDS"), slow.err());
      assertTrue(slow.err().contains("--per-page N"), slow.err());
      assertFalse(JAVA_METHOD.matcher(slow.err()).find(), slow.err());
    }
    com.sun.net.httpserver.HttpServer locked = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    locked.createContext("/", exchange -> {
      exchange.sendResponseHeaders(401, -1);
      exchange.close();
    });
    locked.start();
    try {
      CliRun refused = CliRun.of("harvest", "http://127.0.0.1:" + locked.getAddress().getPort() + "/api");
      assertEquals(2, refused.exitCode(), refused.err());
      assertTrue(refused.err().contains("401 Unauthorized"), refused.err());
      assertTrue(refused.err().contains("ask the feed's publisher for access"), refused.err());
      assertFalse(JAVA_METHOD.matcher(refused.err()).find(), refused.err());
    } finally {
      locked.stop(0);
    }
    // The library's other advice, and any builder method it may name one day, in words.
    assertEquals("GET x: could not connect to h:1 within the connect timeout of 10.0 s. Check the address and your"
        + " network.", HarvestCommand.inCliTerms("GET x: could not connect to h:1 within the connect timeout of 10.0 s."
        + " Check the address and your network; raise connectTimeout(...) if the server is just slow to accept"
        + " connections."));
    assertEquals("too big. If the feed is genuine, raise --max-response-size SIZE, or ask for smaller pages with"
        + " --per-page N.", HarvestCommand.inCliTerms(
        "too big. If the feed is genuine, raise OrukClient.builder().maxResponseBytes(...), or ask for smaller pages"
        + " with per_page."));
    assertEquals("raise the client's max retry time setting", HarvestCommand.inCliTerms("raise maxRetryTime(...)"));
  }

  @Test
  void aFeedThatCannotBeReadExitsTwo() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    CliRun run = CliRun.of("harvest", "http://127.0.0.1:" + port + "/api", "--max-attempts", "1");

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("the feed could not be read"), run.err());
    assertTrue(run.err().contains("FAILED\tpage\t"), run.err());
    assertFalse(run.err().contains("--resume") || run.err().contains("--since"), "nothing to carry on: " + run.err());
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
      List<String> same = List.of("oruk", "harvest", feed.baseUri().toString(), "--out", out.toString(), "--resume",
          checkpoint.toString());
      assertEquals(same, resumeCommand(first), "the same command again");
      int details = feed.detailRequests();

      CliRun second = paste(same);

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
    assertTrue(since.err().contains("--since: DATE must be a date-time with a four-digit year, such as"
        + " 2024-05-01T09:30:00Z (or a date, read as midnight UK time); got 'last tuesday'."), since.err());
    CliRun url = CliRun.of("harvest", "ftp://example.org/feed");
    assertEquals(2, url.exitCode());
    assertTrue(url.err().contains("https://"), url.err());
    CliRun perPage = CliRun.of("harvest", "http://127.0.0.1:9/api", "--per-page", "0");
    assertEquals(2, perPage.exitCode());
    // The model's one per_page message, as the server and the parser give it.
    assertTrue(perPage.err().contains("--per-page: 'per_page' must be a whole number from 1 to 2147483647; got '0'."),
        perPage.err());
    for (String[] bad : new String[][] {{"--max-attempts", "0"}, {"--request-timeout", "0"},
        {"--request-timeout", "-2"}, {"--max-rps", "-1"}, {"--stop-after-failures", "-1"}}) {
      CliRun refused = CliRun.of("harvest", "http://127.0.0.1:9/api", bad[0], bad[1]);
      assertEquals(2, refused.exitCode(), refused.err());
      assertTrue(refused.err().contains(bad[0] + " must be"), refused.err());
      assertFalse(refused.err().contains("maxAttempts") || refused.err().contains("requestTimeout"), refused.err());
    }
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
