package io.github.oruk.server.finder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.server.OrukApi;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.server.memory.InMemoryDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The finder's files over HTTP: each with its content type, a strict Content-Security-Policy that still lets the page
 * reach any feed, and caching that cannot mix versions (the page revalidated, its script and style sheet linked by a
 * hash of their content and kept for a year). Anything else below /finder/ is the API's JSON 404. The page itself is
 * tested in a browser by oruk-hub's FinderBrowserTest.
 */
class FinderTest {

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void servesItsThreeFilesWithAStrictPolicyAndTheApisJson404ForAnythingElse() throws Exception {
    try (OrukHttpServer server = OrukHttpServer.builder(OrukApi.builder(InMemoryDirectory.of(List.of()))
        .path("finder", new Finder()).build()).host("127.0.0.1").port(0).shutdownGrace(Duration.ZERO).start()) {
      URI base = server.uri();
      HttpResponse<byte[]> page = get(base.resolve("/finder/"));
      assertEquals(200, page.statusCode());
      assertEquals("text/html; charset=utf-8", normal(page.headers().firstValue("Content-Type").orElse("")));
      assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElse(null));
      assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(null));
      String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(policy.contains("default-src 'none'") && policy.contains("script-src 'self';")
          && policy.contains("style-src 'self';") && policy.contains("connect-src 'self' http: https:;")
          && policy.contains("frame-ancestors 'none'"), policy);
      assertFalse(policy.contains("unsafe"), "no inline script or style: " + policy);
      String html = new String(page.body(), StandardCharsets.UTF_8);
      assertFalse(html.contains("<script>") || Pattern.compile("\\son[a-z]+=").matcher(html).find(),
          "no inline script or handler in the page");
      HttpResponse<byte[]> bare = get(base.resolve("/finder"));
      assertEquals(308, bare.statusCode(), "without the slash, the page's relative links would miss: redirected");
      assertEquals("finder/", bare.headers().firstValue("Location").orElse(""));

      for (String[] file : new String[][] {{"finder\\.js", "text/javascript"}, {"finder\\.css", "text/css"}}) {
        Matcher link = Pattern.compile("\"(" + file[0] + ")\\?v=([0-9a-f]{12})\"").matcher(html);
        assertTrue(link.find(), "the page links " + file[0] + " with a version: " + html);
        HttpResponse<byte[]> asset = get(base.resolve("/finder/" + link.group(1) + "?v=" + link.group(2)));
        assertEquals(200, asset.statusCode(), link.group(1));
        assertEquals(file[1] + "; charset=utf-8", normal(asset.headers().firstValue("Content-Type").orElse("")));
        assertEquals("public, max-age=31536000, immutable", asset.headers().firstValue("Cache-Control").orElse(null));
        assertEquals(policy, asset.headers().firstValue("Content-Security-Policy").orElse(null));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(asset.body());
        assertEquals(HexFormat.of().formatHex(digest, 0, 6), link.group(2), "the version is the content's hash");
      }

      for (String path : List.of("/finder/nope.js", "/finder/finder.js/x", "/finder/../secret", "/finder/index.htm")) {
        HttpResponse<byte[]> missing = get(base.resolve(path));
        assertEquals(404, missing.statusCode(), path);
        assertTrue(normal(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/json"), path);
        assertTrue(new String(missing.body(), StandardCharsets.UTF_8).contains("\"error\":\"not_found\""), path);
      }
      assertEquals(200, get(base.resolve("/services")).statusCode(), "the API is unchanged beside it");
    }
  }

  private static String normal(String contentType) {
    return contentType.replace(";charset", "; charset");
  }

  private static HttpResponse<byte[]> get(URI uri) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
