package io.github.oruk.validation.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.client.OrukClient;
import io.github.oruk.client.RawResponse;
import io.github.oruk.model.Service;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.model.query.Parameter;
import io.github.oruk.model.query.Query;
import io.github.oruk.server.DirectoryProvider;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.server.memory.InMemoryDirectory;
import io.github.oruk.validation.NotChecked;
import io.github.oruk.validation.rule.FeedContext;
import io.github.oruk.validation.rule.FeedSettings;
import io.github.oruk.validation.rule.FeedWalk;
import io.github.oruk.validation.rule.RuleInfo;
import java.time.Duration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The filter probes against the reference directory, and against variants of it that ignore one filter:
 * each variant yields exactly one ORUK-FILTER-001 on each list that takes the filter, for that parameter. The probes
 * run on their own here (the services looked up by id are fetched once), so each variant costs a couple of
 * dozen requests rather than a whole feed check.
 */
class FilterProbesTest {

  private static final long SEED = 4242;
  /** Probes made on a feed with every filter: ten on /services, eleven on /service_at_locations. */
  private static final int PROBES = 21;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Ignoring provider;
  private static OrukHttpServer server;
  private static OrukClient client;
  private static Map<String, JsonNode> services;
  private static Map<String, JsonNode> links;

  @BeforeAll
  static void start() throws Exception {
    List<Service> generated = FeedFixtures.services(SEED, 60);
    provider = new Ignoring(FeedFixtures.directory(SEED, generated));
    server = OrukHttpServer.builder(OrukApi.of(provider.provider())).port(0).start();
    client = OrukClient.builder(server.uri().toString()).build();
    services = new LinkedHashMap<>();
    for (JsonNode item : list(Endpoint.SERVICES)) {
      String id = item.path("id").asText();
      services.put(id, read(client.fetch(client.uri(Endpoint.SERVICE, id, null))));
    }
    links = new LinkedHashMap<>();
    list(Endpoint.SERVICE_AT_LOCATIONS).forEach(item -> links.put(item.path("id").asText(), item));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void restore() {
    provider.ignore(null);
  }

  @Test
  void theReferenceDirectoryPassesEveryProbeWithOnePageEach() {
    Recorder feed = probe(false, services);

    assertEquals(List.of(), feed.findings);
    assertEquals(List.of(), feed.notChecked);
    assertEquals(PROBES, feed.requests, "each probe asks once and its answer fits on one page");
  }

  static Stream<Parameter> ignoredFilters() {
    return Stream.of(Parameter.SEARCH, Parameter.TAXONOMY_TERM_ID, Parameter.TAXONOMY_ID, Parameter.ORGANIZATION_ID,
        Parameter.MODIFIED_AFTER, Parameter.MINIMUM_AGE, Parameter.MAXIMUM_AGE, Parameter.DAY, Parameter.START_TIME,
        Parameter.END_TIME, Parameter.POSTCODE);
  }

  @ParameterizedTest(name = "ignores {0}")
  @MethodSource("ignoredFilters")
  void aServerThatIgnoresOneFilterIsCaughtOnThatFilterOfEachList(Parameter parameter) {
    provider.ignore(parameter);

    Recorder feed = probe(false, services);

    List<String> expected = Stream.of(Endpoint.SERVICES, Endpoint.SERVICE_AT_LOCATIONS)
        .filter(list -> list.parameters().contains(parameter))
        .map(list -> "ORUK-FILTER-001 " + list.path() + " " + parameter.wireName()).toList();
    assertEquals(expected, feed.findings);
    assertTrue(feed.requests <= PROBES + 2 * (FilterProbes.PAGES - 1), "at most the two probes of the ignored"
        + " filter read more than a page: " + feed.requests);
  }

  @Test
  void withASampleAnIgnoredFilterIsCaughtByTheCountItAnswers() throws Exception {
    // As a sampled check of a large feed: pages of 5, so the five pages a probe reads hold none of the services
    // looked up, and their items (without schedules) cannot show that day is ignored; the count can.
    Map<String, JsonNode> sampled = new LinkedHashMap<>();
    services.entrySet().stream().skip(40).forEach(entry -> sampled.put(entry.getKey(), entry.getValue()));
    provider.ignore(Parameter.DAY);

    try (OrukHttpServer small = OrukHttpServer.builder(OrukApi.builder(provider.provider()).defaultPerPage(5).build()).port(0)
        .start()) {
      Recorder feed = new Recorder(OrukClient.builder(small.uri().toString()).build(), false);
      new FilterProbes(feed, walk("", sampled, Map.of(Endpoint.SERVICES, (long) services.size()))).run();

      assertEquals(List.of("ORUK-FILTER-001 /services day"), feed.findings.stream()
          .filter(finding -> finding.contains("/services ")).toList());
    }
  }

  @Test
  void parityProbesTheUkFiltersOnlyWhenTheFeedDeclaresThem() {
    provider.ignore(Parameter.MINIMUM_AGE);

    Recorder declared = probe(true, services, server.uri() + "openapi.json");
    Recorder undeclared = probe(true, services, "");

    assertEquals(List.of("ORUK-FILTER-001 /services minimum_age", "ORUK-FILTER-001 /service_at_locations minimum_age"),
        declared.findings, "the server's /openapi.json declares every filter");
    assertEquals(List.of(), undeclared.findings);
    assertEquals(PROBES - 10, undeclared.requests, "five UK filters on each list are not asked");
    assertEquals(List.of("minimum_age, maximum_age, day, start_time, end_time on /services",
        "minimum_age, maximum_age, day, start_time, end_time on /service_at_locations"),
        undeclared.notChecked.stream().map(NotChecked::what).toList());
    assertTrue(undeclared.notChecked.get(0).because().contains("/ names no readable openapi_url"),
        undeclared.notChecked.get(0)::because);
  }

  @Test
  void aFilterTheDataGivesNoValueForIsNotCheckedAndNotAsked() {
    Map<String, JsonNode> ageless = new LinkedHashMap<>();
    services.forEach((id, service) -> ageless.put(id, ((ObjectNode) service.deepCopy()).without("maximum_age")));

    Recorder feed = probe(false, ageless);

    assertEquals(List.of(), feed.findings);
    assertEquals(List.of("maximum_age on /services", "maximum_age on /service_at_locations"),
        feed.notChecked.stream().map(NotChecked::what).toList());
    assertTrue(feed.notChecked.get(0).because().contains("no service looked up by id has a value"));
    assertEquals(PROBES - 2, feed.requests);
  }

  // ------------------------------------------------------------------------------------------- helpers

  private static Recorder probe(boolean parity, Map<String, JsonNode> known) {
    return probe(parity, known, server.uri() + "openapi.json");
  }

  private static Recorder probe(boolean parity, Map<String, JsonNode> known, String openApiUrl) {
    Recorder feed = new Recorder(client, parity);
    new FilterProbes(feed, walk(openApiUrl, known, Map.of(Endpoint.SERVICES, (long) services.size(),
        Endpoint.SERVICE_AT_LOCATIONS, (long) links.size()))).run();
    return feed;
  }

  /** Every item of a list, in order. */
  private static List<JsonNode> list(Endpoint list) {
    List<JsonNode> items = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonNode answer = read(client.fetch(client.uri(list, null, Query.builder().page(page).perPage(100).build())));
      answer.path("contents").forEach(items::add);
      if (answer.path("last_page").asBoolean(true)) {
        return items;
      }
    }
  }

  private static JsonNode read(RawResponse answer) {
    try {
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a walk of the reference directory saw, with the services looked up by id given. */
  private static FeedWalk walk(String openApiUrl, Map<String, JsonNode> known, Map<Endpoint, Long> totals) {
    return new FeedWalk(JSON.createObjectNode().put("openapi_url", openApiUrl), known, links, null, totals, false,
        false);
  }

  /** Fetches what the probes ask for and keeps what they conclude, as "CODE list parameter". */
  private static final class Recorder implements FeedContext {
    final List<String> findings = new ArrayList<>();
    final List<NotChecked> notChecked = new ArrayList<>();
    final OrukClient client;
    final FeedSettings settings;
    int requests;

    Recorder(OrukClient client, boolean parity) {
      this.client = client;
      this.settings = new FeedSettings(Duration.ofSeconds(5), true, parity, 1);
    }

    @Override
    public OrukClient client() {
      return client;
    }

    @Override
    public FeedSettings settings() {
      return settings;
    }

    @Override
    public RawResponse get(Endpoint list, URI uri) {
      requests++;
      return client.fetch(uri);
    }

    @Override
    public JsonNode parse(Endpoint endpoint, RawResponse answer) {
      return read(answer);
    }

    @Override
    public void report(RuleInfo check, Endpoint list, String url, String pointer, String recordId, String message,
        String observed) {
      findings.add(check.code() + " " + list.path() + " " + observed.substring(0, observed.indexOf('=')));
    }

    @Override
    public boolean firstTime(Object key) {
      throw new AssertionError("the filter probes report every finding");
    }

    @Override
    public void step(String what) {
    }

    @Override
    public void notChecked(String what, String because) {
      notChecked.add(new NotChecked(what, because));
    }

    @Override
    public RawResponse fetch(URI uri) {
      requests++;
      return client.fetch(uri);
    }
  }

  /** The reference directory, except that both lists ignore one filter (postcode: with its proximity). */
  private static final class Ignoring {
    private final InMemoryDirectory directory;
    private volatile Parameter parameter;

    Ignoring(InMemoryDirectory directory) {
      this.directory = directory;
    }

    void ignore(Parameter parameter) {
      this.parameter = parameter;
    }

    /** The directory as a provider whose list methods (and their NDJSON streams) get their query stripped. */
    DirectoryProvider provider() {
      InvocationHandler handler = (proxy, method, arguments) -> {
        if (method.getName().equals("dataVersion")) {
          return null; // its answers change with ignore(...): the directory's own version would be a lie
        }
        for (int i = 0; arguments != null && i < arguments.length; i++) {
          if (arguments[i] instanceof Query query && parameter != null) {
            arguments[i] = strip(query);
          }
        }
        try {
          return method.invoke(directory, arguments);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      };
      return (DirectoryProvider) Proxy.newProxyInstance(DirectoryProvider.class.getClassLoader(),
          new Class<?>[] {DirectoryProvider.class}, handler);
    }

    private Query strip(Query query) {
      Query.Builder without = query.toBuilder();
      switch (parameter) {
        case SEARCH -> without.search(null);
        case TAXONOMY_TERM_ID -> without.taxonomyTermId(null);
        case TAXONOMY_ID -> without.taxonomyId(null);
        case ORGANIZATION_ID -> without.organizationId(null);
        case MODIFIED_AFTER -> without.modifiedAfter((OffsetDateTime) null);
        case MINIMUM_AGE -> without.minimumAge((BigDecimal) null);
        case MAXIMUM_AGE -> without.maximumAge((BigDecimal) null);
        case DAY -> without.day(null);
        case START_TIME -> without.startTime((LocalTime) null);
        case END_TIME -> without.endTime((LocalTime) null);
        case POSTCODE -> without.postcode(null).proximity((BigDecimal) null);
        default -> throw new IllegalArgumentException(parameter.wireName());
      }
      return without.build();
    }
  }
}
