package io.github.oruk.server.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.Service;
import io.github.oruk.server.Directories;
import io.github.oruk.server.Http;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.RawHttp;
import io.github.oruk.server.memory.InMemoryDirectory;
import io.github.oruk.testkit.generate.DataGenerator;
import io.github.oruk.testkit.hostile.HostileClients;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What is particular to serving on Jetty's core API: the base path, and answers that never hold a thread. */
class OrukJettyServerTest {

  /** Services on the one page the readers ask for: about 1 KB each as a list item. */
  private static final int SERVICES = 6_000;
  /** Linux lets a socket's send buffer grow to 4 MiB (net.ipv4.tcp_wmem): a page must be larger to block. */
  private static final int SEND_BUFFER_MAX = 4 * 1024 * 1024;
  /** More readers than the server has threads. */
  private static final int READERS = 12;

  @Test
  void servesUnderItsBasePathAndAnswersEverythingElseAsJson() throws Exception {
    try (OrukJettyServer server = OrukJettyServer.builder(OrukApi.of(Directories.reference())).port(0)
        .basePath("/oruk/v3/").shutdownGrace(Duration.ZERO).start()) {
      assertEquals("/oruk/v3/", server.uri().getPath());
      Http http = new Http(server.uri());
      assertEquals(server.uri() + "openapi.json", http.get("").json().path("openapi_url").asText());
      assertEquals(200, http.get("services?per_page=1").status());
      Http root = new Http(URI.create("http://127.0.0.1:" + server.port() + "/"));
      JsonNode bare = root.get("oruk/v3").json();
      assertEquals(server.uri() + "openapi.json", bare.path("openapi_url").asText(),
          "the base path without its '/' is the API's root: " + bare);
      for (String path : new String[] {"services", "oruk/v3ish/services", "oruk/services", ""}) {
        Http.Reply outside = root.get(path);
        assertEquals(404, outside.status(), () -> "/" + path + ": " + outside);
        assertEquals("not_found", outside.json().path("error").asText(), () -> "/" + path + ": " + outside);
        assertEquals("*", outside.header("Access-Control-Allow-Origin"), () -> "/" + path + ": " + outside);
      }
    }
  }

  /**
   * A page is written without holding a thread while the client is slow to take it: 12 clients that ask for a
   * page larger than a socket's send buffer and never read it leave a server of 8 threads free to answer everyone
   * else. Through a blocking write (the servlet layer), each of them held a thread until the idle timeout, and
   * the next request waited for one.
   */
  @Test
  void readersThatNeverReadAPageHoldNoThread() throws Exception {
    List<Service> services = DataGenerator.builder().seed(19).build().services(SERVICES).toList();
    InMemoryDirectory directory = InMemoryDirectory.builder().addAll(services).build();
    try (OrukJettyServer server = OrukJettyServer.builder(OrukApi.builder(directory).maxPerPage(SERVICES).build())
        .port(0).maxThreads(8).shutdownGrace(Duration.ZERO).start()) {
      URI page = server.uri().resolve("services?per_page=" + SERVICES);
      int size = new Http(server.uri()).get("services?per_page=" + SERVICES).text().length();
      assertTrue(size > SEND_BUFFER_MAX + 1024 * 1024, "the page is larger than the sockets' buffers: " + size + " bytes");
      try (HostileClients readers = HostileClients.slowReaders(page, READERS)) {
        assertEquals(READERS, readers.awaitAnswers(Duration.ofSeconds(30)), "the server began answering every reader");
        for (int i = 0; i < 3; i++) {
          long start = System.nanoTime();
          RawHttp.Answer answer = RawHttp.exchange(server.uri(), ("GET /services/" + services.get(i).getId()
              + " HTTP/1.1\r\nHost: " + server.uri().getAuthority() + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(10));
          long millis = (System.nanoTime() - start) / 1_000_000;
          assertEquals(200, answer.status(), () -> "an ordinary request while " + READERS + " readers stall: " + answer);
          assertTrue(millis < 5_000, "an ordinary request took " + millis + " ms while " + READERS + " readers stalled");
        }
      }
    }
  }
}
