package io.github.oruk.hub.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.oruk.hub.Hub;
import io.github.oruk.hub.register.Register;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.testkit.feed.FakeFeed;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feed that goes down and comes back raises "unreachable" and then "recovered": given to the hub's
 * listeners and POSTed to the register's webhook, which fails each first delivery so that only a retry gets
 * it through.
 */
class HubEventsTest {

  @TempDir
  Path folder;

  private HttpServer receiver;
  private final List<Hub> hubs = new ArrayList<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private final BlockingQueue<JsonNode> delivered = new LinkedBlockingQueue<>();

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      boolean first = attempts.incrementAndGet() % 2 == 1; // each event's first attempt fails
      if (!first) {
        delivered.add(new ObjectMapper().readTree(body));
      }
      exchange.sendResponseHeaders(first ? 503 : 204, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    hubs.forEach(Hub::close);
    receiver.stop(0);
  }

  @Test
  void anOutageAndARecoveryAreLoggedToListenersAndPostedWithRetries() throws Exception {
    URI hook = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    BlockingQueue<FeedEvent> heard = new LinkedBlockingQueue<>();
    try (HubStore store = HubStore.openFolder(folder)) {
      String gone;
      try (FakeFeed feed = FakeFeed.builder().services(3).seed(5).start()) {
        gone = feed.baseUri().toString();
        refresh(store, gone, hook, heard);
      }
      assertNull(heard.poll(), "a first run that answers raises nothing");

      refresh(store, gone, hook, heard);
      FeedEvent down = heard.poll();
      assertNotNull(down, "the feed no longer answers");
      assertEquals(FeedEvent.Kind.UNREACHABLE, down.kind());
      assertEquals(FeedStatus.UNREACHABLE, down.current());
      assertNotNull(down.previous(), "the first run had a verdict");
      FeedStatus before = down.previous();

      JsonNode posted = delivered.poll(20, TimeUnit.SECONDS);
      assertNotNull(posted, "the webhook got the event after its first attempt failed");
      assertEquals("county", posted.get("feed").asText());
      assertEquals("unreachable", posted.get("event").asText());
      assertEquals(before.label(), posted.get("previous").asText());
      assertEquals("unreachable", posted.get("current").asText());
      assertEquals(down.at().toString(), posted.get("at").asText());
      assertEquals(gone, posted.get("url").asText());
      assertEquals(2, attempts.get(), "one failed attempt, one retry");

      try (FakeFeed back = FakeFeed.builder().services(3).seed(5).start()) {
        refresh(store, back.baseUri().toString(), hook, heard);
      }
      FeedEvent recovered = heard.poll();
      assertNotNull(recovered);
      assertEquals(FeedEvent.Kind.RECOVERED, recovered.kind());
      assertEquals(before, recovered.current(), "the same records, the same verdict");
      JsonNode again = delivered.poll(20, TimeUnit.SECONDS);
      assertNotNull(again);
      assertEquals("recovered", again.get("event").asText());
      assertEquals("unreachable", again.get("previous").asText());
      assertTrue(heard.isEmpty(), heard.toString());
    }
  }

  /** One refresh of the feed "county" at this address, with the webhook and a listener. */
  private void refresh(HubStore store, String url, URI hook, BlockingQueue<FeedEvent> heard)
      throws InterruptedException {
    Register register = Register.builder().feed("county", url).webhook(hook).build();
    // close() would drop retries still waiting: the hubs are closed after the test has waited for deliveries.
    Hub hub = Hub.builder(register).store(store).listener(heard::add)
        .client(b -> b.maxAttempts(1).connectTimeout(Duration.ofSeconds(2)))
        .webhooks(urls -> new WebhookListener(urls, 3, Duration.ofMillis(50))).build();
    hubs.add(hub);
    hub.refresh();
  }
}
