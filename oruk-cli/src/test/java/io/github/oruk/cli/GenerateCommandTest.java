package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.ReadCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

  @TempDir
  Path dir;

  @Test
  void generatesTheRequestedNumberOfValidServicesDeterministically() throws Exception {
    CliRun first = CliRun.of("generate", "--services", "25", "--seed", "9", "--out", dir.resolve("a").toString());
    CliRun second = CliRun.of("generate", "--services", "25", "--seed", "9", "--out", dir.resolve("b").toString());

    assertEquals(0, first.exitCode(), first.err());
    assertEquals(0, second.exitCode(), second.err());
    assertTrue(first.err().contains("wrote 25 services"), first.err());
    byte[] a = Files.readAllBytes(dir.resolve("a/services.ndjson"));
    assertArrayEquals(a, Files.readAllBytes(dir.resolve("b/services.ndjson")));
    List<String> lines = Files.readAllLines(dir.resolve("a/services.ndjson"), StandardCharsets.UTF_8);
    assertEquals(25, lines.size());
    for (String line : lines) {
      var read = OrukJson.strict().read(line, Service.class);
      assertTrue(read.findings().isEmpty(), read.findings()::toString);
    }
  }

  @Test
  void injectsTheNamedQuirks() throws Exception {
    CliRun run = CliRun.of("generate", "--services", "40", "--out", dir.toString(),
        "--quirks", "minimum-age-as-string,vendor-extension", "--quirk-rate", "1");

    assertEquals(0, run.exitCode(), run.err());
    for (String line : Files.readAllLines(dir.resolve("services.ndjson"))) {
      var read = OrukJson.lenient().read(line, Service.class);
      assertEquals(1, read.findings(ReadCode.NUMBER_AS_STRING).size(), line);
      assertFalse(read.findings(ReadCode.EXTENSION_PROPERTY).isEmpty(), line);
    }
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertEquals(2, CliRun.of("generate", "--services", "-1", "--out", dir.toString()).exitCode());
    assertEquals(2, CliRun.of("generate", "--services", "5").exitCode());
    CliRun unknown = CliRun.of("generate", "--services", "5", "--out", dir.toString(), "--quirks", "gremlins");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("html-in-description"), "lists the valid names: " + unknown.err());
    assertEquals(2, CliRun.of("generate", "--services", "5", "--out", dir.toString(), "--quirk-rate", "2").exitCode());
  }

  @Test
  void anUnwritableDirectoryExitsWithOne() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
    CliRun run = CliRun.of("generate", "--services", "1", "--out", file.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("could not write"), run.err());
  }
}
