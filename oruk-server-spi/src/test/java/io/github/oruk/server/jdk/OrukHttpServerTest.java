package io.github.oruk.server.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Service;
import io.github.oruk.model.query.Query;
import io.github.oruk.server.Directories;
import io.github.oruk.server.DirectoryProvider;
import io.github.oruk.server.Http;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.PageRequest;
import io.github.oruk.server.Results;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What is particular to the JDK adapter: binding, base path, executor, graceful stop. */
class OrukHttpServerTest {

  @Test
  void bindsLoopbackByDefaultAndServesUnderABasePath() throws Exception {
    try (OrukHttpServer server = OrukHttpServer.builder(OrukApi.of(Directories.reference()))
        .port(0).basePath("/oruk/v3/").start()) {
      assertEquals("127.0.0.1", server.uri().getHost());
      assertTrue(server.port() > 0);
      assertEquals("/oruk/v3/", server.uri().getPath());
      Http http = new Http(server.uri());
      assertEquals(server.uri() + "openapi.json", http.get("").json().path("openapi_url").asText());
      assertEquals(200, http.get("services?per_page=1").status());
      Http.Reply outside = new Http(URI.create("http://127.0.0.1:" + server.port() + "/")).get("services");
      assertEquals(404, outside.status(), "nothing is served outside the base path");
    }
  }

  @Test
  void aPortInUseFailsToStart() throws Exception {
    try (OrukHttpServer first = OrukHttpServer.builder(OrukApi.of(Directories.reference())).port(0).start()) {
      assertThrows(BindException.class,
          () -> OrukHttpServer.builder(OrukApi.of(Directories.reference())).port(first.port()).start());
    }
    assertThrows(IllegalArgumentException.class, () -> OrukHttpServer.builder(OrukApi.of(Directories.reference()))
        .basePath("/a b"));
  }

  @Test
  void stopLetsRequestsInProgressFinishAndLeavesAGivenExecutorRunning() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    DirectoryProvider slow = new DirectoryProvider() {
      @Override
      public Results<Service> services(Query query, PageRequest page) {
        entered.countDown();
        try {
          release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return Results.slice(Directories.reference().services(), page);
      }

      @Override
      public Optional<Service> service(String id) {
        return Optional.empty();
      }
    };
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      OrukHttpServer server = OrukHttpServer.builder(OrukApi.of(slow)).port(0).executor(executor).start();
      Http http = new Http(server.uri());
      CompletableFuture<Http.Reply> inFlight = CompletableFuture.supplyAsync(() -> http.get("services?per_page=3"));
      assertTrue(entered.await(5, TimeUnit.SECONDS));
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(5)));
      // Stopping has begun once new requests are turned away; only then is the one in progress let go.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      Http.Reply refused = http.get("");
      while (refused.status() != 503 && System.nanoTime() < deadline) {
        refused = http.get("");
      }
      assertEquals(503, refused.status(), "a new request while stopping: " + refused);
      assertTrue(!stopping.isDone(), "stop waits for the request in progress");
      release.countDown();
      stopping.get(10, TimeUnit.SECONDS);
      Http.Reply reply = inFlight.get(10, TimeUnit.SECONDS);
      assertEquals(200, reply.status(), "the request in progress finished");
      assertEquals(3, reply.json().path("size").asInt());
      server.awaitStop();
      server.stop(Duration.ZERO);
      assertThrows(RuntimeException.class, () -> http.get(""), "no longer listening");
      assertTrue(!executor.isShutdown(), "the caller's executor is the caller's to stop");
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void stopReturnsPromptlyWhenIdle() throws IOException {
    OrukHttpServer server = OrukHttpServer.builder(OrukApi.of(Directories.reference())).port(0).start();
    new Http(server.uri()).get("");
    long started = System.nanoTime();
    server.close();
    assertTrue(System.nanoTime() - started < 1_500_000_000L, "no waiting out the grace period when idle");
  }
}
