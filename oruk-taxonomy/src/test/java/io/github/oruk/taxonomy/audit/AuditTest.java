package io.github.oruk.taxonomy.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Attribute;
import io.github.oruk.model.Service;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.taxonomy.Concept;
import io.github.oruk.taxonomy.OrukTaxonomies;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.SchemeSet;
import io.github.oruk.testkit.generate.DataGenerator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Coverage and over-classification, checked against counts taken straight from the services. */
class AuditTest {

  static final DataGenerator GENERATOR = DataGenerator.builder().seed(5).build();
  static final Taxonomy SAMPLE = GENERATOR.sampleTaxonomy();
  static final Scheme SCHEME = OrukTaxonomies.fromTaxonomy(SAMPLE);

  @Test
  void coverageCountsServicesPerTermUnusedTermsAndUntaggedServices() {
    List<Service> services = GENERATOR.services(40).collect(Collectors.toList());
    services.get(7).setAttributes(null);
    services.get(12).setAttributes(List.of());
    Map<String, Integer> expected = new HashMap<>();
    for (Service service : services) {
      if (service.getAttributes().isEmpty()) {
        continue;
      }
      service.getAttributes().stream().map(attribute -> "urn:uuid:" + attribute.getTaxonomyTermId()).distinct()
          .forEach(uri -> expected.merge(uri, 1, Integer::sum));
    }

    CoverageReport report = CoverageAudit.run(services.stream(), SchemeSet.of(SCHEME));

    assertEquals(40, report.services());
    assertEquals(38, report.tagged());
    assertEquals(38, report.recognised());
    assertEquals(List.of(services.get(7).getId(), services.get(12).getId()), report.untaggedServiceIds());
    assertEquals(expected, report.terms().stream().collect(Collectors.toMap(TermUse::uri, use -> (int) use.services())));
    for (int i = 1; i < report.terms().size(); i++) {
      assertTrue(report.terms().get(i - 1).services() >= report.terms().get(i).services(), "most used first");
    }
    SchemeCoverage coverage = report.schemes().get(0);
    assertEquals(30, coverage.concepts());
    assertEquals(expected.size(), coverage.used());
    Set<String> unused = new HashSet<>(SCHEME.concepts().stream().map(Concept::uri).collect(Collectors.toSet()));
    unused.removeAll(expected.keySet());
    assertEquals(unused, Set.copyOf(coverage.unusedTerms()));
    assertTrue(report.unrecognised().isEmpty());
    assertEquals(38 / 40.0, report.shareRecognised(), 1e-9);
  }

  @Test
  void termsOutsideTheLoadedSchemesAreUnrecognisedWithTheReason() {
    Service local = service("s1", term("t1", "Support").taxonomy("BCC Primary Services").term("bccprimaryservicetype:38"));
    Service lga = service("s2", term("t2", "Care at home").termUri("http://id.esd.org.uk/service/242"));
    Service sample = GENERATOR.service(0);

    CoverageReport report = CoverageAudit.run(List.of(local, lga, sample).stream(), SchemeSet.of(SCHEME));

    assertEquals(3, report.tagged());
    assertEquals(1, report.recognised(), "only the generated service uses the loaded scheme");
    Map<String, String> reasons = report.unrecognised().stream()
        .collect(Collectors.toMap(UnrecognisedTerm::reference, UnrecognisedTerm::reason));
    assertTrue(reasons.get("bccprimaryservicetype:38 [BCC Primary Services]").startsWith("UNKNOWN_PREFIX"),
        reasons.toString());
    assertEquals("not a concept of the loaded schemes", reasons.get("http://id.esd.org.uk/service/242"));
  }

  @Test
  void withNoSchemeLoadedARegisteredVocabularyCountsAsRecognised() {
    Service lga = service("s2", term("t2", "Care at home").termUri("https://id.esd.org.uk/service/242"));
    Service local = service("s1", term("t1", "Support").taxonomy("BCC Primary Services"));

    CoverageReport report = CoverageAudit.run(List.of(lga, local).stream(), SchemeSet.empty());

    assertEquals(1, report.recognised());
    assertEquals("http://id.esd.org.uk/service/242", report.terms().get(0).uri());
    assertEquals("Care at home", report.terms().get(0).label());
    assertEquals(0.5, report.shareRecognised(), 1e-9);
  }

  @Test
  void overClassificationIsReportedWithStableCodes() {
    ClassificationAudit audit = ClassificationAudit.builder().schemes(SCHEME).build();
    Service busy = service("busy", sample("Food bank"), sample("Community meals"), sample("Debt advice"),
        sample("Youth club"), sample("Food and essentials"));

    List<ClassificationAudit.Finding> findings = audit.check(busy);

    Map<ClassificationAudit.Code, ClassificationAudit.Finding> byCode = findings.stream()
        .collect(Collectors.toMap(ClassificationAudit.Finding::code, finding -> finding, (a, b) -> a));
    assertEquals(Set.of(ClassificationAudit.Code.TOO_MANY_TYPES, ClassificationAudit.Code.REDUNDANT_BROADER,
        ClassificationAudit.Code.UNRELATED_BRANCHES), byCode.keySet());
    assertEquals(5, byCode.get(ClassificationAudit.Code.TOO_MANY_TYPES).terms().size());
    assertTrue(byCode.get(ClassificationAudit.Code.TOO_MANY_TYPES).toLine().startsWith("ORUK-TAXA-001\tbusy\t"));
    assertEquals(2, findings.stream().filter(f -> f.code() == ClassificationAudit.Code.REDUNDANT_BROADER).count(),
        "food bank and community meals each sit under the category also tagged");
    String branches = byCode.get(ClassificationAudit.Code.UNRELATED_BRANCHES).message();
    assertTrue(branches.contains("3 unrelated branches"), branches);

    assertTrue(audit.check(service("ok", sample("Food bank"), sample("Community meals"))).isEmpty(),
        "two types of one branch are fine");
    assertEquals(List.of(), ClassificationAudit.builder().schemes(SCHEME).maxTypes(5).maxBranches(3).build()
        .check(service("tolerant", sample("Food bank"), sample("Debt advice"), sample("Youth club"))));
  }

  @Test
  void flatListsHaveNoBranchesToCompare() {
    Scheme flat = Scheme.builder("http://id.esd.org.uk/list/englishAndWelshServices")
        .add(Concept.builder("http://id.esd.org.uk/service/242", "242", "Care at home"))
        .add(Concept.builder("http://id.esd.org.uk/service/1818", "1818", "Food banks"))
        .build();
    Service service = service("s", term("a", "x").termUri("http://id.esd.org.uk/service/242"),
        term("b", "y").termUri("http://id.esd.org.uk/service/1818"));

    assertTrue(ClassificationAudit.builder().schemes(flat).build().check(service).isEmpty());
    assertEquals(ClassificationAudit.Code.TOO_MANY_TYPES,
        ClassificationAudit.builder().schemes(flat).maxTypes(1).build().check(service).get(0).code());
  }

  @Test
  void redundantBroaderOnGeneratedServicesMatchesTheirAttributes() {
    ClassificationAudit audit = ClassificationAudit.builder().schemes(SCHEME).build();
    List<Service> services = GENERATOR.services(300).collect(Collectors.toList());

    long expected = services.stream().filter(service -> {
      Set<String> ids = service.getAttributes().stream().map(Attribute::getTaxonomyTermId).collect(Collectors.toSet());
      return service.getAttributes().stream().anyMatch(a -> ids.contains(a.getTaxonomyTerm().getParentId()));
    }).count();
    long found = services.stream().filter(service -> audit.check(service).stream()
        .anyMatch(f -> f.code() == ClassificationAudit.Code.REDUNDANT_BROADER)).count();

    assertEquals(expected, found);
    assertTrue(found > 50, "the generator tags about 40% of services with their category too: " + found);
  }

  static TaxonomyTerm sample(String label) {
    return SAMPLE.getTaxonomyTerms().stream().filter(term -> term.getName().equals(label)).findFirst().orElseThrow();
  }

  static TaxonomyTerm term(String id, String name) {
    return new TaxonomyTerm().id(id).name(name);
  }

  static Service service(String id, TaxonomyTerm... terms) {
    Service service = new Service().id(id).name("Service " + id);
    int i = 0;
    for (TaxonomyTerm term : terms) {
      service.addAttributesItem(new Attribute().id(id + "-a" + i++).linkId(id).taxonomyTermId(term.getId())
          .taxonomyTerm(term));
    }
    return service;
  }
}
