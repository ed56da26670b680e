package io.github.oruk.taxonomy.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.taxonomy.Concept;
import io.github.oruk.taxonomy.OrukTaxonomies;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.SchemeProblem;
import io.github.oruk.taxonomy.crosswalk.Crosswalk;
import io.github.oruk.taxonomy.crosswalk.Mapping;
import io.github.oruk.taxonomy.crosswalk.MatchType;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each loader on small documents written for the test, covering the variations real files have. */
class LoaderFormatsTest {

  @TempDir
  Path dir;

  @Test
  void csvWithConfigurableColumnsSeveralParentsSynonymsAndStatus() throws IOException {
    String csv = "\uFEFFCode;Term;Parents;Synonyms;State;Notes\n"
        .replace(';', ',')
        + "A,Advice,,,live,Top\n"
        + "B,Benefits advice,A,Welfare rights|Benefit checks,live,\"Help with claims,\nover two lines\"\n"
        + "C,Money,,,live,\n"
        + "D,Debt advice,A|C,,live,\n"
        + "E,Old,A,,retired,\n"
        + ",No code,,,live,\n"
        + "F,Orphan,Z,,live,\n";
    CsvLayout layout = CsvLayout.builder("code", "TERM").parents("parents", "|").altLabels("synonyms", "|")
        .status("state").description("notes").uriTemplate("https://example.council.gov.uk/types/{id}")
        .scheme("https://example.council.gov.uk/types", "Council service types").build();

    Scheme scheme = CsvLoader.of(layout).read(csv.getBytes(StandardCharsets.UTF_8), "types.csv");

    assertEquals(6, scheme.size());
    assertEquals("Council service types", scheme.title());
    Concept debt = scheme.byId("D").orElseThrow();
    assertEquals("https://example.council.gov.uk/types/D", debt.uri());
    assertEquals(Set.of("Advice", "Money"), scheme.parents(debt).stream().map(Concept::prefLabel)
        .collect(Collectors.toSet()));
    assertEquals("Benefits advice", scheme.byLabel("welfare rights").orElseThrow().prefLabel());
    assertEquals("Help with claims,\nover two lines", scheme.byId("B").orElseThrow().definition().orElseThrow());
    assertTrue(scheme.byId("E").orElseThrow().deprecated());
    assertEquals(List.of(SchemeProblem.Code.SKIPPED_RECORD, SchemeProblem.Code.MISSING_CONCEPT),
        scheme.problems().stream().map(SchemeProblem::code).collect(Collectors.toList()));
    assertTrue(scheme.problems().get(1).message().contains("the parent 'Z' of 'Orphan'"),
        scheme.problems().get(1).message());
  }

  @Test
  void csvLayoutIsGuessedFromTheHeaderAndVocabularyColumnsMakeUris() throws IOException {
    String csv = "id,name,parent_id,parent_name,vocabulary\r\n"
        + "1101,\"Emergency\",0,\"\",\"Open Eligibility\"\r\n"
        + "1112,\"Disaster Response\",1101,\"Emergency\",\"Open Eligibility\"\r\n";

    Scheme scheme = CsvLoader.detecting().read(csv.getBytes(StandardCharsets.UTF_8), "oe.csv");

    assertEquals(2, scheme.size());
    assertEquals("urn:oruk-java:open-eligibility:1112", scheme.byId("1112").orElseThrow().uri());
    assertEquals(List.of("urn:oruk-java:open-eligibility:1101"), scheme.byId("1112").orElseThrow().broader());
    assertEquals("openEligibility", scheme.vocabulary().orElseThrow());
    assertEquals("Open Eligibility", scheme.title(), "the rows' vocabulary names the scheme");
  }

  @Test
  void csvRowsOfAnUnknownVocabularyGetUrisUnderTheScheme() throws IOException {
    String csv = "identifier,label\nx 1,Something\n";

    Scheme scheme = CsvLoader.detecting().read(csv.getBytes(StandardCharsets.UTF_8), "/tmp/local-list.csv");

    assertEquals("urn:oruk-java:scheme:local-list", scheme.uri());
    assertEquals("urn:oruk-java:scheme:local-list#x+1", scheme.byId("x 1").orElseThrow().uri());
  }

  @Test
  void csvThatCannotBeReadIsRefusedWithTheHeader() {
    TaxonomyLoadException noColumns = assertThrows(TaxonomyLoadException.class,
        () -> CsvLoader.detecting().read("colour,size\nred,big\n".getBytes(StandardCharsets.UTF_8), "odd.csv"));
    assertTrue(noColumns.getMessage().contains("[colour, size]"), noColumns.getMessage());
    assertEquals(TaxonomyLoadException.Reason.UNKNOWN_COLUMNS, noColumns.reason());
    assertFalse(noColumns.getMessage().contains("CsvLayout"), "no Java names in messages: " + noColumns.getMessage());
    TaxonomyLoadException missing = assertThrows(TaxonomyLoadException.class,
        () -> CsvLoader.of(CsvLayout.lgsl()).read("id,name\n1,x\n".getBytes(StandardCharsets.UTF_8), "lgsl.csv"));
    assertTrue(missing.getMessage().contains("no identifier column 'Identifier'"), missing.getMessage());
    assertThrows(TaxonomyLoadException.class,
        () -> CsvLoader.of(CsvLayout.lgsl()).read(new byte[0], "empty.csv"));
  }

  @Test
  void skosWithAGraphPrefixedKeysLanguageMapsAndCompactIris() throws IOException {
    String jsonld = """
        {"@context": {"skos": "http://www.w3.org/2004/02/skos/core#", "ex": "https://vocab.example.net/support/",
                      "owl": "http://www.w3.org/2002/07/owl#"},
         "@graph": [
           {"@id": "ex:scheme", "@type": "skos:ConceptScheme", "skos:prefLabel": {"@value": "Support", "@language": "en"}},
           {"@id": "ex:housing", "@type": "skos:Concept", "skos:inScheme": {"@id": "ex:scheme"},
            "skos:prefLabel": [{"@value": "Tai", "@language": "cy"}, {"@value": "Housing", "@language": "en"}],
            "skos:altLabel": [{"@value": "Homes", "@language": "en"}, {"@value": "Cartrefi", "@language": "cy"}],
            "skos:definition": {"en": "Somewhere to live.", "cy": "Rhywle i fyw."},
            "skos:exactMatch": {"@id": "http://id.esd.org.uk/service/9999"}},
           {"@id": "ex:tenancy", "@type": "skos:Concept", "skos:inScheme": {"@id": "ex:scheme"},
            "skos:prefLabel": "Tenancy support", "skos:broader": {"@id": "ex:housing"},
            "skos:notation": {"@value": "T1", "@type": "ex:code"},
            "skos:broadMatch": "https://id.esd.org.uk/service/9998"},
           {"@id": "ex:old", "@type": "skos:Concept", "skos:inScheme": {"@id": "ex:scheme"},
            "skos:prefLabel": "Old", "owl:deprecated": true},
           {"@id": "ex:nolabel", "@type": "skos:Concept"}
         ]}
        """;
    byte[] bytes = jsonld.getBytes(StandardCharsets.UTF_8);

    Scheme scheme = SkosLoader.defaults().read(bytes, "support.jsonld");

    assertEquals("https://vocab.example.net/support/scheme", scheme.uri());
    assertEquals("Support", scheme.title());
    assertEquals(3, scheme.size());
    Concept housing = scheme.byLabel("housing").orElseThrow();
    assertEquals(List.of("Homes"), housing.altLabels(), "labels in the preferred language only");
    assertEquals("Somewhere to live.", housing.definition().orElseThrow());
    Concept tenancy = scheme.byNotation("T1").orElseThrow();
    assertEquals(List.of("https://vocab.example.net/support/housing"), tenancy.broader());
    assertTrue(scheme.byLabel("old").orElseThrow().deprecated());
    assertEquals(SchemeProblem.Code.SKIPPED_RECORD, scheme.problems().get(0).code());
    assertEquals("Tai", SkosLoader.builder().language("cy").build().read(bytes, "support.jsonld")
        .byId("housing").map(Concept::prefLabel).orElseThrow(), "Welsh on request");

    Crosswalk crosswalk = CrosswalkLoader.defaults().readSkos(bytes, "support.jsonld");
    assertEquals(List.of(
        new Mapping("https://vocab.example.net/support/housing", "http://id.esd.org.uk/service/9999", MatchType.EXACT),
        new Mapping("https://vocab.example.net/support/tenancy", "http://id.esd.org.uk/service/9998", MatchType.BROAD)),
        crosswalk.mappings(), "targets normalised, https esd URI included");
  }

  @Test
  void skosWithoutConceptsIsRefused() {
    TaxonomyLoadException thrown = assertThrows(TaxonomyLoadException.class,
        () -> SkosLoader.defaults().read("{\"@context\": {}, \"title\": \"x\"}".getBytes(), "empty.jsonld"));
    assertTrue(thrown.getMessage().contains("no SKOS concepts"), thrown.getMessage());
    assertThrows(TaxonomyLoadException.class, () -> SkosLoader.defaults().read("not json".getBytes(), "bad.jsonld"));
  }

  @Test
  void crosswalkCsvWithCodesCuriesSymbolsAndBadRows() throws IOException {
    String csv = "local_code,from_vocabulary,national,relation\n"
        + "12,BCC Primary Services,esdServiceType:242,=\n"
        + "https://example.council.gov.uk/types/D,,http://id.esd.org.uk/service/298,<\n"
        + "https://example.council.gov.uk/types/E,,esdServiceType:298,sort of\n"
        + "https://example.council.gov.uk/types/F,,esdServiceTypes:833,\n";
    Path file = dir.resolve("map.csv");
    Files.writeString(file, csv);

    Crosswalk crosswalk = CrosswalkLoader.defaults().withDefaultType(MatchType.CLOSE).loadCsv(file);

    assertEquals(List.of(
        new Mapping("https://example.council.gov.uk/types/D", "http://id.esd.org.uk/service/298", MatchType.BROAD),
        new Mapping("https://example.council.gov.uk/types/F", "http://id.esd.org.uk/service/833", MatchType.CLOSE)),
        crosswalk.mappings());
    assertEquals(2, crosswalk.problems().size());
    assertTrue(crosswalk.problems().get(0).contains("record 1: from '12'"), crosswalk.problems().get(0));
    assertTrue(crosswalk.problems().get(1).contains("record 3: unknown match type 'sort of'"),
        crosswalk.problems().get(1));
  }

  @Test
  void orukTaxonomyFilesAndPagesOfTerms() throws IOException {
    OrukJson json = OrukJson.lenient();
    byte[] taxonomy = json.write(DataGenerator.builder().build().sampleTaxonomy());
    Scheme fromTaxonomy = TaxonomyLoader.defaults().readAll(taxonomy, "taxonomy.json").get(0);
    assertEquals(30, fromTaxonomy.size());

    byte[] page = json.write(Page.of(DataGenerator.builder().build().sampleTaxonomy().getTaxonomyTerms(), 1, 50, 30));
    assertEquals(TaxonomyLoader.Format.ORUK_JSON, TaxonomyLoader.detect(page, "terms.json"));
    Scheme fromPage = TaxonomyLoader.defaults().readAll(page, "terms.json").get(0);
    assertEquals(30, fromPage.size());
    assertEquals(2, fromPage.maxDepth());
  }

  @Test
  void termsEmbeddedInServicesBecomeSchemes() throws IOException {
    DataGenerator generator = DataGenerator.builder().seed(11).build();
    Path file = dir.resolve("feed.ndjson");
    try (OutputStream out = Files.newOutputStream(file)) {
      generator.writeNdjson(300, out);
    }

    List<Scheme> schemes = TaxonomyLoader.defaults().loadAll(file);

    assertEquals(1, schemes.size());
    Scheme embedded = schemes.get(0);
    Scheme sample = OrukTaxonomies.fromTaxonomy(generator.sampleTaxonomy());
    assertEquals(sample.uri(), embedded.uri(), "grouped by taxonomy_id");
    assertEquals(30, embedded.size(), "300 services use every one of the 30 terms");
    assertEquals(sample.stats().levels(), embedded.stats().levels(), "parents linked where seen");
    List<Service> services;
    try (var stream = ServiceFiles.stream(file)) {
      services = stream.collect(Collectors.toList());
    }
    assertEquals(300, services.size());
  }

  @Test
  void legacyV1ServicesBringTheirTaxonomiesAlong() throws IOException {
    Path file = dir.resolve("v1.ndjson");
    Files.writeString(file, String.join("\n",
        "{\"id\":\"101\",\"name\":\"Carers group\",\"status\":\"active\",\"service_taxonomys\":[{\"id\":\"9108\","
            + "\"taxonomy\":{\"id\":\"298\",\"name\":\"Carers support groups\",\"vocabulary\":\"esdServiceTypes\"}}]}",
        "{\"id\":\"102\",\"name\":\"Home care\",\"status\":\"active\",\"service_taxonomys\":[{\"id\":\"9109\","
            + "\"taxonomy\":{\"id\":\"esdServiceTypes:242\",\"name\":\"Care at home\",\"vocabulary\":\"esdServiceTypes\"}}]}"));

    Scheme scheme = TaxonomyLoader.defaults().load(file);

    assertEquals("http://id.esd.org.uk/list/services", scheme.uri());
    assertEquals(Set.of("http://id.esd.org.uk/service/298", "http://id.esd.org.uk/service/242"),
        scheme.concepts().stream().map(Concept::uri).collect(Collectors.toSet()));
  }

  @Test
  void xmlAndSpreadsheetsAreRefusedWithTheFormatsThatAreRead() throws IOException {
    Path xml = dir.resolve("terms.xml");
    Files.writeString(xml, "<?xml version=\"1.0\"?>\n<terms><term id=\"1\">Food banks</term></terms>\n");
    Path markup = dir.resolve("terms.txt");
    Files.writeString(markup, "  <terms><term id=\"1\">Food banks</term></terms>\n");
    Path spreadsheet = dir.resolve("terms.xlsx");
    Files.write(spreadsheet, new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});

    for (Path file : List.of(xml, markup, spreadsheet)) {
      TaxonomyLoadException thrown = assertThrows(TaxonomyLoadException.class,
          () -> TaxonomyLoader.defaults().load(file));
      String message = thrown.getMessage();
      assertEquals(TaxonomyLoadException.Reason.UNSUPPORTED_FORMAT, thrown.reason(), message);
      assertTrue(message.startsWith(file + ": this looks like "), message);
      for (String format : List.of("SKOS JSON-LD", "CSV with a header row", "LG Inform Plus (esd) JSON",
          "ORUK JSON", "ORUK services", "feed")) {
        assertTrue(message.contains(format), format + " is listed: " + message);
      }
      assertFalse(message.contains("CsvLayout") || message.contains("header is"), message);
    }
    assertTrue(assertThrows(TaxonomyLoadException.class, () -> TaxonomyLoader.defaults().load(xml)).getMessage()
        .contains("looks like XML,"));
    assertTrue(assertThrows(TaxonomyLoadException.class, () -> TaxonomyLoader.defaults().load(spreadsheet))
        .getMessage().contains("looks like Excel,"));
  }

  @Test
  void ndjsonLinesThatAreNotServicesNameTheLine() throws IOException {
    Path file = dir.resolve("broken.ndjson");
    Files.writeString(file, "{\"id\":\"a\",\"name\":\"x\"}\n[1,2]\n");

    TaxonomyLoadException thrown = assertThrows(TaxonomyLoadException.class, () -> TaxonomyLoader.defaults()
        .loadAll(file));
    assertTrue(thrown.getMessage().contains("line 2"), thrown.getMessage());
  }

  @Test
  void aLayoutsBuilderKeepsEveryOptionAndChangesOnlyWhatItIsTold() {
    CsvLayout lgsl = CsvLayout.lgsl();
    assertEquals(lgsl, lgsl.toBuilder().build());
    CsvLayout withParents = lgsl.toBuilder().parents("Parents", ";").build();
    assertEquals("Parents", withParents.parentColumn());
    assertEquals(";", withParents.parentSeparator());
    assertEquals(lgsl.statusColumn(), withParents.statusColumn());
    assertEquals(lgsl.schemeUri(), withParents.schemeUri());
    assertEquals(java.util.Set.of("", "0"), CsvLayout.builder("id", "label").build().rootParentValues());
    assertThrows(IllegalArgumentException.class, () -> CsvLayout.builder("id", "label").uriTemplate("no-id").build());
  }
}
