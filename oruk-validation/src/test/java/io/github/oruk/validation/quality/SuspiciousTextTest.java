package io.github.oruk.validation.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The personal-data rule's one-pass pre-check ({@link PersonalDataRule#suspicious}) answers as the searches it
 * replaced did (an {@code @} anywhere; or "07" or "44" and ten ASCII digits), on random text made of digits,
 * {@code @}, separators, and characters whose low byte is a digit or {@code @} (U+0130, U+0140, U+FF10, U+0660).
 */
class SuspiciousTextTest {

  private static boolean searches(String text) {
    long digits = text.chars().filter(c -> c >= '0' && c <= '9').count();
    return text.indexOf('@') >= 0 || (text.contains("07") || text.contains("44")) && digits >= 10;
  }

  @Test
  void onePassAnswersAsTheSearchesDid() {
    String alphabet = "0123456789047444 @.-+()a\u0130\u0140\u0137\u0660\uff10\u00e9\n";
    SplittableRandom random = new SplittableRandom(31);
    int yes = 0;
    int no = 0;
    for (int k = 0; k < 100_000; k++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(0, 24); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      boolean expected = searches(text.toString());
      assertEquals(expected, PersonalDataRule.suspicious(text.toString()), "'" + text + "'");
      yes += expected ? 1 : 0;
      no += expected ? 0 : 1;
    }
    assertTrue(yes > 10_000 && no > 10_000, yes + " suspicious, " + no + " not: the test needs many of both");
  }

  /**
   * Where the pre-check says no personal mail domain follows an {@code @}, the address pattern finds no address at
   * one either: on random text of addresses at personal and other domains, in mixed case, with look-alike domains
   * ({@code gmail.community}, {@code xgmail.com}), several {@code @}, and separators around them.
   */
  @Test
  void noPersonalDomainAfterAnAtMeansThePatternFindsNone() {
    String[] pieces = {"jo", "j.o'k+x", "-", "_", "@", "@@", " ", ".", ",", "<", "(", "\u00e9", "gmail.com", "GMail.Com",
        "hotmail.co.uk", "pm.me", "gmail.community", "xgmail.com", "example.org", "gmail", ".com", "co.uk", "yahoo.co",
        "live.co.ukx", "0", "a-b"};
    SplittableRandom random = new SplittableRandom(41);
    int found = 0;
    int skipped = 0;
    for (int k = 0; k < 100_000; k++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(0, 4); i > 0; i--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      if (random.nextBoolean()) { // something shaped like an address, at one of the domains
        text.append(pieces[random.nextInt(2)]).append('@').append(pieces[12 + random.nextInt(10)]);
      }
      for (int i = random.nextInt(0, 4); i > 0; i--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      boolean maybe = PersonalDataRule.mayNamePersonalDomain(text.toString());
      boolean personal = PersonalDataRule.personalAddress(text.toString()) != null;
      assertTrue(maybe || !personal, "the pre-check passed over a personal address in '" + text + "'");
      found += personal ? 1 : 0;
      skipped += maybe ? 0 : 1;
    }
    assertTrue(found > 10_000 && skipped > 20_000, found + " with a personal address, " + skipped
        + " passed over: the test needs many of both");
  }
}
