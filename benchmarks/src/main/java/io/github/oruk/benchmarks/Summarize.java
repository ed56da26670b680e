package io.github.oruk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result file ({@code -rf json -rff results.json}) into the medians RESULTS.md quotes:
 * the median of every measured iteration over all forks, per benchmark, plus the ratios the codec goals
 * are stated in.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.oruk.benchmarks.Summarize results.json</pre>
 */
public final class Summarize {

  private Summarize() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: Summarize JMH_RESULT.json");
      System.exit(2);
    }
    JsonNode results = new ObjectMapper().readTree(new File(args[0]));
    Map<String, Double> medians = new LinkedHashMap<>();
    for (JsonNode result : results) {
      String name = result.get("benchmark").asText().replaceFirst("^.*\\.", "");
      List<Double> scores = new ArrayList<>();
      for (JsonNode fork : result.at("/primaryMetric/rawData")) {
        fork.forEach(iteration -> scores.add(iteration.asDouble()));
      }
      medians.put(name, median(scores));
      System.out.printf(Locale.ROOT, "| %s | %,.0f %s | %,.0f ± %,.0f | %d |%n", name, median(scores),
          result.at("/primaryMetric/scoreUnit").asText(), result.at("/primaryMetric/score").asDouble(),
          result.at("/primaryMetric/scoreError").asDouble(), scores.size());
    }
    ratio(medians, "decodeService", "treeParseService");
    ratio(medians, "decodePage", "treeParsePage");
    ratio(medians, "encodeService", "decodeService");
    ratio(medians, "encodePage", "decodePage");
  }

  private static void ratio(Map<String, Double> medians, String numerator, String denominator) {
    if (medians.containsKey(numerator) && medians.containsKey(denominator)) {
      System.out.printf(Locale.ROOT, "%s / %s = %.2f%n", numerator, denominator,
          medians.get(numerator) / medians.get(denominator));
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
