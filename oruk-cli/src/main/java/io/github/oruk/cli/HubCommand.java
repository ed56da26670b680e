package io.github.oruk.cli;

import io.github.oruk.hub.Hub;
import io.github.oruk.hub.HubReport;
import io.github.oruk.hub.refresh.RefreshProgress;
import io.github.oruk.hub.register.Register;
import io.github.oruk.hub.register.RegisterException;
import io.github.oruk.hub.store.ClusterSummary;
import io.github.oruk.hub.store.FeedRefresh;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.hub.store.StoredFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code oruk hub}: many feeds into one store. {@code run} refreshes every feed of a register once; the other
 * subcommands of the hub ({@code serve}, {@code review}, {@code decide}, {@code watch}) join it here.
 */
@Command(
    name = "hub",
    mixinStandardHelpOptions = true,
    description = {"Aggregate many ORUK feeds into one store, with provenance and history.",
        "Run 'oruk hub help SUBCOMMAND' for the options of one."},
    subcommands = {HubCommand.Run.class, HubWatchCommand.class, HubServeCommand.class, HubReviewCommand.class,
        HubDecideCommand.class, CommandLine.HelpCommand.class})
final class HubCommand implements Runnable {

  /** Held here: java.util.logging keeps loggers only weakly, and a collected one forgets its level. */
  private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

  @Spec
  private CommandSpec spec;

  /**
   * The store {@code --db} names, or the H2 database in {@code ./oruk-hub/} without it; Flyway's lines left out.
   *
   * @throws ParameterException when {@code --db} is not a JDBC URL
   */
  static HubStore openStore(CommandSpec spec, @Nullable String db) {
    if (db != null && !db.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
      throw new ParameterException(spec.commandLine(), "--db: '" + db + "' is not a JDBC URL; expected"
          + " jdbc:postgresql://HOST/DB?user=U&password=P or jdbc:h2:file:PATH");
    }
    FLYWAY.setLevel(Level.WARNING);
    return db == null ? HubStore.openFolder(Path.of("oruk-hub")) : HubStore.open(db);
  }

  /**
   * The register at {@code --feeds}.
   *
   * @throws ParameterException when it cannot be read or is wrong
   */
  static Register loadRegister(CommandSpec spec, Path feeds) {
    try {
      return Register.load(feeds);
    } catch (NoSuchFileException e) {
      throw new ParameterException(spec.commandLine(), "--feeds: no such file: " + feeds);
    } catch (RegisterException e) {
      throw new ParameterException(spec.commandLine(), "--feeds: " + e.getMessage());
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "--feeds: cannot read " + feeds + ": " + e.getMessage());
    }
  }

  /**
   * A hub for {@code watch} and {@code serve --watch}: each finished refresh's summary line (as {@code run}
   * prints it) on {@code out}, each feed event on {@code err} ({@code event: FEED: KIND (PREVIOUS -> CURRENT) at
   * TIME, URL}); the register's webhooks are told too.
   */
  static Hub watchingHub(Register register, HubStore store, PrintWriter out, PrintWriter err) {
    return Hub.builder(register).store(store)
        .progress(progress -> {
          if (progress.phase() == RefreshProgress.Phase.DONE) {
            List<FeedRefresh> refreshes = store.refreshes(progress.feed());
            synchronized (out) {
              out.println(Run.summary(refreshes.get(refreshes.size() - 1)));
              out.flush();
            }
          }
        })
        .listener(event -> {
          synchronized (err) {
            err.println("event: " + event.toLine());
            err.flush();
          }
        })
        .build();
  }

  /** {@code --feeds} and {@code --db}, for the subcommands that refresh ({@code run}, {@code watch}). */
  static final class RegisterOptions {

    @Option(names = "--feeds", required = true, paramLabel = "FEEDS.yaml",
        description = "The register: a YAML or JSON file with a top-level 'feeds' list (name, url, and optionally"
            + " publisher, licence, contact, taxonomy, refresh) and optionally 'webhooks' (a list of URLs).")
    Path feeds;

    @Option(names = "--db", paramLabel = "JDBC_URL",
        description = "The store: jdbc:postgresql://HOST/DB?user=U&password=P or jdbc:h2:...; default: an H2"
            + " database in ./oruk-hub/.")
    @Nullable String db;
  }

  /** With no subcommand, show the help. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code oruk hub run}: refresh every feed of the register once. */
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
          "Refresh every feed of the register once, concurrently, into the hub's store.",
          "",
          "Each feed's full list of ids is walked; details are read only for records that are new or changed"
              + " (modified_after where an ORUK 3.0 feed takes it, content hashes otherwise). Every record keeps its"
              + " provenance (feed, original id, first seen, last seen, last changed, content hash) and history."
              + " Records a complete refresh no longer sees are marked withdrawn, never deleted. A refresh cut short"
              + " is resumed by the next run.",
          "",
          "Progress goes to stderr, with every record or page that could not be read"
              + " (FEED: FAILED<TAB>id<TAB>address<TAB>cause). Then a summary line per feed on stdout:"
              + " FEED<TAB>COMPLETE|INCOMPLETE<TAB>listed=N read=N added=N changed=N unchanged=N withdrawn=N"
              + " failed=N parity=VERDICT strict=VERDICT (a verdict is '-' when nothing was read).",
          "",
          "Then the current records of all feeds are de-duplicated into clusters (curators' decisions hold; see"
              + " 'oruk hub review' and 'oruk hub decide'), counted in a last line on stderr.",
          "",
          "Without --db the store is an H2 database in ./oruk-hub/ (created when missing)."},
      footer = {"", "Exit codes: 0 every feed was read completely, 1 some were not (or the store failed),"
          + " 2 usage error (including a register that cannot be read or is wrong)."})
  static final class Run implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RegisterOptions options;

    @Override
    public Integer call() throws InterruptedException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Register register = loadRegister(spec, options.feeds);
      AtomicLong lastLine = new AtomicLong();
      try (HubStore store = openStore(spec, options.db);
          Hub hub = Hub.builder(register).store(store).progress(progress -> progress(progress, err, lastLine))
              .build()) {
        HubReport report = hub.refresh();
        for (HubReport.FeedOutcome feed : report.feeds()) {
          for (StoredFailure failure : feed.failures()) {
            err.println(feed.refresh().feed() + ": " + failure.toLine());
          }
          if (feed.refresh().note() != null) {
            err.println(feed.refresh().feed() + ": " + feed.refresh().note());
          }
        }
        report.feeds().forEach(feed -> out.println(summary(feed.refresh())));
        ClusterSummary clusters = store.clusterSummary();
        err.println("clusters: " + clusters.records() + " records in " + clusters.clusters() + " services, "
            + clusters.review() + " pairs to review (oruk hub review)");
        out.flush();
        return report.complete() ? 0 : 1;
      }
    }

    /** Listing done, every five seconds while reading, and the end, per feed. */
    private static void progress(RefreshProgress progress, PrintWriter err, AtomicLong lastLine) {
      long now = System.nanoTime();
      boolean phaseLine = progress.phase() == RefreshProgress.Phase.DONE
          || (progress.phase() == RefreshProgress.Phase.READING && progress.read() == 0);
      long last = lastLine.get();
      if (phaseLine || (now - last > 5_000_000_000L && lastLine.compareAndSet(last, now))) {
        synchronized (err) {
          err.println(progress.toLine());
          err.flush();
        }
      }
    }

    static String summary(FeedRefresh refresh) {
      FeedRefresh.Counts counts = refresh.counts();
      return refresh.feed() + "\t" + refresh.status() + "\tlisted=" + counts.listed() + " read=" + counts.fetched()
          + " added=" + counts.added() + " changed=" + counts.changed() + " unchanged=" + counts.unchanged()
          + " withdrawn=" + counts.withdrawn() + " failed=" + counts.failed() + " parity="
          + (refresh.parity() == null ? "-" : refresh.parity().verdict()) + " strict="
          + (refresh.strict() == null ? "-" : refresh.strict().verdict());
    }
  }
}
