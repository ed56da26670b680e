package io.github.oruk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.ApiDetails;
import io.github.oruk.model.Organization;
import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.query.InvalidQueryException;
import io.github.oruk.model.query.Query;
import io.github.oruk.testkit.generate.DataGenerator;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** All eleven endpoints, synchronously and asynchronously, and how every parameter goes on the wire. */
class EndpointsTest extends WireMockFeed {

  private static final OrukJson JSON = OrukJson.lenient();
  private static final DataGenerator GENERATOR = DataGenerator.builder().seed(11).build();
  private static final String ID = "2b2f3c1e-8f0a-4a5e-9a57-3c1f1d2e4b6a";
  private static final String LOCATION = "7d1e0c55-0b7e-4f9d-8a43-6e0f5b2c9d11";

  private static void serve(String url, Object body) {
    wireMock.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(JSON.write(body))));
  }

  @Test
  void everyEndpointSynchronouslyAndAsynchronously() throws Exception {
    Service service = GENERATOR.service(0);
    Organization organization = new Organization().id(ID).name("Food Bank Trust").description("Feeds people");
    ServiceAtLocation serviceAtLocation = new ServiceAtLocation().id(ID).serviceId(service.getId())
        .locationId(LOCATION);
    Taxonomy taxonomy = new Taxonomy().id(ID).name("Service types").description("A sample vocabulary")
        .uri("https://example.org/taxonomy");
    TaxonomyTerm term = new TaxonomyTerm().id(ID).name("Food").description("Food and meals");
    serve("/api/", new ApiDetails("HSDS-UK-3.0", "https://openreferraluk.org/", "https://example.org/openapi.json"));
    serve("/api/services", Page.of(List.of(service), 1, 50, 1));
    serve("/api/services/" + service.getId(), service);
    serve("/api/service_at_locations", Page.of(List.of(serviceAtLocation), 1, 50, 1));
    serve("/api/service_at_locations/" + ID, serviceAtLocation);
    serve("/api/organizations", Page.of(List.of(organization), 1, 50, 1));
    serve("/api/organizations/" + ID, organization);
    serve("/api/taxonomies", Page.of(List.of(taxonomy), 1, 50, 1));
    serve("/api/taxonomies/" + ID, taxonomy);
    serve("/api/taxonomy_terms", Page.of(List.of(term), 1, 50, 1));
    serve("/api/taxonomy_terms/" + ID, term);
    OrukClient client = fastClient().build();
    Query all = Query.all();

    assertEquals("HSDS-UK-3.0", client.apiDetails().value().version());
    assertFalse(client.apiDetails().legacyV1());
    assertEquals("HSDS-UK-3.0", client.apiDetailsAsync().get().value().version());
    assertEquals(service.getId(), client.services(all).value().contents().get(0).getId());
    assertEquals(service.getId(), client.servicesAsync(all).get().value().contents().get(0).getId());
    assertEquals(JSON.writeTree(service), JSON.writeTree(client.service(service.getId()).value()));
    assertEquals(JSON.writeTree(service), JSON.writeTree(client.serviceAsync(service.getId()).get().value()));
    assertEquals(LOCATION, client.serviceAtLocations(all).value().contents().get(0).getLocationId());
    assertEquals(LOCATION, client.serviceAtLocationsAsync(all).get().value().contents().get(0).getLocationId());
    assertEquals(service.getId(), client.serviceAtLocation(ID).value().getServiceId());
    assertEquals(service.getId(), client.serviceAtLocationAsync(ID).get().value().getServiceId());
    assertEquals("Food Bank Trust", client.organizations(all).value().contents().get(0).getName());
    assertEquals("Food Bank Trust", client.organizationsAsync(all).get().value().contents().get(0).getName());
    assertEquals("Food Bank Trust", client.organization(ID).value().getName());
    assertEquals("Food Bank Trust", client.organizationAsync(ID).get().value().getName());
    assertEquals("Service types", client.taxonomies(all).value().contents().get(0).getName());
    assertEquals("Service types", client.taxonomiesAsync(all).get().value().contents().get(0).getName());
    assertEquals("Service types", client.taxonomy(ID).value().getName());
    assertEquals("Service types", client.taxonomyAsync(ID).get().value().getName());
    assertEquals("Food", client.taxonomyTerms(all).value().contents().get(0).getName());
    assertEquals("Food", client.taxonomyTermsAsync(all).get().value().contents().get(0).getName());
    assertEquals("Food", client.taxonomyTerm(ID).value().getName());
    assertEquals("Food", client.taxonomyTermAsync(ID).get().value().getName());

    OrukResponse<Page<Service>> page = client.services(all);
    assertEquals(1, page.value().totalItems());
    assertEquals(base() + "/services", page.uri().toString());
    assertEquals(1, page.attempts());
    assertEquals(List.of(), page.findings());
  }

  @Test
  void everyParameterOfServicesIsEncodedOnTheWire() {
    serve("/api/services?search=caf%C3%A9%20%26%20bar%3D1&page=2&per_page=25&taxonomy_term_id=a%2Cb"
        + "&taxonomy_id=esdServiceTypes%3A1&organization_id=" + ID + "&modified_after=2024-05-01T09%3A30%3A00%2B01%3A00"
        + "&minimal=true&full=false&minimum_age=5&maximum_age=18.5&start_time=09%3A30&end_time=17%3A00&day=WE",
        Page.of(List.of(), 2, 25, 0));
    Query query = Query.builder()
        .search("café & bar=1").page(2).perPage(25).taxonomyTermId("a,b").taxonomyId("esdServiceTypes:1")
        .organizationId(ID).modifiedAfter(OffsetDateTime.of(2024, 5, 1, 9, 30, 0, 0, ZoneOffset.ofHours(1)))
        .minimal(true).full(false).minimumAge(5).maximumAge(new BigDecimal("18.5"))
        .startTime(LocalTime.of(9, 30)).endTime(LocalTime.of(17, 0)).day(DayOfWeek.WEDNESDAY).build();

    OrukResponse<Page<Service>> page = fastClient().build().services(query);

    assertEquals(2, page.value().pageNumber(), "the stub matched the exact query string");
    wireMock.verify(getRequestedFor(urlPathEqualTo("/api/services"))
        .withQueryParam("search", equalTo("café & bar=1"))
        .withQueryParam("taxonomy_term_id", equalTo("a,b"))
        .withQueryParam("modified_after", equalTo("2024-05-01T09:30:00+01:00"))
        .withQueryParam("day", equalTo("WE")));
  }

  @Test
  void parametersOfTheOtherListEndpointsAreEncoded() {
    serve("/api/service_at_locations?search=%E5%8C%BB%E9%99%A2&postcode=BS1%204DJ&proximity=1500.5",
        Page.of(List.of(), 1, 50, 0));
    serve("/api/taxonomy_terms?taxonomy_id=t%201&top_only=true&parent_id=p%2F2", Page.of(List.of(), 1, 50, 0));
    serve("/api/organizations?full=true&full_service=true", Page.of(List.of(), 1, 50, 0));
    serve("/api/organizations/" + ID + "?full_service=true", new Organization().id(ID).name("Trust").description("d"));
    serve("/api/taxonomies?search=needs&per_page=5", Page.of(List.of(), 1, 5, 0));
    OrukClient client = fastClient().build();

    client.serviceAtLocations(Query.builder().search("医院").postcode("BS1 4DJ").proximity(new BigDecimal("1500.5")).build());
    client.taxonomyTerms(Query.builder().taxonomyId("t 1").topOnly(true).parentId("p/2").build());
    client.organizations(Query.builder().fullService(true).full(true).build());
    client.organization(ID, Query.builder().fullService(true).build());
    client.taxonomies(Query.builder().search("needs").perPage(5).build());

    wireMock.verify(getRequestedFor(urlPathEqualTo("/api/service_at_locations"))
        .withQueryParam("postcode", equalTo("BS1 4DJ")).withQueryParam("search", equalTo("医院")));
    wireMock.verify(getRequestedFor(urlPathEqualTo("/api/taxonomy_terms")).withQueryParam("parent_id", equalTo("p/2")));
  }

  @Test
  void repeatedAndVendorParametersGoOutAsGiven() {
    serve("/api/services?taxonomy_term_id=a&taxonomy_term_id=b%20c&council=bristol", Page.of(List.of(), 1, 50, 0));

    fastClient().build().services(Query.builder().taxonomyTermId("a").extra("taxonomy_term_id", "b c")
        .extra("council", "bristol").build());

    wireMock.verify(getRequestedFor(urlPathEqualTo("/api/services"))
        .withQueryParam("taxonomy_term_id", havingExactly("a", "b c")).withQueryParam("council", equalTo("bristol")));
  }

  @Test
  void idsAreEncodedAsOnePathSegment() {
    String id = "a b/c é?x#y";
    serve("/api/services/a%20b%2Fc%20%C3%A9%3Fx%23y", new Service().id(id).name("n").status(null));

    assertEquals(id, fastClient().build().service(id).value().getId());
    assertThrows(IllegalArgumentException.class, () -> fastClient().build().service(" "));
    assertThrows(IllegalArgumentException.class, () -> fastClient().build().taxonomy(null));
  }

  @Test
  void aByIdAnswerForAnotherRecordIsRetriedThenRefusedNeverReturned() {
    String other = "9c0e6b1a-3d2f-4e5a-8b7c-1d2e3f4a5b6c";
    serve("/api/services/" + ID, new Service().id(other).name("Someone else's service"));
    serve("/api/organizations/" + ID, new Organization().id(ID.toUpperCase(java.util.Locale.ROOT)).name("Trust")
        .description("d"));
    serve("/api/taxonomy_terms/" + ID, new TaxonomyTerm().name("Food").description("no id at all"));
    OrukClient client = fastClient().maxAttempts(3).build();

    OrukProtocolException wrong = assertThrows(OrukProtocolException.class, () -> client.service(ID));

    assertEquals("/id", wrong.pointer());
    assertEquals(3, wrong.attempts(), "retried like a transient failure");
    assertEquals(3, wireMock.findAll(getRequestedFor(urlEqualTo("/api/services/" + ID))).size());
    assertTrue(wrong.getMessage().contains("asked for a service with the id '" + ID + "', got a service with the id '"
        + other + "' on all 3 attempts"), wrong.getMessage());
    assertTrue(wrong.getMessage().contains("was not used"), wrong.getMessage());
    java.util.concurrent.ExecutionException async = assertThrows(java.util.concurrent.ExecutionException.class,
        () -> client.serviceAsync(ID).get());
    assertTrue(async.getCause() instanceof OrukProtocolException, async.getCause().toString());
    assertEquals(ID.toUpperCase(java.util.Locale.ROOT), client.organization(ID).value().getId(),
        "a UUID is the same UUID in capitals");
    OrukProtocolException missing = assertThrows(OrukProtocolException.class, () -> client.taxonomyTerm(ID));
    assertTrue(missing.getMessage().contains("got an answer without an id"), missing.getMessage());
  }

  @Test
  void aMixedUpAnswerThatPutsItselfRightOnTheNextAttemptIsUsed() {
    wireMock.stubFor(get(urlEqualTo("/api/services/" + ID)).inScenario("cache").whenScenarioStateIs(
        com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willSetStateTo("fixed")
        .willReturn(aResponse().withStatus(200).withBody(JSON.write(new Service().id(LOCATION).name("wrong")))));
    wireMock.stubFor(get(urlEqualTo("/api/services/" + ID)).inScenario("cache").whenScenarioStateIs("fixed")
        .willReturn(aResponse().withStatus(200).withBody(JSON.write(new Service().id(ID).name("right")))));

    OrukResponse<Service> response = fastClient().build().service(ID);

    assertEquals("right", response.value().getName());
    assertEquals(2, response.attempts());
  }

  @Test
  void aParameterTheEndpointDoesNotTakeIsRefusedBeforeAnythingIsSent() {
    OrukClient client = fastClient().build();

    InvalidQueryException refused = assertThrows(InvalidQueryException.class,
        () -> client.services(Query.builder().postcode("BS1 4DJ").build()));
    assertTrue(refused.getMessage().contains("/service_at_locations"), refused.getMessage());
    assertThrows(InvalidQueryException.class,
        () -> client.organization(ID, Query.builder().search("x").build()));
    assertThrows(IllegalArgumentException.class,
        () -> client.services(Query.builder().format(Query.Format.NDJSON).build()));
    assertEquals(0, wireMock.getAllServeEvents().size());
  }

  /**
   * The documented line (README, "Errors"): a mistake in the call is an IllegalArgumentException (the
   * model's InvalidQueryException is one) or a NullPointerException, thrown by the method itself — the
   * asynchronous ones too, never through the future — and never an OrukClientException, which is kept for
   * failures of a request.
   */
  @Test
  void mistakesInACallAreThrownAtOnceEvenAsynchronouslyAndAreNotRequestFailures() {
    OrukClient client = fastClient().build();
    Query postcode = Query.builder().postcode("BS1 4DJ").build();

    Object refused = assertThrows(InvalidQueryException.class, () -> client.servicesAsync(postcode));
    assertFalse(refused instanceof OrukClientException);
    assertThrows(InvalidQueryException.class, () -> client.organizationAsync(ID, Query.builder().search("x").build()));
    assertThrows(InvalidQueryException.class, () -> client.stream(Service.class, postcode));
    assertThrows(IllegalArgumentException.class, () -> client.serviceAsync(" "));
    assertThrows(NullPointerException.class, () -> client.servicesAsync(null));
    assertEquals(0, wireMock.getAllServeEvents().size(), "nothing was sent");
  }

  @Test
  void theBaseUrlMayEndInServices() {
    serve("/api/services", Page.of(List.of(), 1, 50, 0));
    serve("/api/", new ApiDetails("HSDS-UK-3.0", null, null));

    OrukClient client = OrukClient.builder(base() + "/services/").build();

    assertEquals(base() + "/", client.baseUri().toString());
    assertTrue(client.baseUriNote().contains("/services"), client.baseUriNote());
    assertEquals(0, client.services(Query.all()).value().totalItems());
    assertEquals("HSDS-UK-3.0", client.apiDetails().value().version());
    assertEquals(base() + "/", OrukClient.create(base()).baseUri().toString());
    assertEquals(base() + "/", OrukClient.create(base() + "/").baseUri().toString());
    assertTrue(OrukClient.create(base()).baseUriNote().contains("is the base"));
  }

  @Test
  void sendsAcceptUserAgentCompressionAndExtraHeaders() {
    serve("/api/", new ApiDetails("HSDS-UK-3.0", null, null));

    fastClient().header("X-Api-Key", "s3cret-key").build().apiDetails();
    fastClient().userAgent("council-sync/2.1").compression(false).header("Accept", "application/json;v=3")
        .build().apiDetails();

    List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requests =
        wireMock.findAll(getRequestedFor(urlEqualTo("/api/")));
    assertEquals(2, requests.size());
    var first = requests.get(0);
    assertEquals("application/json", first.getHeader("Accept"));
    assertTrue(first.getHeader("User-Agent").startsWith("oruk-java/"), first.getHeader("User-Agent"));
    assertEquals("gzip, deflate", first.getHeader("Accept-Encoding"));
    assertEquals("s3cret-key", first.getHeader("X-Api-Key"));
    var second = requests.get(1);
    assertEquals("council-sync/2.1", second.getHeader("User-Agent"));
    assertFalse(second.containsHeader("Accept-Encoding"));
    assertEquals("application/json;v=3", second.getHeader("Accept"));
  }

  @Test
  void readFindingsComeWithTheValue() {
    wireMock.stubFor(get(urlEqualTo("/api/services/SVC-1")).willReturn(aResponse().withStatus(200)
        .withBody("{\"id\":\"SVC-1\",\"name\":\"Food\",\"status\":\"Active\",\"pc_metadata\":{\"a\":1}}")));

    OrukResponse<Service> response = fastClient().build().service("SVC-1");

    assertEquals("SVC-1", response.value().getId());
    assertEquals(1, response.findings(ReadCode.NON_UUID_ID).size());
    assertEquals(1, response.findings(ReadCode.ENUM_SPELLING).size());
    assertEquals(1, response.findings(ReadCode.EXTENSION_PROPERTY).size());
    assertTrue(response.value().getExtensions().containsKey("pc_metadata"), "kept, not dropped");
  }

  @Test
  void builderRefusesBadOptionsWithReasons() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> OrukClient.builder("ftp://example.org"))
        .getMessage().contains("https://"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> OrukClient.builder("https://example.org/api?page=2"))
        .getMessage().contains("query"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> OrukClient.builder("https://user:pw@example.org"))
        .getMessage().contains("header"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> OrukClient.builder("not a url at all"))
        .getMessage().contains("not a valid URL"));
    OrukClient.Builder builder = OrukClient.builder("https://example.org/api");
    assertThrows(IllegalArgumentException.class, () -> builder.maxAttempts(0));
    assertThrows(IllegalArgumentException.class, () -> builder.requestTimeout(java.time.Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> builder.maxRequestsPerSecond(-1));
    assertThrows(IllegalArgumentException.class, () -> builder.maxResponseBytes(0));
    assertThrows(IllegalArgumentException.class, () -> builder.header("Host", "x"));
    assertThrows(IllegalArgumentException.class, () -> builder.header("X-Key", "a\r\nInjected: yes"));
    assertThrows(IllegalArgumentException.class, () -> builder.header("bad name", "x"));
    assertThrows(IllegalArgumentException.class, () -> builder.backoff(java.time.Duration.ofSeconds(2),
        java.time.Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> fastClient().build().stream(ApiDetails.class, Query.all()));
  }
}
