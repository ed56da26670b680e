package io.github.oruk.benchmarks;

import io.github.oruk.model.Service;
import io.github.oruk.taxonomy.NormalizedTerm;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.TermNormalizer;
import io.github.oruk.taxonomy.load.CsvLayout;
import io.github.oruk.taxonomy.load.CsvLoader;
import io.github.oruk.taxonomy.suggest.Suggestion;
import io.github.oruk.taxonomy.suggest.TypeSuggester;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Taxonomy work at feed scale, one thread (issue #6):
 *
 * <ul>
 *   <li>normalising 1,000,000 term references, in the spellings real feeds use (full URIs in both schemes,
 *       CURIEs with singular and plural prefixes, bare codes with a vocabulary name, Porism circumstance
 *       ids, OpenActive UUIDs in either case, and 5% unknown prefixes), against a {@code HashMap} lookup
 *       of the already-canonical answer for the same references (the floor: no parsing at all);</li>
 *   <li>suggesting three service types for each of 10,000 generated services against the LGSL (1,002 types),
 *       against lower-casing and splitting the same texts into words (the floor: reading the text once).</li>
 * </ul>
 *
 * <p>Scores are references or services per second. The LGSL is not part of the project: the suggestion
 * benchmarks read it from the shared folder ({@code -Doruk.shared.dir}, default {@code ../shared}) and
 * stop with a message saying so when it is absent; the normalising benchmarks need nothing.
 *
 * <p>{@link #main} measures the suggestion ratio so that a busy machine cannot bias it: suggesting for 2,000
 * services and splitting the same texts take turns, round after round, and the ratio is the median over
 * rounds of the ratio within a round (the first third of the rounds is warm-up). Compiled against an older
 * build's jar, the same class measures that build, so two builds can be compared run by run:
 * <pre>java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar io.github.oruk.benchmarks.TaxonomyBenchmark [rounds]</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class TaxonomyBenchmark {

  static final int REFERENCES = 1_000_000;
  static final int SERVICES = 10_000;
  static final String LGSL = "taxonomies/lga-esd/englishAndWelshServices-all.csv";

  /** One million references and the canonical URI each should give (null where it cannot resolve). */
  @State(Scope.Benchmark)
  public static class References {
    String[] references;
    String[] vocabularies;
    String[] expected;
    Map<String, String> canonical;
    TermNormalizer normalizer;

    @Setup
    public void setUp() {
      setUp(REFERENCES);
    }

    void setUp(int count) {
      normalizer = TermNormalizer.defaults();
      references = new String[count];
      vocabularies = new String[count];
      expected = new String[count];
      canonical = new HashMap<>();
      SplittableRandom random = new SplittableRandom(2026);
      for (int i = 0; i < count; i++) {
        int id = 1 + random.nextInt(1828);
        String uri = "http://id.esd.org.uk/service/" + id;
        int form = random.nextInt(20);
        switch (form) {
          case 0, 1, 2 -> references[i] = uri;
          case 3, 4 -> references[i] = "https://id.esd.org.uk/service/" + id + "/";
          case 5, 6, 7 -> references[i] = "esdServiceType:" + id;
          case 8, 9 -> references[i] = "esdServiceTypes:" + id;
          case 10, 11, 12 -> {
            references[i] = Integer.toString(id);
            vocabularies[i] = random.nextBoolean() ? "esdServiceTypes" : "esdServiceType";
          }
          case 13 -> {
            references[i] = "circumstance:" + id;
            uri = "http://id.esd.org.uk/circumstance/" + id;
          }
          case 14 -> {
            references[i] = Integer.toString(id);
            vocabularies[i] = "esdNeeds";
            uri = "http://id.esd.org.uk/need/" + id;
          }
          case 15, 16 -> {
            String uuid = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
            references[i] = (form == 15 ? "http://openactive.io/activity-list#" + uuid.toUpperCase(Locale.ROOT)
                : "https://openactive.io/activity-list#" + uuid);
            uri = "https://openactive.io/activity-list#" + uuid;
          }
          case 17 -> {
            references[i] = Integer.toString(id);
            vocabularies[i] = "Test esdServiceTypes";
          }
          case 18 -> references[i] = "ESDSERVICETYPE:" + id;
          default -> {
            references[i] = "bccservicetype:" + id;
            uri = null;
          }
        }
        expected[i] = uri;
        canonical.put(key(references[i], vocabularies[i]), uri == null ? "" : uri);
      }
    }

    static String key(String reference, String vocabulary) {
      return vocabulary == null ? reference : vocabulary + "\u0000" + reference;
    }
  }

  /** Ten thousand generated services' names and descriptions, and a suggester over the LGSL. */
  @State(Scope.Benchmark)
  public static class Services {
    String[] names;
    String[] descriptions;
    TypeSuggester suggester;

    @Setup
    public void setUp() throws IOException {
      setUp(SERVICES);
    }

    void setUp(int count) throws IOException {
      Path lgsl = sharedFile(LGSL);
      if (!Files.exists(lgsl)) {
        throw new IllegalStateException("the suggestion benchmarks need the LGSL list, which the project does not"
            + " ship; it was not found at " + lgsl + " (set -Doruk.shared.dir to the shared folder)");
      }
      Scheme scheme = CsvLoader.of(CsvLayout.lgsl()).load(lgsl);
      suggester = TypeSuggester.of(scheme);
      List<Service> services = DataGenerator.builder().seed(2026).build().services(count).toList();
      names = new String[count];
      descriptions = new String[count];
      for (int i = 0; i < count; i++) {
        names[i] = services.get(i).getName();
        descriptions[i] = services.get(i).getDescription();
      }
    }
  }

  static Path sharedFile(String relative) {
    String configured = System.getProperty("oruk.shared.dir");
    return (configured != null ? Path.of(configured) : Path.of("..", "shared")).resolve(relative)
        .toAbsolutePath().normalize();
  }

  /** The interleaved suggestion measurement described above; prints the median rates and ratio. */
  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 45;
    Services state = new Services();
    state.setUp(2_000);
    TaxonomyBenchmark benchmark = new TaxonomyBenchmark();
    Blackhole sink = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    List<Double> suggest = new ArrayList<>();
    List<Double> split = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      benchmark.suggest(state, sink);
      long middle = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        benchmark.suggestBaselineSplitWords(state, sink);
      }
      long end = System.nanoTime();
      double suggestRate = state.names.length / ((middle - start) / 1e9);
      double splitRate = 20 * state.names.length / ((end - middle) / 1e9);
      if (round >= rounds / 3) {
        suggest.add(suggestRate);
        split.add(splitRate);
        ratios.add(suggestRate / splitRate);
      }
    }
    Collections.sort(ratios);
    System.out.printf(Locale.ROOT, "%d rounds counted of %d%n", ratios.size(), rounds);
    System.out.printf(Locale.ROOT, "| suggest | %,.0f services/s |%n", Summarize.median(suggest));
    System.out.printf(Locale.ROOT, "| suggestBaselineSplitWords | %,.0f services/s |%n", Summarize.median(split));
    System.out.printf(Locale.ROOT, "| suggest / splitting the text into words | %.3f (middle half %.3f–%.3f) |%n",
        Summarize.median(ratios), ratios.get(ratios.size() / 4), ratios.get(ratios.size() * 3 / 4));
  }

  @Benchmark
  @OperationsPerInvocation(REFERENCES)
  public int normalize(References state) {
    int resolved = 0;
    String[] references = state.references;
    String[] vocabularies = state.vocabularies;
    for (int i = 0; i < references.length; i++) {
      NormalizedTerm result = state.normalizer.normalize(references[i], vocabularies[i]);
      if (result.isResolved()) {
        resolved++;
      }
    }
    return resolved;
  }

  @Benchmark
  @OperationsPerInvocation(REFERENCES)
  public int normalizeBaselineHashMap(References state) {
    int resolved = 0;
    String[] references = state.references;
    String[] vocabularies = state.vocabularies;
    for (int i = 0; i < references.length; i++) {
      String uri = state.canonical.get(References.key(references[i], vocabularies[i]));
      if (!uri.isEmpty()) {
        resolved++;
      }
    }
    return resolved;
  }

  @Benchmark
  @OperationsPerInvocation(SERVICES)
  public void suggest(Services state, Blackhole sink) {
    for (int i = 0; i < state.names.length; i++) {
      List<Suggestion> suggestions = state.suggester.suggest(state.names[i], state.descriptions[i], 3);
      sink.consume(suggestions);
    }
  }

  @Benchmark
  @OperationsPerInvocation(SERVICES)
  public void suggestBaselineSplitWords(Services state, Blackhole sink) {
    for (int i = 0; i < state.names.length; i++) {
      sink.consume(state.names[i].toLowerCase(Locale.ROOT).split("[^a-z0-9]+"));
      String description = state.descriptions[i];
      if (description != null) {
        sink.consume(description.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"));
      }
    }
  }
}
