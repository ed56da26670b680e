package io.github.oruk.benchmarks;

import io.github.oruk.client.OrukClient;
import io.github.oruk.client.harvest.HarvestOptions;
import io.github.oruk.client.harvest.HarvestReport;
import io.github.oruk.client.harvest.Harvester;
import io.github.oruk.client.harvest.NdjsonSink;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.testkit.feed.FakeFeed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * A whole-process benchmark of {@code Harvester}: every service of a locally served feed, details included,
 * at several concurrencies in the same run, with the peak heap of each harvest.
 *
 * <pre>
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar io.github.oruk.benchmarks.HarvestBenchmark \
 *      [--services 10000] [--latency-ms 5] [--per-page 100] [--concurrency 1,8,16] [--rounds 3]
 * </pre>
 *
 * <p>The feed is a {@link FakeFeed} in a child JVM (so its heap and its generated services do not count
 * against the harvest's), adding the given latency to every request. One warm-up harvest at the highest
 * concurrency comes first; then each round harvests once at every concurrency, in turn, so that noise from a
 * shared machine falls on all of them alike. Each harvest writes canonical NDJSON to a discarding stream
 * and must deliver every service, or the benchmark fails. Reported: the median wall time per concurrency,
 * its ratio to the first concurrency given, the peak heap (the sum of the heap pools' peaks during the
 * harvest, garbage included: an upper bound on what was in use at once) and the most heap still in use
 * right after a garbage collection (what the harvest really holds on to).
 */
public final class HarvestBenchmark {

  /** What to run. */
  record Settings(int services, int latencyMillis, int perPage, List<Integer> concurrencies, int rounds) {

    static Settings parse(String... args) {
      int services = 10_000;
      int latency = 5;
      int perPage = 100;
      List<Integer> concurrencies = List.of(1, 8, 16);
      int rounds = 3;
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
        String value = args[i + 1];
        switch (args[i]) {
          case "--services" -> services = Integer.parseInt(value);
          case "--latency-ms" -> latency = Integer.parseInt(value);
          case "--per-page" -> perPage = Integer.parseInt(value);
          case "--concurrency" -> concurrencies = java.util.Arrays.stream(value.split(","))
              .map(String::strip).map(Integer::valueOf).toList();
          case "--rounds" -> rounds = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("unknown option " + args[i]
              + "; options: --services, --latency-ms, --per-page, --concurrency, --rounds");
        }
      }
      if (services < 1 || latency < 0 || perPage < 1 || rounds < 1 || concurrencies.isEmpty()) {
        throw new IllegalArgumentException("services, per-page and rounds must be at least 1; latency at least 0");
      }
      return new Settings(services, latency, perPage, concurrencies, rounds);
    }
  }

  /**
   * One measured harvest.
   *
   * @param peakHeapBytes the sum of the heap pools' peak use during the harvest: an upper bound on the heap
   *     in use at any moment, garbage included
   * @param liveHeapBytes the most heap still in use right after a collection during the harvest: what the
   *     harvest really holds on to; 0 if no collection happened
   */
  record Run(int concurrency, Duration wallTime, long peakHeapBytes, long liveHeapBytes) {
  }

  private HarvestBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    System.out.printf(Locale.ROOT, "harvest benchmark: %,d services, %d ms latency per request, per_page %d,"
        + " concurrency %s, %d rounds; max heap %,d MB; %d processors; Java %s%n", settings.services(),
        settings.latencyMillis(), settings.perPage(), settings.concurrencies(), settings.rounds(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    try (FeedProcess feed = FeedProcess.start(settings.services(), settings.latencyMillis())) {
      List<Run> runs = measure(feed.baseUri(), settings);
      System.out.print(table(runs, settings.concurrencies()));
    }
  }

  /** The warm-up and every measured harvest, against the feed at {@code base}. */
  static List<Run> measure(URI base, Settings settings) throws IOException {
    int highest = settings.concurrencies().stream().max(Integer::compare).orElseThrow();
    Run warmUp = harvest(base, settings, highest);
    System.out.printf(Locale.ROOT, "warm-up at %d: %.2f s%n", highest, warmUp.wallTime().toMillis() / 1000.0);
    List<Run> runs = new ArrayList<>();
    for (int round = 1; round <= settings.rounds(); round++) {
      for (int concurrency : settings.concurrencies()) {
        Run run = harvest(base, settings, concurrency);
        runs.add(run);
        System.out.printf(Locale.ROOT, "round %d, concurrency %2d: %6.2f s, peak heap %,d MB, most live after GC"
            + " %,d MB%n", round, concurrency, run.wallTime().toMillis() / 1000.0, run.peakHeapBytes() / (1024 * 1024),
            run.liveHeapBytes() / (1024 * 1024));
      }
    }
    return runs;
  }

  /** One harvest of the whole feed; fails unless every service was delivered. */
  static Run harvest(URI base, Settings settings, int concurrency) throws IOException {
    OrukClient client = OrukClient.builder(base).build();
    HarvestOptions options = HarvestOptions.builder().concurrency(concurrency).perPage(settings.perPage()).build();
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    HarvestReport report;
    Duration wall;
    long live;
    try (LiveHeap liveHeap = LiveHeap.watch()) {
      long started = System.nanoTime();
      try (NdjsonSink sink = NdjsonSink.to(OutputStream.nullOutputStream(), OrukJson.lenient())) {
        report = new Harvester(client).harvest(options, sink);
      }
      wall = Duration.ofNanos(System.nanoTime() - started);
      live = liveHeap.most();
    }
    long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    if (report.outcome() != HarvestReport.Outcome.COMPLETE || report.fetched() != settings.services()) {
      throw new IllegalStateException("the harvest at concurrency " + concurrency + " did not deliver every service: "
          + report.summaryLine());
    }
    return new Run(concurrency, wall, peak, live);
  }

  /** The median wall time and the largest peak heap per concurrency, with ratios to the lowest concurrency. */
  static String table(List<Run> runs, List<Integer> concurrencies) {
    Map<Integer, Double> medians = new LinkedHashMap<>();
    Map<Integer, Long> peaks = new LinkedHashMap<>();
    Map<Integer, Long> live = new LinkedHashMap<>();
    for (int concurrency : concurrencies) {
      List<Double> seconds = runs.stream().filter(r -> r.concurrency() == concurrency)
          .map(r -> r.wallTime().toNanos() / 1e9).toList();
      medians.put(concurrency, Summarize.median(seconds));
      peaks.put(concurrency, runs.stream().filter(r -> r.concurrency() == concurrency)
          .mapToLong(Run::peakHeapBytes).max().orElse(0));
      live.put(concurrency, runs.stream().filter(r -> r.concurrency() == concurrency)
          .mapToLong(Run::liveHeapBytes).max().orElse(0));
    }
    double baseline = medians.get(concurrencies.get(0));
    StringBuilder table = new StringBuilder();
    table.append("| concurrency | median wall time | runs (s) | speed-up vs ").append(concurrencies.get(0))
        .append(" | peak heap | most live after GC |\n| ---: | ---: | --- | ---: | ---: | ---: |\n");
    for (int concurrency : concurrencies) {
      String all = String.join(", ", runs.stream().filter(r -> r.concurrency() == concurrency)
          .map(r -> String.format(Locale.ROOT, "%.2f", r.wallTime().toNanos() / 1e9)).toList());
      table.append(String.format(Locale.ROOT, "| %d | %.2f s | %s | %.2f× | %,d MB | %,d MB |%n", concurrency,
          medians.get(concurrency), all, baseline / medians.get(concurrency), peaks.get(concurrency) / (1024 * 1024),
          live.get(concurrency) / (1024 * 1024)));
    }
    return table.toString();
  }

  /** The most heap in use right after any garbage collection while it watches, from GC notifications. */
  static final class LiveHeap implements AutoCloseable {
    private final AtomicLong most = new AtomicLong();
    private final List<Runnable> removals = new ArrayList<>();

    static LiveHeap watch() {
      LiveHeap watcher = new LiveHeap();
      for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (collector instanceof NotificationEmitter emitter) {
          NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
              GarbageCollectionNotificationInfo info =
                  GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
              long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                  .filter(pool -> HEAP_POOLS.contains(pool.getKey()))
                  .mapToLong(pool -> pool.getValue().getUsed()).sum();
              watcher.most.accumulateAndGet(used, Math::max);
            }
          };
          emitter.addNotificationListener(listener, null, null);
          watcher.removals.add(() -> {
            try {
              emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
              // already gone
            }
          });
        }
      }
      return watcher;
    }

    long most() {
      return most.get();
    }

    @Override
    public void close() {
      removals.forEach(Runnable::run);
    }
  }

  private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
      .collect(java.util.stream.Collectors.toSet());

  /** A {@link FakeFeed} running in a child JVM with this JVM's class path, stopped by closing its stdin. */
  static final class FeedProcess implements AutoCloseable {
    private final Process process;
    private final URI baseUri;

    private FeedProcess(Process process, URI baseUri) {
      this.process = process;
      this.baseUri = baseUri;
    }

    static FeedProcess start(int services, int latencyMillis) throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
          FakeFeed.class.getName(), "--services", Integer.toString(services), "--latency-ms",
          Integer.toString(latencyMillis), "--threads", "64");
      builder.redirectError(ProcessBuilder.Redirect.INHERIT);
      Process process = builder.start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      if (line == null || !line.startsWith("READY ")) {
        process.destroy();
        throw new IOException("the fake feed did not start (it said: " + line + ")");
      }
      return new FeedProcess(process, URI.create(line.substring("READY ".length()).strip()));
    }

    URI baseUri() {
      return baseUri;
    }

    @Override
    public void close() throws IOException {
      process.getOutputStream().close();
      try {
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroy();
        }
      } catch (InterruptedException e) {
        process.destroy();
        Thread.currentThread().interrupt();
      }
    }
  }
}
