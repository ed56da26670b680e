package io.github.oruk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.oruk.client.OrukClient;
import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.taxonomy.Concept;
import io.github.oruk.taxonomy.OrukTaxonomies;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.load.FeedReader;
import io.github.oruk.taxonomy.load.FeedTaxonomyLoader;
import io.github.oruk.taxonomy.load.TaxonomyLoadException;
import io.github.oruk.taxonomy.load.TaxonomyLoader;
import io.github.oruk.testkit.generate.DataGenerator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Taxonomies of live ORUK feeds through oruk-client ({@link ClientFeedReader}, the reader the CLI gives
 * oruk-taxonomy), against feeds stubbed with WireMock on the loopback interface: one with /taxonomies and
 * /taxonomy_terms (over two pages), one without them whose list items are fully nested with full=true, one that
 * nests nothing in its lists, and one with no term anywhere.
 */
class ClientFeedReaderTest {

  static final String T1 = "5b0c3c7e-1f4a-4d7e-9a53-7f0f2f4f0a01";
  static final DataGenerator GENERATOR = DataGenerator.builder().seed(42).build();
  static final OrukJson JSON = OrukJson.lenient();

  static WireMockServer server;

  static String page(String contents, int number, int totalPages, int totalItems, int size) {
    return "{\"total_items\":" + totalItems + ",\"total_pages\":" + totalPages + ",\"page_number\":" + number
        + ",\"size\":" + size + ",\"first_page\":" + (number == 1) + ",\"last_page\":" + (number == totalPages)
        + ",\"empty\":" + (size == 0) + ",\"contents\":[" + contents + "]}";
  }

  static String term(String id, String name, String taxonomyId, String taxonomy, String uri, String parentId) {
    return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"description\":\"" + name + "\""
        + (taxonomyId == null ? "" : ",\"taxonomy_id\":\"" + taxonomyId + "\"")
        + (taxonomy == null ? "" : ",\"taxonomy\":\"" + taxonomy + "\"")
        + (uri == null ? "" : ",\"term_uri\":\"" + uri + "\"")
        + (parentId == null ? "" : ",\"parent_id\":\"" + parentId + "\"") + "}";
  }

  static void json(String path, String body) {
    server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody(body)));
  }

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();

    // Feed A: taxonomy endpoints, terms over two pages, one term in a vocabulary with no taxonomy record.
    json("/a/", "{\"version\":\"3.0\",\"profile\":\"https://openreferraluk.org\",\"openapi_url\":\"x\"}");
    json("/a/taxonomies", page("{\"id\":\"" + T1 + "\",\"name\":\"LGA service types\",\"description\":\"d\","
        + "\"uri\":\"http://id.esd.org.uk/list/services\"}", 1, 1, 1, 1));
    server.stubFor(get(urlPathEqualTo("/a/taxonomy_terms")).withQueryParam("page", absent()).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(page(
            term("5b0c3c7e-1f4a-4d7e-9a53-7f0f2f4f0b01", "Care at home", T1, "esdServiceTypes",
                "http://id.esd.org.uk/service/242", null) + ","
                + term("5b0c3c7e-1f4a-4d7e-9a53-7f0f2f4f0b02", "Leaving hospital", T1, "esdServiceTypes",
                null, null).replace("\"description\"", "\"term\":\"833\",\"description\""), 1, 2, 3, 2))));
    server.stubFor(get(urlPathEqualTo("/a/taxonomy_terms")).withQueryParam("page", equalTo("2")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(page(
            term("5b0c3c7e-1f4a-4d7e-9a53-7f0f2f4f0b03", "Children", null, "BCC Age Groups", null, null),
            2, 2, 3, 1))));

    // Feed B: no taxonomy endpoints; /services?full=true nests the services.
    server.stubFor(get(urlPathEqualTo("/b/taxonomies")).willReturn(aResponse().withStatus(404)));
    server.stubFor(get(urlPathEqualTo("/b/taxonomy_terms")).willReturn(aResponse().withStatus(404)));
    List<Service> services = GENERATOR.services(25).collect(Collectors.toList());
    json("/b/services", new String(JSON.write(Page.of(services, 1, 100, 25))));

    // Feed C: no taxonomy endpoints; list items are never nested, so each service is fetched by id.
    server.stubFor(get(urlPathEqualTo("/c/taxonomies")).willReturn(aResponse().withStatus(404)));
    server.stubFor(get(urlPathEqualTo("/c/taxonomy_terms")).willReturn(aResponse()
        .withHeader("Content-Type", "text/html").withBody("<html>Not here</html>")));
    List<String> items = new ArrayList<>();
    for (Service service : services.subList(0, 6)) {
      items.add("{\"id\":\"" + service.getId() + "\",\"name\":\"" + service.getName() + "\",\"status\":\"active\"}");
      json("/c/services/" + service.getId(), new String(JSON.write(service)));
    }
    json("/c/services", page(String.join(",", items), 1, 1, 6, 6));

    // Feed D: nothing anywhere.
    server.stubFor(get(urlPathEqualTo("/d/taxonomies")).willReturn(aResponse().withStatus(404)));
    server.stubFor(get(urlPathEqualTo("/d/taxonomy_terms")).willReturn(aResponse().withStatus(404)));
    json("/d/services", page("{\"id\":\"x1\",\"name\":\"Untagged\",\"contacts\":[]}", 1, 1, 1, 1));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static ClientFeedReader feed(String path) {
    return new ClientFeedReader(OrukClient.builder("http://127.0.0.1:" + server.port() + path).maxAttempts(1)
        .requestTimeout(Duration.ofSeconds(10)).build());
  }

  @Test
  void termsFromTheTaxonomyEndpointsAcrossPages() throws Exception {
    FeedTaxonomyLoader.Result result = FeedTaxonomyLoader.of(feed("/a")).load();

    assertEquals(FeedTaxonomyLoader.Source.ENDPOINTS, result.source());
    assertEquals(2, result.schemes().size());
    Scheme lga = result.schemes().get(0);
    assertEquals("http://id.esd.org.uk/list/services", lga.uri());
    assertEquals("LGA service types", lga.title());
    assertEquals(2, lga.size());
    assertTrue(lga.contains("http://id.esd.org.uk/service/242"));
    assertTrue(lga.contains("http://id.esd.org.uk/service/833"), "term + vocabulary placed the second one");
    Scheme bristol = result.schemes().get(1);
    assertEquals("BCC Age Groups", bristol.title());
    assertEquals("Children", bristol.concepts().get(0).prefLabel());
    server.verify(getRequestedFor(urlPathEqualTo("/a/taxonomy_terms")).withQueryParam("page", equalTo("2")));
  }

  @Test
  void termsFromNestedServicesWhenTheFeedHasNoTaxonomyEndpoints() throws Exception {
    FeedTaxonomyLoader.Result result = FeedTaxonomyLoader.of(feed("/b")).load();

    assertEquals(FeedTaxonomyLoader.Source.SERVICES, result.source());
    Scheme embedded = result.schemes().get(0);
    Scheme sample = OrukTaxonomies.fromTaxonomy(GENERATOR.sampleTaxonomy());
    assertEquals(sample.uri(), embedded.uri());
    for (Concept concept : embedded.concepts()) {
      assertEquals(concept.prefLabel(), sample.concept(concept.uri()).orElseThrow().prefLabel());
    }
    assertTrue(embedded.size() >= 10, "25 services use many of the 30 sample terms: " + embedded.size());
    assertTrue(result.notes().stream().anyMatch(note -> note.contains("/taxonomy_terms (HTTP 404)")), result.notes()
        .toString());
    assertTrue(result.notes().stream().anyMatch(note -> note.equals("read 25 services")), result.notes().toString());
    server.verify(getRequestedFor(urlPathEqualTo("/b/services")).withQueryParam("full", equalTo("true")));
  }

  @Test
  void servicesAreFetchedByIdWhenListItemsAreNotNested() throws Exception {
    List<String> names = new ArrayList<>();
    FeedReader.Summary summary = feed("/c").services(Long.MAX_VALUE, service -> names.add(service.getName()));

    assertTrue(summary.harvested());
    assertEquals(6, summary.services());
    assertTrue(summary.complete(), summary.notes().toString());
    FeedTaxonomyLoader.Result result = FeedTaxonomyLoader.of(feed("/c")).load();
    assertEquals(FeedTaxonomyLoader.Source.SERVICES, result.source());
    assertFalse(result.schemes().get(0).concepts().isEmpty());
    assertTrue(result.notes().stream().anyMatch(note -> note.startsWith("could not read /taxonomy_terms")),
        "an HTML page instead of JSON is noted: " + result.notes());
  }

  @Test
  void aSampleOfAFeedIsRespected() throws Exception {
    List<Service> seen = new ArrayList<>();
    FeedReader.Summary summary = feed("/b").services(10, seen::add);

    assertEquals(10, seen.size());
    assertFalse(summary.complete());
  }

  @Test
  void aFeedWithoutAnyTermSaysSo() {
    TaxonomyLoadException thrown = assertThrows(TaxonomyLoadException.class,
        () -> FeedTaxonomyLoader.of(feed("/d")).load());
    assertTrue(thrown.getMessage().contains("the feed has no taxonomy terms"), thrown.getMessage());
  }

  @Test
  void theGenericLoaderRecognisesAFeedFromItsApiDetailsOrAListUrl() throws Exception {
    TaxonomyLoader loader = TaxonomyLoader.builder().feedReader(ClientFeedReader::of).build();
    List<Scheme> fromBase = loader.loadAll(URI.create("http://127.0.0.1:" + server.port() + "/a/"));
    assertEquals(2, fromBase.size());
    List<Scheme> fromList = loader.loadAll(URI.create("http://127.0.0.1:" + server.port() + "/b/services"));
    assertEquals(OrukTaxonomies.fromTaxonomy(GENERATOR.sampleTaxonomy()).uri(), fromList.get(0).uri());
  }
}
