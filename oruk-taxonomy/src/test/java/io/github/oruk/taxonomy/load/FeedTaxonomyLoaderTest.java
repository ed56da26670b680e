package io.github.oruk.taxonomy.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.oruk.model.Service;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.taxonomy.OrukTaxonomies;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.testkit.generate.DataGenerator;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * How the taxonomies of a live feed are put together, with the feed given as a {@link FeedReader} that holds
 * its records (this module reads no feed itself; the CLI's reader over oruk-client is tested in oruk-cli).
 */
class FeedTaxonomyLoaderTest {

  static final OrukJson JSON = OrukJson.lenient();
  static final String T1 = "5b0c3c7e-1f4a-4d7e-9a53-7f0f2f4f0a01";

  /** A feed whose lists and services are fixed; records how many services were asked for. */
  static final class HeldFeed implements FeedReader {
    final List<Taxonomy> taxonomies;
    final List<TaxonomyTerm> terms;
    final List<Service> services;
    long askedFor = -1;

    HeldFeed(List<Taxonomy> taxonomies, List<TaxonomyTerm> terms, List<Service> services) {
      this.taxonomies = taxonomies;
      this.terms = terms;
      this.services = services;
    }

    @Override
    public URI baseUri() {
      return URI.create("https://feed.example/api");
    }

    @Override
    public List<Taxonomy> taxonomies(List<String> notes) {
      return taxonomies;
    }

    @Override
    public List<TaxonomyTerm> taxonomyTerms(List<String> notes) {
      if (terms.isEmpty()) {
        notes.add("the feed has no usable /taxonomy_terms (HTTP 404)");
      }
      return terms;
    }

    @Override
    public Summary services(long maxServices, Consumer<Service> consumer) {
      askedFor = maxServices;
      long given = Math.min(maxServices, services.size());
      services.stream().limit(given).forEach(consumer);
      return new Summary(given, false, given == services.size(), List.of());
    }
  }

  static TaxonomyTerm term(String id, String name, String taxonomyId, String uri) {
    return JSON.read("{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"description\":\"" + name + "\""
        + (taxonomyId == null ? ",\"taxonomy\":\"BCC Age Groups\"" : ",\"taxonomy_id\":\"" + taxonomyId + "\"")
        + (uri == null ? "" : ",\"term_uri\":\"" + uri + "\"") + "}", TaxonomyTerm.class).value();
  }

  @Test
  void termsFromTheEndpointsAreGroupedByTheirTaxonomy() throws Exception {
    Taxonomy lga = new Taxonomy().id(T1).name("LGA service types").description("d")
        .uri("http://id.esd.org.uk/list/services");
    HeldFeed feed = new HeldFeed(List.of(lga), List.of(
        term("5b0c3c7e-1f4a-4d7e-9a53-7f0f2f4f0b01", "Care at home", T1, "http://id.esd.org.uk/service/242"),
        term("5b0c3c7e-1f4a-4d7e-9a53-7f0f2f4f0b02", "Meals", T1, "http://id.esd.org.uk/service/833"),
        term("5b0c3c7e-1f4a-4d7e-9a53-7f0f2f4f0b03", "Children", null, null)), List.of());

    FeedTaxonomyLoader.Result result = FeedTaxonomyLoader.of(feed).load();

    assertEquals(FeedTaxonomyLoader.Source.ENDPOINTS, result.source());
    assertEquals(2, result.schemes().size());
    assertEquals("LGA service types", result.schemes().get(0).title());
    assertEquals(2, result.schemes().get(0).size());
    assertTrue(result.schemes().get(0).contains("http://id.esd.org.uk/service/833"));
    assertEquals("BCC Age Groups", result.schemes().get(1).title());
    assertEquals(-1, feed.askedFor, "the services are not read when the endpoints have terms");
  }

  @Test
  void withoutTermsAtTheEndpointsTheServicesAreReadUpToTheLimit() throws Exception {
    DataGenerator generator = DataGenerator.builder().seed(42).build();
    HeldFeed feed = new HeldFeed(List.of(), List.of(), generator.services(25).toList());

    FeedTaxonomyLoader.Result result = FeedTaxonomyLoader.of(feed).withMaxServices(10).load();

    assertEquals(10, feed.askedFor);
    assertEquals(FeedTaxonomyLoader.Source.SERVICES, result.source());
    assertEquals(OrukTaxonomies.fromTaxonomy(generator.sampleTaxonomy()).uri(), result.schemes().get(0).uri());
    assertTrue(result.notes().contains("read 10 services (not the whole feed)"), result.notes().toString());
    assertTrue(result.notes().contains("the feed has no usable /taxonomy_terms (HTTP 404)"), result.notes().toString());
  }

  @Test
  void aFeedWithoutAnyTermSaysSo() {
    HeldFeed feed = new HeldFeed(List.of(), List.of(), List.of(new Service().id("x1").name("Untagged")));
    TaxonomyLoadException thrown = assertThrows(TaxonomyLoadException.class, () -> FeedTaxonomyLoader.of(feed).load());
    assertTrue(thrown.getMessage().contains("the feed has no taxonomy terms"), thrown.getMessage());
    assertTrue(thrown.getMessage().contains("https://feed.example/api"), thrown.getMessage());
  }

  @Test
  void aFeedUrlIsReadWithTheReaderGivenOrRefusedSayingWhatToDo() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = "{\"version\":\"3.0\",\"profile\":\"https://openreferraluk.org\",\"openapi_url\":\"x\"}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/taxonomy_terms?page=2");

      TaxonomyLoadException refused = assertThrows(TaxonomyLoadException.class,
          () -> TaxonomyLoader.defaults().loadAll(url));
      assertTrue(refused.getMessage().contains("live ORUK feed") && refused.getMessage().contains("feedReader"),
          refused.getMessage());

      List<URI> bases = new ArrayList<>();
      List<Scheme> schemes = TaxonomyLoader.builder().feedReader(base -> {
        bases.add(base);
        return new HeldFeed(List.of(), List.of(term("5b0c3c7e-1f4a-4d7e-9a53-7f0f2f4f0b03", "Children", null, null)),
            List.of());
      }).build().loadAll(url);
      assertEquals(List.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api")), bases);
      assertEquals("Children", schemes.get(0).concepts().get(0).prefLabel());
      assertFalse(schemes.isEmpty());
    } finally {
      server.stop(0);
    }
  }
}
