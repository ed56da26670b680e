package io.github.oruk.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.query.Endpoint;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The client's small parts on their own: backoff, Retry-After, bodies, politeness and addresses. */
class WireLevelPartsTest {

  @Test
  void backoffIsFullJitterUnderAnExponentialCeiling() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1_000), Duration.ofMinutes(1));
    long[] ceilings = {100, 200, 400, 800, 1_000, 1_000};
    for (int attempt = 1; attempt <= ceilings.length; attempt++) {
      long highest = 0;
      long lowest = Long.MAX_VALUE;
      for (int i = 0; i < 2_000; i++) {
        long wait = policy.backoff(attempt).toMillis();
        assertTrue(wait >= 0 && wait <= ceilings[attempt - 1], "attempt " + attempt + ": " + wait);
        highest = Math.max(highest, wait);
        lowest = Math.min(lowest, wait);
      }
      assertTrue(highest > ceilings[attempt - 1] * 0.9, "uses the whole range up to the ceiling: " + highest);
      assertTrue(lowest < ceilings[attempt - 1] * 0.1, "down to nearly nothing: " + lowest);
    }
    assertEquals(Duration.ZERO, new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO).backoff(2));
  }

  @Test
  void retryAfterIsSecondsOrAnHttpDate() {
    Instant now = Instant.parse("2026-11-24T10:00:00Z");
    assertEquals(Duration.ofSeconds(120), RetryPolicy.parseRetryAfter("120", now));
    assertEquals(Duration.ofSeconds(0), RetryPolicy.parseRetryAfter(" 0 ", now));
    assertEquals(Duration.ofSeconds(90), RetryPolicy.parseRetryAfter("Tue, 24 Nov 2026 10:01:30 GMT", now));
    assertEquals(Duration.ZERO, RetryPolicy.parseRetryAfter("Tue, 24 Nov 2026 09:00:00 GMT", now), "a past date");
    assertNull(RetryPolicy.parseRetryAfter("soon", now));
    assertNull(RetryPolicy.parseRetryAfter("-5", now));
    assertNull(RetryPolicy.parseRetryAfter("99999999999999999999999", now));
    assertNull(RetryPolicy.parseRetryAfter(null, now));
  }

  @Test
  void onlyTransientStatusesAreRetryable() {
    for (int status : new int[] {408, 429, 502, 503, 504}) {
      assertTrue(HttpStatus.retryable(status), Integer.toString(status));
    }
    for (int status : new int[] {200, 301, 400, 401, 403, 404, 410, 500, 501}) {
      assertTrue(!HttpStatus.retryable(status), Integer.toString(status));
    }
    assertEquals("503 Service Unavailable", HttpStatus.describe(503));
    assertEquals("599", HttpStatus.describe(599));
  }

  @Test
  void decodingIsLimitedOnTheDecodedSize() throws Exception {
    byte[] text = "{\"a\":1}".repeat(1_000).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(text);
    }
    assertArrayEquals(text, ResponseBody.decode(zipped.toByteArray(), "gzip", text.length, false));
    assertArrayEquals(text, ResponseBody.decode(zipped.toByteArray(), "GZIP, identity", text.length, false));
    assertArrayEquals(text, ResponseBody.decode(text, null, 1, false), "not encoded: the transfer limit applies");
    ResponseBody.TooLarge tooLarge = assertThrows(ResponseBody.TooLarge.class,
        () -> ResponseBody.decode(zipped.toByteArray(), "gzip", text.length - 1, false));
    assertTrue(tooLarge.decoded);
    assertEquals(100, ResponseBody.decode(zipped.toByteArray(), "gzip", 100, true).length, "an excerpt is cut short");
    assertThrows(ResponseBody.BadEncoding.class, () -> ResponseBody.decode(text, "compress", 1_000_000, false));
  }

  @Test
  void politenessSpacesRequestsPerHost() {
    HostRateLimiter limiter = new HostRateLimiter(10);
    URI a = URI.create("http://a.test/x");
    URI b = URI.create("http://b.test/x");
    assertEquals(0, limiter.reserveNanos(a));
    long second = limiter.reserveNanos(a);
    long third = limiter.reserveNanos(a);
    assertTrue(second > 90_000_000 && second <= 100_000_000, "about 100 ms: " + second);
    assertTrue(third > 190_000_000 && third <= 200_000_000, "about 200 ms: " + third);
    assertEquals(0, limiter.reserveNanos(b), "another host has its own bucket");
    assertEquals(0, new HostRateLimiter(0).reserveNanos(a), "0 means no limit");
  }

  @Test
  void addressesResolveUnderTheBase() {
    FeedAddress plain = FeedAddress.of("https://example.org/api");
    assertEquals("https://example.org/api/", plain.base().toString());
    assertEquals("https://example.org/api/services?per_page=5",
        plain.resolve(Endpoint.SERVICES, null, "per_page=5").toString());
    assertEquals("https://example.org/api/", plain.resolve(Endpoint.API_DETAILS, null, "").toString());
    assertEquals("https://example.org/api/taxonomy_terms/esd%3A1",
        plain.resolve(Endpoint.TAXONOMY_TERM, "esd:1", "").toString());
    assertEquals("https://example.org/", FeedAddress.of("https://example.org").base().toString());
    assertEquals("https://example.org/", FeedAddress.of("https://example.org/services").base().toString());
    assertEquals("https://example.org:8443/v3/", FeedAddress.of("HTTPS://example.org:8443/v3/services//").base().toString());
    assertEquals("https://example.org/my%20feed/", FeedAddress.of("https://example.org/my%20feed").base().toString());
    assertTrue(FeedAddress.of("https://example.org/api/services").note().contains("ends in /services"));
    assertThrows(IllegalArgumentException.class, () -> FeedAddress.of(""));
    assertThrows(IllegalArgumentException.class, () -> FeedAddress.of("example.org/api"));
    assertThrows(IllegalArgumentException.class, () -> FeedAddress.of("https://example.org/api#top"));
  }

  @Test
  void excerptsAreOneShortLine() {
    assertEquals("", Transport.excerpt(new byte[0]));
    assertEquals("a b c", Transport.excerpt("a\n\tb\r\n  c ".getBytes(StandardCharsets.UTF_8)));
    String excerpt = Transport.excerpt("x".repeat(1_000).getBytes(StandardCharsets.UTF_8));
    assertEquals(201, excerpt.length());
    assertTrue(excerpt.endsWith("…"));
  }

  @Test
  void legacyVersionsAreRecognised() {
    assertTrue(FeedReader.isLegacyVersion("1.0"));
    assertTrue(FeedReader.isLegacyVersion("HSDS-UK-1.0"));
    assertTrue(FeedReader.isLegacyVersion("v1"));
    assertTrue(!FeedReader.isLegacyVersion("HSDS-UK-3.0"));
    assertTrue(!FeedReader.isLegacyVersion("3.0.1"));
    assertTrue(!FeedReader.isLegacyVersion(null));
    assertTrue(!FeedReader.isLegacyVersion("10.2"));
  }
}
