package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.ReadCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

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
  void datesAreRecentRelativeToTheAsOfDateAndTheSameSeedAndDateGiveTheSameBytes() throws Exception {
    String[] args = {"generate", "--services", "60", "--seed", "3", "--as-of", "2025-02-10", "--out"};
    CliRun first = CliRun.of(concat(args, dir.resolve("a").toString()));
    CliRun second = CliRun.of(concat(args, dir.resolve("b").toString()));
    CliRun later = CliRun.of("generate", "--services", "60", "--seed", "3", "--as-of", "2025-03-10", "--out",
        dir.resolve("c").toString());

    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.err().contains("as of 2025-02-10"), first.err());
    byte[] a = Files.readAllBytes(dir.resolve("a/services.ndjson"));
    assertArrayEquals(a, Files.readAllBytes(dir.resolve("b/services.ndjson")));
    assertFalse(Arrays.equals(a, Files.readAllBytes(dir.resolve("c/services.ndjson"))), "another date, other dates");
    assertDatesWithinTwoMonthsBefore(LocalDate.of(2025, 2, 10), dir.resolve("a/services.ndjson"));
    assertDatesWithinTwoMonthsBefore(LocalDate.of(2025, 3, 10), dir.resolve("c/services.ndjson"));
  }

  @Test
  void withoutAnAsOfDateTheDataIsRecentToday() throws Exception {
    assertEquals(0, CliRun.of("generate", "--services", "40", "--out", dir.toString()).exitCode());
    assertDatesWithinTwoMonthsBefore(LocalDate.now(), dir.resolve("services.ndjson"));
  }

  /** Every assured_date and last_modified falls in the 60 days before {@code day}, and most services have both. */
  private static void assertDatesWithinTwoMonthsBefore(LocalDate day, Path file) throws Exception {
    int assured = 0;
    int modified = 0;
    for (String line : Files.readAllLines(file)) {
      JsonNode service = JSON.readTree(line);
      if (service.has("assured_date")) {
        LocalDate date = LocalDate.parse(service.get("assured_date").asText());
        assertTrue(date.isBefore(day) && !date.isBefore(day.minusDays(60)), day + ": assured " + date);
        assured++;
      }
      if (service.has("last_modified")) {
        LocalDate date = OffsetDateTime.parse(service.get("last_modified").asText()).toLocalDate();
        assertTrue(date.isBefore(day) && !date.isBefore(day.minusDays(60)), day + ": modified " + date);
        modified++;
      }
    }
    assertTrue(assured > 25 && modified > 30, assured + " assured, " + modified + " modified");
  }

  private static String[] concat(String[] args, String last) {
    String[] all = Arrays.copyOf(args, args.length + 1);
    all[args.length] = last;
    return all;
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
    CliRun badDate = CliRun.of("generate", "--services", "5", "--out", dir.toString(), "--as-of", "10/02/2025");
    assertEquals(2, badDate.exitCode());
    assertTrue(badDate.err().contains("'10/02/2025' is not a date; write it as YYYY-MM-DD"), badDate.err());
  }

  @Test
  void anUnwritableDirectoryExitsWithOne() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
    CliRun run = CliRun.of("generate", "--services", "1", "--out", file.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("could not write"), run.err());
  }
}
