package io.github.oruk.cli;

import io.github.oruk.client.OrukClient;
import io.github.oruk.client.harvest.HarvestCheckpoint;
import io.github.oruk.client.harvest.HarvestFailure;
import io.github.oruk.client.harvest.HarvestOptions;
import io.github.oruk.client.harvest.HarvestProgress;
import io.github.oruk.client.harvest.HarvestReport;
import io.github.oruk.client.harvest.HarvestSink;
import io.github.oruk.client.harvest.Harvester;
import io.github.oruk.client.harvest.NdjsonSink;
import io.github.oruk.client.paging.PagingFinding;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.query.InvalidQueryException;
import io.github.oruk.model.query.Parameter;
import io.github.oruk.model.query.Query;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oruk harvest}: every service of a feed, in full, one canonical JSON line each. */
@Command(
    name = "harvest",
    mixinStandardHelpOptions = true,
    description = {
        "Fetch every service of an ORUK feed in full, one canonical JSON service per line.",
        "",
        "Lists BASE_URL/services page by page, then fetches /services/{id} for each service, several at a time."
            + " Transient failures (timeouts, dropped connections, 429, 502, 503, 504, an answer for another id)"
            + " are retried with backoff, honouring Retry-After, up to --max-attempts times. Legacy ORUK v1 feeds"
            + " are read into ORUK 3.0. BASE_URL may end in /services.",
        "",
        "A feed that stops answering stops the harvest: when --stop-after-failures services in a row could not be"
            + " fetched without an answer (no connection, timeouts, 429, 5xx, after their retries) and a service it"
            + " answered earlier fails too, the harvest ends, says why and how many services it did not attempt,"
            + " and prints the command that carries on once the feed is back.",
        "",
        "Progress goes to stderr (a bar on a terminal, a line every 10 s otherwise), then a summary: every"
            + " service that could not be fetched (FAILED<TAB>id<TAB>url<TAB>cause) and everything odd the paging"
            + " showed (CODE<TAB>url#pointer<TAB>message).",
        "",
        "With --resume, progress is saved to CHECKPOINT as the harvest goes. Run the same command again after an"
            + " interruption (or after failures) to carry on: services already written are not fetched again,"
            + " failed ones are retried, and --out FILE is cut back to the checkpoint so no line is written twice."
            + " The checkpoint is removed when the harvest completes. Without --resume, progress is still kept"
            + " (in FILE.checkpoint, or in the temporary directory when writing to stdout) in case the harvest"
            + " does not complete; the summary then prints the exact command that carries on."},
    footer = {"", "Exit codes: 0 every service was fetched, 1 some failed (they are listed) or the harvest stopped,"
        + " 2 the feed could not be read at all, or a usage error."})
final class HarvestCommand implements Callable<Integer> {

  /** Read findings for values the reader kept as extensions, which canonical output leaves out. */
  private static final Set<ReadCode> KEPT_ASIDE = EnumSet.of(ReadCode.EXTENSION_PROPERTY, ReadCode.UNMAPPABLE_VALUE,
      ReadCode.UNKNOWN_ENUM_VALUE, ReadCode.V1_PROPERTY_KEPT);

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "BASE_URL", description = "The feed, such as https://example.org/api (or .../api/services).")
  private String baseUrl;

  @Option(names = "--out", paramLabel = "FILE.ndjson|-", defaultValue = "-",
      description = "Where to write the services; '-' (the default) is stdout.")
  private String out;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
      description = "How many services to fetch at once, 1 to 256 (default: ${DEFAULT-VALUE}).")
  private int concurrency;

  @Option(names = "--per-page", paramLabel = "N", description = "The page size to ask for when listing.")
  private Integer perPage;

  @Option(names = "--since", paramLabel = "DATE",
      description = "Only services modified since DATE (modified_after): 2024-05-01, 2024-05-01T09:30 (UK time)"
          + " or 2024-05-01T09:30:00Z. After a complete harvest the summary gives the value for the next one.")
  private String since;

  @Option(names = "--resume", paramLabel = "CHECKPOINT",
      description = "Save progress to CHECKPOINT, and carry on from it if it exists.")
  private Path resume;

  @Option(names = "--max-rps", paramLabel = "R",
      description = "Politeness: at most R requests per second to the feed (default: no limit).")
  private Double maxRps;

  @Option(names = "--max-attempts", paramLabel = "N",
      description = "The most times one request is sent, the first included; 1 turns retries off (default: 10).")
  private Integer maxAttempts;

  @Option(names = "--request-timeout", paramLabel = "SECONDS",
      description = "How long one request may take, from sending it to the last byte of the answer; a slower"
          + " answer is a timeout, and is retried (default: 30).")
  private Double requestTimeout;

  @Option(names = "--stop-after-failures", paramLabel = "N",
      description = "Stop when N services in a row could not be fetched because the feed did not answer, and a"
          + " service it answered earlier fails too: the feed is down. 0 never stops (default: "
          + HarvestOptions.DEFAULT_STOP_AFTER_FAILURES + ").")
  private Integer stopAfterFailures;

  @Option(names = "--keep-extensions",
      description = "Also write properties the standard does not define (vendor extensions, values kept aside).")
  private boolean keepExtensions;

  @Mixin
  private LimitOptions limits = new LimitOptions();

  @Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "10", hidden = true,
      description = "Seconds between progress lines when stderr is not a terminal.")
  private double progressEvery;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    OrukJson json = json();
    OrukClient client = client(json);
    HarvestOptions options = options();
    Optional<HarvestCheckpoint> checkpoint = readCheckpoint();
    Path checkpointFile = resume != null ? resume : implicitCheckpoint(client, options);
    if (resume == null) {
      try {
        Files.deleteIfExists(checkpointFile); // left by an earlier run; this one was asked to start afresh
      } catch (IOException e) {
        err.println("oruk harvest: could not remove the old checkpoint " + checkpointFile + ": " + e.getMessage());
        return 1;
      }
    }
    options = options.toBuilder().checkpoint(checkpointFile).build();

    err.println("oruk harvest: " + client.baseUri() + " (" + client.baseUriNote() + ")"
        + (options.query().modifiedAfter() != null ? ", services modified since " + options.query().modifiedAfter() : "")
        + checkpoint.map(c -> ", resuming from " + resume + " (" + c.delivered().size() + " services delivered"
            + (c.failed().isEmpty() ? "" : ", " + c.failed().size() + " to retry") + ")").orElse(""));

    HarvestSink sink;
    try {
      sink = sink(json, checkpoint);
    } catch (IOException e) {
      err.println("oruk harvest: could not open " + out + ": " + e.getMessage());
      return 1;
    }
    Progress progress = new Progress(err, Oruk.isTerminal(err));
    options = options.toBuilder().progress(progress, progress.terminal
        ? Duration.ofMillis(250) : Duration.ofMillis((long) (progressEvery * 1000))).build();

    // Ctrl-C: stop the harvest cleanly (requests cancelled, checkpoint written, summary printed) before the
    // JVM goes. The hook waits for the summary, not for this thread, which then blocks in System.exit.
    Thread harvesting = Thread.currentThread();
    CountDownLatch summarized = new CountDownLatch(1);
    Thread stopper = new Thread(() -> {
      harvesting.interrupt();
      try {
        summarized.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "oruk-harvest-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      return harvest(client, options, sink, progress, err, checkpointFile);
    } finally {
      summarized.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running, and waited for the summary.
      }
    }
  }

  private int harvest(OrukClient client, HarvestOptions options, HarvestSink sink, Progress progress,
      PrintWriter err, Path checkpointFile) {
    HarvestReport report;
    try {
      report = new Harvester(client).harvest(options, sink);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "--resume: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--resume: " + e.getMessage());
    } finally {
      try {
        if (sink instanceof NdjsonSink file) {
          file.close();
        } else {
          sink.flush();
        }
      } catch (IOException e) {
        err.println("oruk harvest: could not finish writing " + out + ": " + e.getMessage());
      }
      progress.end();
    }
    Thread.interrupted();
    summarize(err, report, checkpointFile);
    return switch (report.outcome()) {
      case COMPLETE -> 0;
      case UNREADABLE -> 2;
      case PARTIAL, STOPPED -> 1;
    };
  }

  /** The codec services are read and written with: the limits given, and extensions written if asked. */
  private OrukJson json() {
    try {
      return limits.apply(OrukJson.builder().keepExtensions(keepExtensions)).build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private OrukClient client(OrukJson json) {
    // The command prints what the client would log; keep library log lines off the terminal.
    java.util.logging.Logger.getLogger("io.github.oruk.client").setLevel(java.util.logging.Level.WARNING);
    OrukClient.Builder builder;
    try {
      builder = OrukClient.builder(baseUrl).json(json);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (limits.maxResponseSize != null) {
      builder.maxResponseBytes(limits.maxResponseSize);
    }
    if (maxRps != null) {
      if (!(maxRps >= 0) || maxRps.isInfinite()) {
        throw new ParameterException(spec.commandLine(), "--max-rps must be 0 (no limit) or more; got " + maxRps);
      }
      builder.maxRequestsPerSecond(maxRps);
    }
    if (maxAttempts != null) {
      if (maxAttempts < 1) {
        throw new ParameterException(spec.commandLine(), "--max-attempts must be at least 1 (1 turns retries off);"
            + " got " + maxAttempts);
      }
      builder.maxAttempts(maxAttempts);
    }
    if (requestTimeout != null) {
      if (!(requestTimeout >= 0.001) || requestTimeout.isInfinite()) {
        throw new ParameterException(spec.commandLine(), "--request-timeout must be a number of seconds, at least"
            + " 0.001; got " + requestTimeout);
      }
      builder.requestTimeout(Duration.ofMillis(Math.round(requestTimeout * 1000)));
    }
    return builder.build();
  }

  private HarvestOptions options() {
    try {
      HarvestOptions.Builder options = HarvestOptions.builder().concurrency(concurrency);
      if (perPage != null) {
        try {
          options.perPage(perPage);
        } catch (InvalidQueryException e) {
          throw new IllegalArgumentException("--per-page: " + e.getMessage());
        }
      }
      if (since != null) {
        options.modifiedAfter(parseSince(since));
      }
      if (stopAfterFailures != null) {
        if (stopAfterFailures < 0) {
          throw new IllegalArgumentException("--stop-after-failures must be 0 (never stop) or more; got "
              + stopAfterFailures);
        }
        options.stopAfterFailures(stopAfterFailures);
      }
      return options.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage().replace("concurrency", "--concurrency"));
    }
  }

  private OffsetDateTime parseSince(String text) {
    try {
      // An empty DATE is no filter, as an empty modified_after is.
      return Query.parseValue(Parameter.MODIFIED_AFTER, text, "DATE").modifiedAfter();
    } catch (InvalidQueryException e) {
      throw new IllegalArgumentException("--since: " + e.getMessage());
    }
  }

  private Optional<HarvestCheckpoint> readCheckpoint() {
    if (resume == null) {
      return Optional.empty();
    }
    try {
      return HarvestCheckpoint.read(resume);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "--resume: " + e.getMessage());
    }
  }

  private HarvestSink sink(OrukJson json, Optional<HarvestCheckpoint> checkpoint) throws IOException {
    if (out.equals("-")) {
      PrintWriter stdout = spec.commandLine().getOut();
      return new HarvestSink() {
        @Override
        public void accept(Service service) {
          stdout.print(new String(json.write(service), StandardCharsets.UTF_8));
          stdout.print('\n');
        }

        @Override
        public void flush() {
          stdout.flush();
        }
      };
    }
    Path file = Path.of(out);
    if (checkpoint.isPresent() && checkpoint.get().sinkPosition() >= 0) {
      try {
        return NdjsonSink.resumeFile(file, checkpoint.get().sinkPosition(), json);
      } catch (IOException e) {
        throw new ParameterException(spec.commandLine(), "--out: " + e.getMessage());
      }
    }
    if (checkpoint.isPresent()) {
      spec.commandLine().getErr().println("oruk harvest: the interrupted run wrote to stdout; " + file
          + " will hold only the services it did not deliver.");
    }
    return NdjsonSink.toFile(file, json);
  }

  /**
   * Where progress is kept when --resume was not given, so that a harvest that does not complete can still
   * be carried on: beside the output file, or (for stdout) in the temporary directory, named after the feed
   * and query so that different harvests do not meet.
   */
  private Path implicitCheckpoint(OrukClient client, HarvestOptions options) {
    if (!out.equals("-")) {
      Path file = Path.of(out).toAbsolutePath();
      return file.resolveSibling(file.getFileName() + ".checkpoint");
    }
    String key = client.baseUri() + "?" + options.query().toQueryString();
    return Path.of(System.getProperty("java.io.tmpdir"))
        .resolve(String.format(Locale.ROOT, "oruk-harvest-%08x.checkpoint", key.hashCode()));
  }

  private void summarize(PrintWriter err, HarvestReport report, Path checkpointFile) {
    err.println("oruk harvest: " + inCliTerms(report.summaryLine()));
    for (HarvestFailure failure : report.failed()) {
      err.println(inCliTerms(failure.toLine()));
    }
    for (PagingFinding finding : report.findings()) {
      err.println(inCliTerms(finding.toLine()));
    }
    if (!report.readFindings().isEmpty()) {
      StringBuilder line = new StringBuilder("oruk harvest: the reader repaired or kept aside:");
      report.readFindings().forEach((code, count) -> line.append(' ').append(code.code()).append(" x")
          .append(String.format(Locale.ROOT, "%,d", count)));
      boolean keptAside = report.readFindings().keySet().stream().anyMatch(code -> KEPT_ASIDE.contains(code));
      line.append(keepExtensions || !keptAside ? "" : " (what was kept aside is written only with --keep-extensions)");
      err.println(line);
    }
    switch (report.outcome()) {
      case COMPLETE -> err.println("oruk harvest: for an incremental harvest of what changes from now on, use --since "
          + report.startedAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
      case UNREADABLE -> {
        if (resume == null) {
          deleteQuietly(checkpointFile); // nothing was harvested: nothing to carry on from
        } else if (Files.exists(checkpointFile)) {
          err.println("oruk harvest: when the feed answers again, run the same command.");
        }
      }
      case PARTIAL, STOPPED -> {
        if (Files.exists(checkpointFile)) {
          String what = report.outcome() == HarvestReport.Outcome.STOPPED
              ? "The harvest stopped before the end. To carry on where it stopped"
              : report.failedServices().size() + " service" + (report.failedServices().size() == 1 ? "" : "s")
                  + " could not be fetched" + (report.failed().size() > report.failedServices().size()
                  ? ", and listing did not reach the end" : "") + ". To fetch what is missing";
          err.println("oruk harvest: " + what + ", without fetching again what was written, run"
              + (out.equals("-") ? " (it writes only what is missing, to stdout)" : "") + ":");
          err.println("  " + resumeCommand(checkpointFile));
          if (report.outcome() == HarvestReport.Outcome.PARTIAL) {
            err.println("oruk harvest: (an incremental harvest of what changes from now on would not fetch them:"
                + " they have not changed.)");
          }
        }
      }
    }
    err.flush();
  }

  /** The command that carries this harvest on: the same feed and options, with --resume CHECKPOINT. */
  String resumeCommand(Path checkpointFile) {
    List<String> words = new ArrayList<>(List.of("oruk", "harvest", baseUrl));
    if (!out.equals("-")) {
      words.addAll(List.of("--out", out));
    }
    if (concurrency != HarvestOptions.DEFAULT_CONCURRENCY) {
      words.addAll(List.of("--concurrency", Integer.toString(concurrency)));
    }
    if (perPage != null) {
      words.addAll(List.of("--per-page", perPage.toString()));
    }
    if (since != null) {
      words.addAll(List.of("--since", since));
    }
    if (maxRps != null) {
      words.addAll(List.of("--max-rps", number(maxRps)));
    }
    if (maxAttempts != null) {
      words.addAll(List.of("--max-attempts", maxAttempts.toString()));
    }
    if (requestTimeout != null) {
      words.addAll(List.of("--request-timeout", number(requestTimeout)));
    }
    if (stopAfterFailures != null) {
      words.addAll(List.of("--stop-after-failures", stopAfterFailures.toString()));
    }
    if (keepExtensions) {
      words.add("--keep-extensions");
    }
    words.addAll(limits.words());
    words.addAll(List.of("--resume", (resume != null ? resume : checkpointFile).toString()));
    return words.stream().map(HarvestCommand::shellWord).collect(Collectors.joining(" "));
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }

  /** A word as a POSIX shell reads it back: as it is when it is safe, else in single quotes. */
  static String shellWord(String word) {
    if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=@%+,-]+")) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // left behind: harmless, and removed by the next run
    }
  }

  /**
   * A message from the client library in the command's terms: the library's advice names its builder
   * methods, which mean nothing on the command line; these are the options that do the same, or, where the
   * command has none, the advice without them. Any builder method left is named in words.
   */
  static String inCliTerms(String message) {
    String text = LimitOptions.inCliTerms(message)
        .replace("allow more attempts and time with maxAttempts(...) and maxRetryTime(...)",
            "allow more attempts with --max-attempts N")
        .replace("raise requestTimeout(...) if it is just slow", "raise --request-timeout SECONDS if it is just slow")
        .replace("; raise connectTimeout(...) if the server is just slow to accept connections", "")
        .replace("ORUK feeds should be open, but if this one is not, pass them with OrukClient.builder().header(...)",
            "ORUK feeds should be open; oruk harvest sends no credentials, so ask the feed's publisher for access")
        .replace("ask for smaller pages with per_page", "ask for smaller pages with --per-page N")
        .replace("Raise PagingOptions.maxPages if the feed really has more pages, or narrow the query",
            "If the feed really has more pages, ask for bigger ones with --per-page N");
    Matcher method = BUILDER_METHOD.matcher(text);
    StringBuilder plain = new StringBuilder();
    while (method.find()) {
      String words = method.group(1).replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT);
      method.appendReplacement(plain, Matcher.quoteReplacement("the client's " + words + " setting"));
    }
    method.appendTail(plain);
    return plain.toString();
  }

  private static final Pattern BUILDER_METHOD = Pattern.compile("(?:OrukClient\\.builder\\(\\)\\.)?([a-z][A-Za-z]*)\\(\\.\\.\\.\\)");

  /** Progress on stderr: a bar redrawn in place on a terminal, a plain line now and then otherwise. */
  static final class Progress implements Consumer<HarvestProgress> {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean terminal;
    private boolean drawn;

    Progress(PrintWriter err, boolean terminal) {
      this.err = err;
      this.terminal = terminal;
    }

    @Override
    public synchronized void accept(HarvestProgress progress) {
      if (terminal) {
        err.print('\r' + bar(progress));
        drawn = true;
      } else if (progress.done() > 0) {
        err.println("oruk harvest: " + line(progress));
      }
      err.flush();
    }

    synchronized void end() {
      if (drawn) {
        err.println();
        err.flush();
      }
    }

    static String bar(HarvestProgress progress) {
      String rate = String.format(Locale.ROOT, "%,.0f/s", progress.perSecond());
      if (progress.fraction().isEmpty()) {
        return String.format(Locale.ROOT, "%,d services  %s  ", progress.done(), rate);
      }
      double fraction = progress.fraction().get();
      int filled = (int) Math.round(fraction * WIDTH);
      return String.format(Locale.ROOT, "[%s%s] %3.0f%%  %,d/%,d  %s  ETA %s  ", "#".repeat(filled),
          ".".repeat(WIDTH - filled), fraction * 100, progress.done(), progress.total(), rate,
          progress.eta().map(HarvestCommand::clock).orElse("?"));
    }

    static String line(HarvestProgress progress) {
      String failed = progress.failed() == 0 ? "" : String.format(Locale.ROOT, ", %,d failed", progress.failed());
      if (progress.fraction().isEmpty()) {
        return String.format(Locale.ROOT, "%,d services%s, %,.0f/s", progress.done(), failed, progress.perSecond());
      }
      return String.format(Locale.ROOT, "%,d of %,d services (%.0f%%)%s, %,.0f/s, about %s left", progress.done(),
          progress.total(), progress.fraction().get() * 100, failed, progress.perSecond(),
          progress.eta().map(HarvestCommand::clock).orElse("?"));
    }
  }

  static String clock(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}
