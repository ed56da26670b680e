package io.github.oruk.cli;

import io.github.oruk.model.json.ReadCode;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.finder.Finder;
import io.github.oruk.server.Throttle;
import io.github.oruk.server.jetty.OrukJettyServer;
import io.github.oruk.server.memory.InMemoryDirectory;
import io.github.oruk.server.memory.ServiceFile;
import io.github.oruk.tabular.TabularPackage;
import io.github.oruk.tabular.TabularRead;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code oruk serve}: publish services as a compliant ORUK 3.0 API until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
        "Serve services as an ORUK 3.0 API until stopped (Ctrl-C).",
        "",
        "Every endpoint and filter of the standard, from the reference in-memory directory: generated "
            + "services (--generate), or your own (--data: NDJSON, a JSON array, one service, a page, or a "
            + "tabular data package: a folder or .zip of CSV files). Prints 'listening on http://HOST:PORT/'. It listens on 127.0.0.1 unless --host says "
            + "otherwise; --port 0 picks a free port. A service finder for people is at /finder/."},
    footer = {"", "Exit codes: 0 stopped normally, 1 could not serve (the reason is printed), 2 usage error."})
final class ServeCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Source source;

  static final class Source {
    @Option(names = "--generate", paramLabel = "N", required = true,
        description = "Serve N generated services (realistic, deterministic; see --seed).")
    Integer generate;

    @Option(names = "--data", paramLabel = "FILE", required = true,
        description = "Serve the services in FILE (NDJSON such as 'oruk generate' writes, JSON, or a tabular data "
            + "package, folder or .zip).")
    Path data;
  }

  @Option(names = "--seed", paramLabel = "S", description = "With --generate: the seed (default: 1).")
  private Long seed;

  @Option(names = "--as-of", paramLabel = AsOf.LABEL, converter = AsOf.class,
      description = "With --generate: the day the services are recent relative to (default: today).")
  private LocalDate asOf;

  @Option(names = "--port", paramLabel = "P", defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
      description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
  private String host;

  @Option(names = "--base-url", paramLabel = "URL",
      description = "The API's public address, when it is served behind a reverse proxy.")
  private String baseUrl;

  @Option(names = "--max-per-page", paramLabel = "N", defaultValue = "100",
      description = "Largest page a client may ask for (default: ${DEFAULT-VALUE}).")
  private int maxPerPage;

  @Option(names = "--throttle", paramLabel = ThrottleOption.LABEL, converter = ThrottleOption.class,
      description = "Limit each client address to RATE requests per second, in bursts of up to BURST (default: "
          + "RATE rounded up); a client going faster is answered 429 with Retry-After. Behind a reverse proxy "
          + "every client has the proxy's address: throttle at the proxy instead (default: no limit).")
  private Throttle throttle;

  @Option(names = "--no-wait", description = "Start, print where, then stop at once (for scripts and tests).")
  private boolean noWait;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535; got " + port);
    }
    if (source.generate != null && source.generate < 0) {
      throw new ParameterException(spec.commandLine(), "--generate must be 0 or more; got " + source.generate);
    }
    if (seed != null && source.data != null) {
      throw new ParameterException(spec.commandLine(), "--seed goes with --generate, not --data");
    }
    if (asOf != null && source.data != null) {
      throw new ParameterException(spec.commandLine(), "--as-of goes with --generate, not --data");
    }
    if (maxPerPage < 1) {
      throw new ParameterException(spec.commandLine(), "--max-per-page must be at least 1; got " + maxPerPage);
    }
    InMemoryDirectory directory;
    try {
      directory = load(err);
    } catch (NoSuchFileException e) {
      err.println("oruk serve: no such file: " + e.getFile());
      return 1;
    } catch (IOException | IllegalArgumentException e) {
      err.println("oruk serve: cannot serve this data: " + e.getMessage());
      return 1;
    }
    OrukApi api;
    try {
      api = OrukApi.builder(directory).path("finder", new Finder()).baseUrl(baseUrl).maxPerPage(maxPerPage)
          .defaultPerPage(Math.min(OrukApi.DEFAULT_PER_PAGE, maxPerPage)).throttle(throttle).build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    OrukJettyServer server = Serving.start(api, host, port, "oruk serve", err);
    if (server == null) {
      return 1;
    }
    out.println("listening on " + server.uri());
    if (!noWait) {
      // on stderr with the other notes: stdout's one line is for scripts that read the address
      err.println("service finder: " + server.uri() + "finder/ (open this in your browser)");
      err.println("serving " + directory.size() + " services; press Ctrl-C to stop");
    }
    Serving.untilStopped(server, !noWait, err);
    return 0;
  }

  private InMemoryDirectory load(PrintWriter err) throws IOException {
    if (source.data != null && TabularPackage.isPackage(source.data)) {
      TabularRead read = TabularPackage.read(source.data);
      err.println(summary(read, source.data));
      return InMemoryDirectory.builder().addAll(read.services()).build();
    }
    if (source.data != null) {
      ServiceFile file = ServiceFile.read(source.data);
      err.println(summary(file, source.data));
      return InMemoryDirectory.builder().addAll(file.services()).build();
    }
    DataGenerator generator = DataGenerator.builder().seed(seed == null ? 1 : seed).asOf(AsOf.orToday(asOf)).build();
    return InMemoryDirectory.builder()
        .addAll(generator.services(source.generate))
        .taxonomy(generator.sampleTaxonomy())
        .build();
  }

  /**
   * "read 120 services from PACKAGE (a tabular package); 3 findings: 2 x ORUK-TABULAR-003, ...; 2 rows that no
   * service leads to are not served". The rows no service leads to cannot be served (the API has only nested
   * services), so their number is said, never left out silently.
   */
  static String summary(TabularRead read, Path path) {
    StringBuilder text = new StringBuilder().append(String.format(Locale.ROOT,
        "read %,d services from %s (a tabular package)", read.services().size(), path));
    if (read.findings().isEmpty()) {
      text.append("; nothing needed repairing");
    } else {
      Map<String, Integer> counts = new TreeMap<>();
      read.findings().forEach(finding -> counts.merge(finding.code(), 1, Integer::sum));
      text.append("; ").append(read.findings().size()).append(" findings:");
      counts.forEach((code, count) -> text.append(' ').append(count).append(" x ").append(code).append(','));
      text.setLength(text.length() - 1);
      text.append(" (see 'oruk validate' for each one at its file, row and column)");
    }
    if (!read.unlinked().isEmpty()) {
      text.append("; ").append(read.unlinked().size()).append(read.unlinked().size() == 1 ? " row" : " rows")
          .append(" that no service leads to cannot be served (an ORUK API holds nested services only)");
    }
    return text.toString();
  }

  /** "read 120 services from FILE; the reader repaired 14 values: 12 x ORUK-READ-002, ..." */
  static String summary(ServiceFile file, Path path) {
    StringBuilder text = new StringBuilder().append(String.format(Locale.ROOT, "read %,d services from %s",
        file.services().size(), path));
    if (file.findings().isEmpty()) {
      return text.append("; nothing needed repairing").toString();
    }
    Map<ReadCode, Integer> counts = new EnumMap<>(ReadCode.class);
    file.findings().forEach(finding -> counts.merge(finding.finding().code(), 1, Integer::sum));
    text.append("; the lenient reader repaired or kept aside ").append(file.findings().size()).append(" values:");
    counts.forEach((code, count) -> text.append(' ').append(count).append(" x ").append(code.code()).append(','));
    text.setLength(text.length() - 1);
    return text.append(" (see 'oruk normalize' for each one)").toString();
  }
}
