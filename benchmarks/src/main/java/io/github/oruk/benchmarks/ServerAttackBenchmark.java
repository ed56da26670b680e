package io.github.oruk.benchmarks;

import io.github.oruk.model.Service;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.server.jetty.OrukJettyServer;
import io.github.oruk.server.memory.InMemoryDirectory;
import io.github.oruk.testkit.generate.DataGenerator;
import io.github.oruk.testkit.hostile.HostileClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Ordinary requests to a server under the attack of issue #13, against the same requests without it.
 *
 * <p>Serves 10,000 generated services (seed 1) from the reference in-memory directory, on the JDK adapter
 * ({@code --server jdk}, with whatever {@code sun.net.httpserver.*} limits the JVM was started with, the SDK's
 * defaults otherwise) or on oruk-server-jetty with its defaults ({@code --server jetty}). A few client threads
 * ask for {@code /services?page=k&per_page=50}, k random, each request on a new connection (as a new visitor
 * would come), timed from connecting to the last byte, with a 10 s deadline after which the request counts as
 * failed. First without attack; then with 200 connections stalled half-way through a request line, each
 * opened again as soon as the server closes it (as a slowloris attacker does, so that a server that relies on
 * a time limit always has 200 of them), and 50 clients that asked for {@code ?format=ndjson} (about 37 MB)
 * and never read, opened once (neither server drops them within the measured seconds with its default
 * limits); then without attack again. The baseline on both sides of the attack shows the JIT still warming
 * up during the first phase, and a server that does not recover.
 * The JDK's limits are read once per JVM, so each server is measured in a JVM of its own.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.oruk.benchmarks.ServerAttackBenchmark --server jetty \
 *      [--services 10000] [--stalled 200] [--slow-readers 50] [--clients 4] [--seconds 20] [--warmup 5] \
 *      [--threads 16]                       # the JDK server's pool (its default: 4 per processor, at least 16)
 * </pre>
 */
public final class ServerAttackBenchmark {

  private static final Duration DEADLINE = Duration.ofSeconds(10);

  /** What to run. */
  record Options(String server, int services, int stalled, int slowReaders, int clients, Duration measure,
      Duration warmup, int jdkThreads) {
    static Options defaults() {
      return new Options("jetty", 10_000, 200, 50, 4, Duration.ofSeconds(20), Duration.ofSeconds(5),
          Math.max(16, 4 * Runtime.getRuntime().availableProcessors()));
    }

    Options with(String option, String value) {
      String s = server;
      int n = services;
      int st = stalled;
      int sr = slowReaders;
      int c = clients;
      Duration m = measure;
      Duration w = warmup;
      int t = jdkThreads;
      switch (option) {
        case "--server" -> s = value;
        case "--services" -> n = Integer.parseInt(value);
        case "--stalled" -> st = Integer.parseInt(value);
        case "--slow-readers" -> sr = Integer.parseInt(value);
        case "--clients" -> c = Integer.parseInt(value);
        case "--seconds" -> m = Duration.ofSeconds(Long.parseLong(value));
        case "--warmup" -> w = Duration.ofSeconds(Long.parseLong(value));
        case "--threads" -> t = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("unknown option " + option
            + "; options: --server jdk|jetty --services --stalled --slow-readers --clients --seconds --warmup"
            + " --threads (the JDK server's pool)");
      }
      return new Options(s, n, st, sr, c, m, w, t);
    }
  }

  /** What the ordinary clients saw in one phase. */
  record Phase(String name, long requests, long failures, double seconds, long p50Micros, long p99Micros,
      long maxMicros) {
  }

  private ServerAttackBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.defaults();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options = options.with(args[i], args[i + 1]);
    }
    PrintStream out = System.out;
    out.printf(Locale.ROOT, "generating %,d services ...%n", options.services());
    DataGenerator generator = DataGenerator.builder().seed(1).build();
    List<Service> services = generator.services(options.services()).toList();
    OrukApi api = OrukApi.of(InMemoryDirectory.builder().addAll(services).taxonomy(generator.sampleTaxonomy())
        .build());
    int pages = (options.services() + 49) / 50;
    List<Phase> phases = new ArrayList<>();
    String limits;
    if (options.server().equals("jdk")) {
      try (OrukHttpServer server = OrukHttpServer.builder(api).port(0).threads(options.jdkThreads())
          .shutdownGrace(Duration.ZERO).start()) {
        limits = "JDK server, " + options.jdkThreads() + " threads; maxReqTime "
            + System.getProperty("sun.net.httpserver.maxReqTime") + " s, maxRspTime "
            + System.getProperty("sun.net.httpserver.maxRspTime") + " s, maxConnections "
            + System.getProperty("jdk.httpserver.maxConnections");
        run(server.uri(), pages, options, phases, out);
      }
    } else if (options.server().equals("jetty")) {
      try (OrukJettyServer server = OrukJettyServer.builder(api).port(0).shutdownGrace(Duration.ZERO).start()) {
        limits = "oruk-server-jetty defaults: idle timeout " + OrukJettyServer.DEFAULT_IDLE_TIMEOUT.toSeconds()
            + " s, " + OrukJettyServer.DEFAULT_MAX_THREADS + " threads, " + OrukJettyServer.DEFAULT_MAX_CONNECTIONS
            + " connections";
        run(server.uri(), pages, options, phases, out);
      }
    } else {
      throw new IllegalArgumentException("--server is jdk or jetty; got " + options.server());
    }
    out.println();
    out.printf(Locale.ROOT, "%s; %,d services; %d ordinary clients, a new connection per request, %d s deadline;"
        + " attack: %d stalled + %d slow readers%n%n", limits, options.services(), options.clients(),
        DEADLINE.toSeconds(), options.stalled(), options.slowReaders());
    out.println("| phase | requests | failed | requests/s | p50 | p99 | max |");
    out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (Phase phase : phases) {
      out.printf(Locale.ROOT, "| %s | %,d | %,d | %,.0f | %.1f ms | %.1f ms | %.1f ms |%n", phase.name(),
          phase.requests(), phase.failures(), phase.requests() / phase.seconds(), phase.p50Micros() / 1e3,
          phase.p99Micros() / 1e3, phase.maxMicros() / 1e3);
    }
    if (phases.size() == 3) {
      Phase attacked = phases.get(1);
      out.printf(Locale.ROOT, "%nunder attack / without attack (before, after): p50 %.2f, %.2f; p99 %.2f, %.2f%n",
          ratio(attacked.p50Micros(), phases.get(0).p50Micros()),
          ratio(attacked.p50Micros(), phases.get(2).p50Micros()),
          ratio(attacked.p99Micros(), phases.get(0).p99Micros()),
          ratio(attacked.p99Micros(), phases.get(2).p99Micros()));
    }
  }

  private static double ratio(long value, long baseline) {
    return baseline == 0 ? Double.NaN : (double) value / baseline;
  }

  static void run(URI base, int pages, Options options, List<Phase> phases, PrintStream log)
      throws Exception {
    log.printf(Locale.ROOT, "warming up (%d s)%n", options.warmup().toSeconds());
    measure("warm-up", base, pages, options.clients(), options.warmup(), 7);
    log.printf(Locale.ROOT, "measuring without attack (%d s)%n", options.measure().toSeconds());
    phases.add(measure("no attack", base, pages, options.clients(), options.measure(), 11));
    try (HostileClients readers = HostileClients.slowReaders(base.resolve("services?format=ndjson"),
        options.slowReaders());
        Slowloris stalled = new Slowloris(base, options.stalled())) {
      int answered = readers.awaitAnswers(Duration.ofSeconds(10));
      log.printf(Locale.ROOT, "attack open: %d stalled, %d slow readers (%d being answered after up to 10 s);"
          + " measuring (%d s)%n", options.stalled(), readers.size(), answered, options.measure().toSeconds());
      int before = stalled.opened();
      phases.add(measure("under attack", base, pages, options.clients(), options.measure(), 13));
      log.printf(Locale.ROOT, "stalled connections opened again after the server closed them, while measuring: %,d%n",
          stalled.opened() - before);
    }
    log.printf(Locale.ROOT, "attack closed; measuring without attack again (%d s)%n", options.measure().toSeconds());
    phases.add(measure("no attack, after", base, pages, options.clients(), options.measure(), 17));
  }

  private static Phase measure(String name, URI base, int pages, int clients, Duration duration, long seed)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      List<Future<long[]>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        SplittableRandom random = new SplittableRandom(seed * 100 + c);
        futures.add(pool.submit(() -> client(base, pages, end, random)));
      }
      List<long[]> all = new ArrayList<>();
      long failures = 0;
      for (Future<long[]> future : futures) {
        long[] result = future.get();
        failures += result[0];
        all.add(Arrays.copyOfRange(result, 1, result.length));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      return new Phase(name, latencies.length, failures, seconds,
          ServerLoadBenchmark.percentile(latencies, 0.50) / 1_000,
          ServerLoadBenchmark.percentile(latencies, 0.99) / 1_000,
          latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1_000);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Requests until {@code end}; returns the number of failures followed by every latency in nanoseconds. */
  private static long[] client(URI base, int pages, long end, SplittableRandom random) {
    long[] latencies = new long[1 << 12];
    int count = 0;
    long failures = 0;
    while (System.nanoTime() < end) {
      String target = base.getRawPath() + "services?page=" + (1 + random.nextInt(pages)) + "&per_page=50";
      long begin = System.nanoTime();
      boolean ok = fetch(base, target);
      if (!ok) {
        failures++;
      }
      if (count + 1 >= latencies.length) {
        latencies = Arrays.copyOf(latencies, latencies.length * 2);
      }
      latencies[count++] = System.nanoTime() - begin;
    }
    long[] result = new long[count + 1];
    result[0] = failures;
    System.arraycopy(latencies, 0, result, 1, count);
    return result;
  }

  /** One GET on a new connection: true when it came back 200 and whole within the deadline. */
  private static boolean fetch(URI base, String target) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), (int) DEADLINE.toMillis());
      socket.setSoTimeout((int) DEADLINE.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + target + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] head = in.readNBytes(12);
      long body = 0;
      byte[] skip = new byte[1 << 16];
      for (int n = in.read(skip); n >= 0; n = in.read(skip)) {
        body += n;
        if (System.nanoTime() > deadline) {
          return false;
        }
      }
      return new String(head, StandardCharsets.US_ASCII).equals("HTTP/1.1 200") && body > 10_000
          && System.nanoTime() <= deadline;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Connections that send half a request line and then nothing, each opened again as soon as the server
   * closes it: one thread each, blocked reading until the server gives up on it.
   */
  private static final class Slowloris implements AutoCloseable {
    private static final byte[] HALF = "GET /servi".getBytes(StandardCharsets.US_ASCII);

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger opened = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch first;
    private volatile boolean closed;

    Slowloris(URI base, int count) throws InterruptedException {
      InetSocketAddress address = new InetSocketAddress(base.getHost(), base.getPort());
      first = new CountDownLatch(count);
      for (int i = 0; i < count; i++) {
        Thread thread = new Thread(() -> keep(address), "slowloris");
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }
      if (!first.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("could not open " + count + " stalled connections within 30 s");
      }
    }

    private void keep(InetSocketAddress address) {
      boolean counted = false;
      while (!closed) {
        boolean connected = false;
        try (Socket socket = new Socket()) {
          open.add(socket);
          if (closed) {
            break;
          }
          socket.connect(address, 10_000);
          connected = true;
          socket.getOutputStream().write(HALF);
          socket.getOutputStream().flush();
          opened.incrementAndGet();
          if (!counted) {
            counted = true;
            first.countDown();
          }
          socket.getInputStream().read();   // returns when the server answers or closes
        } catch (IOException e) {
          // closed by the server, or by close(): open another unless closing
        } finally {
          open.removeIf(Socket::isClosed);
        }
        if (!connected) {
          LockSupport.parkNanos(10_000_000);   // the server refused: do not spin
        }
      }
    }

    /** Connections opened so far, the first ones included. */
    int opened() {
      return opened.get();
    }

    @Override
    public void close() throws InterruptedException {
      closed = true;
      for (Socket socket : open) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing is all that is left to do
        }
      }
      for (Thread thread : threads) {
        thread.join(10_000);
      }
    }
  }
}
