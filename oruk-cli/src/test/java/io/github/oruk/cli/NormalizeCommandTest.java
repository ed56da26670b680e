package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormalizeCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ID = "ac148810-d857-441c-9679-408f346de14b";

  @TempDir
  Path dir;

  private Path file(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void printsCanonicalJsonAndOneFindingPerLine() throws Exception {
    Path service = file("service.json", "{\"status\":\"Active\",\"name\":\"Food bank\",\"id\":\"" + ID + "\","
        + "\"description\":null,\"pc_metadata\":{\"a\":1},\"last_modified\":\"2024-06-01T10:00:00\"}");

    CliRun run = CliRun.of("normalize", service.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("{\"id\":\"" + ID + "\",\"name\":\"Food bank\",\"status\":\"active\","
        + "\"last_modified\":\"2024-06-01T10:00:00+01:00\"}", run.out().strip());
    List<String> codes = Arrays.stream(run.errLines()).map(line -> line.split("\t")[0]).toList();
    assertEquals(List.of("ORUK-READ-007", "ORUK-READ-011", "ORUK-READ-002", "ORUK-READ-009"), codes);
    for (String line : run.errLines()) {
      String[] parts = line.split("\t");
      assertEquals(3, parts.length, "CODE<TAB>pointer<TAB>message: " + line);
      assertTrue(parts[1].startsWith("/"), line);
    }
  }

  /**
   * A number no double holds cannot be printed as canonical JSON (in plain digits it would never end): the
   * document is refused, naming the number's place. It used to fail in the writer, with "could not write
   * Service as JSON" and no place.
   */
  @Test
  void aNumberNoDoubleHoldsIsRefusedWithItsPointer() throws Exception {
    Path service = file("service.json", "{\"id\":\"" + ID + "\",\"name\":\"x\",\"status\":\"active\","
        + "\"service_at_locations\":[{\"id\":\"" + ID + "\",\"location\":{\"id\":\"" + ID + "\","
        + "\"latitude\":1e999999,\"longitude\":1}}]}");

    CliRun run = CliRun.of("normalize", service.toString());

    assertEquals(1, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().contains("ORUK-READ-018 at /service_at_locations/0/location/latitude: the number 1E+999999"),
        run.err());
  }

  @Test
  void keepExtensionsWritesVendorPropertiesBack() throws Exception {
    Path service = file("service.json", "{\"id\":\"" + ID + "\",\"name\":\"x\",\"status\":\"seasonal\","
        + "\"pc_metadata\":{\"a\":1}}");

    CliRun run = CliRun.of("normalize", "--keep-extensions", service.toString());

    assertEquals(0, run.exitCode(), run.err());
    JsonNode written = JSON.readTree(run.out());
    assertEquals("seasonal", written.get("status").asText());
    assertEquals(1, written.at("/pc_metadata/a").asInt());
  }

  @Test
  void detectsPagesAndOtherRecords() throws Exception {
    Path page = file("page.json", "{\"contents\":[{\"id\":\"" + ID + "\",\"name\":\"Food\","
        + "\"description\":\"Things to eat\",\"parent_id\":\"" + ID + "\"}]}");
    Path details = file("details.json",
        "{\"version\":\"HSDS-UK-3.0\",\"profile\":\"https://example.org/p\",\"openapi_url\":\"https://example.org/o\"}");

    CliRun pageRun = CliRun.of("normalize", page.toString());
    CliRun detailsRun = CliRun.of("normalize", details.toString());

    assertEquals(0, pageRun.exitCode(), pageRun.err());
    JsonNode written = JSON.readTree(pageRun.out());
    assertEquals(1, written.get("total_items").asInt(), "the envelope is completed");
    assertEquals(ID, written.at("/contents/0/parent_id").asText(), "read as a taxonomy term");
    assertEquals(0, detailsRun.exitCode(), detailsRun.err());
    assertEquals("HSDS-UK-3.0", JSON.readTree(detailsRun.out()).get("version").asText());
  }

  @Test
  void strictModeRefusesRepairsWithExitCodeOne() throws Exception {
    Path service = file("service.json", "{\"id\":\"" + ID + "\",\"name\":\"x\",\"status\":\"Active\"}");

    CliRun run = CliRun.of("normalize", "--strict", service.toString());

    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("ORUK-READ-007"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void unreadableDocumentsExitWithOneAndSayWhy() throws Exception {
    CliRun html = CliRun.of("normalize", file("page.html", "<!DOCTYPE html><p>Bad gateway</p>").toString());
    CliRun missing = CliRun.of("normalize", dir.resolve("absent.json").toString());
    CliRun array = CliRun.of("normalize", file("array.json", "[1,2]").toString());

    assertEquals(1, html.exitCode());
    assertTrue(html.err().contains("looks like HTML"), html.err());
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("no such file"), missing.err());
    assertEquals(1, array.exitCode());
    assertTrue(array.err().contains("expected a JSON object"), array.err());
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, CliRun.of("normalize").exitCode());
    assertEquals(2, CliRun.of("normalize", "--type", "widget", "x.json").exitCode());
    assertEquals(2, CliRun.of("no-such-command").exitCode());
  }

  @Test
  void forcedTypeOverridesTheGuess() throws Exception {
    Path record = file("record.json", "{\"id\":\"" + ID + "\",\"name\":\"Food\",\"description\":\"Eat\"}");

    CliRun guessed = CliRun.of("normalize", record.toString());
    CliRun forced = CliRun.of("normalize", "--type", "taxonomy", record.toString());

    assertEquals(0, guessed.exitCode(), guessed.err());
    assertEquals(0, forced.exitCode(), forced.err());
    assertEquals(JSON.readTree(guessed.out()), JSON.readTree(forced.out()));
  }
}
