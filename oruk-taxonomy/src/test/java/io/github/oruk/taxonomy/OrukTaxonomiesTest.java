package io.github.oruk.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.testkit.generate.DataGenerator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Conversion to and from the ORUK taxonomy and taxonomy_term records. */
class OrukTaxonomiesTest {

  @Test
  void theGeneratorsSampleTaxonomyBecomesATwoLevelScheme() {
    Taxonomy sample = DataGenerator.builder().seed(1).build().sampleTaxonomy();

    Scheme scheme = OrukTaxonomies.fromTaxonomy(sample);

    assertEquals(30, scheme.size());
    assertEquals(7, scheme.topConcepts().size());
    assertEquals(2, scheme.maxDepth());
    assertEquals("urn:uuid:" + sample.getId(), scheme.uri());
    assertEquals(sample.getName(), scheme.title());
    Concept foodBank = scheme.byLabel("food bank").orElseThrow();
    assertEquals("Food and essentials", scheme.parents(foodBank).get(0).prefLabel());
    assertEquals("urn:uuid:" + foodBank.id(), foodBank.uri(), "no vocabulary knows these terms, so their ids place them");
    assertTrue(scheme.problems().isEmpty(), () -> scheme.problems().toString());
  }

  @Test
  void orukIdsSurviveARoundTrip() {
    Taxonomy sample = DataGenerator.builder().seed(1).build().sampleTaxonomy();

    Taxonomy back = OrukTaxonomies.toTaxonomy(OrukTaxonomies.fromTaxonomy(sample));

    assertEquals(sample.getId(), back.getId());
    assertEquals(ids(sample.getTaxonomyTerms()), ids(back.getTaxonomyTerms()));
    assertEquals(sample.getTaxonomyTerms().stream().map(TaxonomyTerm::getParentId).collect(Collectors.toList()),
        back.getTaxonomyTerms().stream().map(TaxonomyTerm::getParentId).collect(Collectors.toList()));
  }

  @Test
  void conceptsWithoutUuidsGetStableNameBasedIdsAndValidTerms() {
    Scheme scheme = Scheme.builder("http://id.esd.org.uk/list/englishAndWelshServices").vocabulary("esdServiceType")
        .title("LGSL")
        .add(Concept.builder("http://id.esd.org.uk/service/242", "242", "Care at home"))
        .add(Concept.builder("http://id.esd.org.uk/service/833", "833", "Leaving hospital")
            .definition("Help after a stay in hospital."))
        .build();

    Taxonomy taxonomy = OrukTaxonomies.toTaxonomy(scheme);
    TaxonomyTerm careAtHome = taxonomy.getTaxonomyTerms().get(0);

    assertEquals(OrukTaxonomies.termId(scheme.byId("242").orElseThrow()), careAtHome.getId());
    assertTrue(io.github.oruk.taxonomy.Vocabulary.IdSyntax.UUID.accepts(careAtHome.getId()));
    assertEquals(careAtHome.getId(), OrukTaxonomies.toTaxonomy(scheme).getTaxonomyTerms().get(0).getId(), "stable");
    assertEquals("Care at home", careAtHome.getDescription(), "the label stands in for a missing definition");
    assertEquals("http://id.esd.org.uk/service/242", careAtHome.getTermUri());
    assertEquals("242", careAtHome.getTerm());
    assertEquals("esdServiceType", careAtHome.getTaxonomy());
    assertEquals(taxonomy.getId(), careAtHome.getTaxonomyId());
    assertEquals("Help after a stay in hospital.", taxonomy.getTaxonomyTerms().get(1).getDescription());
    // Strictly valid ORUK: the strict reader accepts what was written.
    OrukJson.strict().read(OrukJson.strict().write(taxonomy), Taxonomy.class);
    Scheme back = OrukTaxonomies.fromTaxonomy(taxonomy);
    assertEquals("http://id.esd.org.uk/service/833", back.byLabel("leaving hospital").orElseThrow().uri(),
        "term_uri places the term again");
  }

  @Test
  void termsWithoutIdsAreSkippedAndReported() {
    Taxonomy taxonomy = new Taxonomy().id("8d6f3a3e-0c41-4c0b-9d7c-3b5f2e3a9a01").name("Local").description("d")
        .addTaxonomyTermsItem(new TaxonomyTerm().name("No id").description("x"))
        .addTaxonomyTermsItem(new TaxonomyTerm().id("8d6f3a3e-0c41-4c0b-9d7c-3b5f2e3a9a02").name("Kept")
            .description("x").parentId("8d6f3a3e-0c41-4c0b-9d7c-3b5f2e3a9a99"));

    Scheme scheme = OrukTaxonomies.fromTaxonomy(taxonomy);

    assertEquals(1, scheme.size());
    assertEquals(List.of(SchemeProblem.Code.SKIPPED_RECORD, SchemeProblem.Code.MISSING_CONCEPT),
        scheme.problems().stream().map(SchemeProblem::code).collect(Collectors.toList()));
  }

  private static List<String> ids(List<TaxonomyTerm> terms) {
    return terms.stream().map(TaxonomyTerm::getId).collect(Collectors.toList());
  }
}
