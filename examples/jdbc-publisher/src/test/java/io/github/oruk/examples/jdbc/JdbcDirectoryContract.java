package io.github.oruk.examples.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.model.Address;
import io.github.oruk.model.Attribute;
import io.github.oruk.model.Organization;
import io.github.oruk.model.Schedule;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceArea;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.model.query.InvalidQueryException;
import io.github.oruk.model.query.Query;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.PageRequest;
import io.github.oruk.server.Results;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.testkit.generate.DataGenerator;
import io.github.oruk.validation.junit.OrukAssertions;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The JDBC provider against a real database (H2 here, PostgreSQL when one is configured): generated
 * services go in through {@link DirectoryWriter}, and every filter must return exactly the services a
 * plain reading of its definition picks from the generated data, computed here without SQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcDirectoryContract {

  static final int COUNT = 150;
  private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

  private List<Service> data;
  private JdbcDirectory directory;
  private DataSource dataSource;
  private OrukHttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();

  /** An empty database for this test class. */
  abstract DataSource dataSource() throws Exception;

  /** Whether the database sorts text as Java does (H2 by default; PostgreSQL follows its locale). */
  abstract boolean sortsLikeJava();

  /** Cleans up after the class. */
  void dropDatabase() throws Exception {
  }

  /**
   * Loads the data before the first test. Done per test rather than in {@code @BeforeAll} so that, when
   * a database is not configured, every test is reported as skipped with the reason.
   */
  @BeforeEach
  void load() throws Exception {
    if (directory != null) {
      return;
    }
    dataSource = dataSource();
    Database.createSchema(dataSource);
    DataGenerator generator = DataGenerator.builder().seed(11).build();
    DirectoryWriter writer = new DirectoryWriter(dataSource);
    writer.insert(generator.sampleTaxonomy());
    writer.insert(generator.services(COUNT).toList());
    data = generator.services(COUNT).toList();
    directory = new JdbcDirectory(dataSource);
    server = OrukHttpServer.builder(OrukApi.of(directory)).port(0).start();
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    dropDatabase();
  }

  // ------------------------------------------------------------------------------------ helpers

  private List<String> actual(Query query) {
    List<String> ids = new ArrayList<>();
    for (int page = 1; ; page++) {
      Results<Service> results = directory.services(query, PageRequest.of(page, 23));
      results.items().forEach(service -> ids.add(service.getId()));
      if (results.items().size() < 23) {
        assertEquals(ids.size(), results.totalItems(), "the count agrees with the pages");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no service on two pages");
        return ids;
      }
    }
  }

  private Set<String> expected(Predicate<Service> filter) {
    return data.stream().filter(filter).map(Service::getId).collect(Collectors.toSet());
  }

  private static boolean contains(String text, String word) {
    return text != null && text.toLowerCase(Locale.ROOT).contains(word);
  }

  private static Predicate<Service> search(String... words) {
    return service -> {
      for (String word : words) {
        if (!(contains(service.getName(), word) || contains(service.getDescription(), word)
            || contains(service.getOrganization().getName(), word))) {
          return false;
        }
      }
      return true;
    };
  }

  private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private JsonNode json(HttpResponse<byte[]> response) throws IOException {
    return mapper.readTree(response.body());
  }

  // ------------------------------------------------------------------------------------ tests

  @Test
  void listsEveryServiceOnceInNameOrder() {
    List<String> ids = actual(Query.all());
    assertEquals(data.stream().map(Service::getId).collect(Collectors.toSet()), Set.copyOf(ids));
    if (sortsLikeJava()) {
      List<String> byName = data.stream().sorted((a, b) -> a.getName().equals(b.getName())
          ? a.getId().compareTo(b.getId()) : a.getName().compareTo(b.getName())).map(Service::getId).toList();
      assertEquals(byName, ids);
    }
  }

  @Test
  void everyFilterPicksWhatItsDefinitionSays() {
    assertEquals(expected(search("food")), Set.copyOf(actual(Query.builder().search("Food").build())));
    assertEquals(expected(search("support", "group")), Set.copyOf(actual(Query.builder().search("support group").build())));
    assertFalse(expected(search("food")).isEmpty());
    String term = data.get(0).getAttributes().get(0).getTaxonomyTermId();
    assertEquals(expected(s -> s.getAttributes().stream()
        .anyMatch(a -> term.equals(a.getTaxonomyTermId()))), Set.copyOf(actual(Query.builder().taxonomyTermId(term).build())));
    String taxonomy = data.get(0).getAttributes().get(0).getTaxonomyTerm().getTaxonomyId();
    assertEquals(expected(s -> s.getAttributes().stream()
        .anyMatch(a -> taxonomy.equals(a.getTaxonomyTerm().getTaxonomyId()))),
        Set.copyOf(actual(Query.builder().taxonomyId(taxonomy).build())));
    String organization = data.get(7).getOrganizationId();
    assertEquals(expected(s -> organization.equals(s.getOrganizationId())),
        Set.copyOf(actual(Query.builder().organizationId(organization).build())));
    OffsetDateTime since = data.get(20).getLastModified();
    assertEquals(expected(s -> s.getLastModified() != null && !s.getLastModified().isBefore(since)),
        Set.copyOf(actual(Query.builder().modifiedAfter(since).build())));
    assertEquals(expected(s -> s.getMinimumAge() != null && s.getMinimumAge().compareTo(BigDecimal.valueOf(11)) >= 0),
        Set.copyOf(actual(Query.builder().minimumAge(11).build())));
    assertEquals(expected(s -> s.getMaximumAge() != null && s.getMaximumAge().compareTo(BigDecimal.valueOf(18)) <= 0),
        Set.copyOf(actual(Query.builder().maximumAge(18).build())));
    for (DayOfWeek day : DayOfWeek.values()) {
      LocalTime start = LocalTime.of(9, 30);
      LocalTime end = LocalTime.of(17, 0);
      Predicate<Service> open = s -> s.getSchedules().stream().anyMatch(sc ->
          sc.getByday() != null && List.of(sc.getByday().split(",")).stream().anyMatch(c -> c.endsWith(DAYS[day.getValue() - 1]))
              && !sc.getOpensAt().isBefore(start) && !sc.getClosesAt().isAfter(end));
      assertEquals(expected(open), Set.copyOf(actual(Query.builder().day(day).startTime(start).endTime(end).build())),
          day.toString());
    }
    Query combined = Query.builder().search("support").minimumAge(16).organizationId(organization).build();
    assertEquals(expected(search("support").and(s -> organization.equals(s.getOrganizationId()))
        .and(s -> s.getMinimumAge() != null && s.getMinimumAge().compareTo(BigDecimal.valueOf(16)) >= 0)),
        Set.copyOf(actual(combined)));
  }

  @Test
  void proximityAndServiceAreasUseTheDirectorysOwnAddresses() {
    List<ServiceAtLocation> links = data.stream().flatMap(s -> s.getServiceAtLocations().stream()).toList();
    ServiceAtLocation anchor = links.stream().filter(l -> l.getLocation().getLatitude() != null
        && !l.getLocation().getAddresses().isEmpty()).findFirst().orElseThrow();
    String postcode = anchor.getLocation().getAddresses().get(0).getPostalCode();
    double[] centre = centreOf(links, postcode);
    for (int metres : new int[] {1_000, 10_000, 60_000}) {
      Set<String> expected = links.stream().filter(l -> l.getLocation().getLatitude() != null
          && haversine(centre[0], centre[1], l.getLocation().getLatitude().doubleValue(),
          l.getLocation().getLongitude().doubleValue()) <= metres).map(ServiceAtLocation::getId).collect(Collectors.toSet());
      Set<String> actual = directory.streamServiceAtLocations(Query.builder().postcode(postcode.toLowerCase(Locale.ROOT))
          .proximity(metres).build()).map(ServiceAtLocation::getId).collect(Collectors.toSet());
      assertEquals(expected, actual, postcode + " within " + metres);
      assertTrue(actual.contains(anchor.getId()));
    }
    Set<String> areas = new LinkedHashSet<>();
    for (ServiceAtLocation link : links) {
      for (Address address : link.getLocation().getAddresses()) {
        if (address.getPostalCode().equals(postcode)) {
          areas.add(address.getCity().toLowerCase(Locale.ROOT));
          areas.add(address.getStateProvince().toLowerCase(Locale.ROOT));
          if (address.getRegion() != null) {
            areas.add(address.getRegion().toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    Set<String> covered = expected(s -> s.getServiceAreas().stream()
        .map(ServiceArea::getName).anyMatch(n -> n != null && areas.contains(n.toLowerCase(Locale.ROOT))));
    Set<String> expectedLinks = links.stream().filter(l -> covered.contains(l.getServiceId()))
        .map(ServiceAtLocation::getId).collect(Collectors.toSet());
    assertEquals(expectedLinks, directory.streamServiceAtLocations(Query.builder().postcode(postcode).build())
        .map(ServiceAtLocation::getId).collect(Collectors.toSet()));
    InvalidQueryException unknown = assertThrows(InvalidQueryException.class,
        () -> directory.serviceAtLocations(Query.builder().postcode("ZE2 9XX").proximity(5).build(), PageRequest.of(1, 5)));
    assertEquals("postcode", unknown.parameter());
  }

  private static double[] centreOf(List<ServiceAtLocation> links, String postcode) {
    double lat = 0;
    double lon = 0;
    int n = 0;
    for (ServiceAtLocation link : links) {
      if (link.getLocation().getLatitude() == null || link.getLocation().getAddresses().isEmpty()) {
        continue;
      }
      for (Address address : link.getLocation().getAddresses()) {
        if (address.getPostalCode().equals(postcode)) {
          lat += link.getLocation().getLatitude().doubleValue();
          lon += link.getLocation().getLongitude().doubleValue();
          n++;
        }
      }
    }
    return new double[] {lat / n, lon / n};
  }

  private static double haversine(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
  }

  @Test
  void aServiceComesBackWithWhatTheTablesKeep() {
    Service original = data.get(3);
    assertStoredAsGiven(original, directory);
    assertTrue(directory.service("no such id").isEmpty());
    Organization organization = directory.organization(original.getOrganizationId(), false).orElseThrow();
    assertTrue(organization.getServices().stream().anyMatch(s -> s.getId().equals(original.getId())));
    TaxonomyTerm term = directory.taxonomyTerm(original.getAttributes().get(0).getTaxonomyTermId()).orElseThrow();
    assertEquals(original.getAttributes().get(0).getTaxonomyTerm().getName(), term.getName());
  }

  /** The stored service has what the tables keep of the original (also used by the package import's tests). */
  static void assertStoredAsGiven(Service original, JdbcDirectory directory) {
    Service stored = directory.service(original.getId()).orElseThrow(() -> new AssertionError("not stored: "
        + original.getId()));
    assertEquals(original.getName(), stored.getName());
    assertEquals(original.getStatus(), stored.getStatus());
    assertEquals(original.getDescription(), stored.getDescription());
    assertEquals(instant(original.getLastModified()), instant(stored.getLastModified()));
    assertEquals(0, compare(original.getMinimumAge(), stored.getMinimumAge()));
    assertEquals(original.getOrganization().getName(), stored.getOrganization().getName());
    assertEquals(original.getServiceAtLocations().stream().map(ServiceAtLocation::getId).sorted().toList(),
        stored.getServiceAtLocations().stream().map(ServiceAtLocation::getId).toList());
    for (ServiceAtLocation link : stored.getServiceAtLocations()) {
      ServiceAtLocation before = original.getServiceAtLocations().stream()
          .filter(l -> l.getId().equals(link.getId())).findFirst().orElseThrow();
      assertEquals(before.getLocation().getName(), link.getLocation().getName());
      assertEquals(0, compare(before.getLocation().getLatitude(), link.getLocation().getLatitude()));
      if (!before.getLocation().getAddresses().isEmpty()) {
        assertEquals(before.getLocation().getAddresses().get(0).getPostalCode(),
            link.getLocation().getAddresses().get(0).getPostalCode());
      }
    }
    assertEquals(ids(original.getSchedules(), Schedule::getId), ids(stored.getSchedules(), Schedule::getId));
    for (Schedule schedule : stored.getSchedules()) {
      Schedule before = original.getSchedules().stream().filter(s -> s.getId().equals(schedule.getId())).findFirst()
          .orElseThrow();
      assertEquals(before.getByday(), schedule.getByday());
      assertEquals(before.getOpensAt(), schedule.getOpensAt());
      assertEquals(before.getClosesAt(), schedule.getClosesAt());
    }
    assertEquals(ids(original.getAttributes(), Attribute::getTaxonomyTermId),
        ids(stored.getAttributes(), Attribute::getTaxonomyTermId));
  }

  private static java.time.Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private static int compare(BigDecimal a, BigDecimal b) {
    return a == null || b == null ? (a == b ? 0 : 1) : a.compareTo(b);
  }

  private static <T> List<String> ids(List<T> items, java.util.function.Function<T, String> id) {
    return items == null ? List.of() : items.stream().map(id).sorted().toList();
  }

  @Test
  void sqlLookingInputIsJustText() throws Exception {
    String[] hostile = {"' OR '1'='1", "1; DROP TABLE service; --", "x' UNION SELECT id FROM organization --",
        "%", "_", "\\", "'; DELETE FROM service WHERE '1'='1"};
    for (String text : hostile) {
      assertTrue(directory.service(text).isEmpty(), text);
      assertEquals(List.of(), actual(Query.builder().organizationId(text).build()), text);
      assertEquals(List.of(), actual(Query.builder().taxonomyTermId(text).build()), text);
      assertEquals(0, directory.taxonomyTerms(Query.builder().parentId(text).build(), PageRequest.of(1, 5)).totalItems());
    }
    assertEquals(expected(search("drop", "table", "service")),
        Set.copyOf(actual(Query.builder().search("1; DROP TABLE service; --").build())));
    assertEquals(COUNT, actual(Query.all()).size(), "every service is still there");
    for (String path : List.of("services/%27%20OR%20%271%27%3D%271", "services?search=%27%3B%20DROP%20TABLE%20service%3B--",
        "services?organization_id=%27%20OR%201%3D1--", "taxonomy_terms?parent_id=%27%22", "services/..%2F..%2Fetc",
        "service_at_locations?postcode=%27%20OR%201%3D1&proximity=10")) {
      HttpResponse<byte[]> response = get(path);
      assertTrue(response.statusCode() == 200 || response.statusCode() == 400 || response.statusCode() == 404,
          path + " answered " + response.statusCode());
      JsonNode body = json(response);
      assertTrue(body.has("contents") || body.has("error"), path);
    }
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM service")) {
      rows.next();
      assertEquals(COUNT, rows.getInt(1), "the table was not touched");
    }
  }

  /**
   * The values at the edges of what the query parser accepts reach the database as bound parameters it can
   * compare with (four-digit years with any offset, numbers up to 10⁹ with 20 decimal places, pages at
   * {@code int}'s limit); what the parser refuses is a 400 naming the parameter. Never a 5xx.
   */
  @Test
  void extremeValuesAreAnsweredOrRefusedByNameNeverA5xx() throws Exception {
    String postcode = data.stream().flatMap(s -> s.getServiceAtLocations().stream())
        .filter(l -> l.getLocation().getLatitude() != null && !l.getLocation().getAddresses().isEmpty()).findFirst()
        .orElseThrow().getLocation().getAddresses().get(0).getPostalCode().replace(" ", "%20");
    long dated = data.stream().filter(s -> s.getLastModified() != null).count();
    for (String date : List.of("0000-01-01T00:00:00Z", "0000-01-01T00:00:00%2B18:00&format=ndjson", "0000-01-01")) {
      assertEquals(dated, count(get("services?modified_after=" + date)), date);
    }
    for (String date : List.of("9999-12-31T23:59:59.999999999-18:00", "9999-12-31T23:59:59Z&format=ndjson")) {
      assertEquals(0, count(get("services?modified_after=" + date)), date);
      assertEquals(0, count(get("service_at_locations?modified_after=" + date)), date);
    }
    for (String number : List.of("0e-2147483647", "1e9&format=ndjson", "999999999.99999999999999999999")) {
      for (String query : List.of("services?minimum_age=", "services?maximum_age=",
          "service_at_locations?postcode=" + postcode + "&proximity=")) {
        assertEquals(200, get(query + number).statusCode(), query + number);
      }
    }
    for (String refused : List.of("services?modified_after=%2B999999999-12-31T23:59:59Z",
        "service_at_locations?modified_after=-999999999-01-01T00:00:00Z", "services?minimum_age=1e-999999999",
        "services?maximum_age=1e2147483647", "service_at_locations?postcode=" + postcode + "&proximity=NaN")) {
      HttpResponse<byte[]> response = get(refused);
      assertEquals(400, response.statusCode(), refused);
      assertEquals(refused.replaceAll(".*[?&]([a-z_]+)=[^&]*$", "$1"), json(response).path("parameter").asText(),
          refused);
    }
    for (String list : List.of("services", "service_at_locations", "organizations", "taxonomies", "taxonomy_terms")) {
      JsonNode last = json(get(list + "?page=2147483647&per_page=2147483647"));
      assertEquals(2147483647, last.path("page_number").asInt(), list);
      assertTrue(last.path("empty").asBoolean(), list);
    }
  }

  /** The records an answer carries: total_items of a page, lines of an NDJSON stream. */
  private long count(HttpResponse<byte[]> response) throws IOException {
    assertEquals(200, response.statusCode(), () -> new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson")) {
      String text = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
      return text.isEmpty() ? 0 : text.split("\n").length;
    }
    return json(response).path("total_items").asLong();
  }

  @Test
  void servedOverHttpWithTheSdksEnvelopeAndStreaming() throws Exception {
    JsonNode page = json(get("services?per_page=10&page=2"));
    assertEquals(COUNT, page.path("total_items").asInt());
    assertEquals(15, page.path("total_pages").asInt());
    assertEquals(10, page.path("size").asInt());
    String id = page.path("contents").path(0).path("id").asText();
    assertEquals(200, get("services/" + id).statusCode());
    HttpResponse<byte[]> ndjson = get("services?format=ndjson");
    assertEquals(COUNT, new String(ndjson.body(), java.nio.charset.StandardCharsets.UTF_8).split("\n").length);
    for (String list : List.of("organizations", "taxonomies", "taxonomy_terms", "service_at_locations")) {
      JsonNode first = json(get(list + "?per_page=2"));
      assertTrue(first.path("total_items").asInt() > 0, list);
      String one = first.path("contents").path(0).path("id").asText();
      assertEquals(one, json(get(list + "/" + one)).path("id").asText(), list);
    }
    assertEquals(400, get("services?per_page=nope").statusCode());
    JsonNode top = json(get("taxonomy_terms?top_only=true&per_page=100"));
    for (JsonNode term : top.path("contents")) {
      assertFalse(term.has("parent_id"), term::toString);
    }
  }

  @Test
  void passesTheProjectsComplianceKit() {
    OrukAssertions.assertCompliant(server.uri());
  }

  @Test
  void answersValidateAgainstThePublishedSchemas() throws Exception {
    UpstreamSchemas schemas = UpstreamSchemas.load();
    String service = json(get("services?per_page=1")).path("contents").path(0).path("id").asText();
    String link = json(get("service_at_locations?per_page=1")).path("contents").path(0).path("id").asText();
    String organization = json(get("organizations?per_page=1")).path("contents").path(0).path("id").asText();
    String[][] documents = {{"", "api_details.json"}, {"services?per_page=20", "service_list.json"},
        {"services?full=true&per_page=5", "service_list.json"}, {"services/" + service, "service.json"},
        {"service_at_locations?per_page=20", "service_at_location_list.json"},
        {"service_at_locations/" + link, "service_at_location.json"}, {"organizations", "organization_list.json"},
        {"organizations/" + organization + "?full_service=true", "organization.json"},
        {"taxonomies", "taxonomy_list.json"}, {"taxonomy_terms?per_page=50", "taxonomy_term_list.json"}};
    for (String[] document : documents) {
      HttpResponse<byte[]> response = get(document[0]);
      assertEquals(200, response.statusCode(), document[0]);
      var errors = schemas.errors(document[1], json(response));
      assertTrue(errors.isEmpty(), () -> document[0] + ": " + errors);
    }
  }
}
