package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.testkit.generate.DataGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 4 KB file with {@code "maximum_age": 3e888888888} made {@code oruk validate} reach 3.9 GB and write an 889 MB
 * report, and {@code 1e2147483647} ended it with "oruk validate: -2147483629". Every command that reads services
 * handles such a file within 10 s in a JVM of 256 MB: validation reports ORUK-NUMBER-001 in a few characters,
 * the commands that read records refuse the one record with its pointer. One JVM of its own runs them all (see
 * {@link CommandsUnderAbsurdNumbers}), since only a fresh JVM's heap limit shows what a user's run would need.
 */
class AbsurdNumbersTest {

  @TempDir
  Path dir;

  private record Run(int exit, long millis, long outChars, long errChars, String err, String out) {
  }

  @Test
  void everyCommandHandlesAbsurdNumbersInASmallHeapWithinTenSeconds() throws Exception {
    List<Service> services = DataGenerator.builder().seed(22).build().services(3).toList();
    Service huge = services.get(1);
    String hugeJson = RawFeed.withMaximumAge(huge, "3e888888888");
    Path hugeFile = Files.writeString(dir.resolve("huge.json"), hugeJson);
    Path overflowFile = Files.writeString(dir.resolve("overflow.json"), RawFeed.withMaximumAge(huge, "1e2147483647"));
    List<String> lines = new ArrayList<>();
    for (Service service : services) {
      lines.add(service == huge ? hugeJson : OrukJson.lenient().writeString(service));
    }
    Path ndjson = Files.writeString(dir.resolve("services.ndjson"), String.join("\n", lines) + "\n");
    Path report = dir.resolve("report.json");
    Path harvested = dir.resolve("harvested.ndjson");

    Map<String, Run> runs;
    try (RawFeed feed = new RawFeed(services)) {
      feed.serve(huge.getId(), hugeJson);
      runs = runAll(List.of(
          "validate-ndjson", "validate", ndjson.toString(), ";",
          "validate-parity-json", "validate", "--profile", "parity", "--format", "json", "--out", report.toString(),
          hugeFile.toString(), ";",
          "validate-overflow-html", "validate", "--format", "html", overflowFile.toString(), ";",
          "normalize", "normalize", hugeFile.toString(), ";",
          "serve", "serve", "--no-wait", "--port", "0", "--data", ndjson.toString(), ";",
          "taxonomy-coverage", "taxonomy", "coverage", ndjson.toString(), ";",
          "harvest", "harvest", feed.baseUri().toString(), "--out", harvested.toString(), ";"));
    }

    assertEquals(7, runs.size(), runs.toString());
    runs.forEach((name, run) -> {
      assertTrue(run.millis() < 10_000, name + " took " + run.millis() + " ms");
      assertTrue(run.outChars() < 200_000 && run.errChars() < 20_000, name + " wrote " + run);
    });
    Run strict = runs.get("validate-ndjson");
    assertEquals(1, strict.exit(), strict.toString());
    assertTrue(strict.out().contains("ORUK-NUMBER-001"), strict.out());
    Run parity = runs.get("validate-parity-json");
    assertEquals(0, parity.exit(), "a warning in parity: " + parity);
    String json = Files.readString(report, StandardCharsets.UTF_8);
    assertTrue(json.length() < 200_000, "report of " + json.length() + " characters");
    assertTrue(json.replace(" ", "").contains("\"observed\":\"3E+888888888\""), json);
    Run overflow = runs.get("validate-overflow-html");
    assertEquals(1, overflow.exit(), overflow.toString());
    assertEquals(0, overflow.errChars(), "a report, not an error: " + overflow);
    for (String name : List.of("normalize", "serve", "taxonomy-coverage")) {
      Run refused = runs.get(name);
      assertEquals(1, refused.exit(), name + ": " + refused);
      assertTrue(refused.err().contains("ORUK-READ-018 at /maximum_age"), name + ": " + refused.err());
    }
    assertTrue(runs.get("serve").err().contains("line 2"), runs.get("serve").err());
    Run harvest = runs.get("harvest");
    assertEquals(1, harvest.exit(), harvest.toString());
    assertTrue(harvest.err().contains("FAILED " + huge.getId()), harvest.err());
    assertEquals(2, Files.readAllLines(harvested).size(), "the other two services were written");
  }

  private Map<String, Run> runAll(List<String> commands) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        CommandsUnderAbsurdNumbers.class.getName()));
    command.addAll(commands);
    Path out = dir.resolve("runs.txt");
    Path err = dir.resolve("stderr.txt");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("the commands did not end within 120 s: " + Files.readString(out));
    }
    assertEquals(0, process.exitValue(), Files.readString(err));
    Map<String, Run> runs = new HashMap<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      String[] parts = line.split("\t", -1);
      assertFalse(parts.length != 8 || !parts[0].equals("RUN"), line);
      runs.put(parts[1], new Run(Integer.parseInt(parts[2]), Long.parseLong(parts[3]), Long.parseLong(parts[4]),
          Long.parseLong(parts[5]), parts[6], parts[7]));
    }
    return runs;
  }
}
