package io.github.oruk.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.taxonomy.NormalizedTerm.Form;
import io.github.oruk.taxonomy.NormalizedTerm.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every spelling of a term reference that feeds use (taxonomies.md section 3) gives one canonical URI. */
class TermNormalizerTest {

  private final TermNormalizer normalizer = TermNormalizer.defaults();

  @ParameterizedTest(name = "{0} [{1}]")
  @CsvSource(nullValues = "-", value = {
      "http://id.esd.org.uk/service/833,       -",
      "https://id.esd.org.uk/service/833,      -",
      "http://id.esd.org.uk/service/833/,      -",
      "HTTP://ID.ESD.ORG.UK/service/833,       -",
      "esdServiceType:833,                     -",
      "esdServiceTypes:833,                    -",
      "ESDSERVICETYPE:833,                     -",
      "833,                                    esdServiceTypes",
      "833,                                    esdServiceType",
      "' 833 ',                                Test esdServiceTypes",
      "833,                                    LGA services",
      "833,                                    http://id.esd.org.uk/list/services",
      "833,                                    communityServices",
      "https://standards.esd.org.uk/?uri=service%2F833, -",
      "esdServiceType:833,                     BCC Age Groups"})
  void everySpellingOfAnLgaServiceTypeGivesTheSameUri(String reference, String vocabulary) {
    NormalizedTerm result = normalizer.normalize(reference, vocabulary);

    assertEquals("http://id.esd.org.uk/service/833", result.orElseThrow(), () -> result.toString());
    NormalizedTerm.Resolved resolved = (NormalizedTerm.Resolved) result;
    assertEquals("esdServiceType", resolved.vocabulary().orElseThrow().prefix());
    assertEquals("833", resolved.id().orElseThrow());
    assertEquals(reference, resolved.input());
  }

  @Test
  void theFormSaysHowTheReferenceWasWritten() {
    assertEquals(Form.URI, form("http://id.esd.org.uk/service/833", null));
    assertEquals(Form.ALTERNATIVE_URI, form("https://id.esd.org.uk/service/833", null));
    assertEquals(Form.CURIE, form("esdServiceType:833", null));
    assertEquals(Form.CODE, form("833", "esdServiceTypes"));
    assertEquals(Form.UNREGISTERED_URI, form("https://data.bristol.gov.uk/term/78", null));
  }

  @ParameterizedTest(name = "{0} [{1}] -> {2}")
  @CsvSource(nullValues = "-", value = {
      "circumstance:191,                      -,                  http://id.esd.org.uk/circumstance/191",
      "Gender_Female,                         esdCircumstances,   http://id.esd.org.uk/circumstance/Gender_Female",
      "esdCircumstance:AddictSubstanceAbuser_Smoking, -,          http://id.esd.org.uk/circumstance/AddictSubstanceAbuser_Smoking",
      "69,                                    esdNeeds,           http://id.esd.org.uk/need/69",
      "esdNeed:71,                            -,                  http://id.esd.org.uk/need/71",
      "http://openactive.io/activity-list#72D19892-5F55-4E9C-87B0-A5433BAA49C8, -, https://openactive.io/activity-list#72d19892-5f55-4e9c-87b0-a5433baa49c8",
      "72d19892-5f55-4e9c-87b0-a5433baa49c8,  openActiveActivity, https://openactive.io/activity-list#72d19892-5f55-4e9c-87b0-a5433baa49c8",
      "1101,                                  Open Eligibility,   urn:oruk-java:open-eligibility:1101",
      "openEligibility:20003,                 -,                  urn:oruk-java:open-eligibility:20003",
      "93a29b1e-acd9-4abf-9f30-07dce3378558,  DfE Family Hubs Service Categories, urn:oruk-java:dfe-family-hubs:93a29b1e-acd9-4abf-9f30-07dce3378558",
      "Snowmed:228553007,                     -,                  http://snomed.info/id/228553007"})
  void otherVocabulariesOfTheDefaultRegistry(String reference, String vocabulary, String expected) {
    assertEquals(expected, normalizer.normalize(reference, vocabulary).orElseThrow());
  }

  @ParameterizedTest(name = "{0} [{1}] -> {2}")
  @CsvSource(nullValues = "-", value = {
      "bccservicetype:78,                   -,                UNKNOWN_PREFIX",
      "Bucks:age-group,                     -,                UNKNOWN_PREFIX",
      "728,                                 -,                NO_VOCABULARY",
      "18,                                  BCC Age Groups,   UNKNOWN_VOCABULARY",
      "esdServiceType:abc,                  -,                INVALID_ID",
      "http://id.esd.org.uk/service/care,   -,                INVALID_ID",
      "Care at home,                        esdServiceTypes,  INVALID_ID",
      "esdServiceType:,                     -,                INVALID_ID",
      "http://example.com,                  -,                PLACEHOLDER",
      "https://www.example.org/terms/1,     -,                PLACEHOLDER",
      "'   ',                               esdServiceTypes,  EMPTY"})
  void whatCannotBeResolvedIsReportedWithAReason(String reference, String vocabulary, Reason reason) {
    NormalizedTerm result = normalizer.normalize(reference, vocabulary);

    assertFalse(result.isResolved());
    NormalizedTerm.Unresolved unresolved = (NormalizedTerm.Unresolved) result;
    assertEquals(reason, unresolved.reason(), unresolved.message());
    assertFalse(unresolved.message().isBlank());
    assertTrue(result.uri().isEmpty());
    IllegalStateException thrown = assertThrows(IllegalStateException.class, result::orElseThrow);
    assertEquals(unresolved.message(), thrown.getMessage());
  }

  @Test
  void unknownPrefixMessageNamesThePrefixAndWhatIsKnown() {
    NormalizedTerm.Unresolved unresolved = (NormalizedTerm.Unresolved) normalizer.normalize("bccagegroup:37");

    assertTrue(unresolved.message().contains("'bccagegroup'"), unresolved.message());
    assertTrue(unresolved.message().contains("esdServiceType"), unresolved.message());
  }

  @Test
  void aDefaultVocabularyPlacesBareCodes() {
    TermNormalizer lga = TermNormalizer.builder().defaultVocabulary("esdServiceTypes").build();

    assertEquals("http://id.esd.org.uk/service/728", lga.normalize("728").orElseThrow());
    assertThrows(IllegalArgumentException.class, () -> TermNormalizer.builder().defaultVocabulary("nope").build());
  }

  @Test
  void loadedSchemesResolveNotationsAndLabelsAndAttachTheConcept() {
    Scheme activities = Scheme.builder("https://openactive.io/activity-list").vocabulary("openActiveActivity")
        .add(Concept.builder("https://openactive.io/activity-list#64ba748e-d7f0-46bd-ac49-63820c5eb10e",
            "64ba748e-d7f0-46bd-ac49-63820c5eb10e", "5-a-side").notation("5_a_side"))
        .build();
    Scheme services = Scheme.builder("http://id.esd.org.uk/list/englishAndWelshServices")
        .add(Concept.builder("http://id.esd.org.uk/service/242", "242", "Care at home"))
        .build();
    TermNormalizer withSchemes = TermNormalizer.builder().schemes(activities, services).build();

    NormalizedTerm byNotation = withSchemes.normalize("openActiveActivity:5_a_side");
    assertEquals("https://openactive.io/activity-list#64ba748e-d7f0-46bd-ac49-63820c5eb10e", byNotation.orElseThrow());
    assertEquals(Form.NOTATION, ((NormalizedTerm.Resolved) byNotation).form());
    NormalizedTerm byLabel = withSchemes.normalize("care at HOME", "esdServiceTypes");
    assertEquals("http://id.esd.org.uk/service/242", byLabel.orElseThrow());
    assertEquals(Form.LABEL, ((NormalizedTerm.Resolved) byLabel).form());
    NormalizedTerm.Resolved code = (NormalizedTerm.Resolved) withSchemes.normalize("esdServiceType:242");
    assertEquals("Care at home", code.concept().orElseThrow().prefLabel());
    NormalizedTerm.Resolved missing = (NormalizedTerm.Resolved) withSchemes.normalize("esdServiceType:1810");
    assertTrue(missing.concept().isEmpty(), "well formed but not in the loaded list: resolved, no concept");
  }

  @Test
  void knownTermsOnlyRefusesTermsOutsideTheLoadedSchemes() {
    Scheme services = Scheme.builder("http://id.esd.org.uk/list/englishAndWelshServices")
        .add(Concept.builder("http://id.esd.org.uk/service/242", "242", "Care at home"))
        .build();
    TermNormalizer strict = TermNormalizer.builder().schemes(services).knownTermsOnly(true).build();

    assertTrue(strict.normalize("esdServiceType:242").isResolved());
    NormalizedTerm refused = strict.normalize("esdServiceType:1810");
    assertEquals(Reason.UNKNOWN_TERM, ((NormalizedTerm.Unresolved) refused).reason());
    assertEquals(Reason.UNKNOWN_TERM,
        ((NormalizedTerm.Unresolved) strict.normalize("https://data.bristol.gov.uk/term/78")).reason());
  }

  @Test
  void orukTermsInV1AndV3Shapes() {
    // ORUK v1 (Placecube): the code is the id, the vocabulary is in "taxonomy" after the v1 mapping.
    TaxonomyTerm v1 = new TaxonomyTerm().id("728").name("Advice").taxonomy("esdServiceTypes");
    assertEquals("http://id.esd.org.uk/service/728", normalizer.normalize(v1).orElseThrow());
    // v1 with a CURIE id.
    TaxonomyTerm curie = new TaxonomyTerm().id("esdServiceTypes:1212").name("X");
    assertEquals("http://id.esd.org.uk/service/1212", normalizer.normalize(curie).orElseThrow());
    // v3 with term_uri.
    TaxonomyTerm v3 = new TaxonomyTerm().id("0b3e0f6a-2f7e-4c55-9e3a-9b9a1a0d6b11").name("Care at home")
        .termUri("https://id.esd.org.uk/service/242").taxonomy("esdServiceTypes");
    assertEquals("http://id.esd.org.uk/service/242", normalizer.normalize(v3).orElseThrow());
    // v3 with a placeholder term_uri and the code in "term".
    TaxonomyTerm placeholder = new TaxonomyTerm().id("0b3e0f6a-2f7e-4c55-9e3a-9b9a1a0d6b12").name("Care at home")
        .termUri("http://example.com").term("242").taxonomy("esdServiceType");
    assertEquals("http://id.esd.org.uk/service/242", normalizer.normalize(placeholder).orElseThrow());
    // HSDS 3.0 "code", kept by the reader as an extension.
    TaxonomyTerm hsds = new TaxonomyTerm().id("0b3e0f6a-2f7e-4c55-9e3a-9b9a1a0d6b13").name("Carers")
        .taxonomy("esdServiceTypes");
    hsds.putExtension("code", TextNode.valueOf("298"));
    assertEquals("http://id.esd.org.uk/service/298", normalizer.normalize(hsds).orElseThrow());
  }

  @Test
  void anOrukTermThatCannotBePlacedSaysWhatWasTried() {
    TaxonomyTerm local = new TaxonomyTerm().id("bccprimaryservicetype:38").name("Support")
        .taxonomy("BCC Primary Services");

    NormalizedTerm.Unresolved unresolved = (NormalizedTerm.Unresolved) normalizer.normalize(local);
    assertEquals(Reason.UNKNOWN_VOCABULARY, unresolved.reason());
    assertTrue(unresolved.message().contains("name:") && unresolved.message().contains("id:"), unresolved.message());
    assertEquals("Support", unresolved.input());
  }

  @Test
  void curieOfACanonicalUri() {
    assertEquals("esdServiceType:833", normalizer.curie("http://id.esd.org.uk/service/833").orElseThrow());
    assertTrue(normalizer.curie("https://data.bristol.gov.uk/term/78").isEmpty());
  }

  @Test
  void theRegistryCanBeExtendedFromCsv() throws IOException {
    String csv = "prefix,uri_template,label,id_syntax,aliases\n"
        + "bccServiceType,https://data.bristol.gov.uk/service-type/{id},Bristol service types,digits,"
        + "bccservicetype|BCC Primary Services\n";
    List<Vocabulary> read = PrefixRegistry.readCsv(
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "bristol.csv");
    TermNormalizer bristol = TermNormalizer.builder()
        .registry(PrefixRegistry.defaults().toBuilder().addAll(read).build()).build();

    assertEquals("https://data.bristol.gov.uk/service-type/78", bristol.normalize("bccservicetype:78").orElseThrow());
    assertEquals("https://data.bristol.gov.uk/service-type/38", bristol.normalize("38", "BCC Primary Services").orElseThrow());
    assertEquals("http://id.esd.org.uk/service/833", bristol.normalize("esdServiceType:833").orElseThrow());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> PrefixRegistry.readCsv(
        new ByteArrayInputStream("prefix,uri_template\nx,http://x/\n".getBytes(StandardCharsets.UTF_8)), "bad.csv"));
    assertTrue(bad.getMessage().contains("bad.csv row 2"), bad.getMessage());
  }

  private Form form(String reference, String vocabulary) {
    return ((NormalizedTerm.Resolved) normalizer.normalize(reference, vocabulary)).form();
  }
}
