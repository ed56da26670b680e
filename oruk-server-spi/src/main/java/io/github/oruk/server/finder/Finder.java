package io.github.oruk.server.finder;

import io.github.oruk.server.PathHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service finder, a static page for people: search words, postcode and distance, service type, age and "open
 * now", results with distance and opening times, and a detail view with contacts and a map link. Mount it beside the
 * ORUK endpoints:
 *
 * <pre>{@code
 * OrukApi api = OrukApi.builder(directory).path("finder", new Finder()).build();
 * // the page is then at http://HOST:PORT/finder/
 * }</pre>
 *
 * <p>The page is three files (HTML, one script, one style sheet) and fetches nothing but the feed it searches: the
 * server it is served from, or any CORS-enabled ORUK 3.0 feed named by {@code ?feed=URL}. Everything it shows is
 * worked out in the browser from the feed's own answers, so the files are the same for every server and app
 * builders can copy them. Open it at {@code /finder/}, with the slash: its files are linked relative to that.
 *
 * <p>Every answer carries a strict {@code Content-Security-Policy}: scripts and styles only from the finder's own
 * files (no inline script), connections to any http or https address (so any feed can be searched), no frames, no
 * plugins. The page is {@code no-cache}; the script and style sheet are linked with a hash of their content and
 * cached for a year, so a new version is never mixed with an old one. Any other path below the finder is the API's
 * JSON 404.
 */
public final class Finder implements PathHandler {

  /**
   * The policy of every finder file. {@code connect-src} allows every http and https address because the page
   * searches whichever feed {@code ?feed=} names; it can only read what such a feed lets it read (CORS).
   */
  static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' http:"
      + " https:; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private static final String HTML_TYPE = "text/html; charset=utf-8";
  private static final String SCRIPT_TYPE = "text/javascript; charset=utf-8";
  private static final String STYLE_TYPE = "text/css; charset=utf-8";
  private static final String SCRIPT = "finder.js";
  private static final String STYLE = "finder.css";

  private final Answer page;
  private final Answer script;
  private final Answer style;

  /** The finder, its files read from this module. */
  public Finder() {
    byte[] scriptBytes = resource(SCRIPT);
    byte[] styleBytes = resource(STYLE);
    String html = new String(resource("index.html"), StandardCharsets.UTF_8)
        .replace("{{script}}", SCRIPT + "?v=" + version(scriptBytes))
        .replace("{{style}}", STYLE + "?v=" + version(styleBytes));
    this.page = answer(HTML_TYPE, "no-cache", html.getBytes(StandardCharsets.UTF_8));
    this.script = answer(SCRIPT_TYPE, "public, max-age=31536000, immutable", scriptBytes);
    this.style = answer(STYLE_TYPE, "public, max-age=31536000, immutable", styleBytes);
  }

  /** A folder: {@code /finder} is redirected to {@code /finder/}, so the page's relative links resolve under it. */
  @Override
  public boolean folder() {
    return true;
  }

  @Override
  public Optional<Answer> answer(List<String> segments) {
    if (segments.isEmpty() || segments.size() == 1 && segments.get(0).equals("index.html")) {
      return Optional.of(page);
    }
    if (segments.size() == 1 && segments.get(0).equals(SCRIPT)) {
      return Optional.of(script);
    }
    if (segments.size() == 1 && segments.get(0).equals(STYLE)) {
      return Optional.of(style);
    }
    return Optional.empty();
  }

  private static Answer answer(String type, String cacheControl, byte[] body) {
    return new Answer(type, Map.of("Cache-Control", cacheControl, "Content-Security-Policy", POLICY,
        // the page's address holds a person's search (a postcode): links it opens, such as the map, are not told it
        "Referrer-Policy", "no-referrer"), body);
  }

  private static byte[] resource(String name) {
    try (InputStream in = Finder.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the finder's file " + name + " is missing from oruk-server-spi's jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first 12 hex digits of the content's SHA-256: a new file, a new address. */
  private static String version(byte[] content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
