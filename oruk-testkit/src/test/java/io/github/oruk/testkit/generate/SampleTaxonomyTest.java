package io.github.oruk.testkit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sample vocabulary is a small, stable two-level taxonomy, clearly labelled as a sample. */
class SampleTaxonomyTest {

  private final Taxonomy taxonomy = DataGenerator.builder().build().sampleTaxonomy();

  @Test
  void hasAboutThirtyTermsInTwoLevels() {
    List<TaxonomyTerm> terms = taxonomy.getTaxonomyTerms();
    Map<String, TaxonomyTerm> byId = new HashMap<>();
    terms.forEach(term -> byId.put(term.getId(), term));
    assertEquals(terms.size(), byId.size(), "term ids are unique");
    assertEquals(terms.size(), terms.stream().map(TaxonomyTerm::getName).distinct().count(), "names are unique");

    long top = terms.stream().filter(t -> t.getParentId() == null).count();
    assertTrue(top >= 5 && top <= 10, top + " categories");
    assertTrue(terms.size() >= 25 && terms.size() <= 40, terms.size() + " terms");
    for (TaxonomyTerm term : terms) {
      if (term.getParentId() != null) {
        TaxonomyTerm parent = byId.get(term.getParentId());
        assertTrue(parent != null, term.getName() + " has an unknown parent");
        assertEquals(null, parent.getParentId(), "only two levels: " + term.getName());
      }
    }
    for (TaxonomyTerm category : terms) {
      if (category.getParentId() == null) {
        assertTrue(terms.stream().anyMatch(t -> category.getId().equals(t.getParentId())),
            category.getName() + " has no service types");
      }
    }
  }

  @Test
  void everyTermIsCompleteAndPointsAtTheTaxonomy() {
    for (TaxonomyTerm term : taxonomy.getTaxonomyTerms()) {
      assertFalse(term.getDescription().isBlank(), term.getName());
      assertEquals(term.getName(), term.getTerm());
      assertEquals(taxonomy.getId(), term.getTaxonomyId());
      assertEquals(taxonomy.getName(), term.getTaxonomy());
    }
  }

  @Test
  void saysItIsASampleAndNotAnOfficialList() {
    assertEquals("oruk-java sample service types", taxonomy.getName());
    assertTrue(taxonomy.getDescription().contains("not an official"), taxonomy.getDescription());
  }

  @Test
  void idsAreFixedNameBasedUuidsWhateverTheSeed() {
    Taxonomy other = DataGenerator.builder().seed(987654321).build().sampleTaxonomy();
    assertEquals(taxonomy, other);
    assertNotSame(taxonomy, other);
    for (TaxonomyTerm term : taxonomy.getTaxonomyTerms()) {
      assertEquals(3, UUID.fromString(term.getId()).version(), "name-based: " + term.getName());
    }
    assertEquals(3, UUID.fromString(taxonomy.getId()).version());
  }
}
