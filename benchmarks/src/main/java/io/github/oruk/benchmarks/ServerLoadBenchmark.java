package io.github.oruk.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.github.oruk.model.Service;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.server.jetty.OrukJettyServer;
import io.github.oruk.server.memory.InMemoryDirectory;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Load on the JDK adapter and on oruk-server-jetty, over loopback, against a bare JDK {@code HttpServer} in the
 * same run.
 *
 * <p>Seven phases, all warmed up first and then measured in turn over several rounds (so that load from
 * elsewhere on the machine weighs on each alike), each with the same number of keep-alive connections
 * (one client thread each, raw sockets so the client costs as little as possible):
 * <ol>
 *   <li>baseline: a bare {@code HttpServer} answering every request with one pre-serialised page;
 *   <li>{@code /services?page=k&per_page=50}, k random over every page, from the reference in-memory
 *       directory through {@code OrukHttpServer};
 *   <li>baseline: the bare server answering with one pre-serialised service;
 *   <li>{@code /services/{id}}, id random;
 *   <li>reference (not a goal): the bare server answering with pre-serialised page k, k random, all pages
 *       prepared beforehand; the same bodies as phase 2, without the SDK, to separate the SDK's own work from
 *       the cost of sending many different bodies instead of one that stays in the processor's cache;
 *   <li>phases 2 and 4 again through oruk-server-jetty (the servlet adapter on Jetty, with its default limits
 *       and thread pool), the server {@code oruk serve} uses.
 * </ol>
 * The JDK adapter and the bare server use a fixed pool of the same size, Jetty its own default pool. The
 * in-memory directory declares its records immutable, so the SDK reuses each record's JSON;
 * {@code --record-cache false} measures writing every record afresh,
 * as for a provider that builds new objects per request. Client and servers share the machine (and the JVM), so
 * the ratios matter more than the absolute figures.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.oruk.benchmarks.ServerLoadBenchmark \
 *      [--services 10000] [--connections 32] [--seconds 20] [--warmup 5] [--record-cache true|false]
 * </pre>
 */
public final class ServerLoadBenchmark {

  /** What to run. */
  record Options(int services, int connections, Duration measure, Duration warmup, int threads, long seed,
      boolean recordCache, int rounds) {
    static Options defaults() {
      return new Options(10_000, 32, Duration.ofSeconds(20), Duration.ofSeconds(5),
          Math.max(16, 4 * Runtime.getRuntime().availableProcessors()), 1, true, 4);
    }

    Options with(String option, String value) {
      return switch (option) {
        case "--services" -> new Options(Integer.parseInt(value), connections, measure, warmup, threads, seed, recordCache,
            rounds);
        case "--connections" -> new Options(services, Integer.parseInt(value), measure, warmup, threads, seed, recordCache,
            rounds);
        case "--seconds" -> new Options(services, connections, seconds(value), warmup, threads, seed, recordCache, rounds);
        case "--warmup" -> new Options(services, connections, measure, seconds(value), threads, seed, recordCache, rounds);
        case "--threads" -> new Options(services, connections, measure, warmup, Integer.parseInt(value), seed, recordCache,
            rounds);
        case "--record-cache" -> new Options(services, connections, measure, warmup, threads, seed,
            Boolean.parseBoolean(value), rounds);
        case "--rounds" -> new Options(services, connections, measure, warmup, threads, seed, recordCache,
            Integer.parseInt(value));
        default -> throw new IllegalArgumentException("unknown option " + option
            + "; options: --services --connections --seconds --warmup --threads --record-cache --rounds");
      };
    }
  }

  /** One measured phase. */
  record Phase(String name, long requests, long errors, long bytes, double seconds, long p50Micros, long p99Micros,
      long maxMicros) {
    double perSecond() {
      return requests / seconds;
    }
  }

  private ServerLoadBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.defaults();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options = options.with(args[i], args[i + 1]);
    }
    List<Phase> phases = run(options, System.out);
    print(options, phases, System.out);
  }

  private static Duration seconds(String value) {
    return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
  }

  /** Runs the phases and returns them in order. */
  static List<Phase> run(Options options, PrintStream log) throws Exception {
    log.printf(Locale.ROOT, "generating %,d services ...%n", options.services());
    DataGenerator generator = DataGenerator.builder().seed(options.seed()).build();
    List<Service> services = generator.services(options.services()).toList();
    InMemoryDirectory directory = InMemoryDirectory.builder().addAll(services).taxonomy(generator.sampleTaxonomy())
        .build();
    List<String> ids = services.stream().map(Service::getId).toList();
    int pages = (options.services() + 49) / 50;

    OrukApi api = OrukApi.builder(directory)
        .encodedRecordCache(options.recordCache() ? OrukApi.DEFAULT_ENCODED_RECORD_CACHE_BYTES : 0).build();
    try (OrukHttpServer oruk = OrukHttpServer.builder(api).port(0).threads(options.threads())
        .shutdownGrace(Duration.ZERO).start();
        OrukJettyServer jetty = OrukJettyServer.builder(api).port(0).shutdownGrace(Duration.ZERO).start()) {
      byte[] page = fetch(oruk.port(), "/services?page=1&per_page=50");
      byte[][] everyPage = new byte[pages][];
      for (int k = 0; k < pages; k++) {
        everyPage[k] = fetch(oruk.port(), "/services?page=" + (k + 1) + "&per_page=50");
      }
      byte[] record = fetch(oruk.port(), "/services/" + medianSized(services));
      ExecutorService baselinePool = Executors.newFixedThreadPool(options.threads(), runnable -> {
        Thread thread = new Thread(runnable, "baseline-http");
        thread.setDaemon(true);
        return thread;
      });
      HttpServer baseline = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
      baseline.setExecutor(baselinePool);
      baseline.createContext("/", exchange -> {
        String query = exchange.getRequestURI().getRawQuery();
        byte[] body = exchange.getRequestURI().getPath().startsWith("/services/") ? record
            : query != null && query.startsWith("k=") ? everyPage[Integer.parseInt(query.substring(2)) - 1] : page;
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      baseline.start();
      try {
        int basePort = baseline.getAddress().getPort();
        List<String> names = List.of("baseline: pre-serialised page", "/services?page=k&per_page=50",
            "baseline: pre-serialised service", "/services/{id}", "reference: pre-serialised page k",
            "Jetty: /services?page=k&per_page=50", "Jetty: /services/{id}");
        List<Integer> ports = List.of(basePort, oruk.port(), basePort, oruk.port(), basePort, jetty.port(),
            jetty.port());
        PathChooser pageK = random -> "/services?page=" + (1 + random.nextInt(pages)) + "&per_page=50";
        PathChooser byId = random -> "/services/" + ids.get(random.nextInt(ids.size()));
        List<PathChooser> choosers = List.of(
            random -> "/services?page=1&per_page=50",
            pageK,
            random -> "/services/x",
            byId,
            random -> "/services?k=" + (1 + random.nextInt(pages)),
            pageK,
            byId);
        return measure(names, ports, choosers, options, log);
      } finally {
        baseline.stop(0);
        baselinePool.shutdownNow();
      }
    }
  }

  /** The path of each request. */
  @FunctionalInterface
  interface PathChooser {
    String next(SplittableRandom random);
  }

  /** The id of the service whose JSON is the median size, so the baseline's body is a typical one. */
  static String medianSized(List<Service> services) {
    io.github.oruk.model.json.OrukJson json = io.github.oruk.model.json.OrukJson.lenient();
    List<Service> bySize = services.stream()
        .sorted(java.util.Comparator.comparingInt((Service s) -> json.write(s).length)).toList();
    return bySize.get(bySize.size() / 2).getId();
  }

  /**
   * Warms every phase up, then measures them in turn, round after round, so that whatever else the
   * machine is doing weighs on every phase alike.
   */
  private static List<Phase> measure(List<String> names, List<Integer> ports, List<PathChooser> paths,
      Options options, PrintStream log) throws Exception {
    int rounds = Math.max(1, options.rounds());
    Duration slice = options.measure().dividedBy(rounds);
    for (int p = 0; p < names.size(); p++) {
      log.printf(Locale.ROOT, "warming up %s (%.0f s)%n", names.get(p), options.warmup().toMillis() / 1e3);
      if (!options.warmup().isZero()) {
        load(ports.get(p), options.connections(), options.warmup(), paths.get(p), options.seed() + 1);
      }
    }
    List<List<Load>> loads = new ArrayList<>();
    names.forEach(name -> loads.add(new ArrayList<>()));
    for (int round = 0; round < rounds; round++) {
      log.printf(Locale.ROOT, "round %d of %d: %.1f s per phase, %d connections%n", round + 1, rounds,
          slice.toMillis() / 1e3, options.connections());
      for (int p = 0; p < names.size(); p++) {
        loads.get(p).add(load(ports.get(p), options.connections(), slice, paths.get(p), options.seed() + 2 + round));
      }
    }
    List<Phase> phases = new ArrayList<>();
    for (int p = 0; p < names.size(); p++) {
      long errors = 0;
      long bytes = 0;
      double seconds = 0;
      List<long[]> parts = new ArrayList<>();
      for (Load load : loads.get(p)) {
        errors += load.errors;
        bytes += load.bytes;
        seconds += load.seconds;
        parts.add(load.latencies());
      }
      long[] all = parts.stream().flatMapToLong(java.util.Arrays::stream).toArray();
      Arrays.sort(all);
      phases.add(new Phase(names.get(p), all.length, errors, bytes, seconds, percentile(all, 0.50) / 1_000,
          percentile(all, 0.99) / 1_000, all.length == 0 ? 0 : all[all.length - 1] / 1_000));
    }
    return phases;
  }

  /** The value at {@code fraction} (0.99 for the p99) of ascending {@code sorted}; 0 when it is empty. */
  static long percentile(long[] sorted, double fraction) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(fraction * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** What the client threads saw. */
  private static final class Load {
    final List<long[]> perThread = new ArrayList<>();
    final List<Integer> counts = new ArrayList<>();
    long errors;
    long bytes;
    double seconds;

    long[] latencies() {
      int total = counts.stream().mapToInt(Integer::intValue).sum();
      long[] all = new long[total];
      int at = 0;
      for (int t = 0; t < perThread.size(); t++) {
        System.arraycopy(perThread.get(t), 0, all, at, counts.get(t));
        at += counts.get(t);
      }
      return all;
    }
  }

  private static Load load(int port, int connections, Duration duration, PathChooser paths, long seed)
      throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(connections);
    try {
      long start = System.nanoTime();
      long deadline = start + duration.toNanos();
      List<Future<Client>> futures = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        long clientSeed = seed * 1_000 + c;
        futures.add(clients.submit(() -> new Client(port, new SplittableRandom(clientSeed)).run(deadline, paths)));
      }
      Load load = new Load();
      for (Future<Client> future : futures) {
        Client client = future.get();
        load.perThread.add(client.latencies);
        load.counts.add(client.count);
        load.errors += client.errors;
        load.bytes += client.bytes;
      }
      load.seconds = (System.nanoTime() - start) / 1e9;
      return load;
    } finally {
      clients.shutdownNow();
    }
  }

  /** One keep-alive connection sending GETs back to back and timing each full response. */
  private static final class Client {
    private final int port;
    private final SplittableRandom random;
    long[] latencies = new long[1 << 14];
    int count;
    long errors;
    long bytes;

    Client(int port, SplittableRandom random) {
      this.port = port;
      this.random = random;
    }

    Client run(long deadline, PathChooser paths) throws IOException {
      Socket socket = connect();
      InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1024);
      byte[] host = ("Host: 127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] skip = new byte[1 << 16];
      while (System.nanoTime() < deadline) {
        String path = paths.next(random);
        long begin = System.nanoTime();
        try {
          out.write(("GET " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(host);
          out.flush();
          int status = readResponse(in, skip);
          if (status != 200) {
            errors++;
          }
        } catch (IOException e) {
          errors++;
          socket.close();
          socket = connect();
          in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
          out = new BufferedOutputStream(socket.getOutputStream(), 1024);
          continue;
        }
        if (count == latencies.length) {
          latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = System.nanoTime() - begin;
      }
      socket.close();
      return this;
    }

    private Socket connect() throws IOException {
      Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setTcpNoDelay(true);
      return socket;
    }

    /** Reads one response with a Content-Length body; returns the status. */
    private int readResponse(InputStream in, byte[] skip) throws IOException {
      String statusLine = line(in);
      int status = Integer.parseInt(statusLine.substring(9, 12));
      long length = -1;
      for (String header = line(in); !header.isEmpty(); header = line(in)) {
        int colon = header.indexOf(':');
        if (colon > 0 && header.substring(0, colon).equalsIgnoreCase("Content-Length")) {
          length = Long.parseLong(header.substring(colon + 1).strip());
        }
      }
      if (length < 0) {
        throw new IOException("no Content-Length in the response");
      }
      long left = length;
      while (left > 0) {
        int n = in.read(skip, 0, (int) Math.min(skip.length, left));
        if (n < 0) {
          throw new IOException("the connection closed inside a body");
        }
        left -= n;
      }
      bytes += length;
      return status;
    }

    private static String line(InputStream in) throws IOException {
      StringBuilder line = new StringBuilder(64);
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("the connection closed");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }
  }

  /** The body of one GET, for the baseline's pre-serialised answers. */
  static byte[] fetch(int port, String path) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] response = socket.getInputStream().readAllBytes();
      String text = new String(response, StandardCharsets.ISO_8859_1);
      int bodyStart = text.indexOf("\r\n\r\n") + 4;
      if (!text.startsWith("HTTP/1.1 200")) {
        throw new IOException(path + " answered " + text.substring(0, Math.min(60, text.length())));
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.write(response, bodyStart, response.length - bodyStart);
      return body.toByteArray();
    }
  }

  /** The results as Markdown tables, with the ratios to the baselines. */
  static void print(Options options, List<Phase> phases, PrintStream out) {
    out.println();
    out.printf(Locale.ROOT, "%,d services, %d connections, %d server threads, %.0f s measured per phase (%d rounds,"
        + " phases interleaved) after %.0f s warm-up, record JSON cache %s%n%n", options.services(),
        options.connections(), options.threads(), options.measure().toMillis() / 1e3, options.rounds(),
        options.warmup().toMillis() / 1e3, options.recordCache() ? "on" : "off");
    out.println("| phase | requests/s | p50 | p99 | max | errors | bytes/response |");
    out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (Phase phase : phases) {
      out.printf(Locale.ROOT, "| %s | %,.0f | %.2f ms | %.2f ms | %.1f ms | %d | %,d |%n", phase.name(),
          phase.perSecond(), phase.p50Micros() / 1e3, phase.p99Micros() / 1e3, phase.maxMicros() / 1e3,
          phase.errors(), phase.requests() == 0 ? 0 : phase.bytes() / phase.requests());
    }
    if (phases.size() >= 4) {
      out.println();
      out.printf(Locale.ROOT, "pages / baseline: %.2f   records / baseline: %.2f%n",
          phases.get(1).perSecond() / phases.get(0).perSecond(), phases.get(3).perSecond() / phases.get(2).perSecond());
    }
    if (phases.size() >= 5) {
      out.printf(Locale.ROOT, "pages / bare server sending page k from memory (reference): %.2f%n",
          phases.get(1).perSecond() / phases.get(4).perSecond());
    }
    if (phases.size() >= 7) {
      out.printf(Locale.ROOT, "Jetty pages / baseline: %.2f   Jetty records / baseline: %.2f   "
          + "Jetty / JDK adapter: pages %.2f, records %.2f%n",
          phases.get(5).perSecond() / phases.get(0).perSecond(), phases.get(6).perSecond() / phases.get(2).perSecond(),
          phases.get(5).perSecond() / phases.get(1).perSecond(), phases.get(6).perSecond() / phases.get(3).perSecond());
    }
  }
}
