package io.github.oruk.taxonomy.crosswalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.taxonomy.Concept;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.SchemeSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Crosswalks and expansion on three small hand-written schemes with known answers: a council's local list,
 * a national list (hierarchical here, to test expansion) and a family-hub list.
 */
class CrosswalkTest {

  static final String LOCAL = "urn:local:";
  static final String NATIONAL = "urn:national:";
  static final String HUB = "urn:hub:";

  static Scheme local() {
    return Scheme.builder("urn:local").title("Local")
        .add(Concept.builder(LOCAL + "food", "food", "Food support"))
        .add(Concept.builder(LOCAL + "foodbanks", "foodbanks", "Food banks").broader(LOCAL + "food"))
        .add(Concept.builder(LOCAL + "lunch", "lunch", "Lunch clubs"))
        .add(Concept.builder(LOCAL + "advice", "advice", "Advice"))
        .add(Concept.builder(LOCAL + "debt-help", "debt-help", "Debt help"))
        .build();
  }

  static Scheme national() {
    return Scheme.builder("urn:national").title("National")
        .add(Concept.builder(NATIONAL + "foodbank", "1", "Food banks"))
        .add(Concept.builder(NATIONAL + "meals", "2", "Community meals"))
        .add(Concept.builder(NATIONAL + "money", "5", "Money advice"))
        .add(Concept.builder(NATIONAL + "debt", "3", "Debt advice").broader(NATIONAL + "money"))
        .add(Concept.builder(NATIONAL + "benefits", "4", "Benefits advice").broader(NATIONAL + "money"))
        .build();
  }

  static Scheme hub() {
    return Scheme.builder("urn:hub").title("Hub")
        .add(Concept.builder(HUB + "essentials", "e", "Food and essentials"))
        .add(Concept.builder(HUB + "money", "m", "Money, benefits and housing"))
        .build();
  }

  static Crosswalk crosswalk() {
    return Crosswalk.builder()
        .add(LOCAL + "foodbanks", NATIONAL + "foodbank", MatchType.EXACT)
        .add(LOCAL + "lunch", NATIONAL + "meals", MatchType.CLOSE)
        // The local "Advice" is broader than the national "Money advice".
        .add(LOCAL + "advice", NATIONAL + "money", MatchType.NARROW)
        .add(LOCAL + "debt-help", NATIONAL + "debt", MatchType.EXACT)
        .add(NATIONAL + "foodbank", HUB + "essentials", MatchType.BROAD)
        .add(NATIONAL + "money", HUB + "money", MatchType.CLOSE)
        .build();
  }

  @Test
  void directMappingsWorkBothWaysWithTheInverseType() {
    Crosswalk crosswalk = crosswalk();

    assertEquals(Map.of(LOCAL + "foodbanks", MatchType.EXACT, HUB + "essentials", MatchType.BROAD),
        types(crosswalk.direct(NATIONAL + "foodbank")));
    assertEquals(Map.of(LOCAL + "advice", MatchType.BROAD, HUB + "money", MatchType.CLOSE),
        types(crosswalk.direct(NATIONAL + "money")), "read backwards, narrow becomes broad");
  }

  @Test
  void resolutionFollowsChainsAcrossSchemesWithCombinedTypeAndStrength() {
    List<Counterpart> found = crosswalk().resolve(LOCAL + "foodbanks");

    assertEquals(List.of(NATIONAL + "foodbank", HUB + "essentials"),
        found.stream().map(Counterpart::uri).collect(Collectors.toList()));
    Counterpart essentials = found.get(1);
    assertEquals(MatchType.BROAD, essentials.type(), "exact then broad is broad");
    assertEquals(0.7, essentials.strength(), 1e-9);
    assertEquals(2, essentials.hops());
    assertEquals(List.of(new Mapping(LOCAL + "foodbanks", NATIONAL + "foodbank", MatchType.EXACT),
        new Mapping(NATIONAL + "foodbank", HUB + "essentials", MatchType.BROAD)), essentials.path());
  }

  @Test
  void resolutionIntoOneSchemeAndWithinLimits() {
    Crosswalk crosswalk = crosswalk();

    assertEquals(List.of(HUB + "money"), crosswalk.resolve(LOCAL + "advice", hub()).stream()
        .map(Counterpart::uri).collect(Collectors.toList()), "advice -> money advice -> money, benefits and housing");
    assertEquals(MatchType.NARROW, crosswalk.resolve(LOCAL + "advice", hub()).get(0).type(), "narrow then close");
    assertEquals(1, crosswalk.resolve(LOCAL + "advice", 1, 0.0, uri -> true).size(), "one hop only");
    assertTrue(crosswalk.resolve(LOCAL + "advice", 4, 0.95, uri -> true).isEmpty(), "nothing that strong");
    assertTrue(crosswalk.resolve(LOCAL + "food").isEmpty(), "no mapping, no counterpart");
  }

  @Test
  void aCycleOfMappingsEndsWhereItStarted() {
    Crosswalk cycle = Crosswalk.builder()
        .add("urn:a:1", "urn:b:1", MatchType.EXACT)
        .add("urn:b:1", "urn:c:1", MatchType.EXACT)
        .add("urn:c:1", "urn:a:1", MatchType.EXACT)
        .add("urn:c:1", "urn:d:1", MatchType.CLOSE)
        .build();

    List<Counterpart> found = cycle.resolve("urn:a:1");

    assertEquals(Set.of("urn:b:1", "urn:c:1", "urn:d:1"),
        found.stream().map(Counterpart::uri).collect(Collectors.toSet()));
    assertEquals(3, found.size(), "each counterpart once");
    Counterpart d = found.stream().filter(c -> c.uri().equals("urn:d:1")).findFirst().orElseThrow();
    assertEquals(2, d.hops(), "a -> c (read backwards) -> d is the shortest of the strongest paths");
    assertEquals(MatchType.CLOSE, d.type());
  }

  @Test
  void expansionTakesNarrowerTermsAndEquivalentsButNotBroaderMatches() {
    TermExpander expander = TermExpander.of(SchemeSet.of(local(), national(), hub()), crosswalk());

    assertEquals(Set.of(NATIONAL + "money", NATIONAL + "debt", NATIONAL + "benefits", LOCAL + "debt-help",
        HUB + "money"), expander.expand(NATIONAL + "money"),
        "the local 'Advice' is broader than money advice, so it is left out");
    assertEquals(Set.of(LOCAL + "advice", NATIONAL + "money", NATIONAL + "debt", NATIONAL + "benefits",
        LOCAL + "debt-help", HUB + "money"), expander.expand(LOCAL + "advice"));
    assertEquals(Set.of(LOCAL + "food", LOCAL + "foodbanks", NATIONAL + "foodbank"), expander.expand(LOCAL + "food"),
        "food banks are broader-matched to 'Food and essentials', which is not within 'Food support'");
    assertEquals(Set.of(NATIONAL + "money", NATIONAL + "debt", NATIONAL + "benefits"),
        expander.narrower(NATIONAL + "money"));
    assertEquals(Set.of("urn:unknown:1"), expander.expand("urn:unknown:1"), "an unknown term expands to itself");
  }

  @Test
  void expansionIsCycleSafeInTheHierarchyToo() {
    Scheme cyclic = Scheme.builder("urn:cyc")
        .add(Concept.builder("urn:cyc:a", "a", "A").broader("urn:cyc:b"))
        .add(Concept.builder("urn:cyc:b", "b", "B").broader("urn:cyc:a"))
        .build();
    Crosswalk back = Crosswalk.builder().add("urn:cyc:b", "urn:cyc:a", MatchType.EXACT).build();

    assertEquals(Set.of("urn:cyc:a", "urn:cyc:b"), TermExpander.of(SchemeSet.of(cyclic), back).expand("urn:cyc:a"));
  }

  @Test
  void fanOutFollowsTheNeedAndItsNarrowerNeedsIntoTheTargetScheme() {
    Scheme needs = Scheme.builder("urn:needs")
        .add(Concept.builder("urn:needs:money-worries", "10", "Money worries"))
        .add(Concept.builder("urn:needs:debt", "11", "Debt").broader("urn:needs:money-worries"))
        .build();
    Crosswalk mapping = Crosswalk.builder()
        .add("urn:needs:money-worries", NATIONAL + "benefits", MatchType.RELATED)
        .add("urn:needs:debt", NATIONAL + "debt", MatchType.RELATED)
        .add("urn:needs:debt", LOCAL + "debt-help", MatchType.RELATED)
        .build();
    TermExpander expander = TermExpander.of(SchemeSet.of(needs, national(), local()), mapping);

    assertEquals(Set.of(NATIONAL + "benefits", NATIONAL + "debt"), uris(expander.fanOut("urn:needs:money-worries",
        national())));
    assertEquals(Set.of(NATIONAL + "debt"), uris(expander.fanOut("urn:needs:debt", national())));
  }

  @ParameterizedTest(name = "{0} then {1} = {2}")
  @CsvSource({
      "EXACT, BROAD, BROAD", "BROAD, EXACT, BROAD", "CLOSE, NARROW, NARROW", "NARROW, CLOSE, NARROW",
      "BROAD, BROAD, BROAD", "NARROW, NARROW, NARROW", "BROAD, NARROW, RELATED", "NARROW, BROAD, RELATED",
      "RELATED, EXACT, RELATED", "CLOSE, CLOSE, CLOSE", "EXACT, EXACT, EXACT"})
  void matchTypesCompose(MatchType first, MatchType second, MatchType expected) {
    assertEquals(expected, first.then(second));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"exact, EXACT", "skos:exactMatch, EXACT", "http://www.w3.org/2004/02/skos/core#closeMatch, CLOSE",
      "broadMatch, BROAD", "<, BROAD", ">, NARROW", "=, EXACT", "Related, RELATED", "narrower, NARROW"})
  void matchTypesAreReadAsTablesWriteThem(String text, MatchType expected) {
    assertEquals(expected, MatchType.parse(text).orElseThrow());
  }

  @Test
  void unknownMatchTypesAreNotGuessed() {
    assertFalse(MatchType.parse("sort of").isPresent());
    assertEquals(MatchType.NARROW, MatchType.BROAD.inverse());
    assertEquals(MatchType.CLOSE, MatchType.CLOSE.inverse());
  }

  @Test
  void referencesInAnySpellingAreNormalisedAndBadRowsReported() {
    Crosswalk crosswalk = Crosswalk.builder()
        .add("esdServiceTypes:833", null, "https://id.esd.org.uk/service/242", null, MatchType.CLOSE, "row 1")
        .add("833", "esdServiceType", "bcc:1", null, MatchType.EXACT, "row 2")
        .build();

    assertEquals(List.of(new Mapping("http://id.esd.org.uk/service/833", "http://id.esd.org.uk/service/242",
        MatchType.CLOSE)), crosswalk.mappings());
    assertEquals(1, crosswalk.problems().size());
    assertTrue(crosswalk.problems().get(0).startsWith("row 2: to 'bcc:1'"), crosswalk.problems().get(0));
  }

  private static Map<String, MatchType> types(List<Counterpart> counterparts) {
    Map<String, MatchType> types = new LinkedHashMap<>();
    counterparts.forEach(c -> types.put(c.uri(), c.type()));
    return types;
  }

  private static Set<String> uris(List<Counterpart> counterparts) {
    return counterparts.stream().map(Counterpart::uri).collect(Collectors.toSet());
  }
}
