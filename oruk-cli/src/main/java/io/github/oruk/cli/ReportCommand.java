package io.github.oruk.cli;

import io.github.oruk.hub.report.ManagementReport;
import io.github.oruk.hub.report.ReportFigures;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.model.Service;
import io.github.oruk.server.memory.ServiceFile;
import io.github.oruk.tabular.TabularPackage;
import io.github.oruk.tabular.TabularRead;
import io.github.oruk.taxonomy.load.FeedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oruk report}: the management report as one self-contained HTML file. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
        "Write the management report as one self-contained HTML file: services by service type, by town and by"
            + " postcode district, coverage gaps (service types with no service in a town), freshness, richness,"
            + " duplicates and change over time. Each chart is drawn inline with its numbers as a table and as CSV"
            + " and JSON downloads inside the file, so it opens offline and can be mailed or archived. It is the"
            + " page 'oruk hub serve' serves at /report/.",
        "",
        "From a hub's store (--db) it counts the merged services (a service two feeds describe counts once), the"
            + " clusters of duplicates and the history of every record. From a SOURCE (a feed's base URL, an NDJSON"
            + " or JSON file, or a tabular package: a folder or .zip) it counts that source's services and the"
            + " duplicates the de-duplication engine finds within it; a single source has no history, and the"
            + " report says so where change over time would be.",
        "",
        "Prints what was read on stderr, then 'oruk report: N services from SOURCE written to FILE'."},
    footer = {"", "Exit codes: 0 written, 1 the source could not be read or the file not written (the reason is"
        + " printed), 2 usage error."})
final class ReportCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "SOURCE", arity = "0..1",
      description = "A feed's base URL, an NDJSON or JSON file of services, or a tabular package; or give --db.")
  private @Nullable String source;

  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "A hub's store instead of a SOURCE: jdbc:postgresql://HOST/DB?user=U&password=P or"
          + " jdbc:h2:file:PATH (the default store of 'oruk hub' is jdbc:h2:file:./oruk-hub/hub).")
  private @Nullable String db;

  @Option(names = "--out", paramLabel = "FILE.html", required = true, description = "Where to write the report.")
  private Path out;

  @Override
  public Integer call() {
    if ((db == null) == (source == null)) {
      throw new ParameterException(spec.commandLine(), db == null
          ? "give a SOURCE (a feed URL, an NDJSON file or a tabular package) or --db JDBC_URL"
          : "give either a SOURCE or --db, not both");
    }
    PrintWriter err = spec.commandLine().getErr();
    ReportFigures figures;
    if (db != null) {
      try (HubStore store = HubCommand.openStore(spec, db)) {
        if (store.feeds().isEmpty()) {
          err.println("oruk report: the store " + store + " has no feeds yet (run 'oruk hub run --feeds FEEDS.yaml'"
              + " first); the report will be empty");
        }
        figures = ReportFigures.of(store, Clock.systemUTC());
      }
    } else {
      List<Service> services;
      try {
        services = read(source, err);
      } catch (IOException e) {
        err.println("oruk report: could not read " + source + ": " + LimitOptions.inCliTerms(e.getMessage()));
        return 1;
      }
      if (services == null) {
        return 1;
      }
      figures = ReportFigures.of(source, services, Clock.systemUTC());
    }
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(out, ManagementReport.page(figures), StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("oruk report: could not write " + out + ": " + e.getMessage());
      return 1;
    }
    err.println(String.format(Locale.ROOT, "oruk report: %,d services from %s written to %s", figures.services(),
        figures.source(), out));
    err.flush();
    return 0;
  }

  /** The source's services, what reading found printed on {@code err}; null when there is no such file. */
  private static @Nullable List<Service> read(String source, PrintWriter err)
      throws IOException {
    if (source.startsWith("http://") || source.startsWith("https://")) {
      List<Service> services = new ArrayList<>();
      FeedReader.Summary summary = ClientFeedReader.of(URI.create(source)).services(Long.MAX_VALUE, services::add);
      summary.notes().forEach(note -> err.println("oruk report: " + note));
      if (!summary.complete()) {
        err.println("oruk report: the feed could not be read completely; the report counts the " + services.size()
            + " services that were read");
      }
      return services;
    }
    Path path = Path.of(source);
    if (TabularPackage.isPackage(path)) {
      TabularRead read = TabularPackage.read(path);
      read.findings().forEach(finding -> err.println(finding.toLine()));
      return read.services();
    }
    if (!Files.isRegularFile(path)) {
      err.println("oruk report: no such file or folder: " + source);
      return null;
    }
    ServiceFile read = ServiceFile.read(path);
    ConvertCommand.printFindings(read, path.getFileName().toString(), err);
    return read.services();
  }
}
