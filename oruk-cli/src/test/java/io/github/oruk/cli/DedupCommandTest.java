package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedupCommandTest {

  @TempDir
  Path dir;

  private String council;
  private String nhs;

  @BeforeEach
  void twoSources() throws Exception {
    council = dir.resolve("council.ndjson").toString();
    nhs = dir.resolve("nhs, 2026.ndjson").toString(); // a comma, for the CSV
    Files.writeString(Path.of(council),
        service("c1", "St Mary's Centre & Food Bank", "0117 496 0123", "BS1 5QH", "12 Church Road", "51.4545", "-2.5879")
        + service("c2", "Ashwood Youth Club", "0113 496 0456", "LS6 2AB", "4 Oak Road", "53.81", "-1.56")
        + service("c3", "Ashwood Youth Club", "+44 113 496 0456", "ls62ab", "4 Oak Rd", "53.8101", "-1.5601"));
    Files.writeString(Path.of(nhs),
        service("n1", "Saint Marys Ctr and Foodbank", "+44 (0)117 496 0123", "bs15qh", "12 Church Rd", "51.4546", "-2.5880")
        + service("n2", "Brookfield Lunch Club", "0161 496 0789", "M14 5RT", "3 Mill Lane", "53.45", "-2.22"));
  }

  private static String service(String id, String name, String phone, String postcode, String street, String latitude,
      String longitude) {
    return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"status\":\"active\",\"phones\":[{\"number\":\"" + phone
        + "\"}],\"service_at_locations\":[{\"id\":\"" + id + "-sl\",\"location\":{\"id\":\"" + id
        + "-l\",\"location_type\":\"physical\",\"latitude\":" + latitude + ",\"longitude\":" + longitude
        + ",\"addresses\":[{\"id\":\"" + id + "-a\",\"address_1\":\"" + street + "\",\"city\":\"Town\","
        + "\"state_province\":\"County\",\"postal_code\":\"" + postcode + "\",\"country\":\"GB\"}]}}]}\n";
  }

  @Test
  void jsonListsEveryPairAcrossAndWithinFilesUnderMatchesWithTheSourceAsGiven() throws Exception {
    CliRun run = CliRun.of("dedup", council, nhs);

    assertEquals(0, run.exitCode(), run.err());
    JsonNode output = new ObjectMapper().readTree(run.out());
    assertEquals(List.of("matches"), names(output));
    JsonNode matches = output.get("matches");
    assertEquals(2, matches.size(), run.out());
    assertPair(matches.get(0), council, "c1", nhs, "n1");
    assertPair(matches.get(1), council, "c2", council, "c3");
    for (JsonNode match : matches) {
      assertEquals("match", match.get("decision").asText(), match.toString());
      assertTrue(match.get("score").isNumber() && match.get("score").asDouble() >= 0.75
          && match.get("score").asDouble() <= 1, match.toString());
      assertEquals(List.of("a", "b", "score", "decision"), names(match));
    }
    assertTrue(run.err().contains("5 service(s) in 2 source(s): 2 match pair(s) in 2 cluster(s), 0 pair(s) to review"),
        run.err());
  }

  @Test
  void csvHasTheNamedColumnsAndQuotesWhatNeedsIt() throws Exception {
    Path out = dir.resolve("out/pairs.csv");

    CliRun run = CliRun.of("dedup", council, nhs, "--format", "csv", "--out", out.toString(),
        "--match-threshold", "0.99", "--review-threshold", "0.5");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.out(), "nothing on stdout with --out");
    List<String> lines = Files.readAllLines(out);
    assertEquals("a_source,a_id,b_source,b_id,score,decision", lines.get(0));
    assertEquals(3, lines.size(), lines.toString());
    assertTrue(lines.get(1).startsWith(council + ",c1,\"" + nhs + "\",n1,0."), lines.get(1));
    assertTrue(lines.get(1).endsWith(",review"), "below 0.99: " + lines.get(1));
    assertTrue(lines.get(2).startsWith(council + ",c2," + council + ",c3,"), lines.get(2));
  }

  @Test
  void unreadableInputExitsOneAndUsageErrorsTwo() throws Exception {
    Path broken = dir.resolve("broken.ndjson");
    Files.writeString(broken, "{\"id\": \"x\", \"name\": \n");

    CliRun missing = CliRun.of("dedup", council, dir.resolve("absent.ndjson").toString());
    CliRun unreadable = CliRun.of("dedup", broken.toString());
    CliRun reversed = CliRun.of("dedup", council, "--match-threshold", "0.6", "--review-threshold", "0.7");
    CliRun format = CliRun.of("dedup", council, "--format", "xml");
    CliRun range = CliRun.of("dedup", council, "--match-threshold", "1.5");
    CliRun twice = CliRun.of("dedup", council, council);
    CliRun none = CliRun.of("dedup");

    assertEquals(1, missing.exitCode(), missing.err());
    assertTrue(missing.err().contains("no such file: " + dir.resolve("absent.ndjson")), missing.err());
    assertEquals(1, unreadable.exitCode(), unreadable.err());
    assertTrue(unreadable.err().contains("could not read " + broken), unreadable.err());
    assertEquals(2, reversed.exitCode(), reversed.err());
    assertTrue(reversed.err().contains("must not be above the match threshold"), reversed.err());
    assertEquals(2, format.exitCode(), format.err());
    assertEquals(2, range.exitCode(), range.err());
    assertTrue(range.err().contains("from 0 to 1; got 1.5"), range.err());
    assertEquals(2, twice.exitCode(), twice.err());
    assertEquals(2, none.exitCode(), none.err());
  }

  private static void assertPair(JsonNode pair, String aSource, String aId, String bSource, String bId) {
    assertEquals(aSource, pair.get("a").get("source").asText(), pair.toString());
    assertEquals(aId, pair.get("a").get("id").asText(), pair.toString());
    assertEquals(bSource, pair.get("b").get("source").asText(), pair.toString());
    assertEquals(bId, pair.get("b").get("id").asText(), pair.toString());
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
