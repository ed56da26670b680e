package io.github.oruk.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.server.Throttle;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The small parts of the protocol core: token buckets, entity tags, content coding, paths. */
class ProtocolPartsTest {

  @Test
  void tokenBucketsAllowABurstThenTheRate() {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    TokenBuckets buckets = new TokenBuckets(Throttle.perClient(2, 3), now::get);
    for (int i = 0; i < 3; i++) {
      assertEquals(0, buckets.acquire("a"), "burst " + i);
    }
    long wait = buckets.acquire("a");
    assertTrue(wait > 400_000_000L && wait <= 500_000_000L, "half a second at two per second: " + wait);
    assertEquals(0, buckets.acquire("b"), "another client has its own bucket");
    now.addAndGet(500_000_000L);
    assertEquals(0, buckets.acquire("a"), "refilled after half a second");
    assertTrue(buckets.acquire("a") > 0);
    now.addAndGet(60_000_000_000L);
    for (int i = 0; i < 3; i++) {
      assertEquals(0, buckets.acquire("a"), "never more than the burst, however long the wait");
    }
    assertTrue(buckets.acquire("a") > 0);

    TokenBuckets global = new TokenBuckets(Throttle.global(1, 1), now::get);
    assertEquals(0, global.acquire("a"));
    assertTrue(global.acquire("b") > 0, "one bucket for everyone");
    assertThrows(IllegalArgumentException.class, () -> Throttle.perClient(0, 1));
    assertThrows(IllegalArgumentException.class, () -> Throttle.perClient(1, 0));
  }

  @Test
  void idleClientsAreForgotten() {
    AtomicLong now = new AtomicLong();
    TokenBuckets buckets = new TokenBuckets(Throttle.perClient(10, 1), now::get);
    for (int i = 0; i < 20_000; i++) {
      buckets.acquire("client-" + i);
      now.addAndGet(1_000_000L);
    }
    assertTrue(buckets.trackedClients() < 1_200, "idle clients are dropped: " + buckets.trackedClients());
    assertEquals(0, buckets.acquire("client-0"), "a forgotten client starts with a full bucket");
  }

  @Test
  void entityTagsAreStrongDistinctAndCompareWeakly() {
    String tag = EntityTags.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    assertTrue(tag.matches("\"[0-9a-f]{16}\""), tag);
    assertEquals(tag, EntityTags.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
    assertNotEquals(tag, EntityTags.of("{\"a\":2}".getBytes(StandardCharsets.UTF_8)));
    assertNotEquals(tag, EntityTags.of("{\"a\":1} ".getBytes(StandardCharsets.UTF_8)));
    String gzip = EntityTags.gzip(tag);
    assertTrue(gzip.endsWith("-gz\""), gzip);
    assertTrue(EntityTags.matches(tag, tag));
    assertTrue(EntityTags.matches(gzip, tag));
    assertTrue(EntityTags.matches("W/" + tag, tag));
    assertTrue(EntityTags.matches("\"x\", " + tag, tag));
    assertTrue(EntityTags.matches("*", tag));
    assertFalse(EntityTags.matches("\"x\"", tag));
    assertFalse(EntityTags.matches(null, tag));
  }

  @Test
  void acceptEncodingIsReadWithQualities() {
    assertTrue(ContentCoding.acceptsGzip("gzip"));
    assertTrue(ContentCoding.acceptsGzip("deflate, GZIP;q=0.5"));
    assertTrue(ContentCoding.acceptsGzip("br, *"));
    assertTrue(ContentCoding.acceptsGzip("x-gzip"));
    assertFalse(ContentCoding.acceptsGzip("gzip;q=0"));
    assertFalse(ContentCoding.acceptsGzip("*, gzip;q=0"));
    assertFalse(ContentCoding.acceptsGzip("br, deflate"));
    assertFalse(ContentCoding.acceptsGzip("identity"));
    assertFalse(ContentCoding.acceptsGzip(null));
    assertFalse(ContentCoding.acceptsGzip("gzip;q=nonsense"));
  }

  @Test
  void pathsAreSplitBeforeTheyAreDecoded() {
    assertEquals(List.of(), RequestPath.segments("/"));
    assertEquals(List.of("services"), RequestPath.segments("/services/"));
    assertEquals(List.of("services", "a/b"), RequestPath.segments("/services/a%2Fb"));
    assertEquals(List.of("services", "caf\u00e9 1+1"), RequestPath.segments("/services/caf%C3%A9%201+1"));
    assertEquals(List.of("services", "..", "x"), RequestPath.segments("/services/../x"));
    assertEquals(List.of("", "services"), RequestPath.segments("//services"));
    assertThrows(ProtocolException.class, () -> RequestPath.segments("/services/%G0"));
    assertThrows(ProtocolException.class, () -> RequestPath.segments("/services/%C3"));
    assertThrows(ProtocolException.class, () -> RequestPath.segments("/services/%"));
  }
}
