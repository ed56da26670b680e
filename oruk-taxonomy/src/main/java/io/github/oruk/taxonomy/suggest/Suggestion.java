package io.github.oruk.taxonomy.suggest;

import io.github.oruk.taxonomy.Concept;
import java.util.List;
import java.util.Objects;

/**
 * A suggested service type.
 *
 * @param concept the suggested concept
 * @param score how well it matches (BM25F; comparable between the suggestions of one text only)
 * @param matchedWords the words of the text that matched it, as written in the text (lower case), most
 *     telling first
 */
public record Suggestion(Concept concept, double score, List<String> matchedWords) {

  public Suggestion {
    Objects.requireNonNull(concept, "concept");
    matchedWords = List.copyOf(matchedWords);
  }
}
