package io.github.oruk.hub.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorerTest {

  @Test
  void wordsDifferingByATypingSlipAreAlikeAndOthersNot() {
    assertEquals(0.875, Scorer.words("oakfield", "oakfeild"), 1e-9, "two letters swapped: one edit in eight");
    assertEquals(1 - 1 / 9.0, Scorer.words("wellbeing", "welbeing"), 1e-9, "one letter dropped from nine");
    assertEquals(0.75, Scorer.words("food", "fold"), 1e-9);
    assertEquals(0, Scorer.words("leeds", "bradford"));
    assertEquals(0.8, Scorer.words("club", "clubs"), 1e-9, "one edit in five");
    assertEquals(0, Scorer.words("hub", "pub"), "words under four letters must be equal");
    assertEquals(0, Scorer.words("family", "famous"), "two edits in six is too many");
    assertEquals(0, Scorer.words("12", "13"), "numbers must be equal");
  }

  @Test
  void theLetterDifferenceNeverExceedsTheEditDistance() {
    List<String> words = List.of("oakfield", "oakfeild", "ashwood", "ashford", "centre", "center", "bank", "bnak",
        "family", "familly", "advice", "advise", "youth", "yuoth", "hub");
    for (String a : words) {
      for (String b : words) {
        assertTrue(Scorer.letterDifference(a, b) <= Scorer.edits(a, b), a + " " + b);
      }
    }
    assertEquals(1, Scorer.edits("centre", "center"), "re and er: neighbours swapped, one edit");
    assertEquals(2, Scorer.edits("advice", "avdise"), "a swap and a change");
  }

  @Test
  void placesInDifferentDistrictsOrAKilometreApartDiffer() {
    Profile.Place leeds = new Profile.Place("LS14AP", List.of("1", "market", "st"), 53.800, -1.549);
    Profile.Place york = new Profile.Place("YO17HH", List.of("1", "market", "st"), 53.960, -1.082);
    Profile.Place next = new Profile.Place("LS14AQ", List.of("3", "market", "st"), 53.8003, -1.5492);

    assertEquals(0, Scorer.place(leeds, york), "the same street name in another town is another place");
    assertTrue(Scorer.place(leeds, next) > 0.6, "next door: " + Scorer.place(leeds, next));
    assertEquals(0.6, Scorer.postcodes("LS14AP", "LS14AQ"), 1e-9);
    assertEquals(0.3, Scorer.postcodes("LS14AP", "LS19ZZ"), 1e-9);
    assertTrue(Math.abs(Scorer.metres(53.800, -1.549, 53.960, -1.082) - 35_000) < 2_000, "Leeds to York");
  }

  @Test
  void rareWordsWeighMoreThanCommonOnes() {
    Scorer scorer = new Scorer(Map.of("food", 0.1, "baby", 0.1, "bank", 0.1, "oakfield", 5.0, "ashwood", 5.0), 5.0, Map.of());

    double differentPlace = scorer.names(List.of("oakfield", "food", "bank"), List.of("ashwood", "food", "bank"));
    double differentKind = scorer.names(List.of("oakfield", "food", "bank"), List.of("oakfield", "baby", "bank"));

    assertTrue(differentPlace < 0.1, "only the common words agree: " + differentPlace);
    assertTrue(differentKind > 0.8, "the rare word agrees: " + differentKind);
  }
}
