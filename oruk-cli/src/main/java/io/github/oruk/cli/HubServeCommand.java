package io.github.oruk.cli;

import io.github.oruk.hub.publish.AssurancePolicy;
import io.github.oruk.hub.publish.HubDirectory;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.finder.Finder;
import io.github.oruk.server.jetty.OrukJettyServer;
import io.github.oruk.hub.Hub;
import io.github.oruk.hub.Watcher;
import io.github.oruk.hub.monitor.Badges;
import io.github.oruk.hub.monitor.Dashboard;
import io.github.oruk.hub.register.Register;
import io.github.oruk.hub.report.ManagementReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code oruk hub serve}: the hub's aggregate as a read-only ORUK 3.0 API until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
        "Serve the hub's aggregate as a read-only ORUK 3.0 API until stopped (Ctrl-C).",
        "",
        "Every endpoint and filter of the standard. One service per current record (read, not withdrawn), with its"
            + " provenance in the extension property 'hub_provenance' (feed, original_id, aggregate_id, first_seen,"
            + " last_seen, last_changed, content_hash); services and their nested records have the aggregate's ids."
            + " What a refresh changes is served once it ends, without a restart.",
        "",
        "Prints 'listening on http://HOST:PORT/', then on stderr how many services are served and how many"
            + " --hide-unassured-after hides. It listens on 127.0.0.1 (put a reverse proxy in front to publish it);"
            + " --port 0 picks a free port. Without --db the store is the H2 database in ./oruk-hub/.",
        "",
        "/badge/NAME.svg is a status badge for the feed NAME of the register: 'ORUK 3.0 | pass' (green), 'pass with"
            + " warnings' (amber), 'fail' (red) or 'unreachable' (grey), from its latest parity verdict; cached for"
            + " 5 minutes. /report/ is the management report ('oruk report' writes the same as a file).",
        "",
        "With --watch (which needs --feeds) the same process also refreshes each feed on its interval, as 'oruk hub"
            + " watch' does, and prints what that prints: one process owns the store, which the default H2 file"
            + " needs."},
    footer = {"", "Exit codes: 0 stopped normally, 1 could not serve (the reason is printed), 2 usage error."})
final class HubServeCommand implements Callable<Integer> {

  private static final String HOST = "127.0.0.1";

  @Spec
  private CommandSpec spec;

  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "The store: jdbc:postgresql://HOST/DB?user=U&password=P or jdbc:h2:...; default: the H2"
          + " database in ./oruk-hub/.")
  private @Nullable String db;

  @Option(names = "--port", paramLabel = "P", defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(names = "--watch",
      description = "Also refresh each feed of --feeds on its interval while serving, as 'oruk hub watch' does.")
  private boolean watch;

  @Option(names = "--feeds", paramLabel = "FEEDS.yaml",
      description = "The register, for --watch (and only with it).")
  private @Nullable Path feeds;

  @Option(names = "--hide-unassured-after", paramLabel = "PERIOD", converter = PeriodOption.class,
      description = "Hide services not assured within PERIOD (their assured_date older, or none): 90d, 8w, 6m, 12m,"
          + " 1y (m is months). Hidden services stay in the store and are counted at start-up.")
  private @Nullable AssurancePolicy hideUnassuredAfter;

  /** Reads {@code --hide-unassured-after}. */
  static final class PeriodOption implements ITypeConverter<AssurancePolicy> {
    @Override
    public AssurancePolicy convert(String value) {
      try {
        return AssurancePolicy.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535; got " + port);
    }
    if (watch != (feeds != null)) {
      throw new ParameterException(spec.commandLine(), watch ? "--watch needs --feeds FEEDS.yaml: the register"
          + " whose feeds it refreshes" : "--feeds is only for --watch: add --watch to refresh its feeds while"
          + " serving, or run 'oruk hub run --feeds ...'");
    }
    Register register = feeds == null ? null : HubCommand.loadRegister(spec, feeds);
    try (HubStore store = HubCommand.openStore(spec, db)) {
      HubDirectory.Builder builder = HubDirectory.builder(store);
      if (hideUnassuredAfter != null) {
        builder.hideUnassuredAfter(hideUnassuredAfter);
      }
      HubDirectory directory = builder.build();
      OrukJettyServer server = Serving.start(OrukApi.builder(directory).publishExtensions(true)
          .path("badge", new Badges(store)).path("dashboard", new Dashboard(store))
          .path("report", new ManagementReport(store)).path("finder", new Finder()).build(), HOST, port,
          "oruk hub serve", err);
      if (server == null) {
        return 1;
      }
      out.println("listening on " + server.uri());
      out.flush();
      err.println(startLine(directory, store));
      if (register == null) {
        Serving.untilStopped(server, true, err);
        return 0;
      }
      try (Hub hub = HubCommand.watchingHub(register, store, out, err); Watcher watcher = hub.watch()) {
        err.println("watching " + register.feeds().size() + " feeds");
        err.flush();
        Serving.untilStopped(server, true, err);
      }
      return 0;
    }
  }

  /** "serving 42 services from HubStore[...]; 18 hidden: not assured within 12m (kept in the store); ..." */
  private String startLine(HubDirectory directory, HubStore store) {
    String line = String.format(Locale.ROOT, "serving %,d services from %s", directory.published(), store);
    if (hideUnassuredAfter != null) {
      line += String.format(Locale.ROOT, "; %,d hidden: not assured within %s (kept in the store)",
          directory.hidden(), hideUnassuredAfter);
    }
    return line + "; press Ctrl-C to stop";
  }
}
