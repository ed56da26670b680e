package io.github.oruk.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The codec benchmark's ratios measured so that a noisy machine cannot bias them: the six operations of
 * {@link CodecBenchmark} take turns in short slices (150 ms each, round after round), and each ratio is
 * the median over rounds of the ratio within a round. A JMH run measures one benchmark after another,
 * so a neighbour's load that comes and goes lands on some benchmarks and not others; here it lands on
 * both sides of every ratio. The first third of the rounds is warm-up and not counted.
 *
 * <pre>java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar io.github.oruk.benchmarks.CodecInterleaved [rounds]</pre>
 */
public final class CodecInterleaved {

  private static final long SLICE_NANOS = 150_000_000L;
  private static volatile Object sink;

  private CodecInterleaved() {
  }

  public static void main(String[] args) throws Exception {
    run(args.length > 0 ? Integer.parseInt(args[0]) : 60, System.out);
  }

  /** Runs the rounds and prints the medians and the ratios as RESULTS.md rows. */
  static void run(int rounds, PrintStream out) throws Exception {
    CodecBenchmark codec = new CodecBenchmark();
    codec.setUp();
    Map<String, Callable<Object>> operations = new LinkedHashMap<>();
    operations.put("decodeService", codec::decodeService);
    operations.put("treeParseService", codec::treeParseService);
    operations.put("encodeService", codec::encodeService);
    operations.put("decodePage", codec::decodePage);
    operations.put("treeParsePage", codec::treeParsePage);
    operations.put("encodePage", codec::encodePage);
    Map<String, List<Double>> rates = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, Callable<Object>> operation : operations.entrySet()) {
        double rate = opsPerSecond(operation.getValue());
        if (round >= rounds / 3) {
          rates.computeIfAbsent(operation.getKey(), name -> new ArrayList<>()).add(rate);
        }
      }
    }
    out.printf(Locale.ROOT, "%d rounds counted of %d%n", rates.get("decodeService").size(), rounds);
    for (Map.Entry<String, List<Double>> rate : rates.entrySet()) {
      out.printf(Locale.ROOT, "| %s | %,.0f ops/s |%n", rate.getKey(), Summarize.median(rate.getValue()));
    }
    ratio(out, rates, "decodeService", "treeParseService", 1.0);
    ratio(out, rates, "decodePage", "treeParsePage", 1.0);
    ratio(out, rates, "encodeService", "decodeService", 2.0);
    ratio(out, rates, "encodePage", "decodePage", 2.0);
  }

  private static double opsPerSecond(Callable<Object> operation) throws Exception {
    long start = System.nanoTime();
    long end = start + SLICE_NANOS;
    long count = 0;
    long now;
    do {
      for (int i = 0; i < 10; i++) {
        sink = operation.call();
      }
      count += 10;
      now = System.nanoTime();
    } while (now < end);
    return count / ((now - start) / 1e9);
  }

  private static void ratio(PrintStream out, Map<String, List<Double>> rates, String top, String bottom,
      double goal) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < rates.get(top).size(); i++) {
      ratios.add(rates.get(top).get(i) / rates.get(bottom).get(i));
    }
    Collections.sort(ratios);
    double median = Summarize.median(ratios);
    out.printf(Locale.ROOT, "| %s / %s | %.2f (middle half %.2f–%.2f) | ≥ %.1f | %s |%n", top, bottom,
        median, ratios.get(ratios.size() / 4), ratios.get(ratios.size() * 3 / 4), goal,
        median >= goal ? "yes" : "no");
  }
}
