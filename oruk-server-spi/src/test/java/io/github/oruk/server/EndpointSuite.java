package io.github.oruk.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.model.Address;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.model.query.Parameter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every endpoint and every protocol rule, written once and run against each adapter (the JDK server and
 * the servlet inside Jetty). Subclasses say how to serve an {@link OrukApi} and where its root is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EndpointSuite {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> LISTS = List.of("services", "service_at_locations", "organizations",
      "taxonomies", "taxonomy_terms");

  /** A running server; closing it stops it. */
  protected interface Served extends AutoCloseable {
    /** The API's root, ending with '/'. */
    URI base();

    @Override
    void close() throws Exception;

    /** The server whose API is at {@code base}, stopped by {@code stop}. */
    static Served of(URI base, AutoCloseable stop) {
      return new Served() {
        @Override
        public URI base() {
          return base;
        }

        @Override
        public void close() throws Exception {
          stop.close();
        }
      };
    }
  }

  /** Serves the API and returns where. */
  protected abstract Served serve(OrukApi api) throws Exception;

  private final List<Served> running = new ArrayList<>();
  private Http http;
  private Http searchOnly;
  private Http failing;
  private Http erring;

  @BeforeAll
  void start() throws Exception {
    http = new Http(start(OrukApi.of(Directories.reference())));
    searchOnly = new Http(start(OrukApi.of(Directories.searchOnly())));
    failing = new Http(start(OrukApi.builder(Directories.failing()).notOfferedStatus(404).build()));
    erring = new Http(start(OrukApi.of(Directories.erring())));
  }

  protected URI start(OrukApi api) throws Exception {
    Served served = serve(api);
    running.add(served);
    return served.base();
  }

  @AfterAll
  void stop() throws Exception {
    for (Served served : running) {
      served.close();
    }
  }

  // ------------------------------------------------------------------------------------------- helpers

  private static void assertJsonError(Http.Reply reply, int status, String error, String parameter) {
    assertEquals(status, reply.status(), reply::toString);
    assertJsonType(reply);
    assertEquals("*", reply.header("Access-Control-Allow-Origin"), reply::toString);
    JsonNode body = reply.json();
    assertEquals(status, body.path("status").asInt(), reply::toString);
    assertEquals(error, body.path("error").asText(), reply::toString);
    if (parameter == null) {
      assertFalse(body.has("parameter"), reply::toString);
    } else {
      assertEquals(parameter, body.path("parameter").asText(), reply::toString);
    }
    assertFalse(body.path("message").asText().isBlank(), reply::toString);
    assertFalse(reply.text().contains("Exception"), "no Java exception names in " + reply);
    assertFalse(reply.text().contains("\tat "), "no stack trace in " + reply);
  }

  private static Http.Reply ok(Http.Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
    assertJsonType(reply);
    assertEquals("*", reply.header("Access-Control-Allow-Origin"));
    return reply;
  }

  /** {@code application/json; charset=utf-8}, allowing the container's spelling of the same value. */
  private static void assertJsonType(Http.Reply reply) {
    String type = reply.header("Content-Type");
    assertNotNull(type, reply::toString);
    assertEquals("application/json;charset=utf-8", type.replace(" ", "").toLowerCase(java.util.Locale.ROOT),
        reply::toString);
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("contents").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  private List<String> allServiceIds() {
    return Directories.reference().services().stream().map(Service::getId).toList();
  }

  // ------------------------------------------------------------------------------------------- root

  @Test
  void apiDetailsNameTheVersionProfileAndThisServersOpenApi() {
    JsonNode details = ok(http.get("")).json();
    assertEquals("HSDS-UK-3.0", details.path("version").asText());
    assertTrue(details.path("profile").asText().startsWith("https://"), details::toString);
    assertEquals(http.base() + "openapi.json", details.path("openapi_url").asText());
    assertEquals(3, details.size(), "exactly version, profile and openapi_url: " + details);
  }

  @Test
  void openApiIsTheProjectsSpecWithThisServerFilledIn() {
    JsonNode spec = ok(http.get("openapi.json")).json();
    String base = http.base().toString();
    assertEquals(base.substring(0, base.length() - 1), spec.path("servers").path(0).path("url").asText());
    assertEquals(1, spec.path("servers").size());
    for (Endpoint endpoint : Endpoint.values()) {
      assertTrue(spec.path("paths").has(endpoint.path()), "the document describes " + endpoint.path());
    }
    assertEquals("HSDS-UK-3.0", spec.path("info").path("version").asText());
  }

  // ------------------------------------------------------------------------------------------- pages

  @Test
  void envelopeOnFirstMiddleLastAndBeyondTheLastPage() {
    int total = Directories.SERVICES;
    JsonNode first = ok(http.get("services?page=1")).json();
    JsonNode middle = ok(http.get("services?page=2")).json();
    JsonNode last = ok(http.get("services?page=3")).json();
    JsonNode beyond = ok(http.get("services?page=4")).json();
    int[][] expected = {{1, 50, 1, 0, 0}, {2, 50, 0, 0, 0}, {3, 20, 0, 1, 0}, {4, 0, 0, 1, 1}};
    JsonNode[] pages = {first, middle, last, beyond};
    for (int i = 0; i < pages.length; i++) {
      JsonNode page = pages[i];
      assertEquals(total, page.path("total_items").asInt(), page::toString);
      assertEquals(3, page.path("total_pages").asInt());
      assertEquals(expected[i][0], page.path("page_number").asInt());
      assertEquals(expected[i][1], page.path("size").asInt());
      assertEquals(expected[i][1], page.path("contents").size());
      assertEquals(expected[i][2] == 1, page.path("first_page").asBoolean());
      assertEquals(expected[i][3] == 1, page.path("last_page").asBoolean());
      assertEquals(expected[i][4] == 1, page.path("empty").asBoolean());
      assertTrue(page.path("first_page").isBoolean() && page.path("last_page").isBoolean()
          && page.path("empty").isBoolean(), "flags are JSON booleans");
    }
    List<String> seen = new ArrayList<>(ids(first));
    seen.addAll(ids(middle));
    seen.addAll(ids(last));
    assertEquals(allServiceIds(), seen, "the pages hold every service once, in order");
  }

  @Test
  void perPageIsHonouredAndClampedToTheMaximum() {
    JsonNode seven = ok(http.get("services?per_page=7&page=3")).json();
    assertEquals(allServiceIds().subList(14, 21), ids(seven));
    assertEquals(18, seven.path("total_pages").asInt(), "ceil(120 / 7)");

    JsonNode clamped = ok(http.get("services?per_page=100000")).json();
    assertEquals(OrukApi.DEFAULT_MAX_PER_PAGE, clamped.path("size").asInt(), "size says the page was cut");
    assertEquals(2, clamped.path("total_pages").asInt(), "pages counted at the clamped size");
    assertEquals(BooleanNode.FALSE, clamped.path("last_page"), "two pages: the first is not the last");
  }

  @Test
  void everyListAndEveryRecordOfPageOneRoundTrips() {
    for (String list : LISTS) {
      JsonNode page = ok(http.get(list + "?per_page=5")).json();
      assertTrue(page.path("total_items").asInt() > 0, list + " is not empty");
      for (String id : ids(page)) {
        JsonNode record = ok(http.get(list + "/" + id)).json();
        assertEquals(id, record.path("id").asText(), list + "/" + id);
      }
    }
  }

  @Test
  void listItemsLeaveOutNestedListsWhichTheFullViewsCarry() {
    JsonNode item = ok(http.get("services?per_page=1")).json().path("contents").path(0);
    assertTrue(item.has("organization"), "a service list item carries its organization");
    item.fields().forEachRemaining(field -> assertFalse(field.getValue().isArray(), field.getKey()));
    JsonNode full = ok(http.get("services/" + item.path("id").asText())).json();
    assertTrue(full.path("service_at_locations").isArray(), "the full service is nested");
    JsonNode fullItem = ok(http.get("services?per_page=1&full=true")).json().path("contents").path(0);
    assertEquals(full, fullItem, "full=true gives the by-id view");

    JsonNode minimal = ok(http.get("services?per_page=3&minimal=true")).json().path("contents");
    for (JsonNode service : minimal) {
      Set<String> names = new LinkedHashSet<>();
      service.fieldNames().forEachRemaining(names::add);
      assertTrue(Set.of("id", "name", "status", "last_modified").containsAll(names), names::toString);
      assertTrue(names.containsAll(List.of("id", "name", "status")), names::toString);
    }

    JsonNode link = ok(http.get("service_at_locations?per_page=1")).json().path("contents").path(0);
    assertTrue(link.path("location").isObject() && link.path("service").isObject(), link::toString);
    JsonNode fullLink = ok(http.get("service_at_locations/" + link.path("id").asText())).json();
    assertTrue(fullLink.path("service").path("organization").isObject(), fullLink::toString);
    assertFalse(fullLink.path("service").has("service_at_locations"), "no loop back to the link");

    JsonNode organization = ok(http.get("organizations?per_page=1")).json().path("contents").path(0);
    JsonNode withServices = ok(http.get("organizations/" + organization.path("id").asText())).json();
    assertTrue(withServices.path("services").size() >= 1, withServices::toString);
    assertFalse(withServices.path("services").path(0).has("schedules"), "list items of services by default");
    JsonNode withFullServices = ok(http.get("organizations/" + organization.path("id").asText()
        + "?full_service=true")).json();
    assertEquals(withServices.path("services").size(), withFullServices.path("services").size());
  }

  @Test
  void filtersNarrowTheResultOverHttp() {
    Service sample = Directories.reference().services().get(5);
    String organizationId = sample.getOrganizationId();
    JsonNode page = ok(http.get("services?per_page=100&organization_id=" + organizationId)).json();
    assertTrue(ids(page).contains(sample.getId()));
    for (String id : ids(page)) {
      assertEquals(organizationId, Directories.reference().service(id).orElseThrow().getOrganizationId());
    }
    assertEquals(ids(page).size(), page.path("total_items").asInt());
    JsonNode none = ok(http.get("services?search=zzzzqqqq")).json();
    assertEquals(0, none.path("total_items").asInt());
    assertEquals(0, none.path("total_pages").asInt());
    assertTrue(none.path("empty").asBoolean() && none.path("first_page").asBoolean()
        && none.path("last_page").asBoolean(), "an empty result is one empty first and last page");
  }

  @Test
  void everyParameterOfEveryListEndpointIsAccepted() {
    Service sample = Directories.reference().services().get(0);
    Address address = Directories.reference().services().stream()
        .flatMap(service -> service.getServiceAtLocations().stream())
        .filter(link -> !link.getLocation().getAddresses().isEmpty() && link.getLocation().getLatitude() != null)
        .findFirst().orElseThrow().getLocation().getAddresses().get(0);
    String taxonomy = sample.getAttributes().get(0).getTaxonomyTerm().getTaxonomyId();
    String parent = sample.getAttributes().get(0).getTaxonomyTerm().getParentId();
    Map<Parameter, String> values = new EnumMap<>(
        Parameter.class);
    values.put(Parameter.SEARCH, "food");
    values.put(Parameter.PAGE, "2");
    values.put(Parameter.PER_PAGE, "5");
    values.put(Parameter.FORMAT, "ndjson");
    values.put(Parameter.TAXONOMY_TERM_ID, sample.getAttributes().get(0).getTaxonomyTermId());
    values.put(Parameter.TAXONOMY_ID, taxonomy);
    values.put(Parameter.ORGANIZATION_ID, sample.getOrganizationId());
    values.put(Parameter.MODIFIED_AFTER, "2020-01-01");
    values.put(Parameter.MINIMAL, "true");
    values.put(Parameter.FULL, "true");
    values.put(Parameter.FULL_SERVICE, "true");
    values.put(Parameter.POSTCODE, address.getPostalCode().replace(" ", "%20"));
    values.put(Parameter.PROXIMITY, "5000");
    values.put(Parameter.TOP_ONLY, "true");
    values.put(Parameter.PARENT_ID, parent == null ? "none" : parent);
    values.put(Parameter.MINIMUM_AGE, "5");
    values.put(Parameter.MAXIMUM_AGE, "18");
    values.put(Parameter.START_TIME, "09:00");
    values.put(Parameter.END_TIME, "17:00");
    values.put(Parameter.DAY, "MO");
    int checked = 0;
    for (Endpoint endpoint : Endpoint.values()) {
      if (!endpoint.list()) {
        continue;
      }
      String path = endpoint.path().substring(1);
      int unfiltered = ok(http.get(path)).json().path("total_items").asInt();
      for (Parameter parameter : endpoint.parameters()) {
        String query = parameter.wireName() + "=" + values.get(parameter);
        if (parameter == Parameter.PROXIMITY) {
          query += "&postcode=" + values.get(Parameter.POSTCODE);
        }
        Http.Reply reply = http.get(path + "?" + query);
        assertEquals(200, reply.status(), reply::toString);
        checked++;
        if (parameter == Parameter.FORMAT) {
          assertEquals("application/x-ndjson", reply.header("Content-Type"));
          continue;
        }
        JsonNode page = reply.json();
        assertEquals(page.path("size").asInt(), page.path("contents").size(), reply::toString);
        assertTrue(page.path("total_items").isIntegralNumber() && page.path("total_items").asInt() <= unfiltered,
            "a parameter never adds records: " + reply);
      }
    }
    assertEquals(200, http.get("organizations/" + sample.getOrganizationId() + "?full_service=true").status());
    assertTrue(checked >= 45, "checked " + checked + " parameter uses");
  }

  // ------------------------------------------------------------------------------------------- protocol

  @Test
  void corsOnSuccessErrorsAndPreflight() {
    for (Http.Reply reply : List.of(http.get(""), http.get("services"), http.get("services/nope"),
        http.get("services?per_page=x"), http.send("DELETE", "services"), failing.get("organizations"),
        searchOnly.get("services?organization_id=1"))) {
      assertEquals("*", reply.header("Access-Control-Allow-Origin"), reply::toString);
    }
    Http.Reply preflight = http.send("OPTIONS", "services", "Origin", "https://finder.example.org",
        "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "if-none-match");
    assertEquals(204, preflight.status(), preflight::toString);
    assertEquals("*", preflight.header("Access-Control-Allow-Origin"));
    assertTrue(preflight.header("Access-Control-Allow-Methods").contains("GET"));
    assertEquals("if-none-match", preflight.header("Access-Control-Allow-Headers"));
    assertEquals(0, preflight.body().length);
    assertTrue(http.get("services").header("Access-Control-Expose-Headers").contains("ETag"));
  }

  @Test
  void etagAndIfNoneMatchGive304() {
    Http.Reply first = ok(http.get("services?page=2"));
    String tag = first.header("ETag");
    assertNotNull(tag);
    assertTrue(tag.startsWith("\"") && tag.endsWith("\""), "a strong, quoted tag: " + tag);
    assertEquals(tag, http.get("services?page=2").header("ETag"), "the same document, the same tag");
    assertNotEquals(tag, http.get("services?page=3").header("ETag"), "another document, another tag");

    Http.Reply again = http.get("services?page=2", "If-None-Match", tag);
    assertEquals(304, again.status(), again::toString);
    assertEquals(0, again.body().length);
    assertEquals(tag, again.header("ETag"));
    assertEquals("*", again.header("Access-Control-Allow-Origin"));
    assertEquals(304, http.get("services?page=2", "If-None-Match", "\"other\", " + tag).status());
    assertEquals(304, http.get("services?page=2", "If-None-Match", "W/" + tag).status(), "weak comparison");
    assertEquals(200, http.get("services?page=3", "If-None-Match", tag).status());
    String gzipTag = http.get("services?page=2", "Accept-Encoding", "gzip").header("ETag");
    assertNotEquals(tag, gzipTag, "the gzip form has its own tag");
    assertEquals(304, http.get("services?page=2", "If-None-Match", gzipTag).status(), "either tag revalidates");
  }

  @Test
  void headAnswersLikeGetWithoutABody() {
    for (String path : List.of("", "services?page=2", "services/" + allServiceIds().get(3), "services/nope",
        "openapi.json")) {
      Http.Reply get = http.get(path);
      Http.Reply head = http.send("HEAD", path);
      assertEquals(get.status(), head.status(), path);
      assertEquals(0, head.body().length, path);
      assertEquals(get.header("Content-Type"), head.header("Content-Type"), path);
      assertEquals(get.header("Access-Control-Expose-Headers"), head.header("Access-Control-Expose-Headers"), path);
      assertEquals(String.valueOf(get.body().length), head.header("Content-Length"), path);
      assertEquals(get.header("ETag"), head.header("ETag"), path);
      assertEquals("*", head.header("Access-Control-Allow-Origin"), path);
    }
  }

  @Test
  void gzipWhenAcceptedAndNotOtherwise() {
    Http.Reply plain = ok(http.get("services"));
    Http.Reply zipped = ok(http.get("services", "Accept-Encoding", "gzip, deflate"));
    assertNull(plain.header("Content-Encoding"));
    assertEquals("gzip", zipped.header("Content-Encoding"));
    assertTrue(zipped.body().length < plain.body().length / 3, "compressed: " + zipped.body().length);
    assertArrayEquals(plain.body(), zipped.decoded());
    assertTrue(zipped.header("Vary").contains("Accept-Encoding"));
    assertNull(http.get("services", "Accept-Encoding", "gzip;q=0, br").header("Content-Encoding"));
    assertNull(http.get("", "Accept-Encoding", "gzip").header("Content-Encoding"), "small bodies stay plain");
  }

  @Test
  void ndjsonStreamsEveryMatchingRecord() {
    Http.Reply reply = http.get("services?format=ndjson");
    assertEquals(200, reply.status(), reply::toString);
    assertEquals("application/x-ndjson", reply.header("Content-Type"));
    assertEquals("*", reply.header("Access-Control-Allow-Origin"));
    String[] lines = reply.text().split("\n");
    assertEquals(Directories.SERVICES, lines.length);
    List<String> ids = new ArrayList<>();
    for (String line : lines) {
      ids.add(readTree(line).path("id").asText());
    }
    assertEquals(allServiceIds(), ids);

    Http.Reply filtered = http.get("services?format=ndjson&minimal=true&organization_id="
        + Directories.reference().services().get(0).getOrganizationId(), "Accept-Encoding", "gzip");
    assertEquals("gzip", filtered.header("Content-Encoding"));
    long expected = Directories.reference().services().stream()
        .filter(s -> s.getOrganizationId().equals(Directories.reference().services().get(0).getOrganizationId()))
        .count();
    String[] filteredLines = filtered.text().split("\n");
    assertEquals(expected, filteredLines.length);
    assertEquals(4, readTree(filteredLines[0]).size(), "minimal applies to every line");

    for (String list : LISTS) {
      Http.Reply all = http.get(list + "?format=ndjson");
      int total = ok(http.get(list)).json().path("total_items").asInt();
      assertEquals(total, all.text().isEmpty() ? 0 : all.text().split("\n").length, list);
    }
    Http.Reply head = http.send("HEAD", "services?format=ndjson");
    assertEquals(200, head.status());
    assertEquals(0, head.body().length);
    assertJsonError(http.get("services?format=ndjson&page=2"), 400, "invalid_parameter", "page");
  }

  /**
   * The failing provider yields two services, then throws. The status is out by then; what the client must
   * see is those two lines, whole, and then a failed transfer (the connection cut, the chunked body never
   * ended), promptly — not a clean end, and not a stall until some timeout. Plain and gzipped alike.
   *
   * <p>Read with {@link HttpURLConnection}, which hands over every byte that arrived before it reports the
   * cut. (java.net.http's streaming body drops what it has queued but not yet handed over once the transfer
   * fails, so with it the lines seen before the failure depend on timing.)
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anNdjsonStreamThatBreaksIsNotEndedAsIfComplete(boolean gzip) throws Exception {
    assertCutAfterTwoWholeLines(failing, gzip);
  }

  /** A stream broken by an {@link Error} (here a StackOverflowError) is cut off just as one broken by an exception. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anNdjsonStreamBrokenByAnErrorIsCutOffToo(boolean gzip) throws Exception {
    assertCutAfterTwoWholeLines(erring, gzip);
  }

  private static void assertCutAfterTwoWholeLines(Http server, boolean gzip) throws Exception {
    // A cut connection shows within milliseconds; the deadline only tells it from a stall, with room for a
    // machine busy with the rest of the build.
    int deadline = 20_000;
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    CompletableFuture<IOException> transfer = CompletableFuture.supplyAsync(() -> {
      try {
        HttpURLConnection connection = (HttpURLConnection) server.base().resolve("services?format=ndjson")
            .toURL().openConnection();
        connection.setRequestProperty("Accept-Encoding", gzip ? "gzip" : "identity");
        connection.setConnectTimeout(deadline);
        connection.setReadTimeout(deadline);
        assertEquals(200, connection.getResponseCode());
        assertEquals(gzip ? "gzip" : null, connection.getHeaderField("Content-Encoding"));
        try (InputStream raw = connection.getInputStream();
            InputStream body = gzip ? new GZIPInputStream(raw) : raw) {
          byte[] buffer = new byte[1024];
          for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
            received.write(buffer, 0, n);
          }
        }
        return null;
      } catch (IOException e) {
        return e;
      }
    });

    IOException failure = transfer.get(deadline, TimeUnit.MILLISECONDS);

    String text = received.toString(StandardCharsets.UTF_8);
    assertNotNull(failure, "the stream ended cleanly after " + text.length() + " characters, as if complete");
    assertFalse(failure instanceof SocketTimeoutException, "a timeout is not a transfer error: " + failure);
    assertTrue(text.endsWith("\n"), "only whole lines were sent before the failure: ..."
        + text.substring(Math.max(0, text.length() - 80)));
    List<String> lines = List.of(text.split("\n"));
    List<Service> written = Directories.reference().services().subList(0, 2);
    assertEquals(written.size(), lines.size(), "exactly the lines written before the failure: " + lines);
    for (int i = 0; i < written.size(); i++) {
      JsonNode line = readTree(lines.get(i));
      assertEquals(written.get(i).getId(), line.path("id").asText());
      assertEquals(readTree(OrukJson.lenient().writeString(written.get(i))), line,
          "line " + (i + 1) + " is the whole service");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
  void otherMethodsAre405(String method) {
    Http.Reply reply = http.send(method, "services");
    assertJsonError(reply, 405, "method_not_allowed", null);
    assertEquals("GET, HEAD, OPTIONS", reply.header("Allow"));
  }

  @Test
  void unknownPathsAndIdsAre404Json() {
    for (String path : List.of("nothing", "services/123/more", "favicon.ico", "services/" + "x".repeat(2000),
        "Services")) {
      assertJsonError(http.get(path), 404, "not_found", null);
    }
    for (String list : LISTS) {
      assertJsonError(http.get(list + "/no-such-id"), 404, "not_found", null);
    }
    assertEquals(200, http.get("services/").status(), "a trailing slash is forgiven");
  }

  @Test
  void unsupportedEndpointsAndFiltersAreRefusedNotIgnored() {
    for (String list : List.of("organizations", "taxonomies", "taxonomy_terms", "service_at_locations")) {
      assertJsonError(searchOnly.get(list), 501, "not_implemented", null);
      assertJsonError(searchOnly.get(list + "/x"), 501, "not_implemented", null);
    }
    assertJsonError(failing.get("taxonomies"), 404, "not_implemented", null);
    assertJsonError(searchOnly.get("services?taxonomy_term_id=abc"), 400, "unsupported_parameter",
        "taxonomy_term_id");
    assertJsonError(searchOnly.get("services?search=food&minimum_age=5"), 400, "unsupported_parameter",
        "minimum_age");
    assertJsonError(searchOnly.get("services?full=true"), 400, "unsupported_parameter", "full");
    assertEquals(200, searchOnly.get("services?full=false&search=food").status(), "false asks for the default");
    assertEquals(200, searchOnly.get("services?minimal=true&per_page=3&page=2&format=json").status(),
        "paging, format and minimal are the SDK's own");
  }

  @Test
  void providerFailuresBecomeJsonErrors() {
    assertJsonError(failing.get("services"), 500, "internal_error", null);
    assertFalse(failing.get("services").text().contains("hunter2"), "the provider's message stays in the log");
    Http.Reply down = failing.get("services/down");
    assertJsonError(down, 503, "unavailable", null);
    assertEquals("30", down.header("Retry-After"));
    assertJsonError(failing.get("services?search=refuse"), 400, "invalid_parameter", "search");
    assertJsonError(failing.get("services/null"), 500, "internal_error", null);
    assertJsonError(failing.get("organizations"), 501, "not_implemented", null);
  }

  /**
   * An {@link Error} from the provider — a real StackOverflowError, an AssertionError, an OutOfMemoryError, a
   * LinkageError, and one that breaks a stream before its first record — is a JSON 500 like any failure, and
   * the server goes on answering.
   */
  @Test
  void errorsThrownByTheProviderAreJson500s() {
    for (String search : List.of("recursion", "assert", "memory", "linkage")) {
      Http.Reply reply = erring.get("services?search=" + search);
      assertJsonError(reply, 500, "internal_error", null);
      assertFalse(reply.text().contains("Error"), "no Java error names in " + reply);
    }
    assertJsonError(erring.get("services/x"), 500, "internal_error", null);
    assertJsonError(erring.get("service_at_locations?format=ndjson"), 500, "internal_error", null);
    assertEquals(Directories.SERVICES, ok(erring.get("services")).json().path("total_items").asInt(),
        "the server answers as usual afterwards");
  }

  @Test
  void throttlingAnswers429WithRetryAfter() throws Exception {
    Http throttled = new Http(start(OrukApi.builder(Directories.reference())
        .throttle(Throttle.perClient(0.5, 3)).build()));
    for (int i = 0; i < 3; i++) {
      assertEquals(200, throttled.get("").status());
    }
    Http.Reply refused = throttled.get("");
    assertJsonError(refused, 429, "too_many_requests", null);
    int retry = Integer.parseInt(refused.header("Retry-After"));
    assertTrue(retry >= 1 && retry <= 2, "about two seconds for the next token: " + retry);
    assertEquals(204, throttled.send("OPTIONS", "services").status(), "preflight is not throttled");
  }

  // ------------------------------------------------------------------------------------------- bad input

  @Test
  void badParametersAre400NamingTheParameter() {
    String[][] cases = {
        {"services?page=abc", "page"}, {"services?page=0", "page"}, {"services?page=-1", "page"},
        {"services?page=99999999999", "page"}, {"services?per_page=0", "per_page"},
        {"services?per_page=-5", "per_page"}, {"services?per_page=1.5", "per_page"},
        {"services?modified_after=yesterday", "modified_after"}, {"services?modified_after=2024-13-45", "modified_after"},
        {"services?full=yes", "full"}, {"services?minimal=1", "minimal"}, {"services?format=xml", "format"},
        {"services?minimum_age=old", "minimum_age"}, {"services?maximum_age=-3", "maximum_age"},
        {"services?start_time=25:00", "start_time"}, {"services?day=funday", "day"},
        {"services?page=1&page=2", "page"}, {"services?search=a&search=b", "search"},
        {"services?colour=blue", "colour"}, {"services?postcode=BS1", "postcode"},
        {"taxonomy_terms?top_only=maybe", "top_only"}, {"services?minimal=true&full=true", "full"},
        {"service_at_locations?proximity=500", "proximity"}, {"service_at_locations?postcode=NOTAPOSTCODE", "postcode"},
        {"service_at_locations?postcode=ZE9%209ZZ&proximity=100", "postcode"},
        {"services/abc?full=true", "full"}, {"?page=1", "page"}, {"services?search=%FF%FE", "search"},
    };
    for (String[] c : cases) {
      assertJsonError(http.get(c[0]), 400, "invalid_parameter", c[1]);
    }
  }

  @Test
  void hostileInputGetsAClearAnswerAndNeverA5xx() {
    String tenKb = "food ".repeat(2048);
    assertJsonError(http.get("services?search=" + tenKb.replace(" ", "%20")), 414, "query_too_long", null);
    String[] paths = {
        "services/..%2F..%2F..%2Fetc%2Fpasswd", "services/%2e%2e", "services/..;/x", "services/'%20OR%20'1'='1",
        "services/1%20OR%201=1", "services/%00", "services/%0d%0aSet-Cookie:%20x=y", "services/%E2%80%AE%F0%9F%98%80",
        "services?search=%27%3B%20DROP%20TABLE%20service%3B--", "services?search=%00%01%02%1B",
        "services?organization_id=%27%20OR%201%3D1--", "services?taxonomy_term_id=%25", "services?search=%F0%9F%8D%9E",
        "services?search=caf%C3%A9%20%E0%A4%AD%E0%A5%8B%E0%A4%9C%E0%A4%A8", "services?&&&", "services?=x", "services?page",
        "services?per_page=2147483647", "services?page=2147483647", "services?search=" + "%20".repeat(500),
        "taxonomy_terms?parent_id=%27%22%3C%3E", "services?search=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    };
    for (String path : paths) {
      Http.Reply reply = http.get(path);
      assertTrue(reply.status() < 500, reply::toString);
      assertTrue(reply.status() == 200 || reply.status() == 400 || reply.status() == 404 || reply.status() == 414,
          reply::toString);
      JsonNode body = reply.json();
      if (reply.status() == 200) {
        assertTrue(body.has("contents") || body.has("id"), reply::toString);
      } else {
        assertEquals(reply.status(), body.path("status").asInt(), reply::toString);
      }
      assertEquals("*", reply.header("Access-Control-Allow-Origin"), reply::toString);
    }
    JsonNode injected = http.get("services/%0d%0aSet-Cookie:%20x=y").json();
    assertTrue(http.get("services/%0d%0aSet-Cookie:%20x=y").optionalHeader("Set-Cookie").isEmpty());
    assertFalse(injected.path("message").asText().isBlank(), injected::toString);
    assertFalse(injected.path("message").asText().contains("\r"), "control characters are not echoed");
    assertEquals(Directories.SERVICES, ok(http.get("services")).json().path("total_items").asInt(),
        "nothing was lost or changed");
  }

  /**
   * Extreme values of every type the parser reads — dates at both ends of what Java reads, numbers with huge
   * exponents, integers at and past {@code int}'s limits — on the endpoints that take them, as pages and as
   * NDJSON. Each is answered (200, the right records) or refused with a 400 naming the parameter; never a 5xx.
   */
  @Test
  void extremeValuesAreAnsweredOrRefusedByNameNeverA5xx() {
    String postcode = Directories.reference().services().stream()
        .flatMap(service -> service.getServiceAtLocations().stream())
        .filter(link -> !link.getLocation().getAddresses().isEmpty() && link.getLocation().getLatitude() != null)
        .findFirst().orElseThrow().getLocation().getAddresses().get(0).getPostalCode().replace(" ", "%20");
    List<Service> dated = Directories.reference().services().stream().filter(s -> s.getLastModified() != null).toList();
    Map<String, Integer> everything = Map.of("services", dated.size(), "service_at_locations",
        dated.stream().mapToInt(service -> service.getServiceAtLocations().size()).sum());
    String[] earliest = {"0000-01-01T00:00:00Z", "0000-01-01T00:00:00%2B18:00", "0000-01-01", "1970-01-01T00:00:00Z"};
    String[] latest = {"9999-12-31T23:59:59Z", "9999-12-31T23:59:59.999999999-18:00", "9999-12-31"};
    String[] refusedDates = {"%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
        "%2B999999999-12-31T23:59:59.999999999-18:00", "%2B10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z",
        "%2B999999999-12-31", "-999999999-01-01T00:00", "2024-01-01T00:00:00%2B19:00"};
    for (String list : List.of("services", "service_at_locations")) {
      for (String format : List.of("", "&format=ndjson")) {
        for (String date : earliest) {
          assertEquals(everything.get(list), count(http.get(list + "?modified_after=" + date + format)), list + date);
        }
        for (String date : latest) {
          assertEquals(0, count(http.get(list + "?modified_after=" + date + format)), list + date);
        }
        for (String date : refusedDates) {
          assertJsonError(http.get(list + "?modified_after=" + date + format), 400, "invalid_parameter",
              "modified_after");
        }
      }
    }
    String[] numbers = {"0", "-0", "1e9", "1000000000", "0e-2147483647", "1e-20", "999999999.99999999999999999999"};
    String[] refusedNumbers = {"1e-999999999", "1e2147483647", "1e-2147483648", "NaN", "Infinity", "-Infinity",
        "1000000000.1", "1e-21", "9".repeat(3000), "0x10", "-1e-5"};
    for (String number : numbers) {
      // NDJSON goes through other provider methods than a page, so both are asked for what is accepted.
      String format = number.length() % 2 == 0 ? "" : "&format=ndjson";
      assertEquals(200, http.get("services?minimum_age=" + number + format).status(), number);
      assertEquals(200, http.get("services?maximum_age=" + number + format).status(), number);
      assertEquals(200, http.get("service_at_locations?postcode=" + postcode + "&proximity=" + number + format)
          .status(), number);
    }
    for (String number : refusedNumbers) {
      for (String parameter : List.of("minimum_age", "maximum_age")) {
        assertJsonError(http.get("services?" + parameter + "=" + number), 400, "invalid_parameter", parameter);
      }
      assertJsonError(http.get("service_at_locations?postcode=" + postcode + "&proximity=" + number
          + "&format=ndjson"), 400, "invalid_parameter", "proximity");
    }
    long placed = Directories.reference().services().stream().flatMap(service -> service.getServiceAtLocations()
        .stream()).filter(link -> link.getLocation() != null && link.getLocation().getLatitude() != null).count();
    assertEquals(placed, count(http.get("service_at_locations?postcode=" + postcode + "&proximity=1e9")),
        "a billion metres reaches every location with coordinates");
    for (String list : LISTS) {
      JsonNode last = ok(http.get(list + "?page=2147483647&per_page=2147483647")).json();
      assertEquals(2147483647, last.path("page_number").asInt(), last::toString);
      assertTrue(last.path("empty").asBoolean(), last::toString);
    }
    for (String integer : List.of("2147483648", "-2147483648", "9223372036854775807", "9223372036854775808",
        "99999999999999999999", "1e3", "0x10")) {
      assertJsonError(http.get("services?page=" + integer), 400, "invalid_parameter", "page");
      assertJsonError(http.get("taxonomy_terms?per_page=" + integer), 400, "invalid_parameter", "per_page");
    }
    assertEquals(200, http.get("services?start_time=23:59:59&end_time=00:00&format=ndjson").status());
    assertJsonError(http.get("services?end_time=23:60"), 400, "invalid_parameter", "end_time");
  }

  /** The records an answer carries: total_items of a page, lines of an NDJSON stream. */
  private static int count(Http.Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
    if (reply.header("Content-Type").startsWith("application/x-ndjson")) {
      return reply.text().isEmpty() ? 0 : reply.text().split("\n").length;
    }
    return reply.json().path("total_items").asInt();
  }

  /**
   * Requests that a server may refuse before the adapter sees them (issue #13), by name, as raw bytes for
   * the API whose root path is {@code root} (such as {@code /} or {@code /ctx/api/}).
   */
  public static Map<String, byte[]> unreadableRequests(String root) {
    String end = " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    Map<String, String> requests = new java.util.LinkedHashMap<>();
    requests.put("a lone % in the query", "GET " + root + "services?search=%" + end);
    requests.put("a broken escape in the path", "GET " + root + "services/%G1" + end);
    requests.put("a raw NUL in the target", "GET " + root + "services/a\0b" + end);
    requests.put("a raw CR in the target", "GET " + root + "services/a\rb" + end);
    requests.put("CONNECT", "CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443\r\n\r\n");
    requests.put("OPTIONS *", "OPTIONS *" + end);
    requests.put("//services", "GET //services" + end);
    requests.put("an HTTP/0.9 request line", "GET " + root + "services\r\n\r\n");
    requests.put("Content-Length with Transfer-Encoding", "GET " + root + "services HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n");
    requests.put("Content-Length: -1", "GET " + root + "services HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Length: -1\r\nConnection: close\r\n\r\n");
    requests.put("a header without a colon", "GET " + root + "services HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "This header has no colon\r\nConnection: close\r\n\r\n");
    requests.put("400 KB of headers", "GET " + root + "services HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + ("X-Padding: " + "a".repeat(4_000) + "\r\n").repeat(100) + "Connection: close\r\n\r\n");
    requests.put("a 1 MB query", "GET " + root + "services?search=" + "a".repeat(1 << 20) + end);
    Map<String, byte[]> bytes = new java.util.LinkedHashMap<>();
    requests.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.ISO_8859_1)));
    return bytes;
  }

  /**
   * Names of {@link #unreadableRequests(String)} that the server in front of the adapter answers itself,
   * in its own way (an HTML page, a reset connection), because it gives the adapter no say; the server
   * README lists them. Every other one must be answered as the SDK answers everything: JSON and CORS.
   */
  protected Set<String> answeredByTheServerItself() {
    return Set.of();
  }

  @Test
  void requestsTheServerRefusesAreAnsweredAsJsonWithCors() throws IOException {
    assertRefusalsAreJson(http.base(), answeredByTheServerItself());
  }

  /**
   * Sends each of {@link #unreadableRequests(String)} to the API at {@code base} over a raw socket: those
   * named in {@code itself} must be refused (4xx or 5xx, or a closed connection) without the SDK's CORS
   * header, every other one must be the SDK's JSON error with CORS, and a 1 MB query a 414.
   */
  public static void assertRefusalsAreJson(URI base, Set<String> answeredByTheServerItself) throws IOException {
    List<String> itself = new ArrayList<>();
    for (Map.Entry<String, byte[]> request : unreadableRequests(base.getRawPath()).entrySet()) {
      String name = request.getKey();
      RawHttp.Answer answer = RawHttp.exchange(base, request.getValue(), java.time.Duration.ofSeconds(10));
      if (answeredByTheServerItself.contains(name)) {
        assertTrue(answer.status() < 0 || answer.status() >= 400, () -> name + ": refused, never served: " + answer);
        assertFalse("*".equals(answer.header("Access-Control-Allow-Origin")),
            () -> name + " is answered by the adapter now; take it off the list: " + answer);
        itself.add(name);
        continue;
      }
      assertTrue(answer.status() >= 400 && answer.status() <= 599, () -> name + ": " + answer);
      if (name.equals("a 1 MB query")) {
        assertEquals(414, answer.status(), () -> name + ": " + answer);
      }
      assertEquals("application/json;charset=utf-8", String.valueOf(answer.header("Content-Type"))
          .replace(" ", "").toLowerCase(java.util.Locale.ROOT), () -> name + ": " + answer);
      assertEquals("*", answer.header("Access-Control-Allow-Origin"), () -> name + ": " + answer);
      JsonNode body = answer.json();
      assertEquals(answer.status(), body.path("status").asInt(), () -> name + ": " + answer);
      assertFalse(body.path("error").asText().isBlank(), () -> name + ": " + answer);
      assertFalse(body.path("message").asText().isBlank(), () -> name + ": " + answer);
      assertFalse(answer.text().contains("Exception"), () -> name + ": no Java exception names in " + answer);
    }
    assertEquals(answeredByTheServerItself, Set.copyOf(itself), "every case the server answers itself was tried");
  }

  @Test
  void seededFuzzNeverGets5xxAndAlwaysJson() {
    SplittableRandom random = new SplittableRandom(20_260_101);
    String[] names = {"search", "page", "per_page", "format", "taxonomy_term_id", "taxonomy_id", "organization_id",
        "modified_after", "minimal", "full", "full_service", "postcode", "proximity", "top_only", "parent_id",
        "minimum_age", "maximum_age", "start_time", "end_time", "day", "x", "", "page%00", "per_page ", "SEARCH"};
    String[] values = {"", "1", "0", "-1", "2", "50", "101", "999999999999", "abc", "true", "false", "TRUE", "json",
        "ndjson", "2024-01-01", "2024-01-01T10:00:00Z", "2024-13-01", "09:30", "24:00", "MO", "su", "xx",
        "BS1 4DJ", "food", "food bank", "%25", "%C3%28", "%00", "%0A", "+", "=", "&", "%26", "%3D",
        "'", "\"", "<x>", "\u00e9", "\ud83d\ude00", "1e9", "NaN", "Infinity", "0.5", "-0", "..", "/"};
    String[] paths = {"", "services", "services/x", "service_at_locations", "organizations", "taxonomies",
        "taxonomy_terms", "openapi.json", "services/" + allServiceIds().get(0), "organizations/x"};
    for (int i = 0; i < 3_000; i++) {
      StringBuilder query = new StringBuilder();
      int count = random.nextInt(5);
      for (int p = 0; p < count; p++) {
        if (p > 0) {
          query.append(random.nextInt(10) == 0 ? "&&" : "&");
        }
        query.append(encode(names[random.nextInt(names.length)], random));
        if (random.nextInt(8) != 0) {
          query.append('=').append(encode(values[random.nextInt(values.length)], random));
        }
      }
      String path = paths[random.nextInt(paths.length)];
      String uri = path + (query.length() == 0 && random.nextBoolean() ? "" : "?" + query);
      String method = random.nextInt(20) == 0 ? "HEAD" : "GET";
      Http.Reply reply = http.send(method, uri);
      assertTrue(reply.status() < 500, () -> method + " " + reply);
      if (method.equals("GET")) {
        reply.json();
        assertTrue(reply.header("Content-Type").startsWith("application/"), reply::toString);
      }
    }
  }

  /** Percent-encodes text the way a client might: correctly, with raw safe characters, or not at all. */
  private static String encode(String text, SplittableRandom random) {
    if (text.startsWith("%")) {
      return text;  // already written as (possibly broken) escapes
    }
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
          || c == '.' || c == '_' || c == '~';
      if (safe && random.nextInt(10) != 0) {
        out.append((char) c);
      } else if (c == ' ' && random.nextBoolean()) {
        out.append('+');
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  // ------------------------------------------------------------------------------------------- schemas

  @Test
  void everyKindOfAnswerValidatesAgainstThePublishedSchemas() {
    UpstreamSchemas schemas = UpstreamSchemas.load();
    List<String[]> documents = new ArrayList<>();
    documents.add(new String[] {"", "api_details.json"});
    for (String query : List.of("", "?page=2", "?page=3", "?page=9", "?full=true&per_page=10", "?minimal=true",
        "?search=zzzz", "?per_page=100")) {
      documents.add(new String[] {"services" + query, "service_list.json"});
    }
    documents.add(new String[] {"service_at_locations", "service_at_location_list.json"});
    documents.add(new String[] {"service_at_locations?full=true&per_page=10", "service_at_location_list.json"});
    documents.add(new String[] {"organizations", "organization_list.json"});
    documents.add(new String[] {"taxonomies", "taxonomy_list.json"});
    documents.add(new String[] {"taxonomy_terms?per_page=100", "taxonomy_term_list.json"});
    for (String list : LISTS) {
      JsonNode page = ok(http.get(list + "?per_page=4")).json();
      for (String id : ids(page)) {
        documents.add(new String[] {list + "/" + id, list.replaceAll("ies$", "y").replaceAll("s$", "") + ".json"});
      }
    }
    String organization = ids(ok(http.get("organizations?per_page=1")).json()).get(0);
    documents.add(new String[] {"organizations/" + organization + "?full_service=true", "organization.json"});
    int checked = 0;
    for (String[] document : documents) {
      JsonNode body = ok(http.get(document[0])).json();
      var errors = schemas.errors(document[1], body);
      assertTrue(errors.isEmpty(), () -> document[0] + " against " + document[1] + ": " + errors);
      checked++;
    }
    assertTrue(checked >= 30, "checked " + checked + " documents");
  }

  private static JsonNode readTree(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
