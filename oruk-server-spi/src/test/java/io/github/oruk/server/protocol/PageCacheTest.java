package io.github.oruk.server.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Service;
import io.github.oruk.model.query.Query;
import io.github.oruk.server.Capabilities;
import io.github.oruk.server.Directories;
import io.github.oruk.server.DirectoryProvider;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.PageRequest;
import io.github.oruk.server.Results;
import io.github.oruk.server.memory.InMemoryDirectory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Whole list pages are sent again from memory while the provider's data version is unchanged, and asked of the
 * provider again when it changes, for another request, without a version or beyond the budget.
 */
class PageCacheTest {

  /** The reference directory, counting the pages it is asked for, with a version the test sets. */
  private static final class Versioned implements DirectoryProvider {
    final AtomicInteger asked = new AtomicInteger();
    volatile InMemoryDirectory data = Directories.reference();
    volatile @Nullable Object version = "v1";

    @Override
    public Capabilities capabilities() {
      return data.capabilities();
    }

    @Override
    public Results<Service> services(Query query, PageRequest page) {
      asked.incrementAndGet();
      return data.services(query, page);
    }

    @Override
    public Optional<Service> service(String id) {
      return data.service(id);
    }

    @Override
    public @Nullable Object dataVersion() {
      return version;
    }
  }

  @Test
  void aPageIsSentAgainAsWrittenUntilTheVersionChanges() throws IOException {
    Versioned provider = new Versioned();
    OrukProtocol protocol = new OrukProtocol(OrukApi.of(provider));

    ProtocolResponse first = get(protocol, "page=1&per_page=2", Map.of());
    ProtocolResponse again = get(protocol, "page=1&per_page=2", Map.of());
    assertEquals(1, provider.asked.get(), "the second request is answered from memory");
    assertArrayEquals(bytes(first), bytes(again));
    assertEquals(first.header("ETag"), again.header("ETag"));
    assertEquals(304, get(protocol, "page=1&per_page=2", Map.of("If-None-Match", first.header("ETag"))).status(),
        "a kept page still answers a conditional request");

    get(protocol, "page=2&per_page=2", Map.of());
    assertEquals(2, provider.asked.get(), "another page is asked for");

    // New data under a new version: asked again, and the answer is the new data's.
    List<Service> one = Directories.reference().services(Query.parse(io.github.oruk.model.query.Endpoint.SERVICES,
        null), PageRequest.of(1, 1)).items();
    provider.data = InMemoryDirectory.builder().addAll(one).build();
    provider.version = "v2";
    ProtocolResponse changed = get(protocol, "page=1&per_page=2", Map.of());
    assertEquals(3, provider.asked.get());
    assertNotEquals(first.header("ETag"), changed.header("ETag"));
    assertEquals(new String(bytes(changed)), new String(bytes(get(new OrukProtocol(OrukApi.of(provider.data)),
        "page=1&per_page=2", Map.of()))), "the new data's page, as a fresh server writes it");
  }

  @Test
  void aKeptPageIsSentInEachFormAsAFreshOneWouldBe() throws IOException {
    Versioned provider = new Versioned();
    OrukProtocol protocol = new OrukProtocol(OrukApi.of(provider));
    OrukProtocol fresh = new OrukProtocol(OrukApi.of(Directories.reference()));
    Map<String, String> gzip = Map.of("Accept-Encoding", "gzip");
    get(protocol, "page=1&per_page=20", Map.of());
    for (int i = 0; i < 2; i++) {
      ProtocolResponse kept = get(protocol, "page=1&per_page=20", gzip);
      ProtocolResponse made = get(fresh, "page=1&per_page=20", gzip);
      assertEquals("gzip", kept.header("Content-Encoding"));
      assertEquals(made.header("ETag"), kept.header("ETag"));
      assertEquals(Long.toString(bytes(kept).length), kept.header("Content-Length"));
      assertArrayEquals(gunzip(bytes(made)), gunzip(bytes(kept)), "the kept gzip form holds the page");
    }
    assertEquals(1, provider.asked.get(), "every later answer came from memory");

    ProtocolResponse plain = get(protocol, "page=1&per_page=20", Map.of());
    ByteBuffer first = plain.body().buffer();
    ByteBuffer second = get(protocol, "page=1&per_page=20", Map.of()).body().buffer();
    assertTrue(first.isReadOnly(), "nobody can change a kept page through its buffer");
    byte[] read = new byte[first.remaining()];
    first.get(read);
    assertArrayEquals(bytes(plain), read, "the buffer holds the bytes writeTo writes");
    assertEquals(read.length, second.remaining(), "reading one answer's buffer leaves the next one's whole");
    assertEquals(plain.header("Content-Length"), Integer.toString(second.remaining()));
  }

  @Test
  void withoutAVersionWithoutABudgetOrBeyondItEveryPageIsAskedFor() {
    Versioned unversioned = new Versioned();
    unversioned.version = null;
    OrukProtocol plain = new OrukProtocol(OrukApi.of(unversioned));
    get(plain, "page=1", Map.of());
    get(plain, "page=1", Map.of());
    assertEquals(2, unversioned.asked.get(), "no version: nothing is kept");

    Versioned off = new Versioned();
    OrukProtocol none = new OrukProtocol(OrukApi.builder(off).pageCache(0).build());
    get(none, "page=1", Map.of());
    get(none, "page=1", Map.of());
    assertEquals(2, off.asked.get(), "a budget of 0 keeps nothing");

    Versioned small = new Versioned();
    OrukProtocol tiny = new OrukProtocol(OrukApi.builder(small).pageCache(100).build());
    ProtocolResponse a = get(tiny, "page=1", Map.of());
    ProtocolResponse b = get(tiny, "page=1", Map.of());
    assertEquals(2, small.asked.get(), "a page larger than the budget is not kept");
    assertEquals(200, b.status());
    assertEquals(a.header("ETag"), b.header("ETag"));
  }

  private static ProtocolResponse get(OrukProtocol protocol, String query, Map<String, String> headers) {
    return protocol.handle(new ProtocolRequest("GET", "http", "", "/services", query,
        name -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
            .map(Map.Entry::getValue).findFirst().orElse(null), "192.0.2.1", "127.0.0.1:9999"));
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }

  private static byte[] bytes(ProtocolResponse response) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    response.body().writeTo(out);
    return out.toByteArray();
  }
}
