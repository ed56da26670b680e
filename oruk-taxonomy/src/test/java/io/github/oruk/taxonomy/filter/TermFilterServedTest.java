package io.github.oruk.taxonomy.filter;

import static io.github.oruk.taxonomy.filter.TermFilterTest.GENERATOR;
import static io.github.oruk.taxonomy.filter.TermFilterTest.SAMPLE;
import static io.github.oruk.taxonomy.filter.TermFilterTest.SCHEME;
import static io.github.oruk.taxonomy.filter.TermFilterTest.idOf;
import static io.github.oruk.taxonomy.filter.TermFilterTest.taggedWithOrUnder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.client.OrukClient;
import io.github.oruk.client.OrukHttpException;
import io.github.oruk.model.Service;
import io.github.oruk.model.query.Query;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.server.memory.InMemoryDirectory;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The filter where the issue wants it: inside the reference in-memory server (behind {@code taxonomy_term_id})
 * and on a client's stream of a served feed, both checked against the services' own attributes.
 */
class TermFilterServedTest {

  private static final List<Service> SERVICES = GENERATOR.services(400).collect(Collectors.toList());

  private static TermFilter narrowerToo(String termId) {
    return TermFilter.builder().term("urn:uuid:" + termId).schemes(SCHEME).build();
  }

  private static Set<String> servedIds(InMemoryDirectory directory, Query query) throws IOException {
    try (OrukHttpServer server = OrukHttpServer.builder(OrukApi.of(directory)).port(0).start()) {
      OrukClient client = OrukClient.builder(server.uri()).build();
      return client.stream(Service.class, query).stream().map(Service::getId).collect(Collectors.toSet());
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
  void aClientStreamOfAServedFeedCanBeFilteredTheSameWay() throws IOException {
    String foodBank = idOf("Food bank");
    InMemoryDirectory directory = InMemoryDirectory.builder().addAll(SERVICES).taxonomy(SAMPLE).build();

    try (OrukHttpServer server = OrukHttpServer.builder(OrukApi.of(directory)).port(0).start()) {
      OrukClient client = OrukClient.builder(server.uri()).build();
      Set<String> filtered = client.stream(Service.class, Query.builder().full(true).perPage(100).build()).stream()
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
      OrukClient client = OrukClient.builder(server.uri()).build();
      OrukHttpException refused = assertThrows(OrukHttpException.class,
          () -> client.services(Query.builder().taxonomyTermId("bccservicetype:78").build()));
      assertEquals(400, refused.status());
      assertTrue(refused.getMessage().contains("taxonomy_term_id"), refused.getMessage());
    }
  }
}
