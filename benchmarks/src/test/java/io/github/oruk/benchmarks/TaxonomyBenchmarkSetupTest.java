package io.github.oruk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Prerequisite;
import io.github.oruk.taxonomy.NormalizedTerm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The taxonomy benchmark measures what it says: every reference gives the URI it should. */
class TaxonomyBenchmarkSetupTest {

  @Test
  void everyReferenceNormalisesToItsExpectedUriAndTheBaselineAgrees() {
    TaxonomyBenchmark.References state = new TaxonomyBenchmark.References();
    state.setUp();

    assertEquals(TaxonomyBenchmark.REFERENCES, state.references.length);
    int unresolvable = 0;
    Set<String> spellings = new HashSet<>();
    for (int i = 0; i < state.references.length; i++) {
      NormalizedTerm result = state.normalizer.normalize(state.references[i], state.vocabularies[i]);
      if (state.expected[i] == null) {
        unresolvable++;
        assertTrue(!result.isResolved(), state.references[i]);
      } else {
        assertEquals(state.expected[i], result.orElseThrow(), state.references[i]);
      }
      if (i < 10_000) {
        spellings.add(state.references[i].replaceAll("[0-9]+", "N").replaceAll("#.*", "#UUID")
            + (state.vocabularies[i] == null ? "" : " [" + state.vocabularies[i] + "]"));
      }
    }
    assertEquals(5.0, 100.0 * unresolvable / state.references.length, 0.2, "about 5% unknown prefixes");
    assertTrue(spellings.size() >= 12, "the mix of spellings: " + spellings);
    TaxonomyBenchmark benchmark = new TaxonomyBenchmark();
    assertEquals(benchmark.normalize(state), benchmark.normalizeBaselineHashMap(state));
  }

  @Test
  void suggestionsRunOnGeneratedServicesAgainstTheLgsl() throws Exception {
    Path lgsl = TaxonomyBenchmark.sharedFile(TaxonomyBenchmark.LGSL);
    Prerequisite.require(Files.exists(lgsl), "the LGSL list is not at " + lgsl, Prerequisite.SHARED);
    TaxonomyBenchmark.Services state = new TaxonomyBenchmark.Services();
    state.setUp(500);

    assertEquals(978, state.suggester.candidates().size(), "the live LGSL service types");
    int withSuggestions = 0;
    for (int i = 0; i < state.names.length; i++) {
      if (!state.suggester.suggest(state.names[i], state.descriptions[i], 3).isEmpty()) {
        withSuggestions++;
      }
    }
    assertTrue(withSuggestions > 450, "nearly every service gets suggestions: " + withSuggestions);
  }

  @Test
  void aMissingLgslSaysWhereItWasLookedFor() {
    String previous = System.getProperty("oruk.shared.dir");
    System.setProperty("oruk.shared.dir", "/nonexistent/shared");
    try {
      IllegalStateException thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
          () -> new TaxonomyBenchmark.Services().setUp(10));
      assertTrue(thrown.getMessage().contains("/nonexistent/shared/taxonomies/lga-esd"), thrown.getMessage());
    } finally {
      if (previous == null) {
        System.clearProperty("oruk.shared.dir");
      } else {
        System.setProperty("oruk.shared.dir", previous);
      }
    }
  }
}
