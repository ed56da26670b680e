package io.github.oruk.testkit.feed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FakeFeedTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static HttpResponse<byte[]> get(URI uri) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static JsonNode getJson(URI uri) throws Exception {
    HttpResponse<byte[]> response = get(uri);
    assertEquals(200, response.statusCode(), new String(response.body()));
    return JSON.readTree(response.body());
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  @Test
  void servesTheGeneratedServicesInPagesAndInFullOnLoopback() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(25).seed(9).basePath("/api").start()) {
      assertEquals("127.0.0.1", feed.baseUri().getHost());
      assertTrue(feed.baseUri().getPath().equals("/api/"));
      DataGenerator generator = DataGenerator.builder().seed(9).build();

      JsonNode page = getJson(feed.baseUri().resolve("services?page=2&per_page=10"));
      assertEquals(25, page.get("total_items").asInt());
      assertEquals(3, page.get("total_pages").asInt());
      assertEquals(2, page.get("page_number").asInt());
      assertFalse(page.get("last_page").asBoolean());
      assertEquals(feed.ids().subList(10, 20), ids(page.get("contents")));

      for (JsonNode item : page.get("contents")) {
        assertTrue(OrukJson.lenient().read(item.toString(), io.github.oruk.model.Service.class).findings().isEmpty(),
            "list items read without repairs: " + item);
      }
      String id = feed.ids().get(3);
      assertEquals(generator.service(3).getId(), id);
      assertArrayEquals(OrukJson.lenient().write(generator.service(3)), get(feed.baseUri().resolve("services/" + id)).body());
      assertEquals("HSDS-UK-3.0", getJson(feed.baseUri()).get("version").asText());
      assertEquals(404, get(feed.baseUri().resolve("organizations")).statusCode());
      assertEquals(404, get(feed.baseUri().resolve("services/no-such-id")).statusCode());
      assertEquals(1, feed.requestsFor("services/" + id));
      assertEquals(2, feed.detailRequests());
    }
  }

  @Test
  void aChosenAddressFailsItsFirstRequestsThenAnswers() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(5).transientFailures(1.0, FakeFeed.Fault.TOO_MANY_REQUESTS)
        .failuresPerAddress(2).retryAfter(Duration.ofMillis(1500)).start()) {
      URI list = feed.baseUri().resolve("services");
      HttpResponse<byte[]> first = get(list);
      assertEquals(429, first.statusCode());
      assertEquals("2", first.headers().firstValue("Retry-After").orElseThrow(), "rounded up to whole seconds");
      assertEquals(429, get(list).statusCode());
      assertEquals(200, get(list).statusCode());
      assertEquals(200, get(list).statusCode());
    }
  }

  @Test
  void failuresAreDeterministicAndAboutTheRequestedShare() throws Exception {
    List<Integer> failing = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      try (FakeFeed feed = FakeFeed.builder().services(200).seed(4).transientFailures(0.25).start()) {
        int count = 0;
        for (String id : feed.ids()) {
          if (get(feed.baseUri().resolve("services/" + id)).statusCode() == 503) {
            count++;
          }
        }
        failing.add(count);
      }
    }
    assertEquals(failing.get(0), failing.get(1), "the same seed fails the same addresses");
    assertTrue(failing.get(0) > 25 && failing.get(0) < 75, "about a quarter of 200: " + failing.get(0));
  }

  @Test
  void aCutConnectionIsAnIoFailureForTheClient() {
    try (FakeFeed feed = FakeFeed.builder().services(3).transientFailures(1.0, FakeFeed.Fault.CUT_CONNECTION).start()) {
      assertThrows(IOException.class, () -> get(feed.baseUri().resolve("services")));
    }
  }

  @Test
  void notFoundIdsAreListedButAlwaysAnswer404() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(10).notFound(2, 7).start()) {
      assertEquals(List.of(feed.ids().get(2), feed.ids().get(7)), List.copyOf(feed.notFoundIds()));
      assertEquals(feed.ids(), ids(getJson(feed.baseUri().resolve("services")).get("contents")));
      for (int attempt = 0; attempt < 3; attempt++) {
        assertEquals(404, get(feed.baseUri().resolve("services/" + feed.ids().get(7))).statusCode());
      }
      assertEquals(200, get(feed.baseUri().resolve("services/" + feed.ids().get(6))).statusCode());
      assertThrows(IllegalArgumentException.class, () -> FakeFeed.builder().services(3).notFound(3).start());
    }
  }

  @Test
  void detailsWithAnotherIdAnswerWithTheNextServicesDocument() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(5).detailsWithAnotherId(List.of(1, 4)).start()) {
      assertEquals(java.util.Set.of(feed.ids().get(1), feed.ids().get(4)), feed.mixedUpIds());
      assertEquals(feed.ids().get(2), getJson(feed.baseUri().resolve("services/" + feed.ids().get(1))).get("id").asText());
      assertEquals(feed.ids().get(0), getJson(feed.baseUri().resolve("services/" + feed.ids().get(4))).get("id").asText(),
          "the last one gets the first one's");
      assertArrayEquals(feed.detailJson(3), get(feed.baseUri().resolve("services/" + feed.ids().get(3))).body());
      assertThrows(IllegalArgumentException.class, () -> FakeFeed.builder().services(5)
          .detailsWithAnotherId(List.of(5)).start());
    }
  }

  @Test
  void brokenDetailsAlwaysAnswer500() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(100).seed(2).brokenDetails(0.2).notFound(0).start()) {
      assertTrue(feed.brokenIds().size() > 5 && feed.brokenIds().size() < 40, "about a fifth: " + feed.brokenIds().size());
      assertFalse(feed.brokenIds().contains(feed.ids().get(0)), "not found wins");
      String broken = feed.brokenIds().iterator().next();
      for (int attempt = 0; attempt < 2; attempt++) {
        HttpResponse<byte[]> response = get(feed.baseUri().resolve("services/" + broken));
        assertEquals(500, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
      }
    }
  }

  @Test
  void modifiedAfterSelectsRecentServices() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(60).start()) {
      OffsetDateTime since = DataGenerator.builder().seed(1).build().referenceDate().minusDays(20)
          .atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
      // What modified_after must select, worked out from the generated data rather than by the feed.
      List<String> expected = DataGenerator.builder().seed(1).build().services(60)
          .filter(s -> s.getLastModified() != null && !s.getLastModified().isBefore(since))
          .map(s -> s.getId()).toList();
      assertTrue(!expected.isEmpty() && expected.size() < 60, "a real subset: " + expected.size());
      JsonNode page = getJson(feed.baseUri().resolve("services?per_page=100&modified_after="
          + java.net.URLEncoder.encode(since.toString(), java.nio.charset.StandardCharsets.UTF_8)));
      assertEquals(expected, ids(page.get("contents")));
      assertEquals(400, get(feed.baseUri().resolve("services?modified_after=yesterday")).statusCode());
    }
  }

  /** The list's query is read by the model's parser: its messages, and the forms of date it takes. */
  @Test
  void theListQueryIsReadByTheModelsParser() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(60).start()) {
      HttpResponse<byte[]> refused = get(feed.baseUri().resolve("services?per_page=lots"));
      assertEquals(400, refused.statusCode());
      String message = JSON.readTree(refused.body()).get("error").asText();
      assertTrue(message.contains("'per_page'") && message.contains("'lots'"), message);
      java.time.LocalDate day = DataGenerator.builder().seed(1).build().referenceDate().minusDays(20);
      OffsetDateTime midnight = day.atStartOfDay(java.time.ZoneId.of("Europe/London")).toOffsetDateTime();
      List<String> expected = DataGenerator.builder().seed(1).build().services(60)
          .filter(s -> s.getLastModified() != null && !s.getLastModified().isBefore(midnight))
          .map(s -> s.getId()).toList();
      assertEquals(expected, ids(getJson(feed.baseUri().resolve("services?per_page=100&modified_after=" + day))
          .get("contents")), "a date is midnight UK time");
    }
  }

  @Test
  void legacyEnvelopesCountFromZeroOrOne() throws Exception {
    try (FakeFeed zero = FakeFeed.builder().services(15).perPage(10).envelope(FakeFeed.Envelope.V1_ZERO_BASED).start();
        FakeFeed one = FakeFeed.builder().services(15).perPage(10).envelope(FakeFeed.Envelope.V1_ONE_BASED).start()) {
      JsonNode first = getJson(zero.baseUri().resolve("services"));
      assertEquals(0, first.get("number").asInt());
      assertTrue(first.get("first").asBoolean());
      assertEquals(15, first.get("totalElements").asInt());
      JsonNode second = getJson(zero.baseUri().resolve("services?page=1"));
      assertEquals(zero.ids().subList(10, 15), ids(second.get("content")));
      assertTrue(second.get("last").asBoolean());

      assertEquals(1, getJson(one.baseUri().resolve("services")).get("number").asInt());
      assertEquals(one.ids().subList(10, 15), ids(getJson(one.baseUri().resolve("services?page=2")).get("content")));
      assertEquals(400, get(one.baseUri().resolve("services?page=0")).statusCode());
      assertEquals("HSDS-UK-1.0", getJson(one.baseUri()).get("version").asText());
    }
  }

  @Test
  void pagingFaultsShapeThePages() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(30).perPage(10).maxPerPage(8).overlap(2).totalDrift(5)
        .stallAfterPage(3).omit("last_page", "total_pages").start()) {
      JsonNode first = getJson(feed.baseUri().resolve("services?per_page=20"));
      assertEquals(feed.ids().subList(0, 8), ids(first.get("contents")), "per_page capped at 8");
      assertFalse(first.has("last_page"));
      assertFalse(first.has("total_pages"));
      assertEquals(30, first.get("total_items").asInt());
      JsonNode second = getJson(feed.baseUri().resolve("services?page=2&per_page=20"));
      assertEquals(feed.ids().subList(6, 16), ids(second.get("contents")), "starts with the last 2 of page 1");
      assertEquals(35, second.get("total_items").asInt(), "drifts by 5 per page served");
      JsonNode fifth = getJson(feed.baseUri().resolve("services?page=5&per_page=20"));
      assertEquals(3, fifth.get("page_number").asInt(), "pages after 3 repeat page 3");
    }
    try (FakeFeed bare = FakeFeed.builder().services(12).envelope(FakeFeed.Envelope.BARE_ARRAY).start()) {
      JsonNode all = getJson(bare.baseUri().resolve("services?page=3"));
      assertTrue(all.isArray());
      assertEquals(bare.ids(), ids(all));
    }
  }

  @Test
  void latencyDelaysAnswersAndConcurrencyIsMeasured() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(8).latency(Duration.ofMillis(100)).start()) {
      long started = System.nanoTime();
      List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();
      for (String id : feed.ids()) {
        calls.add(HTTP.sendAsync(HttpRequest.newBuilder(feed.baseUri().resolve("services/" + id)).build(),
            HttpResponse.BodyHandlers.discarding()));
      }
      calls.forEach(CompletableFuture::join);
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertTrue(millis >= 100, "at least the latency: " + millis);
      assertTrue(feed.maxConcurrentRequests() >= 2, "answered in parallel: " + feed.maxConcurrentRequests());
      assertEquals(8, feed.requests());
    }
  }
}
