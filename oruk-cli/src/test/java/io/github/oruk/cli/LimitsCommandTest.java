package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One bad record, a name sent twice, and the limits on the command line: {@code harvest}, {@code validate} and
 * {@code normalize} keep every other record, report the one, say which limit was hit, and take the same three
 * options to change the limits.
 */
class LimitsCommandTest {

  private static final String GOOD_1 = "00000000-0000-4000-8000-000000000001";
  private static final String BAD = "00000000-0000-4000-8000-000000000002";
  private static final String GOOD_3 = "00000000-0000-4000-8000-000000000003";
  /** A Java method or a Jackson setting named in a message meant for the command line. */
  private static final Pattern LIBRARY_TERMS = Pattern.compile("[a-z][A-Za-z]*\\(\\.\\.\\.\\)|StreamReadConstraints"
      + "|JsonReadFeature|OrukJson");

  @TempDir
  Path dir;

  private static String service(String id, boolean deep) {
    return "{\"id\":\"" + id + "\",\"name\":\"S\",\"status\":\"active\""
        + (deep ? ",\"pc_tree\":" + "[".repeat(150) + "]".repeat(150) : "") + "}";
  }

  private static String page() {
    return "{\"total_items\":3,\"total_pages\":1,\"page_number\":1,\"size\":3,\"first_page\":true,\"last_page\":true,"
        + "\"empty\":false,\"contents\":[" + service(GOOD_1, false) + "," + service(BAD, true) + ","
        + service(GOOD_3, false) + "]}";
  }

  @Test
  void harvestWritesThePageWithoutTheDeepServiceListsItAsFailedAndTakesMaxDepth() throws IOException {
    Map<String, String> bodies = Map.of("/api/services", page(), "/api/services/" + GOOD_1, service(GOOD_1, false),
        "/api/services/" + BAD, service(BAD, true), "/api/services/" + GOOD_3, service(GOOD_3, false));
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        String body = bodies.get(exchange.getRequestURI().getPath());
        byte[] bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
      }
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
      Path out = dir.resolve("services.ndjson");

      CliRun run = CliRun.of("harvest", base, "--out", out.toString());
      CliRun deeper = CliRun.of("harvest", base, "--out", dir.resolve("all.ndjson").toString(), "--max-depth", "200");

      assertEquals(1, run.exitCode(), "some failed, not 'the feed could not be read': " + run.err());
      List<String> written = Files.readAllLines(out);
      assertEquals(2, written.size(), run.err());
      assertTrue(written.get(0).contains(GOOD_1) || written.get(1).contains(GOOD_1), written.toString());
      String failed = List.of(run.errLines()).stream().filter(line -> line.startsWith("FAILED\t" + BAD + "\t"))
          .findFirst().orElseThrow(() -> new AssertionError(run.err()));
      assertTrue(failed.contains("more than 100 levels deep") && failed.contains("--max-depth N"), failed);
      // The record left out is named with the reader's code, the one code of that fact (ORUK-PAGE-016 before).
      String leftOut = List.of(run.errLines()).stream().filter(line -> line.startsWith("ORUK-READ-017\t"))
          .findFirst().orElseThrow(() -> new AssertionError(run.err()));
      assertTrue(leftOut.contains("#/contents/1\t") && leftOut.contains(BAD), leftOut);
      assertFalse(run.err().contains("ORUK-PAGE-016"), run.err());
      assertFalse(LIBRARY_TERMS.matcher(run.err()).find(), run.err());
      assertEquals(0, deeper.exitCode(), deeper.err());
      assertEquals(3, Files.readAllLines(dir.resolve("all.ndjson")).size());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void validateReportsTheDeepRecordAndTheRepeatedNameInTheCommandsTerms() throws IOException {
    Path pageFile = Files.writeString(dir.resolve("page.json"), page());
    Path twice = Files.writeString(dir.resolve("service.json"), "{\"id\":\"" + GOOD_1 + "\",\"name\":\"S\","
        + "\"status\":\"active\",\"status\":\"inactive\"}");

    CliRun deep = CliRun.of("validate", "--format", "json", pageFile.toString());
    CliRun raised = CliRun.of("validate", "--format", "json", "--max-depth", "200", pageFile.toString());
    CliRun strict = CliRun.of("validate", "--format", "json", twice.toString());
    CliRun parity = CliRun.of("validate", "--format", "json", "--profile", "parity", twice.toString());

    JsonNode leftOut = finding(deep, "ORUK-JSON-001");
    assertEquals("/contents/1", leftOut.path("pointer").asText());
    assertEquals(BAD, leftOut.path("record_id").asText());
    assertTrue(leftOut.path("message").asText().contains("--max-depth N"), leftOut.toString());
    assertFalse(LIBRARY_TERMS.matcher(deep.out()).find(), deep.out());
    assertNull(finding(raised, "ORUK-JSON-001"), raised.out());
    assertEquals(1, strict.exitCode(), strict.out());
    assertEquals("error", finding(strict, "ORUK-JSON-003").path("severity").asText());
    assertEquals(0, parity.exitCode(), "the official validator keeps the last value: " + parity.out());
    assertEquals("warning", finding(parity, "ORUK-JSON-003").path("severity").asText());
  }

  /** The first finding with this code in a JSON report, or null. */
  private static JsonNode finding(CliRun run, String code) throws IOException {
    for (JsonNode finding : new ObjectMapper().readTree(run.out()).path("findings")) {
      if (finding.path("code").asText().equals(code)) {
        return finding;
      }
    }
    return null;
  }

  @Test
  void normalizeSaysWhichLimitWasHitAndTakesTheOptions() throws IOException {
    Path service = Files.writeString(dir.resolve("service.json"), "{\"id\":\"" + GOOD_1 + "\",\"name\":\""
        + "n".repeat(60) + "\",\"status\":\"active\",\"status\":\"inactive\"}");

    CliRun tooLong = CliRun.of("normalize", "--max-string-length", "50", service.toString());
    CliRun small = CliRun.of("normalize", "--max-response-size", "100", service.toString());
    CliRun fine = CliRun.of("normalize", "--max-response-size", "1MB", "--max-string-length", "60",
        "--max-depth", "5", service.toString());
    CliRun badSize = CliRun.of("normalize", "--max-response-size", "12XB", service.toString());

    assertEquals(1, tooLong.exitCode());
    assertTrue(tooLong.err().contains("longer than 50 characters, the text-length limit")
        && tooLong.err().contains("--max-string-length N"), tooLong.err());
    assertFalse(tooLong.err().contains("bytes") || tooLong.err().contains("levels"), tooLong.err());
    assertTrue(small.err().contains("larger than 100 bytes, the size limit") && small.err().contains(
        "--max-response-size SIZE"), small.err());
    assertFalse(LIBRARY_TERMS.matcher(tooLong.err() + small.err()).find(), tooLong.err() + small.err());
    assertEquals(0, fine.exitCode(), fine.err());
    assertTrue(fine.out().contains("\"status\":\"inactive\""), fine.out());
    assertTrue(fine.err().startsWith("ORUK-READ-016\t/status\t"), fine.err());
    assertEquals(2, badSize.exitCode());
    assertTrue(badSize.err().contains("expected a size such as 50MB"), badSize.err());
  }
}
