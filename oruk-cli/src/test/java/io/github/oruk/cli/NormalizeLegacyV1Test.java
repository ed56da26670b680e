package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** normalize maps legacy ORUK v1 services and pages to 3.0 and says what it did. */
class NormalizeLegacyV1Test {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERVICE = "{\"id\":\"b7a1c0de-5b6f-4a58-9a55-2f1b1d6a0e11\",\"name\":\"Youth club\","
      + "\"status\":\"active\",\"url\":\"https://club.example.org\","
      + "\"organization\":{\"id\":\"0c7d5a7e-3f7b-4f0e-8f0e-6f1a7f3c2b10\",\"name\":\"Trust\",\"description\":\"Runs it\","
      + "\"url\":\"https://trust.example.org\"},"
      + "\"regular_schedules\":[{\"id\":\"5d1c9a2e-7b8f-4c6d-9e0a-1b2c3d4e5f60\",\"weekday\":\"Tuesday\","
      + "\"opens_at\":\"18:00\",\"closes_at\":\"20:00\"}],"
      + "\"deliverable_type\":\"Advice\"}";

  @TempDir
  Path dir;

  @Test
  void mapsAV1ServiceAndKeepsWhatHasNoHome() throws Exception {
    Path file = Files.writeString(dir.resolve("v1.json"), SERVICE);

    CliRun run = CliRun.of("normalize", "--keep-extensions", file.toString());

    assertEquals(0, run.exitCode(), run.err());
    JsonNode written = JSON.readTree(run.out());
    assertEquals("https://trust.example.org", written.at("/organization/website").asText());
    assertEquals("TU", written.at("/schedules/0/byday").asText());
    assertEquals("WEEKLY", written.at("/schedules/0/freq").asText());
    assertEquals("18:00:00", written.at("/schedules/0/opens_at").asText());
    assertEquals("Advice", written.get("deliverable_type").asText(), "kept as an extension");
    assertTrue(Arrays.stream(run.errLines()).anyMatch(line -> line.startsWith("ORUK-V1-001\t")), run.err());
  }

  @Test
  void mapsAZeroBasedV1PageToOneBasedPaging() throws Exception {
    Path file = Files.writeString(dir.resolve("page.json"), "{\"content\":[" + SERVICE + "],\"totalElements\":1,"
        + "\"totalPages\":1,\"number\":0,\"size\":50,\"first\":true,\"last\":true,\"empty\":false}");

    CliRun run = CliRun.of("normalize", file.toString());

    assertEquals(0, run.exitCode(), run.err());
    JsonNode written = JSON.readTree(run.out());
    assertEquals(1, written.get("page_number").asInt());
    assertEquals(1, written.get("total_items").asInt());
    assertEquals("Youth club", written.at("/contents/0/name").asText());
  }
}
