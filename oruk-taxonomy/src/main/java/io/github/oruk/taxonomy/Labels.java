package io.github.oruk.taxonomy;

import java.text.Normalizer;

/**
 * Keys for comparing labels and vocabulary names the way people read them: case, accents, punctuation
 * and spacing do not matter.
 *
 * <p>{@code "Carers' support groups"}, {@code "carers support-groups"} and {@code "CARERS SUPPORT GROUPS"}
 * share the key {@code "carers support groups"}; {@code "Café"} and {@code "cafe"} share {@code "cafe"};
 * {@code "Music, arts & dance"} and {@code "Music, arts and dance"} share {@code "music arts and dance"}.
 */
public final class Labels {

  private Labels() {
  }

  /**
   * The comparison key of a label: lower case, accents removed, apostrophes dropped, {@code &} read as
   * "and", every other run of non-alphanumeric characters turned into one space, trimmed.
   */
  public static String key(String label) {
    if (label == null) {
      return "";
    }
    String text = label;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        text = stripMarks(text);
        break;
      }
    }
    StringBuilder key = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '\u2019' || c == '\u2018') {
        continue;
      }
      if (c == '&') {
        key.append(key.length() > 0 ? " and" : "and");
        pendingSpace = true;
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        if (pendingSpace && key.length() > 0) {
          key.append(' ');
        }
        pendingSpace = false;
        key.append(Character.toLowerCase(c));
      } else {
        pendingSpace = true;
      }
    }
    return key.toString();
  }

  /**
   * The comparison key of a vocabulary name or CURIE prefix: the label key without spaces, a leading
   * {@code "test "} (seen in copied fixtures) and a plural {@code s} removed, so {@code esdServiceTypes},
   * {@code esdServiceType} and {@code "esd service types"} are the same vocabulary.
   */
  public static String vocabularyKey(String name) {
    String key = key(name);
    if (key.startsWith("test ")) {
      key = key.substring(5);
    }
    StringBuilder compact = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c != ' ') {
        compact.append(c);
      }
    }
    int length = compact.length();
    if (length > 3 && compact.charAt(length - 1) == 's' && compact.charAt(length - 2) != 's') {
      compact.setLength(length - 1);
    }
    return compact.toString();
  }

  private static String stripMarks(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder plain = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        plain.append(c);
      }
    }
    return plain.toString();
  }
}
