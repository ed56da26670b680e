package io.github.oruk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.model.query.Query;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** fetch returns answers as they arrived, whatever their status, with headers and timing. */
class RawFetchTest {

  private WireMockServer server;
  private OrukClient client;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    client = OrukClient.builder("http://127.0.0.1:" + server.port() + "/api").maxAttempts(3)
        .backoff(Duration.ofMillis(1), Duration.ofMillis(5)).build();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void anyStatusComesBackWithItsHeadersAndBody() {
    server.stubFor(get(urlPathEqualTo("/api/taxonomies")).willReturn(aResponse().withStatus(501)
        .withHeader("Content-Type", "application/json").withHeader("Access-Control-Allow-Origin", "*")
        .withBody("{\"error\":\"not_implemented\"}")));

    RawResponse answer = client.fetch(client.uri(Endpoint.TAXONOMIES, null, Query.all()));

    assertEquals(501, answer.status());
    assertEquals("*", answer.header("Access-Control-Allow-Origin"));
    assertEquals("{\"error\":\"not_implemented\"}", new String(answer.body(), StandardCharsets.UTF_8));
    assertEquals(1, answer.attempts(), "an HTTP status is an answer, not a failure to retry");
    assertTrue(answer.elapsed().toNanos() > 0);
    assertEquals(1, server.getAllServeEvents().size());
  }

  @Test
  void addressesAreBuiltLikeTheTypedCalls() {
    URI byId = client.uri(Endpoint.SERVICE, "a b/c", null);
    URI list = client.uri(Endpoint.SERVICES, null, Query.builder().search("food bank").page(2).build());

    assertEquals("/api/services/a%20b%2Fc", byId.getRawPath());
    assertEquals("search=food%20bank&page=2", list.getRawQuery());
    assertThrows(IllegalArgumentException.class, () -> client.uri(Endpoint.SERVICE, null, null));
    assertThrows(IllegalArgumentException.class,
        () -> client.uri(Endpoint.SERVICES, null, Query.builder().postcode("BS1").build()));
  }

  @Test
  void noAnswerAtAllIsStillAnException() {
    OrukClient nowhere = OrukClient.builder("http://127.0.0.1:9/api").maxAttempts(1).build();
    assertThrows(OrukClientException.class, () -> nowhere.fetch(URI.create("http://127.0.0.1:9/api/")));
  }
}
