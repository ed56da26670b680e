package io.github.oruk.server.geo;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The shape of UK postcodes: tidying what people type ({@code bs14dj}, {@code " BS1  4DJ "}) into the
 * standard form {@code BS1 4DJ}. It checks the shape only, not that the postcode exists.
 */
public final class Postcodes {

  private static final Pattern FULL = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}");
  private static final Pattern OUTWARD = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?");

  private Postcodes() {
  }

  /**
   * The postcode in standard form (upper case, one space before the last three characters), or empty
   * when the text is not shaped like a full UK postcode.
   */
  public static Optional<String> normalize(@Nullable String text) {
    if (text == null) {
      return Optional.empty();
    }
    String compact = compact(text);
    if (!FULL.matcher(compact).matches()) {
      return Optional.empty();
    }
    return Optional.of(compact.substring(0, compact.length() - 3) + ' ' + compact.substring(compact.length() - 3));
  }

  /**
   * The outward code (the district, such as {@code BS1}) of a full postcode, or of text that is itself
   * an outward code; empty when it is neither.
   */
  public static Optional<String> outward(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Optional<String> full = normalize(text);
    if (full.isPresent()) {
      String postcode = full.get();
      return Optional.of(postcode.substring(0, postcode.indexOf(' ')));
    }
    String compact = compact(text);
    return OUTWARD.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
  }

  private static String compact(String text) {
    StringBuilder compact = new StringBuilder(8);
    for (int i = 0; i < text.length() && compact.length() <= 8; i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        compact.append(Character.toUpperCase(c));
      }
    }
    return compact.toString().toUpperCase(Locale.ROOT);
  }
}
