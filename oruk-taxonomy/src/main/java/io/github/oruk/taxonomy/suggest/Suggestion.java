package io.github.oruk.taxonomy.suggest;

import io.github.oruk.taxonomy.Concept;
import java.util.List;
import java.util.Objects;

/**
 * A suggested service type.
 *
 * @param concept the suggested concept
 * @param score how well it matches, from 0 to 1: 0.5 is as much evidence as a text that mentions the most
 *     telling word of a typical concept's label (see {@link TypeSuggester}); comparable between texts
 * @param matchedWords the words of the text that matched it, as written in the text (lower case), most
 *     telling first
 */
public record Suggestion(Concept concept, double score, List<String> matchedWords) {

  public Suggestion {
    Objects.requireNonNull(concept, "concept");
    matchedWords = List.copyOf(matchedWords);
  }
}
