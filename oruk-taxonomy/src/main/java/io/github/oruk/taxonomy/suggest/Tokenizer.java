package io.github.oruk.taxonomy.suggest;

import io.github.oruk.taxonomy.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Words for matching: lower case, accents and apostrophes removed ({@link Labels#key}), common English
 * words dropped, and each word reduced to its stem with Porter's algorithm (1980), written for this module:
 * plurals, {@code -ed} and {@code -ing} (step 1), then derivational endings such as {@code -ity},
 * {@code -ment} and {@code -ation} where the stem stays long enough (steps 2 to 4), then a final {@code e}
 * and double {@code l} (step 5). So "carers" and "carer" meet, "counselling" and "counselled" do, and so do
 * "disabled", "disability" and "disabilities", or "employ" and "employment".
 */
final class Tokenizer {

  /** A word of the text: its stem and the word as written (lower case). */
  record Token(String stem, String word) {
  }

  private static final Set<String> STOP_WORDS = Set.of(
      "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
      "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "cannot", "could",
      "did", "do", "does", "doing", "down", "during", "each", "etc", "every", "few", "for", "from", "further", "get",
      "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is",
      "it", "its", "itself", "just", "may", "me", "might", "more", "most", "much", "must", "my", "no", "nor", "not",
      "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "out", "over", "own", "per", "same",
      "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "then",
      "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon", "us", "very",
      "via", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "whose", "why", "will",
      "with", "within", "without", "would", "you", "your", "yours", "yourself", "e", "g", "eg", "ie", "s", "t");

  private static final Map<String, String> IRREGULAR = Map.of(
      "children", "child", "women", "woman", "men", "man", "feet", "foot", "teeth", "tooth", "mice", "mouse",
      "lives", "life", "wives", "wife", "leaves", "leave");

  /** Step 2's endings and replacements, a longer ending before any shorter one it ends with. */
  private static final String[][] STEP_2 = {
      {"ational", "ate"}, {"tional", "tion"}, {"ization", "ize"}, {"ation", "ate"}, {"iveness", "ive"},
      {"fulness", "ful"}, {"ousness", "ous"}, {"biliti", "ble"}, {"aliti", "al"}, {"iviti", "ive"}, {"alism", "al"},
      {"entli", "ent"}, {"ousli", "ous"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"}, {"ator", "ate"},
      {"alli", "al"}, {"logi", "log"}, {"bli", "ble"}, {"eli", "e"}};

  private static final String[][] STEP_3 = {
      {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ness", ""}, {"ful", ""}};

  /** Step 4's endings, removed where the stem has m > 1 ({@code -ion} only after s or t). */
  private static final String[] STEP_4 = {
      "ement", "ment", "ance", "ence", "able", "ible", "ant", "ent", "ion", "ism", "ate", "iti", "ous", "ive", "ize",
      "al", "er", "ic", "ou"};

  private Tokenizer() {
  }

  /** The stems of a text, in order, without stop words. */
  static List<String> stems(String text) {
    List<Token> tokens = tokens(text);
    List<String> stems = new ArrayList<>(tokens.size());
    for (Token token : tokens) {
      stems.add(token.stem());
    }
    return stems;
  }

  /** The words of a text with their stems, in order, without stop words. */
  static List<Token> tokens(@Nullable String text) {
    List<Token> tokens = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return tokens;
    }
    String key = Labels.key(text);
    int start = 0;
    int length = key.length();
    while (start < length) {
      int end = key.indexOf(' ', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        String word = key.substring(start, end);
        if (!STOP_WORDS.contains(word)) {
          tokens.add(new Token(stem(word), word));
        }
      }
      start = end + 1;
    }
    return tokens;
  }

  /**
   * The words of a text written in capitals (two letters or more, no lower-case letter), lower-cased: the
   * text's likely acronyms, so "SEND" can be read as one while "send" stays a verb.
   */
  static Set<String> capitalised(@Nullable String text) {
    Set<String> words = null;
    if (text == null || !hasTwoCapitalsInARow(text)) {
      return Set.of();
    }
    int i = 0;
    int length = text.length();
    while (i < length) {
      while (i < length && !Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      int start = i;
      boolean lower = false;
      int letters = 0;
      while (i < length && Character.isLetterOrDigit(text.charAt(i))) {
        char c = text.charAt(i);
        // A plural s after capitals ("EHCPs") still leaves an acronym.
        boolean pluralS = c == 's' && i > start && (i + 1 == length || !Character.isLetterOrDigit(text.charAt(i + 1)));
        lower |= Character.isLowerCase(c) && !pluralS;
        letters += Character.isLetter(c) ? 1 : 0;
        i++;
      }
      if (!lower && letters >= 2) {
        String word = text.substring(start, i);
        if (word.endsWith("s")) {
          word = word.substring(0, word.length() - 1);
        }
        if (words == null) {
          words = new java.util.HashSet<>();
        }
        words.add(word.toLowerCase(java.util.Locale.ROOT));
      }
    }
    return words == null ? Set.of() : words;
  }

  private static boolean hasTwoCapitalsInARow(String text) {
    boolean previous = false;
    for (int i = 0; i < text.length(); i++) {
      boolean upper = Character.isUpperCase(text.charAt(i));
      if (upper && previous) {
        return true;
      }
      previous = upper;
    }
    return false;
  }

  /** Porter's steps 1 to 5, for lower-case words; words with digits or other characters are kept as they are. */
  static String stem(String word) {
    String irregular = IRREGULAR.get(word);
    if (irregular != null) {
      return irregular;
    }
    if (word.length() <= 2 || !isAlphabetic(word)) {
      return word;
    }
    String w = word;
    // 1a: plurals.
    if (w.endsWith("sses")) {
      w = w.substring(0, w.length() - 2);
    } else if (w.endsWith("ies")) {
      w = w.substring(0, w.length() - 2);
    } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is") && w.length() > 3) {
      w = w.substring(0, w.length() - 1);
    }
    // 1b: -eed, -ed, -ing.
    boolean tidy = false;
    if (w.endsWith("eed")) {
      if (measure(w, w.length() - 3) > 0) {
        w = w.substring(0, w.length() - 1);
      }
    } else if (w.endsWith("ed") && hasVowel(w, w.length() - 2)) {
      w = w.substring(0, w.length() - 2);
      tidy = true;
    } else if (w.endsWith("ing") && hasVowel(w, w.length() - 3)) {
      w = w.substring(0, w.length() - 3);
      tidy = true;
    }
    if (tidy) {
      if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) {
        w = w + "e";
      } else if (endsWithDoubleConsonant(w) && !(w.endsWith("l") || w.endsWith("s") || w.endsWith("z"))) {
        w = w.substring(0, w.length() - 1);
      } else if (measure(w, w.length()) == 1 && endsCvc(w)) {
        w = w + "e";
      }
    }
    // 1c, as Porter's later English stemmer has it: a final y after a consonant that is not the first letter
    // becomes i ("cry", "families"), but not after a vowel, so "employ" and "employment" meet.
    if (w.endsWith("y") && w.length() > 2 && isConsonant(w, w.length() - 2)) {
      w = w.substring(0, w.length() - 1) + "i";
    }
    w = suffixes(w);
    // 5a: a final e goes where the stem is long enough ("house" and "housing" meet; "care" keeps its e).
    if (w.endsWith("e")) {
      int m = measure(w, w.length() - 1);
      if (m > 1 || m == 1 && !endsCvc(w.substring(0, w.length() - 1))) {
        w = w.substring(0, w.length() - 1);
      }
    }
    // 5b: a final double l goes to one on long stems ("counselling" and "counsel" meet).
    if (w.endsWith("ll") && measure(w, w.length()) > 1) {
      w = w.substring(0, w.length() - 1);
    }
    return w;
  }

  /** Porter's steps 2 to 4: derivational endings, the longest matching one only, where the stem stays long. */
  private static String suffixes(String word) {
    String w = replaceEnding(word, STEP_2);
    w = replaceEnding(w, STEP_3);
    for (String ending : STEP_4) {
      if (w.endsWith(ending)) {
        int stem = w.length() - ending.length();
        boolean ion = ending.equals("ion");
        if (measure(w, stem) > 1 && (!ion || stem > 0 && (w.charAt(stem - 1) == 's' || w.charAt(stem - 1) == 't'))) {
          w = w.substring(0, stem);
        }
        break;
      }
    }
    return w;
  }

  private static String replaceEnding(String w, String[][] rules) {
    for (String[] rule : rules) {
      if (w.endsWith(rule[0])) {
        int stem = w.length() - rule[0].length();
        return measure(w, stem) > 0 ? w.substring(0, stem) + rule[1] : w;
      }
    }
    return w;
  }

  private static boolean isAlphabetic(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }

  private static boolean isConsonant(String w, int i) {
    char c = w.charAt(i);
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') {
      return false;
    }
    if (c == 'y') {
      return i == 0 || !isConsonant(w, i - 1);
    }
    return true;
  }

  /** Porter's m: the number of vowel-consonant sequences in {@code w[0, end)}. */
  private static int measure(String w, int end) {
    int m = 0;
    int i = 0;
    while (i < end && isConsonant(w, i)) {
      i++;
    }
    while (i < end) {
      while (i < end && !isConsonant(w, i)) {
        i++;
      }
      if (i >= end) {
        break;
      }
      while (i < end && isConsonant(w, i)) {
        i++;
      }
      m++;
    }
    return m;
  }

  private static boolean hasVowel(String w, int end) {
    for (int i = 0; i < end; i++) {
      if (!isConsonant(w, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithDoubleConsonant(String w) {
    int n = w.length();
    return n >= 2 && w.charAt(n - 1) == w.charAt(n - 2) && isConsonant(w, n - 1);
  }

  /** Consonant-vowel-consonant at the end, the last not w, x or y ("hop", not "snow"). */
  private static boolean endsCvc(String w) {
    int n = w.length();
    if (n < 3 || !isConsonant(w, n - 1) || isConsonant(w, n - 2) || !isConsonant(w, n - 3)) {
      return false;
    }
    char last = w.charAt(n - 1);
    return last != 'w' && last != 'x' && last != 'y';
  }
}
