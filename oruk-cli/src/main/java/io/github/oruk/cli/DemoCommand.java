package io.github.oruk.cli;

import io.github.oruk.model.Address;
import io.github.oruk.model.ApiDetails;
import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.OrukReadException;
import io.github.oruk.model.query.Query;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.PageRequest;
import io.github.oruk.server.finder.Finder;
import io.github.oruk.server.jetty.OrukJettyServer;
import io.github.oruk.server.memory.InMemoryDirectory;
import io.github.oruk.testkit.generate.DataGenerator;
import io.github.oruk.validation.EndpointResult;
import io.github.oruk.validation.Finding;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.Validator;
import io.github.oruk.validation.feed.FeedValidator;
import io.github.oruk.validation.profile.Profile;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code oruk demo}: the SDK at work. Generates a realistic directory, publishes it as a compliant ORUK
 * 3.0 API on this machine, prints addresses to try, validates itself and keeps serving until Ctrl-C.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "See the SDK at work: a generated directory served as an ORUK 3.0 API on this machine.",
        "",
        "Generates 2,000 realistic services (UK towns and postcodes, opening times, ages, service types), "
            + "serves them with every endpoint and filter of the standard on port 8080 (or a free port when "
            + "8080 is taken) with the service finder at /finder/, prints addresses to open in a browser or curl, validates itself as "
            + "'oruk validate' does (the official validator's verdict and the stricter one), and keeps serving "
            + "until Ctrl-C. It listens on 127.0.0.1 only."},
    footer = {"", "Exit codes: 0 stopped normally, 1 could not serve (the reason is printed), 2 usage error."})
final class DemoCommand implements Callable<Integer> {

  private static final int PREFERRED_PORT = 8080;

  @Spec
  private CommandSpec spec;

  @Option(names = "--services", paramLabel = "N", defaultValue = "2000",
      description = "How many services to generate (default: ${DEFAULT-VALUE}).")
  private int services;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "2026", description = "Seed (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--as-of", paramLabel = AsOf.LABEL, converter = AsOf.class,
      description = "The day the directory is generated and validated as of (default: today).")
  private LocalDate asOf;

  @Option(names = "--port", paramLabel = "P", defaultValue = "8080",
      description = "Port to try first; a free one is used if it is taken, 0 picks one (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(names = "--no-wait", description = "Show everything, then stop instead of serving (for scripts and tests).")
  private boolean noWait;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (services < 1) {
      throw new ParameterException(spec.commandLine(), "--services must be at least 1; got " + services);
    }
    if (port < 0 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535; got " + port);
    }
    long started = System.nanoTime();
    LocalDate day = AsOf.orToday(asOf);
    DataGenerator generator = DataGenerator.builder().seed(seed).asOf(day).build();
    InMemoryDirectory directory = InMemoryDirectory.builder()
        .addAll(generator.services(services))
        .taxonomy(generator.sampleTaxonomy())
        .build();
    String generated = String.format(Locale.ROOT, "Generated a directory of %,d services (seed %d, as of %s) in %.1f s.",
        services, seed, day, (System.nanoTime() - started) / 1e9);

    OrukJettyServer server;
    try {
      server = start(OrukApi.builder(directory).path("finder", new Finder()).build(), port, out);
    } catch (IOException e) {
      err.println("oruk demo: cannot listen on 127.0.0.1: " + e.getMessage());
      return 1;
    }
    String base = server.uri().toString();
    // What most people want first is to see it: the finder's address leads, before the details.
    out.println("Find a service in this directory: open this in your browser:");
    out.println("    " + base + "finder/");
    out.println();
    out.println("listening on " + base);
    out.println(generated);
    out.println();
    out.println("Try these in a browser, or with curl -i to see the headers too:");
    for (String[] example : examples(directory)) {
      out.println("  " + example[1] + ":");
      out.println("    " + base + example[0]);
    }
    out.println();
    selfCheck(server.uri(), directory, out);
    out.println();
    validate(base, day, out);
    out.println();
    out.println("Publish your own data: ./oruk serve --data services.ndjson   Read a feed: ./oruk normalize FILE");
    if (noWait) {
      Serving.untilStopped(server, false, err);
      out.println("stopped (--no-wait).");
      return 0;
    }
    out.println("Serving until Ctrl-C.");
    out.flush();
    Serving.untilStopped(server, true, err);
    return 0;
  }

  /** Port 8080 (or the one asked for), else a free one. */
  private static OrukJettyServer start(OrukApi api, int wanted, PrintWriter out) throws IOException {
    try {
      return Serving.start(api, "127.0.0.1", wanted);
    } catch (BindException e) {
      if (wanted == 0) {
        throw e;
      }
      out.println("Port " + wanted + " is taken; using a free port instead.");
      return Serving.start(api, "127.0.0.1", 0);
    }
  }

  /** Paths worth trying on this data, each with what it shows. */
  private static List<String[]> examples(InMemoryDirectory directory) {
    Service first = directory.services().get(0);
    String word = searchWord(directory);
    String postcode = postcode(directory);
    String term = first.getAttributes().isEmpty() ? null : first.getAttributes().get(0).getTaxonomyTermId();
    List<String[]> examples = new java.util.ArrayList<>();
    examples.add(new String[] {"", "which standard this API follows"});
    if (postcode != null) {
      examples.add(new String[] {"finder/?postcode=" + encode(postcode) + "&distance=5",
          "the service finder, searching near a postcode (a page for people)"});
    }
    examples.add(new String[] {"services?search=" + encode(word) + "&per_page=5", "a search, five per page"});
    examples.add(new String[] {"services/" + first.getId(), "one service, fully nested"});
    if (term != null) {
      examples.add(new String[] {"services?taxonomy_term_id=" + term + "&minimal=true", "by service type"});
    }
    if (postcode != null) {
      examples.add(new String[] {"service_at_locations?postcode=" + encode(postcode) + "&proximity=3000",
          "places within 3 km of a postcode"});
    }
    examples.add(new String[] {"services?day=SA&start_time=09:00&end_time=13:00", "open on Saturday morning"});
    examples.add(new String[] {"taxonomy_terms?top_only=true", "the top of the (sample) vocabulary"});
    examples.add(new String[] {"services?format=ndjson", "every service, one per line"});
    examples.add(new String[] {"services?per_page=abc", "a clear JSON error"});
    examples.add(new String[] {"openapi.json", "the API described, with this server filled in"});
    return examples;
  }

  private static String searchWord(InMemoryDirectory directory) {
    for (String word : List.of("food", "support", "advice", "club", "group")) {
      if (directory.services(Query.builder().search(word).build(), PageRequest.of(1, 1)).totalItems() > 0) {
        return word;
      }
    }
    return directory.services().get(0).getName().split(" ")[0];
  }

  private static String postcode(InMemoryDirectory directory) {
    for (Service service : directory.services()) {
      for (ServiceAtLocation link : service.getServiceAtLocations()) {
        if (link.getLocation() != null && link.getLocation().getLatitude() != null) {
          for (Address address : link.getLocation().getAddresses()) {
            if (address.getPostalCode() != null) {
              return address.getPostalCode();
            }
          }
        }
      }
    }
    return null;
  }

  /**
   * Asks the server what the official validator asks first ({@code /}, a page of {@code /services} and
   * a service by id), reads each answer back with the SDK's own strict reader, and says what came back.
   */
  private static void selfCheck(URI base, InMemoryDirectory directory, PrintWriter out) {
    out.println("Checking the three endpoints every compliant publisher must answer:");
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    OrukJson strict = OrukJson.strict();
    String id = directory.services().get(0).getId();
    boolean allGood = true;
    for (String path : List.of("", "services?page=1", "services/" + id)) {
      String line;
      try {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        String what;
        if (path.isEmpty()) {
          what = "version " + strict.read(response.body(), ApiDetails.class).value().version();
        } else if (path.startsWith("services?")) {
          Page<Service> page = strict.readPage(response.body(), Service.class).value();
          what = String.format(Locale.ROOT, "%,d services on %,d pages", page.totalItems(), page.totalPages());
        } else {
          what = "service \"" + strict.read(response.body(), Service.class).value().getName() + "\"";
        }
        boolean good = response.statusCode() == 200
            && "*".equals(response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        allGood &= good;
        line = String.format(Locale.ROOT, "  %-4s GET /%-46s %d, %s", good ? "ok" : "FAIL", path,
            response.statusCode(), what);
      } catch (IOException | OrukReadException e) {
        allGood = false;
        line = "  FAIL GET /" + path + ": " + e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      out.println(line);
    }
    out.println(allGood
        ? "  All three answered 200 with strict ORUK JSON and 'Access-Control-Allow-Origin: *'."
        : "  Something is wrong; please report it with the lines above.");
  }

  /**
   * Validates the running server as {@code oruk validate} would: the official validator's verdict
   * (parity profile) and the project's stricter one, with the most frequent findings.
   */
  private static void validate(String base, LocalDate day, PrintWriter out) {
    out.println("Validating itself, as './oruk validate " + base + "' does" + (day.equals(LocalDate.now()) ? ":"
        : " with --as-of " + day + ":"));
    try {
      ValidationReport parity = FeedValidator.builder(Validator.builder().profile(Profile.parity())
          .clock(AsOf.clock(day)).build()).build().validate(base);
      ValidationReport strict = FeedValidator.builder(Validator.builder().profile(Profile.strict())
          .clock(AsOf.clock(day)).build()).build().validate(base);
      out.printf(Locale.ROOT, "  official validator's rules (parity): %s%n", parity.verdict().label().toUpperCase(Locale.ROOT));
      Map<Severity, Integer> totals = strict.bySeverity();
      out.printf(Locale.ROOT, "  oruk-java's stricter rules (strict): %s, with %d errors, %d warnings and %d notes;"
          + " %,d documents and %,d records checked in %.1f s%n", strict.verdict().label().toUpperCase(Locale.ROOT),
          totals.get(Severity.ERROR), totals.get(Severity.WARNING), totals.get(Severity.INFO), strict.documents(),
          strict.records(), strict.duration().toMillis() / 1e3);
      for (int level = 1; level <= 2; level++) {
        StringBuilder line = new StringBuilder(level == 1 ? "  required endpoints:" : "  optional endpoints:");
        for (EndpointResult endpoint : strict.endpoints()) {
          if (endpoint.level() == level) {
            line.append(' ').append(endpoint.path()).append(' ').append(endpoint.status()).append(',');
          }
        }
        line.setLength(line.length() - 1);
        out.println(line);
      }
      Map<String, String> titles = new java.util.HashMap<>();
      strict.checks().forEach(check -> titles.put(check.code(), check.title()));
      Map<String, Long> counts = new java.util.TreeMap<>();
      for (Finding finding : strict.findings()) {
        counts.merge(finding.code(), 1L, Long::sum);
      }
      counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
          .forEach(count -> out.printf(Locale.ROOT, "  %5d x %s  %s%n", count.getValue(), count.getKey(),
              titles.getOrDefault(count.getKey(), "")));
    } catch (RuntimeException e) {
      out.println("  the validation could not run: " + e.getMessage());
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
