package io.github.oruk.model.json;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Finds HTML in text: an opening or closing tag, a comment, or a character entity. */
public final class Markup {

  private static final Pattern HTML = Pattern.compile(
      "<(?:/?[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?|!--.*?--)>|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});",
      Pattern.DOTALL);

  private Markup() {
  }

  /**
   * The first piece of HTML in the text, such as {@code <p>} or {@code &amp;}, or null when there is none.
   * Text like {@code "ages 5 < 11 & carers"} is not HTML.
   */
  public static @Nullable String find(String text) {
    if (!mayHold(text)) {
      return null;
    }
    Matcher match = HTML.matcher(text);
    return match.find() ? match.group() : null;
  }

  /** A quick test: only text with {@code '<'} or {@code ''<' or '&''} can hold a tag or an entity ({@code indexOf} is vectorised). */
  private static boolean mayHold(String text) {
    return text.indexOf('<') >= 0 || text.indexOf('&') >= 0;
  }
}
