package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.Upstream;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oruk taxonomy}: stats, show, suggest and coverage, in process. */
class TaxonomyCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A small two-level taxonomy with one concept under two parents, written for the test. */
  private static final String CSV = "id,name,parent_id,synonyms\n"
      + "1,Money,,\n"
      + "2,Debt advice,1,Debt help|Money advice\n"
      + "3,Benefits advice,1,Welfare rights\n"
      + "4,Housing,,\n"
      + "5,Homelessness support,4,\n"
      + "6,Rent arrears help,1|4,\n";

  @TempDir
  Path dir;

  private Path write(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static Path shared(String relative) {
    return Upstream.require(relative);
  }

  @Test
  void statsPrintsTheRequiredKeysFirst() throws Exception {
    Path csv = write("types.csv", CSV);

    CliRun run = CliRun.of("taxonomy", "stats", "--columns", "id=id,label=name,parents=parent_id,synonyms=synonyms",
        csv.toString());

    assertEquals(0, run.exitCode(), run.err());
    JsonNode stats = JSON.readTree(run.out());
    List<String> keys = new ArrayList<>();
    stats.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("concepts", "topConcepts", "maxDepth", "withSynonyms", "polyHierarchy"), keys.subList(0, 5));
    assertEquals(6, stats.get("concepts").asInt());
    assertEquals(2, stats.get("topConcepts").asInt());
    assertEquals(2, stats.get("maxDepth").asInt());
    assertEquals(2, stats.get("withSynonyms").asInt());
    assertEquals(1, stats.get("polyHierarchy").asInt());
    assertEquals("[2,4]", stats.get("levels").toString());
  }

  @Test
  void statsOnTheOpenActiveList() throws Exception {
    CliRun run = CliRun.of("taxonomy", "stats", shared("taxonomies/openactive/activity-list.jsonld").toString());

    assertEquals(0, run.exitCode(), run.err());
    JsonNode stats = JSON.readTree(run.out());
    assertEquals(768, stats.get("concepts").asInt());
    assertEquals(146, stats.get("topConcepts").asInt());
    assertEquals(4, stats.get("maxDepth").asInt());
    assertEquals(16, stats.get("withSynonyms").asInt());
    assertEquals(22, stats.get("polyHierarchy").asInt());
    assertEquals(4, run.errLines().length, "the four dangling narrower links, one per line");
    assertTrue(run.errLines()[0].startsWith("ORUK-TAXO-002\t"), run.err());
  }

  @Test
  void statsOfAUrl() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/types.csv", exchange -> {
      byte[] body = CSV.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/csv");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/types.csv";
      CliRun run = CliRun.of("taxonomy", "stats", url);
      assertEquals(0, run.exitCode(), run.err());
      assertEquals(6, JSON.readTree(run.out()).get("concepts").asInt());

      CliRun missing = CliRun.of("taxonomy", "stats", "http://127.0.0.1:" + server.getAddress().getPort() + "/nope");
      assertEquals(1, missing.exitCode());
      assertTrue(missing.err().contains("HTTP 404"), missing.err());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void showPrintsATreeWithEveryParentOfAPolyHierarchy() throws Exception {
    Path csv = write("types.csv", CSV);

    CliRun run = CliRun.of("taxonomy", "show", "--ids", "--columns", "id=id,label=name,parents=parent_id", csv.toString());

    assertEquals(0, run.exitCode(), run.err());
    String expected = String.join("\n",
        "types.csv (6 concepts)",
        "├── Money  [1]",
        "│   ├── Debt advice  [2]",
        "│   ├── Benefits advice  [3]",
        "│   └── Rent arrears help  [6]",
        "└── Housing  [4]",
        "    ├── Homelessness support  [5]",
        "    └── Rent arrears help  [6] *");
    assertEquals(expected, run.out().strip().replace("\r", ""));
  }

  @Test
  void showOneBranchToADepth() throws Exception {
    Path csv = write("types.csv", CSV);

    CliRun run = CliRun.of("taxonomy", "show", "--root", "housing", "--depth", "1",
        "--columns", "id=id,label=name,parents=parent_id", csv.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("Housing", run.out().strip());
    assertEquals(1, CliRun.of("taxonomy", "show", "--root", "Nothing", "--columns", "id=id,label=name",
        csv.toString()).exitCode());
  }

  @Test
  void suggestRanksTypesWithScoresAndMatchedWords() throws Exception {
    Path csv = write("types.csv", CSV);

    CliRun run = CliRun.of("taxonomy", "suggest", "--taxonomy", csv.toString(), "--columns",
        "id=id,label=name,parents=parent_id,synonyms=synonyms", "--limit", "3",
        "We", "help", "people", "who", "owe", "money", "with", "debt", "advice");

    assertEquals(0, run.exitCode(), run.err());
    String[] lines = run.out().strip().split("\n");
    String[] first = lines[0].split("\t");
    assertEquals("1", first[0]);
    assertEquals("Debt advice", first[2]);
    assertTrue(first[4].startsWith("matched: ") && first[4].contains("debt"), lines[0]);
    for (String line : lines) {
      double score = Double.parseDouble(line.split("\t")[1]);
      assertTrue(score >= 0.4 && score <= 1, "scores from 0 to 1, none below the default minimum: " + line);
    }

    CliRun json = CliRun.of("taxonomy", "suggest", "--json", "--taxonomy", csv.toString(), "--columns",
        "id=id,label=name,parents=parent_id", "rent", "arrears");
    assertEquals("Rent arrears help", JSON.readTree(json.out()).get(0).get("label").asText());
  }

  @Test
  void suggestAgainstTheLgsl() throws Exception {
    CliRun run = CliRun.of("taxonomy", "suggest", "--taxonomy",
        shared("taxonomies/lga-esd/englishAndWelshServices-all.csv").toString(),
        "--name", "Community Food Bank", "Emergency", "food", "parcels", "for", "families");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().split("\n")[0].contains("\tFood banks\thttp://id.esd.org.uk/service/1818\t"), run.out());
  }

  @Test
  void suggestSaysNoGoodMatchWhenNothingReachesTheMinimumScore() throws Exception {
    String activities = shared("taxonomies/openactive/activity-list.jsonld").toString();

    CliRun foodBank = CliRun.of("taxonomy", "suggest", "--taxonomy", activities, "food", "bank");
    assertEquals(0, foodBank.exitCode(), foodBank.err());
    assertEquals("no good match", foodBank.out().strip());
    assertTrue(foodBank.err().startsWith("no good match: the best, ")
        && foodBank.err().contains("below --min-score 0.40"), foodBank.err());

    CliRun everything = CliRun.of("taxonomy", "suggest", "--min-score", "0", "--taxonomy", activities, "food", "bank");
    assertEquals(0, everything.exitCode(), everything.err());
    assertTrue(everything.out().startsWith("1\t0."), "with --min-score 0 the weak matches show: " + everything.out());

    CliRun netball = CliRun.of("taxonomy", "suggest", "--taxonomy", activities, "--name", "Walking Netball",
        "A", "gentle,", "slower", "version", "of", "netball", "for", "women", "over", "50");
    assertEquals(0, netball.exitCode(), netball.err());
    assertTrue(netball.out().startsWith("1\t") && netball.out().split("\n")[0].contains("\tWalking Netball\t"),
        netball.out());

    assertEquals(2, CliRun.of("taxonomy", "suggest", "--min-score", "1", "--taxonomy", activities, "x").exitCode());
    assertEquals(2, CliRun.of("taxonomy", "suggest", "--min-score", "-0.1", "--taxonomy", activities, "x").exitCode());
  }

  @Test
  void coverageOfAGeneratedFeedAgainstItsTaxonomy() throws Exception {
    DataGenerator generator = DataGenerator.builder().seed(3).build();
    Path feed = dir.resolve("services.ndjson");
    try (OutputStream out = Files.newOutputStream(feed)) {
      generator.writeNdjson(120, out);
    }
    Path taxonomy = dir.resolve("taxonomy.json");
    Files.write(taxonomy, OrukJson.lenient().write(generator.sampleTaxonomy()));

    CliRun run = CliRun.of("taxonomy", "coverage", feed.toString(), "--taxonomy", taxonomy.toString(),
        "--format", "json");

    assertEquals(0, run.exitCode(), run.err());
    JsonNode report = JSON.readTree(run.out());
    assertEquals(120, report.get("services").asInt());
    assertEquals(120, report.get("tagged").asInt());
    assertEquals(120, report.get("recognised").asInt());
    assertEquals(1.0, report.get("shareRecognised").asDouble());
    int counted = 0;
    for (Iterator<JsonNode> it = report.get("terms").elements(); it.hasNext(); ) {
      counted += it.next().get("services").asInt();
    }
    assertTrue(counted >= 120, "every service has at least one term");
    assertEquals(30, report.at("/schemes/0/concepts").asInt());
    assertTrue(report.get("overClassified").size() > 0, "the generator tags some services with their category too");
    assertEquals("ORUK-TAXA-003", report.at("/overClassified/0/code").asText());

    CliRun text = CliRun.of("taxonomy", "coverage", feed.toString(), "--taxonomy", taxonomy.toString());
    assertEquals(0, text.exitCode(), text.err());
    assertTrue(text.out().startsWith("services: 120\ntagged: 120 (100.0%); untagged: 0\n"), text.out());
    assertTrue(text.out().contains("tagged with a recognised scheme: 120 (100.0%)"), text.out());
  }

  @Test
  void coverageWithoutATaxonomyRecognisesRegisteredVocabularies() throws Exception {
    Path feed = write("feed.ndjson", String.join("\n",
        "{\"id\":\"s1\",\"name\":\"A\",\"attributes\":[{\"id\":\"a1\",\"taxonomy_term\":{\"id\":\"t1\",\"name\":\"Care\","
            + "\"term_uri\":\"https://id.esd.org.uk/service/242\"}}]}",
        "{\"id\":\"s2\",\"name\":\"B\",\"attributes\":[{\"id\":\"a2\",\"taxonomy_term\":{\"id\":\"bccagegroup:37\","
            + "\"name\":\"Children\",\"taxonomy\":\"BCC Age Groups\"}}]}",
        "{\"id\":\"s3\",\"name\":\"C\"}"));

    CliRun run = CliRun.of("taxonomy", "coverage", "--format", "json", feed.toString());

    assertEquals(0, run.exitCode(), run.err());
    JsonNode report = JSON.readTree(run.out());
    assertEquals(2, report.get("tagged").asInt());
    assertEquals(1, report.get("recognised").asInt());
    assertEquals("s3", report.at("/untaggedServices/0").asText());
    assertEquals("http://id.esd.org.uk/service/242", report.at("/terms/0/uri").asText());
    assertTrue(report.at("/unrecognised/0/reason").asText().startsWith("UNKNOWN_"), report.toString());
  }

  /** A feed on the loopback interface: no taxonomy endpoints, fully nested services, or a broken /services. */
  private static HttpServer feed(List<Service> services, boolean broken) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] page = OrukJson.lenient().write(Page.of(services, 1, 100, services.size()));
    server.createContext("/api", exchange -> {
      String path = exchange.getRequestURI().getPath();
      int status = 200;
      byte[] body;
      if (path.equals("/api/services")) {
        status = broken ? 500 : 200;
        body = broken ? "{}".getBytes(StandardCharsets.UTF_8) : page;
      } else if (path.equals("/api") || path.equals("/api/")) {
        body = "{\"version\":\"3.0\",\"profile\":\"x\",\"openapi_url\":\"x\"}".getBytes(StandardCharsets.UTF_8);
      } else {
        status = 404;
        body = "{}".getBytes(StandardCharsets.UTF_8);
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return server;
  }

  /** The distinct taxonomy term ids in services' attributes, read with plain Jackson (not the SDK's loader). */
  private static int distinctTermIds(byte[] services) throws Exception {
    Set<String> ids = new HashSet<>();
    Set<String> taxonomies = new HashSet<>();
    for (JsonNode service : JSON.readTree(services)) {
      for (JsonNode attribute : service.path("attributes")) {
        JsonNode term = attribute.path("taxonomy_term");
        if (term.hasNonNull("id")) {
          ids.add(term.get("id").asText());
          taxonomies.add(term.path("taxonomy_id").asText() + "|" + term.path("taxonomy").asText());
        }
      }
    }
    assertEquals(1, taxonomies.size(), "the generated services use one taxonomy, so stats shows all their terms");
    assertTrue(ids.size() > 1, ids.toString());
    return ids.size();
  }

  @Test
  void coverageAndStatsOfALiveFeed() throws Exception {
    List<Service> services = DataGenerator.builder().seed(8).build().services(20).toList();
    HttpServer server = feed(services, false);
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
      CliRun coverage = CliRun.of("taxonomy", "coverage", "--format", "json", url);
      assertEquals(0, coverage.exitCode(), coverage.err());
      JsonNode report = JSON.readTree(coverage.out());
      assertEquals(20, report.get("services").asInt());
      assertEquals(20, report.get("tagged").asInt());
      assertTrue(coverage.err().contains("read 20 services"), coverage.err());

      CliRun stats = CliRun.of("taxonomy", "stats", url);
      assertEquals(0, stats.exitCode(), stats.err());
      assertEquals(distinctTermIds(OrukJson.lenient().write(services)),
          JSON.readTree(stats.out()).get("concepts").asInt(), "the terms in the feed's services");
    } finally {
      server.stop(0);
    }
    HttpServer broken = feed(services, true);
    try {
      CliRun run = CliRun.of("taxonomy", "coverage", "http://127.0.0.1:" + broken.getAddress().getPort() + "/api");
      assertEquals(1, run.exitCode());
      assertTrue(run.err().contains("could not") && run.err().contains("500"), run.err());
    } finally {
      broken.stop(0);
    }
  }

  @Test
  void errorsAndUsage() throws Exception {
    CliRun missing = CliRun.of("taxonomy", "stats", dir.resolve("nope.csv").toString());
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("no such file"), missing.err());

    Path odd = write("odd.csv", "colour,size\nred,big\n");
    CliRun unreadable = CliRun.of("taxonomy", "stats", odd.toString());
    assertEquals(1, unreadable.exitCode());
    assertTrue(unreadable.err().contains("[colour, size]"), unreadable.err());
    assertTrue(unreadable.err().contains("--columns id=COLUMN,label=COLUMN"), unreadable.err());

    Path xml = write("terms.xml", "<?xml version=\"1.0\"?>\n<terms><term id=\"1\">Food banks</term></terms>\n");
    CliRun refused = CliRun.of("taxonomy", "stats", xml.toString());
    assertEquals(1, refused.exitCode());
    assertTrue(refused.err().startsWith("oruk taxonomy stats: could not read " + xml + ": this looks like XML, "),
        refused.err());
    for (String format : List.of("SKOS JSON-LD", "CSV with a header row", "LG Inform Plus (esd) JSON", "ORUK JSON",
        "ORUK services", "--columns")) {
      assertTrue(refused.err().contains(format), format + ": " + refused.err());
    }
    assertFalse(refused.err().contains("CsvLayout") || refused.err().contains("Exception"), refused.err());

    assertEquals(2, CliRun.of("taxonomy", "stats", "--columns", "colour=id", odd.toString()).exitCode());
    assertEquals(2, CliRun.of("taxonomy", "suggest", "words").exitCode(), "--taxonomy is required");
    assertEquals(2, CliRun.of("taxonomy", "coverage", "--format", "xml", odd.toString()).exitCode());

    CliRun help = CliRun.of("taxonomy");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("stats") && help.out().contains("coverage"), help.out());
    assertTrue(CliRun.of("--help").out().contains("taxonomy"));
  }
}
