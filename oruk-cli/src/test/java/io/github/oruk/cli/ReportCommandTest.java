package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oruk report}: one self-contained HTML file from an NDJSON file or a hub's store; usage errors. */
class ReportCommandTest {

  /** An address the file would load something from: a src, or an href other than a data: download or #anchor. */
  private static final Pattern LOADS = Pattern.compile("(src|href)=\"(?!data:|#)[^\"]*\"");

  @TempDir
  Path dir;

  @Test
  void ndjsonFileGivesASelfContainedReportWithItsFigures() throws Exception {
    Path source = dir.resolve("services.ndjson");
    Files.writeString(source, service("1", "Food banks", "Leeds", "LS1 4AP") + service("2", "Food banks", "Leeds",
        "LS2 7UE") + service("3", "Debt advice", "Bradford", "BD1 1AA"));
    Path out = dir.resolve("reports").resolve("pilot.html");

    CliRun run = CliRun.of("report", source.toString(), "--out", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("oruk report: 3 services from " + source + " written to " + out), run.err());
    String html = Files.readString(out);
    assertFalse(LOADS.matcher(html).find(), "nothing to load: " + firstLoad(html));
    assertTrue(html.contains("<th scope=\"row\">Food banks</th><td>esdServiceTypes</td><td class=\"n\">2</td>"),
        "two services are food banks");
    assertTrue(html.contains("<th scope=\"row\">Leeds</th><td class=\"n\">2</td>"), "two are in Leeds");
    assertTrue(html.contains("id=\"no-history\""), "a single source says it has no history");
    // The table's CSV is inside the file, as a data: address to download.
    Matcher csv = Pattern.compile("href=\"data:text/csv;charset=utf-8;base64,([^\"]+)\" download=\"services-by-town"
        + ".csv\"").matcher(html);
    assertTrue(csv.find(), "the towns' CSV is in the file");
    assertEquals("town,services\r\nLeeds,2\r\nBradford,1\r\n",
        new String(Base64.getDecoder().decode(csv.group(1)), StandardCharsets.UTF_8));
  }

  @Test
  void hubStoreGivesItsReportWithHistory() throws Exception {
    Path data = dir.resolve("north.ndjson");
    Files.writeString(data, service("1", "Food banks", "Leeds", "LS1 4AP") + service("2", "Youth clubs", "York",
        "YO1 7HH"));
    Path feeds = dir.resolve("feeds.yaml");
    Files.writeString(feeds, "feeds:\n  - name: north\n    url: " + data + "\n");
    String db = "jdbc:h2:file:" + dir.resolve("store").resolve("hub");
    assertEquals(0, CliRun.of("hub", "run", "--feeds", feeds.toString(), "--db", db).exitCode());
    Path out = dir.resolve("hub.html");

    CliRun run = CliRun.of("report", "--db", db, "--out", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    String html = Files.readString(out);
    assertFalse(LOADS.matcher(html).find(), "nothing to load: " + firstLoad(html));
    assertTrue(html.contains("<th scope=\"row\">Youth clubs</th><td>esdServiceTypes</td><td class=\"n\">1</td>"));
    assertTrue(html.contains("id=\"table-changes-by-week\""), "a store has history");
    assertFalse(html.contains("id=\"no-history\""));
    assertTrue(html.matches("(?s).*<td class=\"n\">2</td><td class=\"n\">0</td><td class=\"n\">0</td>"
        + "<td class=\"n\">0</td></tr>.*"), "two records added this week");
  }

  @Test
  void usageErrorsAndUnreadableSources() throws Exception {
    Path out = dir.resolve("r.html");
    CliRun neither = CliRun.of("report", "--out", out.toString());
    assertEquals(2, neither.exitCode());
    assertTrue(neither.err().contains("give a SOURCE"), neither.err());
    CliRun both = CliRun.of("report", "x.ndjson", "--db", "jdbc:h2:mem:x", "--out", out.toString());
    assertEquals(2, both.exitCode());
    assertTrue(both.err().contains("not both"), both.err());
    assertEquals(2, CliRun.of("report", "x.ndjson").exitCode(), "--out is required");
    assertEquals(2, CliRun.of("report", "--db", "postgres://host/db", "--out", out.toString()).exitCode(),
        "not a JDBC URL");

    CliRun missing = CliRun.of("report", dir.resolve("nothing.ndjson").toString(), "--out", out.toString());
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("no such file or folder"), missing.err());
    Path source = dir.resolve("one.ndjson");
    Files.writeString(source, service("1", "Food banks", "Leeds", "LS1 4AP"));
    Path blocked = dir.resolve("a-file");
    Files.writeString(blocked, "");
    CliRun unwritable = CliRun.of("report", source.toString(), "--out", blocked.resolve("r.html").toString());
    assertEquals(1, unwritable.exitCode());
    assertTrue(unwritable.err().contains("could not write"), unwritable.err());
    assertFalse(Files.exists(out), "nothing written on an error");
  }

  private static String firstLoad(String html) {
    Matcher matcher = LOADS.matcher(html);
    return matcher.find() ? matcher.group() : "none";
  }

  private static String service(String id, String type, String town, String postcode) {
    return "{\"id\":\"s" + id + "\",\"name\":\"Service " + id + " " + type + "\",\"status\":\"active\","
        + "\"attributes\":[{\"id\":\"at" + id + "\",\"taxonomy_term\":{\"id\":\"t-" + type.hashCode() + "\",\"name\":\""
        + type + "\",\"taxonomy\":\"esdServiceTypes\"}}],\"service_at_locations\":[{\"id\":\"sl" + id + "\","
        + "\"location\":{\"id\":\"l" + id + "\",\"location_type\":\"physical\",\"addresses\":[{\"id\":\"a" + id
        + "\",\"address_1\":\"" + id + " High Street\",\"city\":\"" + town + "\",\"state_province\":\"Yorkshire\","
        + "\"postal_code\":\"" + postcode + "\",\"country\":\"GB\"}]}}]}\n";
  }
}
