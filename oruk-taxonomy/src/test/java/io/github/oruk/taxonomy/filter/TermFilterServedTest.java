package io.github.oruk.taxonomy.filter;

import static io.github.oruk.taxonomy.filter.TermFilterTest.GENERATOR;
import static io.github.oruk.taxonomy.filter.TermFilterTest.SAMPLE;
import static io.github.oruk.taxonomy.filter.TermFilterTest.SCHEME;
import static io.github.oruk.taxonomy.filter.TermFilterTest.idOf;
import static io.github.oruk.taxonomy.filter.TermFilterTest.taggedWithOrUnder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.query.Query;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.server.memory.InMemoryDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The filter where the issue wants it: inside the reference in-memory server (behind {@code taxonomy_term_id})
 * and on the services of a served feed as a consumer reads them, both checked against the services' own
 * attributes. The pages are read with the JDK's HTTP client and the model's codec (oruk-taxonomy does not
 * depend on oruk-client).
 */
class TermFilterServedTest {

  private static final List<Service> SERVICES = GENERATOR.services(400).collect(Collectors.toList());

  private static TermFilter narrowerToo(String termId) {
    return TermFilter.builder().term("urn:uuid:" + termId).schemes(SCHEME).build();
  }

  private static Set<String> servedIds(InMemoryDirectory directory, Query query) throws IOException {
    try (OrukHttpServer server = OrukHttpServer.builder(OrukApi.of(directory)).port(0).start()) {
      return services(server.uri(), query).stream().map(Service::getId).collect(Collectors.toSet());
    }
  }

  /** Every service of every page the server answers {@code /services?query} with. */
  private static List<Service> services(URI api, Query query) throws IOException {
    List<Service> services = new ArrayList<>();
    for (int page = 1; ; page++) {
      HttpResponse<byte[]> answer = get(api, query.toQueryString() + "&page=" + page);
      assertEquals(200, answer.statusCode(), () -> new String(answer.body()));
      Page<Service> read = OrukJson.lenient().readPage(answer.body(), Service.class).value();
      services.addAll(read.contents());
      if (read.contents().isEmpty() || page >= read.totalPages()) {
        return services;
      }
    }
  }

  private static HttpResponse<byte[]> get(URI api, String queryString) throws IOException {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.resolve("services?" + queryString)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Test
  void theServerAnswersABroadTermWithTheServicesOfItsNarrowerTerms() throws IOException {
    String food = idOf("Food and essentials");
    Query query = Query.builder().taxonomyTermId(food).perPage(50).build();

    Set<String> exact = servedIds(InMemoryDirectory.builder().addAll(SERVICES).taxonomy(SAMPLE).build(), query);
    Set<String> widened = servedIds(InMemoryDirectory.builder().addAll(SERVICES).taxonomy(SAMPLE)
        .termMatcher(TermFilterServedTest::narrowerToo).build(), query);

    Set<String> expected = taggedWithOrUnder(SERVICES, food);
    assertEquals(expected, widened);
    assertTrue(exact.size() < widened.size() && widened.containsAll(exact),
        "without the matcher only services tagged with the category itself come back: " + exact.size() + " of "
            + widened.size());
  }

  @Test
  void theServicesOfAServedFeedCanBeFilteredTheSameWay() throws IOException {
    String foodBank = idOf("Food bank");
    InMemoryDirectory directory = InMemoryDirectory.builder().addAll(SERVICES).taxonomy(SAMPLE).build();

    try (OrukHttpServer server = OrukHttpServer.builder(OrukApi.of(directory)).port(0).start()) {
      Set<String> filtered = services(server.uri(), Query.builder().full(true).perPage(100).build()).stream()
          .filter(narrowerToo(foodBank))
          .map(Service::getId)
          .collect(Collectors.toSet());

      Set<String> expected = taggedWithOrUnder(SERVICES, foodBank);
      assertTrue(!expected.isEmpty());
      assertEquals(expected, filtered);
    }
  }

  @Test
  void aTermTheMatcherCannotResolveIsA400NamingTheParameter() throws IOException {
    InMemoryDirectory directory = InMemoryDirectory.builder().addAll(SERVICES).taxonomy(SAMPLE)
        .termMatcher(id -> TermFilter.builder().term(id).build()).build();

    try (OrukHttpServer server = OrukHttpServer.builder(OrukApi.of(directory)).port(0).start()) {
      HttpResponse<byte[]> refused = get(server.uri(), Query.builder().taxonomyTermId("bccservicetype:78").build()
          .toQueryString());
      assertEquals(400, refused.statusCode());
      String body = new String(refused.body());
      assertTrue(body.contains("taxonomy_term_id"), body);
    }
  }
}
