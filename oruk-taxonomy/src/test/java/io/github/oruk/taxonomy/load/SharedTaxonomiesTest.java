package io.github.oruk.taxonomy.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.taxonomy.Concept;
import io.github.oruk.taxonomy.OrukTaxonomies;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.SchemeProblem;
import io.github.oruk.taxonomy.SchemeStats;
import io.github.oruk.taxonomy.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The loaders on the real published lists in the shared folder (skipped without it). Expected counts
 * are facts about those files, not outputs of this code.
 */
class SharedTaxonomiesTest {

  @Test
  void openActiveActivityListHas768ConceptsFourLevelsAndAPolyHierarchy() throws IOException {
    Scheme scheme = SkosLoader.defaults().load(SharedFiles.require(SharedFiles.OPENACTIVE));

    SchemeStats stats = scheme.stats();
    assertEquals(768, stats.concepts());
    assertEquals(146, stats.topConcepts());
    assertEquals(4, stats.maxDepth());
    assertEquals(List.of(146, 310, 192, 120), stats.levels());
    assertEquals(22, stats.polyHierarchy(), "concepts with two parents");
    assertEquals(16, stats.withSynonyms());
    assertTrue(scheme.isPolyHierarchy());
    assertEquals(0, stats.cycles());
    assertEquals("https://openactive.io/activity-list", scheme.uri());
    assertEquals("OpenActive Activity List", scheme.title());
    assertEquals("openActiveActivity", scheme.vocabulary().orElseThrow());
    assertEquals("https://creativecommons.org/licenses/by/4.0/", scheme.licence().orElseThrow());

    Concept fiveASide = scheme.byNotation("5_a_side").orElseThrow();
    assertEquals("https://openactive.io/activity-list#64ba748e-d7f0-46bd-ac49-63820c5eb10e", fiveASide.uri());
    assertEquals("64ba748e-d7f0-46bd-ac49-63820c5eb10e", fiveASide.id());
    assertEquals(List.of("Small Sided Football"),
        scheme.parents(fiveASide).stream().map(Concept::prefLabel).collect(Collectors.toList()));
    assertTrue(scheme.children(scheme.parents(fiveASide).get(0)).contains(fiveASide), "links run both ways");
    assertEquals("Angling", scheme.byLabel("fishing").orElseThrow().prefLabel(), "synonym lookup, any case");
    Concept beamFit = scheme.byLabel("Beam Fit").orElseThrow();
    assertEquals(List.of("Abs/Core", "Barre"),
        scheme.parents(beamFit).stream().map(Concept::prefLabel).sorted().collect(Collectors.toList()));
  }

  @Test
  void openActiveDanglingNarrowerLinksAreReportedNotFatal() throws IOException {
    Scheme scheme = SkosLoader.defaults().load(SharedFiles.require(SharedFiles.OPENACTIVE));

    List<SchemeProblem> missing = scheme.problems().stream()
        .filter(problem -> problem.code() == SchemeProblem.Code.MISSING_CONCEPT).collect(Collectors.toList());
    // The published file names four narrower concepts (under Medau and the two rugby codes) it does not define.
    assertEquals(4, missing.size(), () -> missing.toString());
    assertTrue(missing.stream().anyMatch(problem ->
        problem.concepts().contains("https://openactive.io/activity-list#31d6ca75-4844-4899-8da7-a61ca9d10c5f")));
  }

  @Test
  void openActiveSurvivesARoundTripThroughOrukTaxonomyTerms() throws IOException {
    Scheme scheme = SkosLoader.defaults().load(SharedFiles.require(SharedFiles.OPENACTIVE));

    Taxonomy taxonomy = OrukTaxonomies.toTaxonomy(scheme);
    OrukJson json = OrukJson.builder().keepExtensions(true).build();
    Taxonomy reread = json.read(json.write(taxonomy), Taxonomy.class).value();
    Scheme back = OrukTaxonomies.fromTaxonomy(reread);

    assertEquals(768, reread.getTaxonomyTerms().size());
    assertEquals(scheme.stats().levels(), back.stats().levels());
    assertEquals(22, back.stats().polyHierarchy(), "second parents travel in the extension");
    assertEquals(scheme.uri(), back.uri());
    Concept original = scheme.byNotation("5_a_side").orElseThrow();
    Concept copy = back.concept(original.uri()).orElseThrow();
    assertEquals(original.prefLabel(), copy.prefLabel());
    assertEquals(original.definition(), copy.definition());
    assertEquals(original.broader(), copy.broader());
  }

  @Test
  void openActiveAccessibilitySupportIsSixFlatConcepts() throws IOException {
    Scheme scheme = SkosLoader.defaults().load(SharedFiles.require(SharedFiles.ACCESSIBILITY));

    assertEquals(6, scheme.size());
    assertEquals(1, scheme.maxDepth());
    assertEquals("openActiveAccessibility", scheme.vocabulary().orElseThrow());
    assertTrue(scheme.byLabel("visual impairment").isPresent());
  }

  @Test
  void lgslCsvHas1002FlatServiceTypesDespiteTheByteOrderMarkAndLineBreaks() throws IOException {
    Path file = SharedFiles.require(SharedFiles.LGSL);
    Scheme scheme = CsvLoader.of(CsvLayout.lgsl()).load(file);

    SchemeStats stats = scheme.stats();
    assertEquals(1002, stats.concepts());
    assertEquals(1002, stats.topConcepts());
    assertEquals(1, stats.maxDepth());
    assertEquals(24, stats.deprecated(), "Discontinued terms");
    Concept leavingHospital = scheme.byId("833").orElseThrow();
    assertEquals("http://id.esd.org.uk/service/833", leavingHospital.uri());
    assertEquals("Leaving hospital", leavingHospital.prefLabel());
    assertEquals("Care at home", scheme.concept("http://id.esd.org.uk/service/242").orElseThrow().prefLabel());
    assertEquals(29, scheme.concepts().stream()
        .filter(concept -> concept.definition().orElse("").contains("\n")).count(),
        "descriptions with line breaks stay whole");
    assertTrue(scheme.problems().stream().noneMatch(problem -> problem.code() == SchemeProblem.Code.SKIPPED_RECORD));
    // Two terms are labelled "Criminal behaviour order"; one is Discontinued, so a lookup finds the live one.
    assertEquals(2, scheme.conceptsLabelled("CRIMINAL BEHAVIOUR ORDER").size());
    assertEquals("1751", scheme.byLabel("criminal behaviour order").orElseThrow().id());
    assertTrue(scheme.problems().isEmpty(), () -> scheme.problems().toString());
    assertEquals("esdServiceType", scheme.vocabulary().orElseThrow());
  }

  @Test
  void lgslLayoutIsRecognisedFromTheHeader() throws IOException {
    Scheme scheme = TaxonomyLoader.defaults().load(SharedFiles.require(SharedFiles.LGSL));

    assertEquals(1002, scheme.size());
    assertEquals("http://id.esd.org.uk/list/englishAndWelshServices", scheme.uri());
    assertTrue(scheme.byId("1284").orElseThrow().definition().isPresent());
  }

  @Test
  void dfeFamilyHubsCategoriesAre49TermsOnTwoLevels() throws IOException {
    Path file = SharedFiles.require(SharedFiles.DFE);
    for (Scheme scheme : List.of(CsvLoader.of(CsvLayout.dfeFamilyHubs()).load(file),
        TaxonomyLoader.defaults().load(file))) {
      SchemeStats stats = scheme.stats();
      assertEquals(49, stats.concepts());
      assertEquals(6, stats.topConcepts());
      assertEquals(2, stats.maxDepth());
      assertEquals(List.of(6, 43), stats.levels());
      Concept transport = scheme.byLabel("Community transport").orElseThrow();
      assertEquals("urn:oruk-java:dfe-family-hubs:93a29b1e-acd9-4abf-9f30-07dce3378558", transport.uri());
      assertEquals("Transport", scheme.parents(transport).get(0).prefLabel());
      assertEquals("dfeServiceCategory", scheme.vocabulary().orElseThrow());
      assertTrue(scheme.problems().isEmpty(), () -> scheme.problems().toString());
    }
  }

  @Test
  void openEligibilityCsvUsesZeroForTopTerms() throws IOException {
    Scheme scheme = TaxonomyLoader.defaults().load(SharedFiles.require(SharedFiles.OPEN_ELIGIBILITY));

    assertEquals(289, scheme.size());
    assertEquals(11, scheme.topConcepts().size());
    assertEquals(List.of(11, 60, 160, 58), scheme.stats().levels());
    assertEquals("urn:oruk-java:open-eligibility:1101", scheme.byLabel("Emergency").orElseThrow().uri());
    assertFalse(scheme.problems().stream().anyMatch(problem -> problem.code() == SchemeProblem.Code.MISSING_CONCEPT));
  }

  @Test
  void formatDetectionOnTheRealFiles() throws IOException {
    assertEquals(TaxonomyLoader.Format.SKOS_JSON_LD,
        TaxonomyLoader.detect(Files.readAllBytes(SharedFiles.require(SharedFiles.OPENACTIVE)), "list"));
    assertEquals(TaxonomyLoader.Format.CSV,
        TaxonomyLoader.detect(Files.readAllBytes(SharedFiles.require(SharedFiles.LGSL)), "list"));
  }
}
