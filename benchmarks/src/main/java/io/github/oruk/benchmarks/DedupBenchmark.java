package io.github.oruk.benchmarks;

import io.github.oruk.hub.dedup.DedupResult;
import io.github.oruk.hub.dedup.Decision;
import io.github.oruk.hub.dedup.Deduplicator;
import io.github.oruk.hub.dedup.Pair;
import io.github.oruk.hub.dedup.RecordKey;
import io.github.oruk.hub.dedup.Source;
import io.github.oruk.model.Service;
import io.github.oruk.testkit.generate.DataGenerator;
import io.github.oruk.testkit.generate.LabelledSet;
import io.github.oruk.testkit.generate.LabelledSet.Labelled;
import io.github.oruk.testkit.generate.NearDuplicates;
import io.github.oruk.model.json.OrukJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A whole-run benchmark of {@link Deduplicator}: about 50,000 services in three sources made by the test kit's
 * near-duplicate injector, de-duplicated end to end (profiles, blocking, scoring, clusters), round after round,
 * against a naive all-pairs baseline ({@code blocking(false)}: the same scoring of every pair) measured in the
 * same rounds on a subset of 2,000.
 *
 * <pre>
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar io.github.oruk.benchmarks.DedupBenchmark \
 *      [--services 50000] [--naive 2000] [--rounds 5] [--seed 7] [--write DIR]
 * </pre>
 *
 * <p>With {@code --write DIR} it writes the three sources as NDJSON files instead and stops, for timing the whole
 * {@code oruk dedup} process on them.
 *
 * <p>Reported per round: the wall time of each run and the peak heap during the large one (the sum of the heap
 * pools' peaks, garbage included: an upper bound); at the end the medians, the naive run's cost per pair, the
 * naive time that cost gives for every pair of the large set, and its ratio to the measured run. Also, once:
 * precision and recall of the large run against the injector's ground truth, and on the subset the pairs that
 * exhaustive scoring reports and blocking does not (what blocking costs in recall).
 */
public final class DedupBenchmark {

  private DedupBenchmark() {
  }

  public static void main(String[] args) throws IOException {
    int services = 50_000;
    int naive = 2_000;
    int rounds = 5;
    long seed = 7;
    Path write = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--services" -> services = Integer.parseInt(args[i + 1]);
        case "--naive" -> naive = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--write" -> write = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; options: --services, --naive, --rounds, --seed, --write");
      }
    }
    System.out.printf(Locale.ROOT, "dedup benchmark: ~%,d services, naive baseline on %,d, %d rounds, seed %d; max heap"
        + " %,d MB; %d processors; Java %s%n", services, naive, rounds, seed, Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

    long started = System.nanoTime();
    // The injector makes 1.78 records per service on average (see NearDuplicates' defaults).
    List<Service> base = DataGenerator.builder().seed(seed).asOf(LocalDate.of(2026, 12, 1)).build()
        .services((int) Math.round(services / 1.78)).toList();
    LabelledSet set = NearDuplicates.builder().seed(seed).sources("council", "nhs", "charities").build().inject(base);
    base = null;
    List<Source> large = sources(set, Integer.MAX_VALUE);
    List<Source> small = sources(set, naive / large.size());
    int smallSize = small.stream().mapToInt(source -> source.services().size()).sum();
    System.out.printf(Locale.ROOT, "set: %,d services (%s), made in %.1f s%n", set.size(), sizes(large),
        (System.nanoTime() - started) / 1e9);

    if (write != null) {
      writeSources(set, write);
      return;
    }
    Deduplicator blocked = Deduplicator.builder().build();
    Deduplicator exhaustive = Deduplicator.builder().blocking(false).build();
    blocked.run(small); // warm-up
    exhaustive.run(small);

    System.gc();
    System.out.printf(Locale.ROOT, "heap in use before the rounds (the services themselves): %,d MB%n",
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    List<Double> largeTimes = new ArrayList<>();
    List<Double> naiveTimes = new ArrayList<>();
    List<Double> peaks = new ArrayList<>();
    DedupResult result = null;
    for (int round = 1; round <= rounds; round++) {
      System.gc();
      List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long t0 = System.nanoTime();
      result = blocked.run(large);
      double largeTime = (System.nanoTime() - t0) / 1e9;
      double peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / 1048576.0;
      long t1 = System.nanoTime();
      exhaustive.run(small);
      double naiveTime = (System.nanoTime() - t1) / 1e9;
      largeTimes.add(largeTime);
      naiveTimes.add(naiveTime);
      peaks.add(peak);
      System.out.printf(Locale.ROOT, "round %d: %,d services %.2f s (peak heap %,.0f MB); all pairs of %,d: %.2f s%n",
          round, set.size(), largeTime, peak, smallSize, naiveTime);
    }

    double largeMedian = median(largeTimes);
    double naiveMedian = median(naiveTimes);
    double naivePairs = smallSize * (smallSize - 1) / 2.0;
    double perPair = naiveMedian / naivePairs;
    double largePairs = set.size() * (set.size() - 1.0) / 2;
    double extrapolated = perPair * largePairs;
    System.out.printf(Locale.ROOT, "median: %,d services de-duplicated in %.2f s, peak heap %,.0f MB (median)%n",
        set.size(), largeMedian, median(peaks));
    System.out.printf(Locale.ROOT, "naive: %,.0f pairs of %,d in %.2f s = %.0f ns a pair; every pair of %,d would be"
        + " %,.0f pairs, %.0f s; ratio naive/blocked %.0fx%n", naivePairs, smallSize, naiveMedian, perPair * 1e9,
        set.size(), largePairs, extrapolated, extrapolated / largeMedian);
    System.out.println("quality on the large set: " + quality(set, result));
    System.out.println("blocking on the subset: " + blockingLoss(blocked.run(small), exhaustive.run(small)));
  }

  /** Writes each source as {@code DIR/NAME.ndjson}, extensions (phones) kept, for timing {@code oruk dedup}. */
  private static void writeSources(LabelledSet set, Path dir) throws IOException {
    Files.createDirectories(dir);
    OrukJson json = OrukJson.builder().keepExtensions(true).build();
    for (Map.Entry<String, List<Service>> source : set.sources().entrySet()) {
      Path file = dir.resolve(source.getKey() + ".ndjson");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        for (Service service : source.getValue()) {
          out.write(json.write(service));
          out.write('\n');
        }
      }
      System.out.println("wrote " + file);
    }
  }

  /** The first {@code each} services of every source (all, for MAX_VALUE). */
  private static List<Source> sources(LabelledSet set, int each) {
    List<Source> sources = new ArrayList<>();
    set.sources().forEach((name, list) -> sources.add(new Source(name, list.subList(0, Math.min(each, list.size())))));
    return sources;
  }

  private static String sizes(List<Source> sources) {
    return String.join(", ", sources.stream()
        .map(source -> String.format(Locale.ROOT, "%s %,d", source.name(), source.services().size())).toList());
  }

  private static String quality(LabelledSet set, DedupResult result) {
    Map<RecordKey, Integer> entity = new HashMap<>();
    for (Labelled record : set.records()) {
      entity.put(new RecordKey(record.source(), record.id()), record.entity());
    }
    long matches = 0;
    long correct = 0;
    long reviews = 0;
    for (Pair pair : result.pairs()) {
      if (pair.decision() == Decision.MATCH) {
        matches++;
        correct += entity.get(pair.a()).equals(entity.get(pair.b())) ? 1 : 0;
      } else {
        reviews++;
      }
    }
    int truth = set.duplicatePairs().size();
    return String.format(Locale.ROOT, "%,d duplicate pairs; %,d match pairs, precision %.4f, recall %.4f; %,d review"
        + " pairs (%.3f of reported); %,d clusters", truth, matches, (double) correct / Math.max(1, matches),
        (double) correct / Math.max(1, truth), reviews, (double) reviews / Math.max(1, matches + reviews),
        result.clusters().size());
  }

  private static String blockingLoss(DedupResult blocked, DedupResult exhaustive) {
    Set<List<RecordKey>> found = new HashSet<>();
    blocked.pairs().forEach(pair -> found.add(Arrays.asList(pair.a(), pair.b())));
    long missedMatches = exhaustive.pairs().stream()
        .filter(pair -> pair.decision() == Decision.MATCH && !found.contains(Arrays.asList(pair.a(), pair.b()))).count();
    long missed = exhaustive.pairs().stream().filter(pair -> !found.contains(Arrays.asList(pair.a(), pair.b()))).count();
    return String.format(Locale.ROOT, "all-pairs scoring reports %,d pairs (%,d matches); blocking misses %,d of them"
        + " (%,d matches)", exhaustive.pairs().size(), exhaustive.matches().size(), missed, missedMatches);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
