package io.github.oruk.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The scheme model on a small hand-written taxonomy with every awkward case in it. */
class SchemeTest {

  static final String NS = "urn:test:";

  static Concept.Builder concept(String id, String label) {
    return Concept.builder(NS + id, id, label);
  }

  /** health > mental health > counselling; money > debt; "debt counselling" under both debt and counselling. */
  static Scheme sample() {
    return Scheme.builder("urn:test:scheme").title("Test scheme")
        .add(concept("health", "Health"))
        .add(concept("mental", "Mental health").broader(NS + "health"))
        .add(concept("counselling", "Counselling").broader(NS + "mental").altLabel("Talking therapy"))
        .add(concept("money", "Money"))
        // Declared from the parent's side only: the child must still know its parent.
        .add(concept("debt", "Debt advice"))
        .add(concept("money-links", "Money links").broader(NS + "money").narrower(NS + "debt"))
        .add(concept("debt-counselling", "Debt counselling").broader(NS + "debt").broader(NS + "counselling"))
        .add(concept("cafe", "Café").notation("community_cafe").definition("  "))
        .build();
  }

  @Test
  void indexesByUriIdNotationAndLabelIgnoringCaseAccentsAndPunctuation() {
    Scheme scheme = sample();

    assertEquals("Health", scheme.concept(NS + "health").orElseThrow().prefLabel());
    assertEquals("Debt advice", scheme.byId("debt").orElseThrow().prefLabel());
    assertEquals("Café", scheme.byNotation("community_cafe").orElseThrow().prefLabel());
    assertEquals("Café", scheme.byLabel("CAFE").orElseThrow().prefLabel());
    assertEquals("Counselling", scheme.byLabel("talking-therapy").orElseThrow().prefLabel(), "synonym");
    assertEquals("Mental health", scheme.find("mental health").orElseThrow().prefLabel());
    assertTrue(scheme.byLabel("nothing like this").isEmpty());
    assertTrue(scheme.byLabel("Café").orElseThrow().definition().isEmpty(), "blank definitions are absent");
  }

  @Test
  void linksAreMadeConsistentBothWaysAndThePolyHierarchyIsKept() {
    Scheme scheme = sample();
    Concept debt = scheme.byId("debt").orElseThrow();
    Concept both = scheme.byId("debt-counselling").orElseThrow();

    assertEquals(List.of(NS + "money-links"), debt.broader(), "declared only as the parent's narrower");
    assertEquals(Set.of("Debt advice", "Counselling"),
        scheme.parents(both).stream().map(Concept::prefLabel).collect(Collectors.toSet()));
    assertTrue(both.hasSeveralParents());
    assertTrue(scheme.isPolyHierarchy());
    assertEquals(Set.of("Health", "Money"),
        scheme.roots(both).stream().map(Concept::prefLabel).collect(Collectors.toSet()));
    assertEquals(Set.of("Mental health", "Counselling", "Debt counselling"), scheme.descendants(
        scheme.byId("health").orElseThrow()).stream().map(Concept::prefLabel).collect(Collectors.toSet()));
  }

  @Test
  void levelsAreTheLongestPathSoAChildIsBelowAllItsParents() {
    Scheme scheme = sample();

    // health(1) > mental(2) > counselling(3) > debt-counselling(4); money(1) > money-links(2) > debt(3) > it.
    assertEquals(4, scheme.level(scheme.byId("debt-counselling").orElseThrow()));
    SchemeStats stats = scheme.stats();
    assertEquals(8, stats.concepts());
    assertEquals(3, stats.topConcepts());
    assertEquals(4, stats.maxDepth());
    assertEquals(List.of(3, 2, 2, 1), stats.levels());
    assertEquals(1, stats.withSynonyms());
    assertEquals(1, stats.polyHierarchy());
    assertEquals(0, stats.cycles());
    assertTrue(scheme.problems().isEmpty(), () -> scheme.problems().toString());
  }

  @Test
  void cyclesAreReportedAndEveryWalkStops() {
    Scheme scheme = Scheme.builder("urn:test:cycle")
        .add(concept("root", "Root"))
        .add(concept("a", "A").broader(NS + "c").broader(NS + "root"))
        .add(concept("b", "B").broader(NS + "a"))
        .add(concept("c", "C").broader(NS + "b"))
        .add(concept("d", "D").broader(NS + "c"))
        .build();

    assertEquals(1, scheme.cycles().size());
    assertEquals(Set.of(NS + "a", NS + "b", NS + "c"), Set.copyOf(scheme.cycles().get(0)));
    SchemeProblem problem = scheme.problems().get(0);
    assertEquals(SchemeProblem.Code.CYCLE, problem.code());
    assertTrue(problem.message().contains("'A' -> 'C' -> 'B' -> 'A'"), problem.message());
    assertTrue(problem.toLine().startsWith("ORUK-TAXO-001\turn:test:a\t"));
    Concept a = scheme.byId("a").orElseThrow();
    assertEquals(Set.of("B", "C", "D"),
        scheme.descendants(a).stream().map(Concept::prefLabel).collect(Collectors.toSet()));
    assertEquals(Set.of("Root", "B", "C"),
        scheme.ancestors(a).stream().map(Concept::prefLabel).collect(Collectors.toSet()));
    assertEquals(1, scheme.stats().cycles());
    assertEquals(3, scheme.level(scheme.byId("d").orElseThrow()), "root(1) > the cycle (2) > d(3)");
  }

  @Test
  void danglingSelfAndDuplicateRecordsAreReportedNotThrown() {
    Scheme scheme = Scheme.builder("urn:test:bad")
        .add(concept("x", "X").broader(NS + "missing").related(NS + "gone"))
        .add(concept("y", "Y").broader(NS + "y"))
        .add(concept("x", "X again"))
        .add(Concept.builder(NS + "other", "y", "Shares the id of Y"))
        .build();

    List<SchemeProblem.Code> codes = scheme.problems().stream().map(SchemeProblem::code).collect(Collectors.toList());
    assertEquals(List.of(SchemeProblem.Code.DUPLICATE_CONCEPT, SchemeProblem.Code.DUPLICATE_CONCEPT,
        SchemeProblem.Code.MISSING_CONCEPT, SchemeProblem.Code.SELF_LINK, SchemeProblem.Code.MISSING_CONCEPT), codes);
    assertEquals(3, scheme.size());
    assertEquals("X", scheme.byId("x").orElseThrow().prefLabel(), "the first of two records with one URI wins");
    assertEquals("Y", scheme.byId("y").orElseThrow().prefLabel(), "a lookup by a shared id finds the first");
    assertTrue(scheme.byId("x").orElseThrow().broader().isEmpty());
    assertTrue(scheme.byId("y").orElseThrow().broader().isEmpty());
  }

  @Test
  void duplicateLiveLabelsAreReported() {
    Scheme scheme = Scheme.builder("urn:test:labels")
        .add(concept("1", "Day centres"))
        .add(concept("2", "day-centres"))
        .add(concept("3", "Lunch clubs").deprecated(true))
        .add(concept("4", "Lunch clubs"))
        .build();

    assertEquals(1, scheme.problems().size());
    assertEquals(SchemeProblem.Code.DUPLICATE_LABEL, scheme.problems().get(0).code());
    assertEquals("4", scheme.byLabel("lunch clubs").orElseThrow().id(), "live before withdrawn");
  }

  @Test
  void conceptsAreImmutable() {
    Concept concept = sample().byId("counselling").orElseThrow();

    assertThrows(UnsupportedOperationException.class, () -> concept.altLabels().add("x"));
    assertThrows(UnsupportedOperationException.class, () -> concept.broader().clear());
    assertFalse(sample().concepts().isEmpty());
    assertThrows(UnsupportedOperationException.class, () -> sample().concepts().clear());
  }

  @Test
  void emptySchemeHasDepthZero() {
    Scheme scheme = Scheme.builder("urn:test:empty").build();

    assertEquals(0, scheme.maxDepth());
    assertEquals(List.of(), scheme.stats().levels());
    assertEquals("urn:test:empty", scheme.title());
  }

  @Test
  void labelKeysFoldCaseAccentsPunctuationAndAmpersands() {
    assertEquals("carers support groups", Labels.key("Carers' support-groups"));
    assertEquals("music arts and dance", Labels.key("Music, arts & dance"));
    assertEquals("cafe creme", Labels.key("  CAFÉ   Crème "));
    assertEquals("esdservicetype", Labels.vocabularyKey("esdServiceTypes"));
    assertEquals("esdservicetype", Labels.vocabularyKey("Test esd service type"));
    assertEquals("", Labels.key(null));
  }
}
