package io.github.oruk.validation.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.client.OrukClient;
import io.github.oruk.client.harvest.HarvestReport;
import io.github.oruk.client.harvest.Harvester;
import io.github.oruk.client.harvest.NdjsonSink;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.server.memory.InMemoryDirectory;
import io.github.oruk.testkit.generate.DataGenerator;
import io.github.oruk.validation.Category;
import io.github.oruk.validation.Finding;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.Validator;
import io.github.oruk.validation.quality.QualitySummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live feed's quality figures count each service once, on its own {@code /services/{id}} answer: the same
 * as validating the file a harvest of the feed writes, although every service is also seen nested in its
 * organization and in each of its service-at-locations, and list items are seen too.
 */
class FeedQualityTest {

  private static final int SERVICES = 40;
  private static final String HTML = "Drop-in advice <b>every week</b>, no appointment needed, for anyone in the"
      + " area who needs help with money.";

  private static OrukHttpServer server;
  private static String marked;
  private static List<String> harvested;

  @BeforeAll
  static void start(@TempDir Path folder) throws IOException {
    // The generator's own assured dates (spread over two years), so that freshness has more than one bucket.
    List<Service> services = DataGenerator.builder().seed(31).build().services(SERVICES).toList();
    marked = services.get(3).getId();
    services.get(3).setDescription(HTML);
    server = OrukHttpServer.builder(OrukApi.of(InMemoryDirectory.of(services))).port(0).start();

    Path file = folder.resolve("services.ndjson");
    try (NdjsonSink sink = NdjsonSink.toFile(file, OrukJson.lenient())) {
      HarvestReport report = new Harvester(OrukClient.builder(server.uri().toString()).build()).harvest(sink);
      assertTrue(report.failed().isEmpty(), report::toString);
    }
    harvested = Files.readAllLines(file);
    assertEquals(SERVICES, harvested.size());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static ValidationReport fileReport(List<String> lines) throws IOException {
    byte[] ndjson = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    return Validator.strict().validateNdjson(new ByteArrayInputStream(ndjson), "services.ndjson");
  }

  private static QualitySummary fileQuality(List<String> lines) throws IOException {
    return fileReport(lines).quality();
  }

  /** How many findings of each code are about the records' content rather than the document carrying them. */
  private static Map<String, Long> aboutContent(ValidationReport report) {
    Map<String, Long> counts = report.findings().stream().filter(f -> f.category() != Category.CONFORMANCE)
        .collect(Collectors.groupingBy(Finding::code, TreeMap::new, Collectors.counting()));
    assertTrue(counts.getOrDefault("ORUK-FRESH-001", 0L) > 1, counts::toString);
    return counts;
  }

  private static void assertSameFigures(QualitySummary expected, QualitySummary actual) {
    assertEquals(expected.services(), actual.services(), "services");
    assertEquals(expected.meanRichness(), actual.meanRichness(), "mean richness");
    assertEquals(expected.richnessHistogram(), actual.richnessHistogram(), "richness histogram");
    assertEquals(expected.freshness(), actual.freshness(), "freshness");
    assertEquals(expected.weakestFeatures(), actual.weakestFeatures(), "weakest features");
  }

  @Test
  void theServedFeedAndItsHarvestedFileGiveTheSameFigures() throws Exception {
    // Organizations' nested services also break the schema, which must not change the figures either.
    try (MutatingProxy proxy = new MutatingProxy(server.uri(), FeedQualityTest::breakNestedServices)) {
      ValidationReport feed = FeedValidator.builder(Validator.strict()).sample(0).filterTests(false).build()
          .validate(proxy.uri().toString());

      QualitySummary file = fileQuality(harvested);
      assertEquals(SERVICES, file.services());
      assertSameFigures(file, feed.quality());
      assertTrue(file.freshness().values().stream().filter(count -> count > 0).count() > 1, file::toString);

      // A service's content is told about once, at its own answer, though the feed shows it in four places;
      // and the file and the feed find the same about the services' content.
      List<Finding> html = feed.findings("ORUK-HTML-001");
      assertEquals(1, html.size(), html::toString);
      assertEquals("/services/" + marked, URI.create(html.get(0).url()).getPath(), html::toString);
      assertEquals(marked, html.get(0).recordId());
      assertEquals(aboutContent(fileReport(harvested)), aboutContent(feed));

      // Findings under nested paths carry the id of the service they concern, not of the record holding it.
      List<Finding> nestedSchema = feed.findings("ORUK-SCHEMA-001").stream()
          .filter(f -> f.pointer().matches("/services/\\d+/status")).toList();
      assertTrue(!nestedSchema.isEmpty(), feed.findings()::toString);
      nestedSchema.forEach(finding -> assertTrue(finding.recordId().equals(servicePointedAt(finding)),
          finding::toString));
    }
  }

  @Test
  void aSampledFeedScoresEachServiceLookedUpOnceOnItsOwnAnswer() throws Exception {
    Set<String> lookedUp = ConcurrentHashMap.newKeySet();
    try (MutatingProxy proxy = new MutatingProxy(server.uri(), exchange -> {
      if (exchange.path.startsWith("/services/")) {
        lookedUp.add(exchange.path.substring("/services/".length()));
      }
    })) {
      ValidationReport feed = FeedValidator.builder(Validator.strict()).sample(8).filterTests(false).build()
          .validate(proxy.uri().toString());

      assertEquals(8, lookedUp.size());
      List<String> sampled = harvested.stream()
          .filter(line -> lookedUp.stream().anyMatch(id -> line.contains("\"id\":\"" + id + "\""))).toList();
      assertEquals(8, sampled.size());
      assertSameFigures(fileQuality(sampled), feed.quality());
      assertTrue(feed.notChecked().stream().anyMatch(n -> n.what().contains("richness and freshness")),
          feed.notChecked()::toString);
    }
  }

  /** Gives the first nested service of every organization a status the schema refuses. */
  private static void breakNestedServices(MutatingProxy.Exchange exchange) {
    if (exchange.path.startsWith("/organizations/") && exchange.status == 200) {
      ObjectNode organization = (ObjectNode) exchange.json();
      if (organization.path("services").size() > 0) {
        ((ObjectNode) organization.get("services").get(0)).put("status", "open");
        exchange.json(organization);
      }
    }
  }

  /** The id of the service at the start of a finding's pointer in the organization it was found in. */
  private static String servicePointedAt(Finding finding) {
    try {
      URI direct = server.uri().resolve(URI.create(finding.url()).getRawPath().substring(1));
      JsonNode organization = new ObjectMapper().readTree(OrukClient.builder(server.uri().toString()).build()
          .fetch(direct).body());
      int index = Integer.parseInt(finding.pointer().split("/")[2]);
      return ((ArrayNode) organization.get("services")).get(index).path("id").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
