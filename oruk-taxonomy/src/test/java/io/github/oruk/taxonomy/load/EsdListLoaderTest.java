package io.github.oruk.taxonomy.load;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.oruk.taxonomy.Concept;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.SchemeSet;
import io.github.oruk.taxonomy.crosswalk.Counterpart;
import io.github.oruk.taxonomy.crosswalk.Crosswalk;
import io.github.oruk.taxonomy.crosswalk.Mapping;
import io.github.oruk.taxonomy.crosswalk.MatchType;
import io.github.oruk.taxonomy.crosswalk.TermExpander;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The LG Inform Plus (esd) JSON list format, served by WireMock on the loopback interface. The stubs are
 * written for this test in the shape taxonomies.md describes; the items are made up (the identifiers are
 * not the LGA's), so nothing here is LGA data.
 */
class EsdListLoaderTest {

  /** A hierarchical needs list: one item nests its children, another names its parent. */
  static final String NEEDS = """
      {"list": {"identifier": "needs", "label": "Needs", "uri": "http://id.esd.org.uk/list/needs",
        "modified": "2024-03-11", "rights": "Test data written for oruk-java.",
        "items": [
          {"identifier": "9001", "label": "Money worries", "uri": "http://id.esd.org.uk/need/9001",
           "description": "Struggling with bills, debts or income.",
           "children": [
             {"identifier": "9002", "label": "Debt", "description": "Owing money you cannot repay."}
           ]},
          {"identifier": "9003", "label": "Benefit claims", "parents": [{"identifier": "9001", "label": "Money worries"}],
           "synonyms": ["Claiming benefits"]},
          {"identifier": "9004", "label": "Old need", "status": "Discontinued"},
          {"label": "An item without an identifier"}
        ]}}
      """;

  /** The mapping endpoint's answer: each need lists the service types it maps to. */
  static final String NEEDS_TO_SERVICES = """
      {"list": {"identifier": "needs", "items": [
        {"identifier": "9001", "label": "Money worries", "mappings": [
          {"identifier": "8001", "label": "Welfare benefits advice"}]},
        {"identifier": "9002", "label": "Debt", "mappings": [
          {"identifier": "8002", "label": "Debt advice"},
          {"identifier": "8003", "label": "Money management courses", "type": "close"}]}
      ]}}
      """;

  static WireMockServer server;

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(get(urlEqualTo("/lists/needs/verbose")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(NEEDS)));
    server.stubFor(get(urlPathEqualTo("/lists/mapping")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(NEEDS_TO_SERVICES)));
    server.stubFor(get(urlEqualTo("/lists/circumstances/verbose")).willReturn(aResponse().withStatus(403)));
    server.stubFor(get(urlEqualTo("/lists/html")).willReturn(aResponse()
        .withHeader("Content-Type", "text/html").withBody("<html><body>Maintenance</body></html>")));
    server.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withFixedDelay(3000).withBody("{}")));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static URI base() {
    return URI.create("http://127.0.0.1:" + server.port() + "/");
  }

  @Test
  void fetchesAHierarchicalListWithItsParentsChildrenAndStatus() throws Exception {
    Scheme needs = EsdListLoader.defaults().fetch(EsdListLoader.verboseListUrl(base(), "needs"));

    assertEquals("http://id.esd.org.uk/list/needs", needs.uri());
    assertEquals("Needs", needs.title());
    assertEquals("esdNeed", needs.vocabulary().orElseThrow());
    assertEquals(4, needs.size());
    Concept debt = needs.byId("9002").orElseThrow();
    assertEquals("http://id.esd.org.uk/need/9002", debt.uri(), "no uri in the item: made from the list's vocabulary");
    assertEquals("Money worries", needs.parents(debt).get(0).prefLabel(), "nested under its parent");
    Concept claims = needs.byLabel("claiming benefits").orElseThrow();
    assertEquals("Benefit claims", claims.prefLabel());
    assertEquals(List.of("http://id.esd.org.uk/need/9001"), claims.broader(), "from the parents array");
    assertTrue(needs.byId("9004").orElseThrow().deprecated());
    assertEquals(2, needs.maxDepth());
    assertEquals(1, needs.problems().size(), "the item without an identifier");
    assertTrue(needs.problems().get(0).message().contains("item 4"), needs.problems().get(0).message());
    server.verify(getRequestedFor(urlEqualTo("/lists/needs/verbose")));
  }

  @Test
  void theGenericLoaderRecognisesTheFormatAtAUrl() throws Exception {
    Scheme needs = TaxonomyLoader.defaults().load(URI.create(base() + "lists/needs/verbose"));

    assertEquals(4, needs.size());
    assertEquals(TaxonomyLoader.Format.ESD_JSON, TaxonomyLoader.detect(NEEDS.getBytes(), "anything"));
  }

  @Test
  void mappingTablesFanNeedsOutToServiceTypes() throws Exception {
    EsdListLoader loader = EsdListLoader.defaults();
    Scheme needs = loader.fetch(EsdListLoader.verboseListUrl(base(), "needs"));
    List<Mapping> mappings = loader.fetchMappings(EsdListLoader.mappingUrl(base(), "needs", "services"),
        "esdNeed", "esdServiceType");

    assertEquals(List.of(
        new Mapping("http://id.esd.org.uk/need/9001", "http://id.esd.org.uk/service/8001", MatchType.RELATED),
        new Mapping("http://id.esd.org.uk/need/9002", "http://id.esd.org.uk/service/8002", MatchType.RELATED),
        new Mapping("http://id.esd.org.uk/need/9002", "http://id.esd.org.uk/service/8003", MatchType.CLOSE)),
        mappings);
    Scheme services = Scheme.builder("http://id.esd.org.uk/list/services")
        .add(Concept.builder("http://id.esd.org.uk/service/8001", "8001", "Welfare benefits advice"))
        .add(Concept.builder("http://id.esd.org.uk/service/8002", "8002", "Debt advice"))
        .add(Concept.builder("http://id.esd.org.uk/service/8003", "8003", "Money management courses"))
        .build();
    TermExpander expander = TermExpander.of(SchemeSet.of(needs, services), Crosswalk.of(mappings));

    Set<String> forMoneyWorries = expander.fanOut("http://id.esd.org.uk/need/9001", services).stream()
        .map(Counterpart::uri).collect(Collectors.toSet());
    assertEquals(Set.of("http://id.esd.org.uk/service/8001", "http://id.esd.org.uk/service/8002",
        "http://id.esd.org.uk/service/8003"), forMoneyWorries, "the need and the narrower need 'Debt'");
  }

  @Test
  void mappingsInsideAVerboseListAreKeyedByTargetList() throws Exception {
    String verbose = """
        {"list": {"identifier": "needs", "uri": "http://id.esd.org.uk/list/needs", "items": [
          {"identifier": "9002", "label": "Debt", "mappings": {"services": [{"identifier": "8002"}],
                                                              "circumstances": [{"identifier": "Debt_Problems"}]}}
        ]}}
        """;

    List<Mapping> mappings = EsdListLoader.defaults().readMappings(verbose.getBytes(), "verbose.json", null, null);

    assertEquals(Set.of("http://id.esd.org.uk/service/8002", "http://id.esd.org.uk/circumstance/Debt_Problems"),
        mappings.stream().map(Mapping::to).collect(Collectors.toSet()));
  }

  @Test
  void refusalsSayWhatHappened() {
    TaxonomyLoadException forbidden = assertThrows(TaxonomyLoadException.class,
        () -> EsdListLoader.defaults().fetch(EsdListLoader.verboseListUrl(base(), "circumstances")));
    assertTrue(forbidden.getMessage().contains("HTTP 403") && forbidden.getMessage().contains("application key"),
        forbidden.getMessage());

    TaxonomyLoadException html = assertThrows(TaxonomyLoadException.class,
        () -> EsdListLoader.defaults().fetch(URI.create(base() + "lists/html")));
    assertTrue(html.getMessage().contains("not valid JSON"), html.getMessage());
    assertEquals(base() + "lists/html", html.source());

    TaxonomyLoadException slow = assertThrows(TaxonomyLoadException.class,
        () -> EsdListLoader.defaults().withTimeout(Duration.ofMillis(300)).fetch(URI.create(base() + "slow")));
    assertTrue(slow.getMessage().contains("no answer within"), slow.getMessage());

    TaxonomyLoadException notAList = assertThrows(TaxonomyLoadException.class,
        () -> EsdListLoader.defaults().read("{\"services\": []}".getBytes(), "x.json"));
    assertTrue(notAList.getMessage().startsWith("x.json: not an esd list"), notAList.getMessage());
  }
}
