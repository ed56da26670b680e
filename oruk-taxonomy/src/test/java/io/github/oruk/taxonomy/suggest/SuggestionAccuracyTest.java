package io.github.oruk.taxonomy.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.oruk.model.Service;
import io.github.oruk.taxonomy.Concept;
import io.github.oruk.taxonomy.OrukTaxonomies;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.SharedFiles;
import io.github.oruk.taxonomy.load.CsvLayout;
import io.github.oruk.taxonomy.load.CsvLoader;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Suggestion accuracy on the labelled sets the module README reports. The figures are printed and written to
 * {@code target/suggestion-accuracy.txt}; the README quotes them, and each test fails when its figure drops
 * by more than a few examples.
 *
 * <ul>
 *   <li>{@code hand-labelled-lgsl.csv}: 65 service descriptions written in the style of UK directory entries,
 *       each labelled by hand with every LGSL service type a person would accept. The suggester was tuned on
 *       this set (issue #12: label coverage, two-word phrases, the full Porter stemmer; then acronyms, everyday
 *       words and compounds), so its figure is optimistic.</li>
 *   <li>{@code tuning-2-lgsl.csv}: 105 further descriptions across what the LGSL covers (family hubs, SEND,
 *       schools, adult social care, housing, benefits, food, youth, health, libraries, leisure, waste, parking,
 *       licensing, registration, planning), written and labelled in the second round of issue #12 and committed
 *       before the suggester was run on them; that round's choices were made on both tuning sets together.</li>
 *   <li>{@code held-out-lgsl.csv}: 80 further descriptions, written and labelled from the LGSL list before
 *       that tuning began and committed on their own first; never tuned on. Its figure is the honest one, so
 *       only its figures are printed, never its misses: nobody tuning the suggester sees which examples fail.</li>
 * </ul>
 */
class SuggestionAccuracyTest {

  static final int GENERATED = 1000;
  private static final Path FIGURES = Path.of("target", "suggestion-accuracy.txt");
  private static Scheme lgsl;

  @BeforeAll
  static void freshFigures() throws IOException {
    Files.deleteIfExists(FIGURES);
  }

  /** The LGSL, loaded once for the class (skips the test when the shared folder is absent). */
  private static synchronized Scheme lgsl() throws IOException {
    if (lgsl == null) {
      lgsl = CsvLoader.of(CsvLayout.lgsl()).load(SharedFiles.require(SharedFiles.LGSL));
    }
    return lgsl;
  }

  @Test
  void generatedServicesTop3AtLeast80Percent() throws IOException {
    DataGenerator generator = DataGenerator.builder().seed(2026).build();
    Scheme scheme = OrukTaxonomies.fromTaxonomy(generator.sampleTaxonomy());
    List<Evaluation.Example> examples = new ArrayList<>();
    generator.services(GENERATED).forEach(service -> examples.add(new Evaluation.Example(service.getName(),
        service.getDescription(), Set.of(trueType(service)))));

    Evaluation.Accuracy all = Evaluation.evaluate(TypeSuggester.of(scheme), examples);
    Evaluation.Accuracy leaves = Evaluation.evaluate(TypeSuggester.builder(scheme).leavesOnly(true).build(), examples);

    record("generated, " + GENERATED + " services, sample vocabulary (30 terms), any level", all);
    record("generated, " + GENERATED + " services, sample vocabulary, service types only (leavesOnly)", leaves);
    assertTrue(all.top3Rate() >= 0.8, all::toString);
    assertTrue(leaves.top3Rate() >= 0.8, leaves::toString);
  }

  @Test
  void handLabelledDescriptionsAgainstTheLgsl() throws IOException {
    Evaluation.Accuracy accuracy = evaluateOnTheLgsl("hand-labelled-lgsl.csv", "hand-labelled (tuning set)", 65, true);
    // Measured 44/65 top-1 and 55/65 top-3 (the README); fails four examples below either.
    assertTrue(accuracy.top1Rate() >= 0.62 && accuracy.top3Rate() >= 0.79, accuracy::toString);
  }

  @Test
  void secondTuningSetAgainstTheLgsl() throws IOException {
    Evaluation.Accuracy accuracy = evaluateOnTheLgsl("tuning-2-lgsl.csv", "tuning-2 (tuning set)", 105, true);
    // Measured 73/105 top-1 and 87/105 top-3 (the README); fails four examples below either.
    assertTrue(accuracy.top1Rate() >= 0.66 && accuracy.top3Rate() >= 0.795, accuracy::toString);
  }

  @Test
  void heldOutDescriptionsAgainstTheLgsl() throws IOException {
    // Only the aggregate figures, never the misses: who tunes the suggester must not see which examples fail.
    Evaluation.Accuracy accuracy = evaluateOnTheLgsl("held-out-lgsl.csv", "held-out (never tuned on)", 80, false);
    // Measured 51/80 top-1 and 67/80 top-3 (the README); fails four examples below either.
    assertTrue(accuracy.top1Rate() >= 0.595 && accuracy.top3Rate() >= 0.79, accuracy::toString);
  }

  /**
   * Evaluates a labelled set against the LGSL and records its figures; with {@code showMisses}, also every
   * example with no right type in the first three (for the tuning sets only).
   */
  private static Evaluation.Accuracy evaluateOnTheLgsl(String resource, String what, int size, boolean showMisses)
      throws IOException {
    Scheme lgsl = lgsl();
    List<Evaluation.Example> examples = labelled(resource);
    assertEquals(size, examples.size(), resource);
    // The labels must be live LGSL service types, or the figure would be meaningless.
    for (Evaluation.Example example : examples) {
      for (String uri : example.expected()) {
        Concept concept = lgsl.concept(uri).orElseThrow(() -> new AssertionError(example.name() + ": " + uri));
        assertFalse(concept.deprecated(), example.name() + ": " + uri + " is discontinued");
      }
    }

    Evaluation.Accuracy accuracy = Evaluation.evaluate(TypeSuggester.of(lgsl), examples);

    record(what + ", " + examples.size() + " descriptions, LGSL (978 live service types)", accuracy);
    if (!showMisses) {
      return accuracy;
    }
    StringBuilder misses = new StringBuilder();
    for (Evaluation.Miss miss : accuracy.misses()) {
      List<String> labels = new ArrayList<>();
      miss.suggested().forEach(uri -> labels.add(lgsl.concept(uri).map(Concept::prefLabel).orElse(uri)));
      misses.append("  miss: ").append(miss.example().name()).append(" -> ").append(labels).append('\n');
    }
    append(misses.toString());
    return accuracy;
  }

  @Test
  void suggestionsExplainThemselves() throws IOException {
    Scheme lgsl = lgsl();
    TypeSuggester suggester = TypeSuggester.of(lgsl);

    List<Suggestion> suggestions = suggester.suggest("Community Food Bank",
        "Emergency food parcels for families referred by local agencies.", 5);

    assertEquals("Food banks", suggestions.get(0).concept().prefLabel());
    assertTrue(suggestions.get(0).matchedWords().containsAll(List.of("food", "bank")),
        suggestions.get(0).matchedWords().toString());
    for (int i = 1; i < suggestions.size(); i++) {
      assertTrue(suggestions.get(i - 1).score() >= suggestions.get(i).score(), "best first");
    }
    assertTrue(suggester.suggest("zzz qqq", 5).isEmpty(), "no shared word, no suggestion");
    assertTrue(suggester.candidates().stream().noneMatch(Concept::deprecated), "discontinued types are not offered");
    assertEquals(1002, TypeSuggester.builder(lgsl).includeDeprecated(true).build().candidates().size());
  }

  static String trueType(Service service) {
    // The generator tags each service with its own type first.
    return "urn:uuid:" + service.getAttributes().get(0).getTaxonomyTerm().getId();
  }

  static List<Evaluation.Example> labelled(String resource) throws IOException {
    List<Evaluation.Example> examples = new ArrayList<>();
    try (InputStream in = SuggestionAccuracyTest.class.getResourceAsStream(resource);
        MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
      while (rows.hasNext()) {
        Map<String, String> row = rows.next();
        Set<String> expected = new LinkedHashSet<>();
        for (String id : row.get("expected").split("\\|")) {
          expected.add("http://id.esd.org.uk/service/" + id.strip());
        }
        examples.add(new Evaluation.Example(row.get("name"), row.get("description"), expected));
      }
    }
    return examples;
  }

  private static void record(String what, Evaluation.Accuracy accuracy) throws IOException {
    append(String.format(Locale.ROOT, "%s: %s%n", what, accuracy));
  }

  private static synchronized void append(String text) throws IOException {
    System.out.print(text);
    Files.createDirectories(FIGURES.getParent());
    Files.writeString(FIGURES, text, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
  }
}
