package io.github.oruk.taxonomy;

import java.util.List;

/**
 * The shape of a taxonomy in numbers.
 *
 * @param concepts how many concepts
 * @param topConcepts how many have no parent
 * @param maxDepth the number of levels (a flat list has 1; an empty one 0)
 * @param withSynonyms how many concepts have at least one alternative label
 * @param polyHierarchy how many concepts have more than one parent
 * @param deprecated how many are marked as withdrawn
 * @param levels how many concepts are on each level, top first; a concept's level is the length of the
 *     longest path to it from a top concept, so a child is always below every one of its parents
 * @param cycles how many cycles of {@code broader} links were found
 * @param problems how many problems were reported in all (cycles included)
 */
public record SchemeStats(int concepts, int topConcepts, int maxDepth, int withSynonyms, int polyHierarchy,
    int deprecated, List<Integer> levels, int cycles, int problems) {

  public SchemeStats {
    levels = List.copyOf(levels);
  }
}
