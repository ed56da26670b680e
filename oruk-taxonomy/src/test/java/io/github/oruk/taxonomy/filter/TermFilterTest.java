package io.github.oruk.taxonomy.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Attribute;
import io.github.oruk.model.Service;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.taxonomy.Concept;
import io.github.oruk.taxonomy.OrukTaxonomies;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.SchemeSet;
import io.github.oruk.taxonomy.crosswalk.Crosswalk;
import io.github.oruk.taxonomy.crosswalk.MatchType;
import io.github.oruk.testkit.generate.DataGenerator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The service filter on generated services, checked against the services' own attributes. */
class TermFilterTest {

  static final DataGenerator GENERATOR = DataGenerator.builder().seed(99).build();
  static final Taxonomy SAMPLE = GENERATOR.sampleTaxonomy();
  static final Scheme SCHEME = OrukTaxonomies.fromTaxonomy(SAMPLE);

  static String idOf(String label) {
    return SAMPLE.getTaxonomyTerms().stream().filter(term -> term.getName().equals(label)).findFirst()
        .orElseThrow().getId();
  }

  /** Ground truth straight from the attributes: tagged with the term itself or a term whose parent it is. */
  static Set<String> taggedWithOrUnder(List<Service> services, String termId) {
    return services.stream().filter(service -> service.getAttributes().stream().map(Attribute::getTaxonomyTerm)
        .anyMatch(term -> term.getId().equals(termId) || termId.equals(term.getParentId())))
        .map(Service::getId).collect(Collectors.toSet());
  }

  @Test
  void aCategoryMatchesServicesTaggedWithItOrAnyTypeBelowIt() {
    List<Service> services = GENERATOR.services(600).collect(Collectors.toList());
    String food = idOf("Food and essentials");

    Predicate<Service> filter = TermFilter.builder()
        .term("Food and essentials", SAMPLE.getName())
        .schemes(SCHEME)
        .build();

    Set<String> matched = services.stream().filter(filter).map(Service::getId).collect(Collectors.toSet());
    assertEquals(taggedWithOrUnder(services, food), matched);
    assertTrue(matched.size() > 50 && matched.size() < 300, "a real share of the services: " + matched.size());
  }

  @Test
  void withoutExpansionOnlyTheTermItselfMatches() {
    List<Service> services = GENERATOR.services(300).collect(Collectors.toList());
    String food = idOf("Food and essentials");

    TermFilter exact = TermFilter.builder().term("urn:uuid:" + food).schemes(SCHEME).expand(false).build();

    Set<String> expected = services.stream().filter(service -> service.getAttributes().stream()
        .anyMatch(attribute -> attribute.getTaxonomyTerm().getId().equals(food)))
        .map(Service::getId).collect(Collectors.toSet());
    assertEquals(expected, services.stream().filter(exact).map(Service::getId).collect(Collectors.toSet()));
    assertEquals(Set.of("urn:uuid:" + food), exact.uris());
  }

  @Test
  void aTermOfAnotherSchemeMatchesThroughTheCrosswalk() {
    List<Service> services = GENERATOR.services(400).collect(Collectors.toList());
    Scheme national = Scheme.builder("urn:national")
        .add(Concept.builder("urn:national:emergency-food", "1", "Emergency food"))
        .build();
    Crosswalk crosswalk = Crosswalk.builder()
        .add("urn:national:emergency-food", "urn:uuid:" + idOf("Food bank"), MatchType.EXACT)
        .build();

    TermFilter filter = TermFilter.builder().term("urn:national:emergency-food")
        .schemes(SchemeSet.of(national, SCHEME)).crosswalk(crosswalk).build();

    Set<String> expected = taggedWithOrUnder(services, idOf("Food bank"));
    assertFalse(expected.isEmpty());
    assertEquals(expected, services.stream().filter(filter).map(Service::getId).collect(Collectors.toSet()));
  }

  @Test
  void attributesWithOnlyATaxonomyTermIdStillMatch() {
    Service service = GENERATOR.service(3);
    String typeId = service.getAttributes().get(0).getTaxonomyTermId();
    service.getAttributes().forEach(attribute -> attribute.setTaxonomyTerm(null));

    assertTrue(TermFilter.builder().term("urn:uuid:" + typeId).schemes(SCHEME).build().test(service));
    assertFalse(TermFilter.builder().term("urn:uuid:" + idOf("Job club")).schemes(SCHEME).expand(false).build()
        .test(GENERATOR.service(3).attributes(List.of())));
  }

  @Test
  void everySpellingOfAnLgaTermMatches() {
    TermFilter careAtHome = TermFilter.builder().term("esdServiceTypes:242").build();

    assertTrue(careAtHome.test(tagged(new TaxonomyTerm().id("a").name("Care at home")
        .termUri("https://id.esd.org.uk/service/242/"))));
    assertTrue(careAtHome.test(tagged(new TaxonomyTerm().id("242").name("Care at home").taxonomy("esdServiceTypes"))));
    assertTrue(careAtHome.test(tagged(new TaxonomyTerm().id("b").name("x").term("esdServiceType:242"))));
    assertFalse(careAtHome.test(tagged(new TaxonomyTerm().id("243").name("Other").taxonomy("esdServiceTypes"))));
    assertFalse(careAtHome.test(new Service().id("s").name("untagged")));
    assertFalse(careAtHome.test(null));
  }

  @Test
  void linkTypesRestrictWhichAttributesCount() {
    Service service = tagged(new TaxonomyTerm().id("242").name("Care at home").taxonomy("esdServiceTypes"));
    service.getAttributes().get(0).linkType("eligibility");

    assertFalse(TermFilter.builder().term("esdServiceType:242").linkTypes(Set.of("service_type")).build().test(service));
    assertTrue(TermFilter.builder().term("esdServiceType:242").linkTypes(Set.of("eligibility")).build().test(service));
  }

  @Test
  void aTermThatCannotBeResolvedIsRefusedNotSilentlyEmpty() {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> TermFilter.builder().term("bccservicetype:78").build());
    assertTrue(thrown.getMessage().contains("cannot filter on 'bccservicetype:78'"), thrown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TermFilter.builder().build());
  }

  static Service tagged(TaxonomyTerm term) {
    return new Service().id("s1").name("A service")
        .addAttributesItem(new Attribute().id("at1").linkId("s1").taxonomyTermId(term.getId()).taxonomyTerm(term));
  }
}
