package io.github.oruk.taxonomy.suggest;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A small table of how people write about public services that a taxonomy's own words miss: acronyms that
 * directory entries use without spelling them out, and a few everyday words for groups of people. It is
 * about the language, not about any taxonomy or example: each entry says what the words mean, in plain
 * words, and the suggester reads those words as well as the ones written (never instead of them).
 *
 * <p>An acronym counts only where the text writes it in capitals ("SEND", "EHCPs"), so "send" stays a verb.
 * Extend a scheme with its own synonyms (SKOS {@code altLabel}, a CSV synonyms column) for anything local.
 */
final class LayTerms {

  /** Acronyms common in UK public-service writing, written in capitals in the text, and what they stand for. */
  static final Map<String, String> ACRONYMS = Map.ofEntries(
      Map.entry("sen", "special educational needs"),
      Map.entry("send", "special educational needs and disabilities"),
      Map.entry("senco", "special educational needs coordinator"),
      Map.entry("ehcp", "education health and care plan"),
      Map.entry("ehc", "education health and care"),
      Map.entry("camhs", "child and adolescent mental health services"),
      Map.entry("lac", "looked after children"),
      Map.entry("neet", "not in education employment or training"),
      Map.entry("asb", "anti social behaviour"),
      Map.entry("dv", "domestic violence"),
      Map.entry("hmo", "house in multiple occupation"),
      Map.entry("dfg", "disabled facilities grant"),
      Map.entry("dhp", "discretionary housing payment"),
      Map.entry("pip", "personal independence payment"),
      Map.entry("esa", "employment and support allowance"),
      Map.entry("jsa", "jobseekers allowance"),
      Map.entry("uc", "universal credit"),
      Map.entry("ctr", "council tax reduction"),
      Map.entry("pcn", "penalty charge notice"),
      Map.entry("tpo", "tree preservation order"),
      Map.entry("hwrc", "household waste recycling centre"),
      Map.entry("sti", "sexually transmitted infection"),
      Map.entry("bsl", "british sign language"),
      Map.entry("ot", "occupational therapy"),
      Map.entry("ld", "learning disabilities"),
      Map.entry("asd", "autism spectrum disorder"),
      Map.entry("haf", "holiday activities and food"),
      Map.entry("lgbt", "lesbian gay bisexual transgender"),
      Map.entry("lgbtq", "lesbian gay bisexual transgender"),
      Map.entry("dbs", "disclosure and barring service"),
      Map.entry("esol", "english for speakers of other languages"));

  /** Everyday words for groups of people and their official counterparts, in any case. */
  static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("elderly", "older people"),
      Map.entry("pensioners", "older people"),
      Map.entry("seniors", "older people"),
      Map.entry("kids", "children"),
      Map.entry("teens", "young people"),
      Map.entry("teenagers", "young people"),
      Map.entry("youngsters", "young people"),
      Map.entry("mums", "parents"),
      Map.entry("dads", "parents"),
      Map.entry("nursery", "childcare"),
      Map.entry("nurseries", "childcare"));

  private LayTerms() {
  }

  /** What a word of the text stands for, or null: {@code capitals} holds the words written in capitals. */
  static @Nullable String meaning(String word, Set<String> capitals) {
    if (!capitals.isEmpty()) {
      if (capitals.contains(word)) {
        String acronym = ACRONYMS.get(word);
        if (acronym != null) {
          return acronym;
        }
      }
      // A plural acronym ("EHCPs") is noted in the singular.
      if (word.endsWith("s")) {
        String singular = word.substring(0, word.length() - 1);
        if (capitals.contains(singular) && ACRONYMS.containsKey(singular)) {
          return ACRONYMS.get(singular);
        }
      }
    }
    return WORDS.get(word);
  }
}
