package io.github.oruk.hub.page;

import io.github.oruk.server.PathHandler.Answer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * Pieces of the hub's server-rendered pages. Text from a feed or a register only ever reaches a page through
 * {@link #escape}; the pages' own style and script are inline, allowed by their hashes ({@link #hashSource}), so
 * a policy can refuse every other script, even one that escaping had somehow let through.
 */
public final class Html {

  private Html() {
  }

  /** Text made safe as HTML or SVG (XML) character data and as a quoted attribute value. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A Content-Security-Policy source allowing exactly this inline style or script: {@code 'sha256-…'}. */
  public static String hashSource(String inline) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * A page as sent: UTF-8 HTML, not to be reused without asking again ({@code Cache-Control: no-cache}, as pages
   * are built from the store on each request), under this Content-Security-Policy.
   */
  public static Answer page(String html, String policy) {
    return new Answer("text/html; charset=utf-8", Map.of("Cache-Control", "no-cache",
        "Content-Security-Policy", policy), html.getBytes(StandardCharsets.UTF_8));
  }
}
