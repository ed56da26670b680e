package io.github.oruk.taxonomy.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.taxonomy.Concept;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.SharedFiles;
import io.github.oruk.taxonomy.load.CsvLayout;
import io.github.oruk.taxonomy.load.CsvLoader;
import io.github.oruk.taxonomy.load.SkosLoader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scores from 0 to 1, the minimum score and "no good match", and the stemmer the index relies on. */
class TypeSuggesterTest {

  /** Five types written for the test: two share the word "advice", one has a synonym. */
  private static Scheme small() {
    Scheme.Builder scheme = Scheme.builder("urn:test:types").title("Test types");
    scheme.add(Concept.builder("urn:test:1", "1", "Debt advice").definition("Help with money owed to creditors."));
    scheme.add(Concept.builder("urn:test:2", "2", "Housing advice").definition("Help for tenants and landlords."));
    scheme.add(Concept.builder("urn:test:3", "3", "Food banks").altLabel("Community pantry")
        .definition("Emergency food parcels for people in crisis."));
    scheme.add(Concept.builder("urn:test:4", "4", "Youth clubs").definition("Evening sessions for teenagers."));
    scheme.add(Concept.builder("urn:test:5", "5", "Swimming").definition("Lessons and public sessions at the pool."));
    return scheme.build();
  }

  @Test
  void scoresRunFromZeroToOneBestFirst() {
    TypeSuggester suggester = TypeSuggester.builder(small()).minScore(0).build();

    List<Suggestion> suggestions = suggester.suggest("Money advice",
        "Free advice for people in debt, tenants behind with rent and anyone who needs an emergency food parcel.", 5);

    assertEquals("Debt advice", suggestions.get(0).concept().prefLabel());
    assertTrue(suggestions.size() >= 3, suggestions.toString());
    for (int i = 0; i < suggestions.size(); i++) {
      double score = suggestions.get(i).score();
      assertTrue(score > 0 && score < 1, "a score from 0 to 1: " + score);
      if (i > 0) {
        assertTrue(suggestions.get(i - 1).score() >= score, "best first: " + suggestions);
      }
    }
  }

  @Test
  void aSynonymFoundWholeCountsLikeTheLabel() {
    List<Suggestion> suggestions = TypeSuggester.of(small()).suggest("St Luke's Community Pantry",
        "Open on Thursdays.", 3);

    assertEquals("Food banks", suggestions.get(0).concept().prefLabel());
    assertTrue(suggestions.get(0).matchedWords().containsAll(List.of("community", "pantry")),
        suggestions.get(0).matchedWords().toString());
  }

  @Test
  void theMinimumScoreDropsWeakSuggestions() {
    Scheme scheme = small();
    TypeSuggester everything = TypeSuggester.builder(scheme).minScore(0).build();
    TypeSuggester strict = TypeSuggester.builder(scheme).minScore(0.6).build();
    String text = "Advice on tenancies, and lessons at the pool.";

    List<Suggestion> all = everything.suggest(text, 5);
    List<Suggestion> kept = strict.suggest(text, 5);

    assertTrue(all.stream().anyMatch(s -> s.score() < 0.6), "the text has weak matches: " + all);
    assertTrue(kept.stream().allMatch(s -> s.score() >= 0.6), kept.toString());
    assertEquals(all.stream().filter(s -> s.score() >= 0.6).count(), kept.size());
    assertEquals(TypeSuggester.DEFAULT_MIN_SCORE, TypeSuggester.of(scheme).minScore());
    assertThrows(IllegalArgumentException.class, () -> TypeSuggester.builder(scheme).minScore(1));
    assertThrows(IllegalArgumentException.class, () -> TypeSuggester.builder(scheme).minScore(-0.1));
  }

  /**
   * The documented meaning: a text that just mentions the most telling word of a concept's label scores
   * {@code own / (own + R)}, with R the median of those scores, so the median is 0.5 (five concepts: the
   * third). The most telling words of the five labels are debt, housing (advice is in two labels), food
   * (food and bank are equally rare; the first counts), youth (likewise) and swimming.
   */
  @Test
  void mentioningTheKeyWordOfATypicalLabelScoresAHalf() {
    TypeSuggester suggester = TypeSuggester.builder(small()).minScore(0).build();
    Map<String, String> keyWords = Map.of("urn:test:1", "debt", "urn:test:2", "housing", "urn:test:3", "food",
        "urn:test:4", "youth", "urn:test:5", "swimming");

    double[] own = new double[keyWords.size()];
    int i = 0;
    for (Map.Entry<String, String> key : keyWords.entrySet()) {
      own[i++] = suggester.suggest(key.getValue(), 5).stream()
          .filter(s -> s.concept().uri().equals(key.getKey())).findFirst().orElseThrow().score();
    }
    Arrays.sort(own);

    assertEquals(0.5, own[2], 1e-9, Arrays.toString(own));
    assertTrue(own[0] < own[4], Arrays.toString(own));
  }

  @Test
  void foodBankHasNoGoodMatchAmongSportsActivities() throws IOException {
    Scheme activities = SkosLoader.defaults().load(SharedFiles.require(SharedFiles.OPENACTIVE));
    TypeSuggester suggester = TypeSuggester.of(activities);

    assertEquals(List.of(), suggester.suggest("food bank", 3), "no good match at the default minimum score");
    assertFalse(TypeSuggester.builder(activities).minScore(0).build().suggest("food bank", 3).isEmpty(),
        "below the minimum there are weak matches (a word of a definition), which are not offered");

    List<Suggestion> netball = suggester.suggest("Walking Netball",
        "A gentle, slower version of netball for women over 50 who want to get back into sport.", 3);
    assertEquals("Walking Netball", netball.get(0).concept().prefLabel());
    assertTrue(netball.get(0).score() >= TypeSuggester.DEFAULT_MIN_SCORE, netball.toString());
    List<Suggestion> taiChi = suggester.suggest("Tai chi for older people at the community centre", 3);
    assertEquals("Tai Chi", taiChi.get(0).concept().prefLabel());
  }

  /** Types written for the test in the LGSL's words, for the language a directory writes in. */
  private static Scheme publicServices() {
    Scheme.Builder scheme = Scheme.builder("urn:test:services").title("Test services");
    scheme.add(Concept.builder("urn:test:s1", "s1", "Special educational needs assessment")
        .definition("Assessment of a child's needs for additional support at school."));
    scheme.add(Concept.builder("urn:test:s2", "s2", "Flytipping").definition("Rubbish dumped illegally."));
    scheme.add(Concept.builder("urn:test:s3", "s3", "Food banks").definition("Emergency food for people in crisis."));
    scheme.add(Concept.builder("urn:test:s4", "s4", "Activities for older people")
        .definition("Social and leisure activities."));
    scheme.add(Concept.builder("urn:test:s5", "s5", "Postal services").definition("Letters and parcels to send."));
    return scheme.build();
  }

  @Test
  void anAcronymInCapitalsIsReadAsItsWords() {
    TypeSuggester suggester = TypeSuggester.of(publicServices());

    List<Suggestion> send = suggester.suggest("Parent carer forum", "For families of children with SEND.", 3);
    assertEquals("Special educational needs assessment", send.get(0).concept().prefLabel(), send.toString());
    assertTrue(send.get(0).matchedWords().contains("send"), send.get(0).matchedWords().toString());
    List<Suggestion> plural = suggester.suggest("Help with EHCPs and SEN support", 3);
    assertEquals("Special educational needs assessment", plural.get(0).concept().prefLabel(), plural.toString());

    // Written in lower case it is the verb: no special educational needs.
    List<Suggestion> verb = TypeSuggester.builder(publicServices()).minScore(0).build()
        .suggest("Send us your letters and parcels", 5);
    assertTrue(verb.stream().noneMatch(s -> s.concept().uri().equals("urn:test:s1")), verb.toString());
    assertTrue(TypeSuggester.builder(publicServices()).layTerms(false).build().suggest("Parent carer forum",
        "For families of children with SEND.", 3).stream().noneMatch(s -> s.concept().uri().equals("urn:test:s1")),
        "without lay terms an acronym is just a word");
  }

  @Test
  void everydayWordsForPeopleMeetTheOfficialOnes() {
    List<Suggestion> elderly = TypeSuggester.of(publicServices()).suggest("Tea dance for the elderly", 3);

    assertEquals("Activities for older people", elderly.get(0).concept().prefLabel(), elderly.toString());
  }

  @Test
  void wordsWrittenApartOrTogetherMeet() {
    TypeSuggester suggester = TypeSuggester.of(publicServices());

    List<Suggestion> apart = suggester.suggest("Report fly-tipping on your street", 3);
    assertEquals("Flytipping", apart.get(0).concept().prefLabel(), apart.toString());
    assertTrue(apart.get(0).matchedWords().contains("fly tipping"), apart.get(0).matchedWords().toString());
    List<Suggestion> together = suggester.suggest("St Anne's Foodbank", "Open on Fridays.", 3);
    assertEquals("Food banks", together.get(0).concept().prefLabel(), together.toString());
    // A word is split only where the scheme writes the two parts side by side.
    assertTrue(suggester.suggest("Lettering workshop", 3).isEmpty(), "no 'let' + 'tering' split");
  }

  @Test
  void stemsOfOneWordFamilyMeet() {
    assertEquals(stemsOf("disabled disability disabilities"), List.of("disabl", "disabl", "disabl"));
    assertEquals(Tokenizer.stem("employ"), Tokenizer.stem("employment"));
    assertEquals(Tokenizer.stem("active"), Tokenizer.stem("activities"));
    assertEquals(Tokenizer.stem("counselling"), Tokenizer.stem("counselled"));
    assertEquals(Tokenizer.stem("carer"), Tokenizer.stem("carers"));
    assertNotEquals(Tokenizer.stem("care"), Tokenizer.stem("car"), "short stems keep their e");
    assertEquals("5k", Tokenizer.stem("5k"), "words with digits are kept");
  }

  private static List<String> stemsOf(String text) {
    return new ArrayList<>(Tokenizer.stems(text));
  }
}
