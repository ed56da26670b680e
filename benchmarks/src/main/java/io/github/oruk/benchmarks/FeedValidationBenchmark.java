package io.github.oruk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import io.github.oruk.model.Service;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.server.memory.InMemoryDirectory;
import io.github.oruk.testkit.generate.DataGenerator;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.Validator;
import io.github.oruk.validation.Verdict;
import io.github.oruk.validation.feed.FeedValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * A whole-process benchmark of a full strict validation of a live feed: the reference server (in-memory
 * directory behind {@code OrukHttpServer}) serves generated services on loopback in the same JVM, and
 * {@code FeedValidator} reads every page and looks up every id ({@code sample(0)}), with filter tests, paging,
 * round-trip and header checks, quality rules and schema validation of every record.
 *
 * <pre>
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar io.github.oruk.benchmarks.FeedValidationBenchmark \
 *      [--services 5000] [--rounds 5]
 * </pre>
 *
 * <p>The baseline, run in turn with it in every round against the same server, is what any validator must at
 * least do: the same requests with a plain {@code java.net.http} client at the same concurrency, each answer
 * parsed into a Jackson tree and checked with a plain networknt setup against the same schema. Its walk reads
 * every page and every id of every list; the engine's other requests (the per_page and filter probes), recorded
 * in the warm-up, it makes too, each checked as a page. It asks for what the engine asks for (HTTP/1.1,
 * {@code Accept: application/json}, {@code Accept-Encoding: gzip, deflate}) and decompresses what comes back, so
 * the server does the same work for both. It does none of the rest (paging, round-trip, header and filter
 * checks, quality rules, findings). Reported: the median wall time of each, the process CPU time of each (the
 * server's included, as it runs in the same process), the requests each made, and the ratio.
 */
public final class FeedValidationBenchmark {

  private static final int CONCURRENCY = 4;

  /** One measured round: the engine's and the baseline's wall times and process CPU times. */
  record Round(Duration engine, Duration baseline, Duration engineCpu, Duration baselineCpu) {
  }

  private FeedValidationBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int services = 5_000;
    int rounds = 5;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--services" -> services = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --services, --rounds");
      }
    }
    run(services, rounds, System.out);
  }

  /** The day the generated data is recent relative to, pinned as issue #19 asks: seed 1, as of 2026-12-01. */
  static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

  static List<Round> run(int services, int rounds, PrintStream log) throws Exception {
    log.printf(Locale.ROOT, "feed validation benchmark: %,d services, %d rounds, concurrency %d; max heap %,d MB;"
        + " %d processors; Java %s%n", services, rounds, CONCURRENCY, Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    List<Service> directory = DataGenerator.builder().seed(1).asOf(AS_OF).build().services(services).toList();
    try (OrukHttpServer server = OrukHttpServer.builder(OrukApi.of(InMemoryDirectory.of(directory))).port(0)
        .threads(16).start()) {
      URI base = server.uri();
      Baseline baseline = new Baseline(base);
      // Timed here: the report's own duration reads the validator's clock, which is pinned to AS_OF.
      long firstStart = System.nanoTime();
      List<URI> asked = new ArrayList<>();
      ValidationReport first = recording(asked, () -> engine(base));
      Duration firstTime = Duration.ofNanos(System.nanoTime() - firstStart);
      Duration firstPlain = baseline.run();
      baseline.alsoAsk(asked);
      log.printf(Locale.ROOT, "warm-up: engine %.2f s (%s, %,d records in %,d documents, %,d requests, %d errors,"
          + " %d warnings), baseline %.2f s (%,d schema errors); from now on the baseline makes %,d requests: its"
          + " walk's %,d and %,d other requests of the engine's (probes)%n", firstTime.toMillis() / 1000.0,
          first.verdict().label(), first.records(), first.documents(), asked.size(),
          first.bySeverity().get(Severity.ERROR), first.bySeverity().get(Severity.WARNING),
          firstPlain.toMillis() / 1000.0, baseline.errors.get(), baseline.requests.get() + baseline.extras.size(),
          baseline.requests.get(), baseline.extras.size());
      log.println("engine requests by endpoint: " + first.endpoints().stream()
          .map(e -> e.path() + " " + e.requests()).toList());
      check(first, services);
      List<Round> measured = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        long start = System.nanoTime();
        long cpu = cpuNanos();
        ValidationReport report = engine(base);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Duration tookCpu = Duration.ofNanos(cpuNanos() - cpu);
        check(report, services);
        cpu = cpuNanos();
        Duration plain = baseline.run();
        Duration plainCpu = Duration.ofNanos(cpuNanos() - cpu);
        measured.add(new Round(took, plain, tookCpu, plainCpu));
        log.printf(Locale.ROOT, "round %d: engine %.2f s (CPU %.2f s), baseline %.2f s (CPU %.2f s)%n", round,
            took.toMillis() / 1000.0, tookCpu.toMillis() / 1000.0, plain.toMillis() / 1000.0,
            plainCpu.toMillis() / 1000.0);
      }
      double engine = Summarize.median(measured.stream().map(r -> r.engine().toMillis() / 1000.0).toList());
      double plain = Summarize.median(measured.stream().map(r -> r.baseline().toMillis() / 1000.0).toList());
      double engineCpu = Summarize.median(measured.stream().map(r -> r.engineCpu().toMillis() / 1000.0).toList());
      double plainCpu = Summarize.median(measured.stream().map(r -> r.baselineCpu().toMillis() / 1000.0).toList());
      log.printf(Locale.ROOT, "median: engine %.2f s, baseline %.2f s, engine / baseline %.2f×; CPU: engine %.2f s,"
          + " baseline %.2f s, %.2f×; goal < 20 s for 5,000 services%n", engine, plain, engine / plain, engineCpu,
          plainCpu, engineCpu / plainCpu);
      return measured;
    }
  }

  /** CPU time of the whole process so far (every thread, the server's included). */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * Runs {@code work} with a default proxy selector that notes every address an HTTP client built meanwhile asks
   * for (and sends nothing through a proxy): a {@code java.net.http} client built without a proxy of its own uses
   * the default selector, so this is the list of requests the engine made.
   */
  static <T> T recording(List<URI> asked, java.util.function.Supplier<T> work) {
    ProxySelector previous = ProxySelector.getDefault();
    List<URI> seen = Collections.synchronizedList(asked);
    ProxySelector.setDefault(new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        seen.add(uri);
        return List.of(Proxy.NO_PROXY);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException failure) {
      }
    });
    try {
      return work.get();
    } finally {
      ProxySelector.setDefault(previous);
    }
  }

  /** Strict profile, every page, every id, the default checks (filters included). */
  static ValidationReport engine(URI base) {
    // Checked as of the data's day, so freshness findings (and their cost) do not drift with the calendar.
    Validator strict = Validator.builder().clock(Clock.fixed(AS_OF.atTime(12, 0).toInstant(ZoneOffset.UTC),
        ZoneOffset.UTC)).build();
    return FeedValidator.builder(strict).sample(0).maxPages(100_000).concurrency(CONCURRENCY)
        .timeout(Duration.ofMinutes(10)).build().validate(base.toString());
  }

  /** The run must have read the whole feed and not failed it; otherwise the time means nothing. */
  static void check(ValidationReport report, int services) {
    // Lists the directory leaves empty (the generated data has no /taxonomies) leave nothing to look up, and
    // with one taxonomy no service can be left out by taxonomy_id; anything else not checked means a limit was hit.
    boolean cutShort = report.notChecked().stream().anyMatch(n -> !n.because().contains("listed no ids")
        && !n.because().contains("plainly fails to match"));
    if (report.verdict() == Verdict.FAIL || report.records() < 2L * services || cutShort) {
      throw new IllegalStateException("the validation did not cover the whole feed: " + report.verdict() + ", "
          + report.records() + " records, not checked: " + report.notChecked() + "; errors: "
          + report.findings().stream().filter(f -> f.severity() == Severity.ERROR).limit(5).toList());
    }
  }

  /**
   * The same requests without the SDK: {@code /}, then for each list every page in order and every listed id at
   * the same concurrency, then the engine's other requests (see {@link #alsoAsk}); each body parsed with plain
   * Jackson and checked with plain networknt against the spec's schema for that answer ({@code ServicePage},
   * {@code Service} …).
   */
  static final class Baseline {
    private static final List<String> LISTS = List.of("services", "service_at_locations", "organizations",
        "taxonomies", "taxonomy_terms");
    private static final List<String> SCHEMAS = List.of("Service", "ServiceAtLocation", "Organization", "Taxonomy",
        "TaxonomyTerm");

    private final URI base;
    // As the engine's client: HTTP/1.1 on plain http, redirects followed.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NORMAL).proxy(HttpClient.Builder.NO_PROXY).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Schema apiDetails;
    private final List<Schema> pages = new ArrayList<>();
    private final List<Schema> details = new ArrayList<>();
    /** The engine's requests the walk does not make, in the engine's order. */
    final List<URI> extras = new ArrayList<>();
    /** Every address the walk has asked for. */
    private final Set<URI> walked = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong errors = new AtomicLong();

    Baseline(URI base) throws IOException {
      this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
      this.apiDetails = ValidationBenchmark.plainNetworknt(json, "ApiDetails");
      for (String schema : SCHEMAS) {
        pages.add(ValidationBenchmark.plainNetworknt(json, schema + "Page"));
        details.add(ValidationBenchmark.plainNetworknt(json, schema));
      }
    }

    /**
     * Has every later run also ask each address of {@code engineAsked} (the engine's requests, as
     * {@link #recording} noted them) that a run of the walk did not ask for: the per_page and filter probes.
     * Call after one {@link #run()}.
     */
    void alsoAsk(List<URI> engineAsked) {
      extras.clear();
      engineAsked.stream().filter(uri -> !walked.contains(uri)).forEach(extras::add);
    }

    Duration run() throws Exception {
      requests.set(0);
      errors.set(0);
      long started = System.nanoTime();
      errors.addAndGet(apiDetails.validate(get(base)).size());
      ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
      try {
        for (int list = 0; list < LISTS.size(); list++) {
          List<String> ids = walk(LISTS.get(list), pages.get(list));
          lookUp(pool, LISTS.get(list), ids, details.get(list));
        }
        for (URI extra : extras) {
          String path = extra.getPath().substring(extra.getPath().lastIndexOf('/') + 1);
          JsonNode answer = get(extra);
          int list = LISTS.indexOf(path);
          if (list >= 0) {
            errors.addAndGet(pages.get(list).validate(answer).size());
          }
        }
      } finally {
        pool.shutdown();
      }
      return Duration.ofNanos(System.nanoTime() - started);
    }

    private List<String> walk(String list, Schema schema) throws IOException, InterruptedException {
      List<String> ids = new ArrayList<>();
      for (int page = 1; ; page++) {
        // The first page as the engine asks for it: without a page number.
        JsonNode answer = get(base.resolve(page == 1 ? list : list + "?page=" + page));
        errors.addAndGet(schema.validate(answer).size());
        answer.path("contents").forEach(item -> ids.add(item.path("id").asText()));
        if (answer.path("last_page").asBoolean(true) || answer.path("contents").isEmpty()) {
          return ids;
        }
      }
    }

    private void lookUp(ExecutorService pool, String list, List<String> ids, Schema schema) throws Exception {
      List<Future<?>> slots = new ArrayList<>();
      for (int slot = 0; slot < CONCURRENCY; slot++) {
        int first = slot;
        slots.add(pool.submit(() -> {
          for (int k = first; k < ids.size(); k += CONCURRENCY) {
            errors.addAndGet(schema.validate(get(base.resolve(list + "/" + ids.get(k)))).size());
          }
          return null;
        }));
      }
      for (Future<?> slot : slots) {
        slot.get();
      }
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
      requests.incrementAndGet();
      walked.add(uri);
      HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(uri).GET()
          .header("Accept", "application/json").header("Accept-Encoding", "gzip, deflate").build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (answer.statusCode() != 200) {
        throw new IOException("GET " + uri + " answered " + answer.statusCode());
      }
      String encoding = answer.headers().firstValue("Content-Encoding").orElse("identity");
      try (InputStream body = switch (encoding) {
        case "gzip" -> new GZIPInputStream(new ByteArrayInputStream(answer.body()));
        case "identity" -> new ByteArrayInputStream(answer.body());
        default -> throw new IOException("GET " + uri + " answered in " + encoding);
      }) {
        return json.readTree(body);
      }
    }
  }
}
