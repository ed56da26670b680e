package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  @TempDir
  Path dir;

  private Path generate(int services) throws Exception {
    assertEquals(0, CliRun.of("generate", "--services", Integer.toString(services), "--out", dir.toString()).exitCode());
    return dir.resolve("services.ndjson");
  }

  @Test
  void anNdjsonFileOfGeneratedServicesIsCompliant() throws Exception {
    CliRun run = CliRun.of("validate", generate(20).toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("PASS"), run.out());
  }

  @Test
  void aBrokenRecordFailsWithExitCodeOneAndAJsonReport() throws Exception {
    Path broken = Files.writeString(dir.resolve("service.json"),
        "{\"id\":\"x\",\"name\":\"A\",\"status\":\"open\"}");

    CliRun run = CliRun.of("validate", "--format", "json", broken.toString());

    assertEquals(1, run.exitCode());
    var report = new ObjectMapper().readTree(run.out());
    assertEquals("fail", report.get("verdict").asText());
    assertTrue(report.get("findings").size() >= 2);
  }

  @Test
  void reportsCanBeWrittenToAFileInEveryFormat() throws Exception {
    Path services = generate(5);
    for (String format : new String[] {"text", "json", "junit", "html"}) {
      Path out = dir.resolve("report." + format);
      CliRun run = CliRun.of("validate", "--format", format, "--out", out.toString(), services.toString());
      assertEquals(0, run.exitCode(), format + ": " + run.err());
      assertTrue(Files.size(out) > 100, format);
      assertTrue(run.err().contains("report written to"), run.err());
    }
  }

  @Test
  void parityAndPolicyProfiles() throws Exception {
    Path page = Files.writeString(dir.resolve("page.json"),
        "{\"contents\":[{\"id\":\"x\",\"name\":\"A\",\"status\":\"open\"}]}");
    assertEquals(1, CliRun.of("validate", page.toString()).exitCode(), "strict fails a broken list page");
    assertEquals(0, CliRun.of("validate", "--profile", "parity", page.toString()).exitCode(),
        "the official validator does not fail a feed for its list pages");

    Path policy = Files.writeString(dir.resolve("policy.yaml"), "extends: strict\nerrors: [ORUK-FRESH-001]\n");
    assertEquals(1, CliRun.of("validate", "--profile", policy.toString(), generate(10).toString()).exitCode(),
        "stale services fail under a policy that makes staleness an error");
  }

  @Test
  void problemsRunningTheValidationExitWithTwo() {
    assertEquals(2, CliRun.of("validate", dir.resolve("absent.json").toString()).exitCode());
    assertEquals(2, CliRun.of("validate", "--profile", "lax", dir.toString()).exitCode());
    assertEquals(2, CliRun.of("validate", "--format", "pdf", dir.toString()).exitCode());
  }
}
