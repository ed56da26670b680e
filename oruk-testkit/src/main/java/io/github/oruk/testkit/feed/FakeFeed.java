package io.github.oruk.testkit.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A fake ORUK 3.0 feed of generated services, served on 127.0.0.1 by the JDK's HTTP server, that can be
 * told to misbehave like real feeds do.
 *
 * <pre>{@code
 * try (FakeFeed feed = FakeFeed.builder().services(2_000).transientFailures(0.1).notFound(7, 42).start()) {
 *   OrukClient client = OrukClient.create(feed.baseUri().toString());
 *   ...
 *   feed.requestsFor("/services/" + feed.ids().get(7));   // how often the client asked
 * }
 * }</pre>
 *
 * <p>It answers {@code GET /} (the API details), {@code GET /services} (pages, honouring {@code page},
 * {@code per_page} and {@code modified_after}; list items carry id, name, status, organization_id and
 * last_modified) and {@code GET /services/{id}} (the fully nested service, as the generator made it).
 * Everything else is a 404. Service k is {@code DataGenerator.builder().seed(seed).build().service(k)}.
 *
 * <p>Faults, all deterministic for a given seed:
 * <ul>
 *   <li>{@link Builder#latency} before every answer;
 *   <li>{@link Builder#transientFailures}: a share of request addresses (chosen from the seed) fail their
 *       first {@link Builder#failuresPerAddress} requests with one of the given {@link Fault}s, then answer
 *       normally, so a client that retries gets everything;
 *   <li>{@link Builder#notFound}: services listed but whose details always answer 404;
 *   <li>{@link Builder#brokenDetails}: a share of services (chosen from the seed) whose details always
 *       answer 500 with an HTML error page, as a server does when one record breaks its code;
 *   <li>{@link Builder#detailsWithAnotherId}: services whose details answer with the next service's document,
 *       as a cache or a load balancer that mixes answers up does;
 *   <li>{@link Builder#totalDrift}: {@code total_items} grows by this much with every list page served;
 *   <li>{@link Builder#stallAfterPage}: pages after this one repeat it (the server ignores {@code page});
 *   <li>{@link Builder#overlap}: every page after the first also repeats the last n records of the page
 *       before;
 *   <li>{@link Builder#maxPerPage}: {@code per_page} is capped;
 *   <li>{@link Builder#omit}: envelope properties left out;
 *   <li>{@link Builder#envelope}: ORUK 3.0, a bare JSON array, or a legacy v1 (Spring) envelope whose
 *       {@code number} counts from 0 or from 1.
 * </ul>
 *
 * <p>Inside, an honest ORUK 3.0 feed built on the model's protocol core (the query read by
 * {@code Query.parse}, so a bad parameter gets the model's message; pages written by {@code PageEnvelope}
 * around list items encoded once) sits behind a decorator that adds the faults above; this class is the HTTP
 * side. The model's parser refuses parameters that are not ORUK's, as a strict feed does; the feed honours
 * {@code page}, {@code per_page} and {@code modified_after} and ignores the other filters.
 *
 * <p>It listens on the loopback interface only, on a free port, with a fixed pool of worker threads.
 * {@link #main(String[])} runs one in its own process (for benchmarks).
 */
public final class FakeFeed implements AutoCloseable {

  /** How list pages are wrapped. */
  public enum Envelope {
    /** The ORUK 3.0 page envelope. */
    V3,
    /** A bare JSON array of every record, whatever page is asked for. */
    BARE_ARRAY,
    /** A legacy ORUK v1 (Spring Data) envelope whose {@code number} counts from 0, like Porism's feeds. */
    V1_ZERO_BASED,
    /** A legacy ORUK v1 envelope whose {@code number} counts from 1, like LocalGov Drupal and Outpost. */
    V1_ONE_BASED
  }

  /** A transient failure. */
  public enum Fault {
    /** 503 Service Unavailable, with {@code Retry-After} when one is configured. */
    SERVICE_UNAVAILABLE,
    /** 429 Too Many Requests, with {@code Retry-After} when one is configured. */
    TOO_MANY_REQUESTS,
    /** 502 Bad Gateway. */
    BAD_GATEWAY,
    /** A 200 whose body stops half way and whose connection is closed. */
    CUT_CONNECTION
  }

  static {
    // Without TCP_NODELAY the JDK server's separate writes for headers and body meet the client's delayed
    // ACK, and every answer takes about 40 ms. This must be set before the JDK's server is first used.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Builder config;
  private final HttpServer server;
  private final ExecutorService workers;
  private final URI baseUri;
  private final List<String> ids;
  private final HonestFeed honest;
  private final FaultyFeed feed;
  private final Map<String, AtomicInteger> requestsByPath = new ConcurrentHashMap<>();
  private final AtomicInteger concurrent = new AtomicInteger();
  private final AtomicInteger maxConcurrent = new AtomicInteger();

  private FakeFeed(Builder config) throws IOException {
    this.config = config;
    DataGenerator generator = DataGenerator.builder().seed(config.seed).build();
    OrukJson json = OrukJson.lenient();
    ObjectMapper trees = new ObjectMapper();
    List<String> allIds = new ArrayList<>(config.services);
    List<byte[]> details = new ArrayList<>(config.services);
    List<byte[]> items = new ArrayList<>(config.services);
    List<OffsetDateTime> modified = new ArrayList<>(config.services);
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < config.services; k++) {
      Service service = generator.service(k);
      allIds.add(service.getId());
      index.put(service.getId(), k);
      details.add(json.write(service));
      modified.add(service.getLastModified());
      ObjectNode item = trees.createObjectNode();
      item.put("id", service.getId());
      item.put("name", service.getName());
      if (service.getStatus() != null) {
        item.put("status", service.getStatus().value());
      }
      if (!config.envelope.name().startsWith("V1") && service.getOrganizationId() != null) {
        item.put("organization_id", service.getOrganizationId());
      }
      if (service.getLastModified() != null) {
        item.put("last_modified", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(service.getLastModified()));
      }
      items.add(trees.writeValueAsBytes(item));
    }
    this.ids = Collections.unmodifiableList(allIds);

    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port), 256);
    String base = config.basePath.isEmpty() ? "/" : config.basePath + "/";
    this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + base);
    this.honest = new HonestFeed(index, details, items, modified, config.perPage, baseUri + "openapi.json");
    try {
      this.feed = new FaultyFeed(honest, config, ids);
    } catch (IllegalArgumentException e) {
      server.stop(0);
      throw e;
    }
    this.workers = Executors.newFixedThreadPool(config.threads, task -> {
      Thread thread = new Thread(task, "fake-feed-worker");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(workers);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A builder with the defaults: 100 services, seed 1, 50 per page, ORUK 3.0, no faults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The feed's base, ending in '/': {@code http://127.0.0.1:PORT/} plus the base path. */
  public URI baseUri() {
    return baseUri;
  }

  /** Every service id, in list order (service k is at index k). */
  public List<String> ids() {
    return ids;
  }

  /** The ids whose details always answer 404. */
  public Set<String> notFoundIds() {
    return feed.notFoundIds();
  }

  /** The ids whose details always answer 500 (see {@link Builder#brokenDetails}). */
  public Set<String> brokenIds() {
    return feed.brokenIds();
  }

  /** The ids whose details answer with another service's document (see {@link Builder#detailsWithAnotherId}). */
  public Set<String> mixedUpIds() {
    return feed.mixedUpIds();
  }

  /** The canonical JSON {@code /services/{id}} answers for service k. */
  public byte[] detailJson(int k) {
    return honest.detail(k).clone();
  }

  /** Requests received so far, over all paths. */
  public int requests() {
    return requestsByPath.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** Requests received so far for one path below the base, such as {@code "services"} or {@code "services/ID"}. */
  public int requestsFor(String path) {
    AtomicInteger count = requestsByPath.get(path.startsWith("/") ? path.substring(1) : path);
    return count == null ? 0 : count.get();
  }

  /** Requests received so far for service details ({@code services/{id}}). */
  public int detailRequests() {
    return requestsByPath.entrySet().stream().filter(e -> e.getKey().startsWith("services/"))
        .mapToInt(e -> e.getValue().get()).sum();
  }

  /** The most requests that were being answered at the same moment. */
  public int maxConcurrentRequests() {
    return maxConcurrent.get();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------------------------------------- serving

  private void handle(HttpExchange exchange) throws IOException {
    int now = concurrent.incrementAndGet();
    maxConcurrent.accumulateAndGet(now, Math::max);
    Answer answer;
    try {
      answer = answer(exchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
      return;
    } finally {
      // A request counts until its answer starts going out: a client may send its next request as soon as it
      // has read this answer, before this thread gets to run again, and that must not count as two at once.
      concurrent.decrementAndGet();
    }
    try (exchange) {
      send(exchange, answer);
    }
  }

  private Answer answer(HttpExchange exchange) throws InterruptedException {
    String path = exchange.getRequestURI().getRawPath();
    if (!path.startsWith(config.basePath + "/") && !path.equals(config.basePath)) {
      return Answer.error(404, "no such path: " + path);
    }
    String relative = path.substring(Math.min(path.length(), config.basePath.length() + 1));
    while (relative.endsWith("/")) {
      relative = relative.substring(0, relative.length() - 1);
    }
    String decoded = URLDecoder.decode(relative, StandardCharsets.UTF_8);
    requestsByPath.computeIfAbsent(decoded, p -> new AtomicInteger()).incrementAndGet();
    if (!exchange.getRequestMethod().equals("GET")) {
      return Answer.error(405, "only GET is served");
    }
    return feed.answer(decoded, exchange.getRequestURI().getRawQuery());
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    answer.headers().forEach(exchange.getResponseHeaders()::set);
    byte[] body = answer.body();
    if (answer.cut()) {
      // Closing with fewer bytes than announced makes the server drop the connection.
      exchange.sendResponseHeaders(answer.status(), 10_000);
      OutputStream out = exchange.getResponseBody();
      out.write(body);
      out.flush();
      return;
    }
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  // ------------------------------------------------------------------------------------------- command line

  /**
   * Runs a fake feed in its own process until stdin closes. Prints {@code READY <base URI>} on stdout once
   * it listens. Options: {@code --services N}, {@code --seed S}, {@code --per-page N},
   * {@code --latency-ms MS}, {@code --threads N}, {@code --port P}.
   */
  public static void main(String[] args) throws IOException {
    Builder builder = builder();
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--services" -> builder.services(Integer.parseInt(value));
        case "--seed" -> builder.seed(Long.parseLong(value));
        case "--per-page" -> builder.perPage(Integer.parseInt(value));
        case "--latency-ms" -> builder.latency(Duration.ofMillis(Long.parseLong(value)));
        case "--threads" -> builder.threads(Integer.parseInt(value));
        case "--port" -> builder.port(Integer.parseInt(value));
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see the FakeFeed javadoc");
      }
      i++;
    }
    try (FakeFeed feed = builder.start()) {
      PrintStream out = System.out;
      out.println("READY " + feed.baseUri());
      out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close stdin
      }
    }
  }

  /** Options of a {@link FakeFeed}. */
  public static final class Builder {
    int services = 100;
    long seed = 1;
    String basePath = "";
    int perPage = 50;
    int maxPerPage = 1000;
    Duration latency = Duration.ZERO;
    double failureRate;
    Set<Fault> faults = EnumSet.of(Fault.SERVICE_UNAVAILABLE);
    int failuresPerAddress = 1;
    @Nullable Duration retryAfter;
    Collection<Integer> notFound = List.of();
    double brokenRate;
    Collection<Integer> anotherId = List.of();
    int totalDrift;
    int stallAfterPage;
    int overlap;
    Envelope envelope = Envelope.V3;
    Set<String> omit = Set.of();
    int threads = 32;
    int port;

    private Builder() {
    }

    /** How many services (default 100). */
    public Builder services(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("services must be 0 or more; got " + count);
      }
      this.services = count;
      return this;
    }

    /** The generator's seed, which also chooses which addresses fail (default 1). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** A path the feed lives under, such as {@code /api} (default: the root). */
    public Builder basePath(String path) {
      String clean = path.strip();
      while (clean.endsWith("/")) {
        clean = clean.substring(0, clean.length() - 1);
      }
      this.basePath = clean.isEmpty() || clean.startsWith("/") ? clean : "/" + clean;
      return this;
    }

    /** The page size when {@code per_page} is not given (default 50). */
    public Builder perPage(int perPage) {
      this.perPage = atLeastOne("perPage", perPage);
      return this;
    }

    /** The largest page served whatever {@code per_page} asks (default 1000). */
    public Builder maxPerPage(int maxPerPage) {
      this.maxPerPage = atLeastOne("maxPerPage", maxPerPage);
      return this;
    }

    /** A delay before every answer (default none). */
    public Builder latency(Duration latency) {
      this.latency = latency;
      return this;
    }

    /**
     * Makes about {@code rate} of all request addresses (path and query; chosen from the seed) fail their
     * first {@link #failuresPerAddress} requests with one of {@code faults} (default: 503).
     */
    public Builder transientFailures(double rate, Fault... faults) {
      if (rate < 0 || rate > 1) {
        throw new IllegalArgumentException("rate must be between 0 and 1; got " + rate);
      }
      this.failureRate = rate;
      if (faults.length > 0) {
        this.faults = EnumSet.copyOf(List.of(faults));
      }
      return this;
    }

    /** How many times a failing address fails before it answers (default 1). */
    public Builder failuresPerAddress(int failures) {
      this.failuresPerAddress = atLeastOne("failuresPerAddress", failures);
      return this;
    }

    /** The {@code Retry-After} sent with 503 and 429, rounded up to whole seconds (default none). */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    /** Services (by index) that are listed but whose details always answer 404. */
    public Builder notFound(Integer... indexes) {
      this.notFound = List.of(indexes);
      return this;
    }

    /** Services (by index) that are listed but whose details always answer 404. */
    public Builder notFound(Collection<Integer> indexes) {
      this.notFound = List.copyOf(indexes);
      return this;
    }

    /** About this share of services (chosen from the seed) always answer 500 for their details (default 0). */
    public Builder brokenDetails(double rate) {
      if (rate < 0 || rate > 1) {
        throw new IllegalArgumentException("rate must be between 0 and 1; got " + rate);
      }
      this.brokenRate = rate;
      return this;
    }

    /**
     * Services (by index) whose details answer 200 with the next service's document: listed under one id,
     * served under another (default none).
     */
    public Builder detailsWithAnotherId(Collection<Integer> indexes) {
      this.anotherId = List.copyOf(indexes);
      return this;
    }

    /** {@code total_items} grows by this much with each list page served (default 0). */
    public Builder totalDrift(int perPageServed) {
      this.totalDrift = perPageServed;
      return this;
    }

    /** Pages after this one (counting from 1) repeat it: the server ignores {@code page} (default off). */
    public Builder stallAfterPage(int page) {
      this.stallAfterPage = page;
      return this;
    }

    /** Every page after the first also starts with the last {@code records} of the page before (default 0). */
    public Builder overlap(int records) {
      this.overlap = records;
      return this;
    }

    /** How pages are wrapped (default {@link Envelope#V3}). */
    public Builder envelope(Envelope envelope) {
      this.envelope = envelope;
      return this;
    }

    /** Envelope properties to leave out, by their name on the wire ({@code last_page}, {@code totalPages}...). */
    public Builder omit(String... properties) {
      this.omit = Set.of(properties);
      return this;
    }

    /** Worker threads, which bounds how many requests are answered at once (default 32). */
    public Builder threads(int threads) {
      this.threads = atLeastOne("threads", threads);
      return this;
    }

    /** The port (default 0: a free one). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Generates the services and starts listening on 127.0.0.1. */
    public FakeFeed start() {
      try {
        return new FakeFeed(this);
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the fake feed: " + e.getMessage(), e);
      }
    }

    private static int atLeastOne(String name, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1; got " + value);
      }
      return value;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "FakeFeed[%d services, %s]", services, envelope);
    }
  }
}
