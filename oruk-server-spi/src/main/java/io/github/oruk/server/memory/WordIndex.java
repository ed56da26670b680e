package io.github.oruk.server.memory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An inverted index from words to the positions of the records that contain them. Words are runs of
 * letters and digits, compared without case or accents ({@code Café} matches {@code cafe}).
 */
final class WordIndex {

  private final Map<String, int[]> postings;

  private WordIndex(Map<String, int[]> postings) {
    this.postings = postings;
  }

  /** The words of a text, lower case and without accents, in order (repeats kept). */
  static List<String> words(@Nullable String text) {
    List<String> words = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return words;
    }
    String plain = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < plain.length(); ) {
      int c = plain.codePointAt(i);
      i += Character.charCount(c);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        word.appendCodePoint(c);
      } else if (word.length() > 0) {
        words.add(word.toString().toLowerCase(Locale.ROOT));
        word.setLength(0);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  /**
   * The positions of the records containing every word of {@code query}; null when the query has no
   * words at all (nothing to narrow by).
   */
  @Nullable BitSet match(String query) {
    List<String> wanted = words(query);
    if (wanted.isEmpty()) {
      return null;
    }
    BitSet result = null;
    for (String word : wanted) {
      int[] positions = postings.get(word);
      if (positions == null) {
        return new BitSet();
      }
      BitSet these = Positions.toBitSet(positions);
      if (result == null) {
        result = these;
      } else {
        result.and(these);
      }
    }
    return result;
  }

  /** Collects the words of records added in position order. */
  static final class Builder {
    private final Map<String, Positions.Growing> postings = new HashMap<>();

    /** Adds the words of these texts for the record at {@code position} (positions must not decrease). */
    void add(int position, @Nullable String... texts) {
      for (String text : texts) {
        for (String word : words(text)) {
          postings.computeIfAbsent(word, w -> new Positions.Growing()).add(position);
        }
      }
    }

    WordIndex build() {
      Map<String, int[]> frozen = new HashMap<>(postings.size() * 2);
      postings.forEach((word, positions) -> frozen.put(word, positions.toArray()));
      return new WordIndex(frozen);
    }
  }
}
