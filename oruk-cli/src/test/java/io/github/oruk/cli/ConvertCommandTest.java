package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Service;
import io.github.oruk.server.memory.ServiceFile;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {

  private static final String ID = "ac148810-d857-441c-9679-408f346de14b";

  @TempDir
  Path dir;

  @Test
  void ndjsonToAZippedPackageToJsonToNdjsonGivesTheSameServices() throws Exception {
    Path ndjson = dir.resolve("services.ndjson");
    try (OutputStream out = Files.newOutputStream(ndjson)) {
      DataGenerator.builder().seed(4).asOf(LocalDate.of(2026, 12, 1)).build().writeNdjson(25, out);
    }
    List<Service> original = ServiceFile.read(ndjson).services();

    CliRun toPackage = CliRun.of("convert", ndjson.toString(), "--to", "tabular", "--out", dir.resolve("p.zip").toString());
    CliRun toJson = CliRun.of("convert", dir.resolve("p.zip").toString(), "--to", "json", "--out", dir.resolve("s.json").toString());
    CliRun toNdjson = CliRun.of("convert", dir.resolve("s.json").toString(), "--to", "ndjson", "--out", dir.resolve("again.ndjson").toString());

    assertEquals(0, toPackage.exitCode(), toPackage.err());
    assertEquals(0, toJson.exitCode(), toJson.err());
    assertEquals(0, toNdjson.exitCode(), toNdjson.err());
    assertTrue(Files.readString(dir.resolve("s.json")).startsWith("[{\"id\":"), "a JSON array of services");
    assertEquals(original, ServiceFile.read(dir.resolve("again.ndjson")).services());
    assertEquals(Files.readString(ndjson), Files.readString(dir.resolve("again.ndjson")), "byte for byte");
  }

  @Test
  void findingsArePrintedAsCodeFileRowColumnAndMessage() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("package"));
    Files.writeString(folder.resolve("services.csv"), "id,name,status,minimum_age,organization_id\n"
        + ID + ",Lunch club,active,twelve,99999999-9999-4999-8999-999999999999\n", StandardCharsets.UTF_8);

    CliRun run = CliRun.of("convert", folder.toString(), "--to", "ndjson", "--out", dir.resolve("out.ndjson").toString());

    assertEquals(0, run.exitCode(), run.err());
    List<String> findings = Arrays.stream(run.errLines()).filter(line -> line.startsWith("ORUK-")).toList();
    assertEquals(2, findings.size(), run.err());
    assertTrue(findings.get(0).startsWith("ORUK-TABULAR-003\tservices.csv:2:organization_id\texpected the id of"),
        findings.get(0));
    assertTrue(findings.get(1).startsWith("ORUK-READ-010\tservices.csv:2:minimum_age\t"), findings.get(1));
    assertTrue(Files.readString(dir.resolve("out.ndjson")).contains("\"minimum_age\":\"twelve\""),
        "the value is kept, as an extension");
  }

  @Test
  void ndjsonFindingsCarryTheLineAndPointer() throws Exception {
    Path ndjson = dir.resolve("in.ndjson");
    Files.writeString(ndjson, "{\"id\":\"" + ID + "\",\"name\":\"x\",\"status\":\"Active\"}\n");

    CliRun run = CliRun.of("convert", ndjson.toString(), "--to", "tabular", "--out", dir.resolve("p").toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("ORUK-READ-007\tin.ndjson:1:/status\t"), run.err());
    assertTrue(Files.readString(dir.resolve("p/services.csv")).contains(",active,"), "written corrected");
  }

  @Test
  void unreadableInputExitsOneAndUsageErrorsTwo() throws Exception {
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "[{\"id\":");

    CliRun unreadable = CliRun.of("convert", broken.toString(), "--to", "json", "--out", dir.resolve("x.json").toString());
    CliRun missing = CliRun.of("convert", dir.resolve("nothing").toString(), "--to", "json", "--out", dir.resolve("x.json").toString());
    CliRun badFormat = CliRun.of("convert", broken.toString(), "--to", "xml", "--out", dir.resolve("x.xml").toString());
    CliRun noOut = CliRun.of("convert", broken.toString(), "--to", "json");

    assertEquals(1, unreadable.exitCode(), unreadable.err());
    assertTrue(unreadable.err().contains("could not read"), unreadable.err());
    assertEquals(1, missing.exitCode(), missing.err());
    assertEquals(2, badFormat.exitCode(), badFormat.err());
    assertTrue(badFormat.err().contains("--to must be one of [ndjson, tabular, json]"), badFormat.err());
    assertEquals(2, noOut.exitCode(), noOut.err());
  }
}
