package io.github.oruk.hub.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Puts names, postcodes, phone numbers, e-mail and web addresses into one form each, so that two sources
 * writing the same thing differently compare equal.
 *
 * <p>The abbreviations are few on purpose: each one is a word directories really write two ways, and a long list
 * would make different names equal. Both forms become one token:
 * <ul>
 *   <li>{@code &} and {@code and} (then dropped, with the other small words {@code the}, {@code of}, {@code a},
 *       {@code at}, {@code in}, {@code for});
 *   <li>{@code St}, {@code Street} and {@code Saint} are one word, {@code st}: which one is meant the rest of
 *       the name tells, and either way both sources wrote the same;
 *   <li>{@code Rd} and {@code Road}; {@code Ave} and {@code Avenue}; {@code Ctr}, {@code Cntr}, {@code Center}
 *       and {@code Centre};
 *   <li>{@code CAB} is {@code Citizens Advice}, and {@code Bureau} after it is dropped.
 * </ul>
 */
final class Normalizer {

  private static final Set<String> SMALL_WORDS = Set.of("and", "the", "of", "a", "at", "in", "for");
  private static final Map<String, String> SAME_WORD = Map.ofEntries(
      Map.entry("street", "st"), Map.entry("saint", "st"),
      Map.entry("rd", "road"), Map.entry("ave", "avenue"),
      Map.entry("ctr", "centre"), Map.entry("cntr", "centre"), Map.entry("center", "centre"));

  private Normalizer() {
  }

  /**
   * The words of a name or an address line, lower case, letters and digits only, abbreviations in one form,
   * small words left out, in their order.
   */
  static List<String> words(@Nullable String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? Character.toLowerCase(text.charAt(i)) : ' ';
      if (Character.isLetterOrDigit(c)) {
        word.append(c);
      } else if (c == '\'' || c == '\u2019') {
        continue; // "St Mary's" and "St Marys" are one word
      } else if (word.length() > 0) {
        add(words, word.toString());
        word.setLength(0);
      }
    }
    return words;
  }

  private static void add(List<String> words, String word) {
    if (word.equals("cab")) {
      words.add("citizens");
      words.add("advice");
      return;
    }
    if (word.equals("bureau") && !words.isEmpty() && words.get(words.size() - 1).equals("advice")) {
      return;
    }
    if (!SMALL_WORDS.contains(word)) {
      words.add(SAME_WORD.getOrDefault(word, word));
    }
  }

  /** A UK postcode in capitals without spaces ({@code BS153QH}), or null when it is not one. */
  static @Nullable String postcode(@Nullable String text) {
    if (text == null) {
      return null;
    }
    StringBuilder code = new StringBuilder(8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        code.append(Character.toUpperCase(c));
      }
    }
    int length = code.length();
    if (length < 5 || length > 7 || !Character.isDigit(code.charAt(length - 3))
        || !Character.isLetter(code.charAt(0))) {
      return null;
    }
    return code.toString();
  }

  /**
   * A UK phone number as its national digits ({@code 01174960123}) whether written {@code 0117 496 0123},
   * {@code +44 (0)117 496 0123}, {@code 0044 117 4960123} or {@code (0117) 4960123}; another country's number as
   * its digits with the country code; null when there are fewer than seven digits.
   */
  static @Nullable String phone(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    StringBuilder digits = new StringBuilder(16);
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    String number = digits.toString();
    boolean international = trimmed.startsWith("+") || number.startsWith("00");
    if (number.startsWith("00")) {
      number = number.substring(2);
    }
    if (international || (number.startsWith("44") && number.length() >= 12)) {
      if (!number.startsWith("44")) {
        return number.length() >= 7 ? "+" + number : null;
      }
      number = number.substring(2);
      number = number.startsWith("0") ? number : "0" + number;
    }
    return number.length() >= 7 ? number : null;
  }

  /** An e-mail address in lower case, or null when it has no {@code @}. */
  static @Nullable String email(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String email = text.strip().toLowerCase(Locale.ROOT);
    if (email.startsWith("mailto:")) {
      email = email.substring(7);
    }
    int at = email.indexOf('@');
    return at > 0 && at < email.length() - 1 ? email : null;
  }

  /**
   * A web address without its scheme, {@code www.}, query, fragment and trailing slash, in lower case
   * ({@code example.org/services/food-bank}), or null when it has no host.
   */
  static @Nullable String url(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String url = text.strip().toLowerCase(Locale.ROOT);
    int scheme = url.indexOf("://");
    if (scheme >= 0) {
      url = url.substring(scheme + 3);
    }
    if (url.startsWith("www.")) {
      url = url.substring(4);
    }
    for (char end : new char[] {'?', '#'}) {
      int at = url.indexOf(end);
      if (at >= 0) {
        url = url.substring(0, at);
      }
    }
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    return url.isEmpty() || url.startsWith("/") ? null : url;
  }

  /** The host of a normalised web address or the part after the {@code @} of an e-mail address. */
  static String domain(String normalised) {
    int at = normalised.indexOf('@');
    if (at >= 0) {
      String host = normalised.substring(at + 1);
      return host.startsWith("www.") ? host.substring(4) : host;
    }
    int slash = normalised.indexOf('/');
    return slash < 0 ? normalised : normalised.substring(0, slash);
  }
}
