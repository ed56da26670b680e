package io.github.oruk.examples.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.server.jetty.OrukJettyServer;
import io.github.oruk.testkit.hostile.HostileClients;
import io.github.oruk.validation.junit.ComplianceOptions;
import io.github.oruk.validation.junit.OrukAssertions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable example: the spreadsheet served as an API, and what it prints when a sheet is wrong. */
class JdbcPublisherTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static JsonNode get(URI uri) throws Exception {
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode(), uri.toString());
    return JSON.readTree(response.body());
  }

  private static List<String> schedules(JsonNode service) {
    List<String> weekly = new ArrayList<>();
    service.path("schedules").forEach(schedule -> weekly.add(schedule.path("freq").asText() + " "
        + schedule.path("byday").asText() + " " + schedule.path("opens_at").asText() + "-"
        + schedule.path("closes_at").asText()));
    return weekly;
  }

  @Test
  void theTemplateRoundTripsThroughTheServedApi() throws Exception {
    DataSource dataSource = Database.inMemory("template" + System.nanoTime());
    Database.createSchema(dataSource);
    assertEquals(2, JdbcPublisher.importFile(dataSource, CsvColumnsTest.TEMPLATE, System.err));

    try (OrukJettyServer server = JdbcPublisher.start(dataSource, null, "127.0.0.1", 0)) {
      JsonNode youthClubs = get(server.uri().resolve("services?search=youth"));
      assertEquals(1, youthClubs.path("total_items").asInt(), youthClubs::toString);
      JsonNode youth = get(server.uri().resolve("services/" + youthClubs.path("contents").path(0).path("id").asText()));
      assertEquals("2025-02-03", youth.path("assured_date").asText());
      assertEquals(List.of("+44 117 496 0789", "0117 496 0456"), CsvColumnsTest.phones(youth.path("phones")).stream()
          .sorted().toList(), "nested lists come back in id order");
      assertEquals(List.of("WEEKLY TU,TH 18:00:00-20:30:00"), schedules(youth));

      JsonNode list = get(server.uri().resolve("services?search=pantry"));
      assertEquals(1, list.path("total_items").asInt(), list::toString);
      JsonNode pantry = get(server.uri().resolve("services/" + list.path("contents").path(0).path("id").asText()));
      assertEquals("2025-01-15", pantry.path("assured_date").asText());
      assertEquals(List.of("0117 496 0123"), CsvColumnsTest.phones(pantry.path("phones")));
      assertEquals(List.of("WEEKLY MO,TU,WE,TH,FR 09:30:00-12:00:00", "WEEKLY SA 10:00:00-11:30:00",
          "WEEKLY WE 13:00:00-15:00:00", "WEEKLY WE 17:00:00-19:00:00"), schedules(pantry).stream().sorted().toList(),
          "in any order");

      OrukAssertions.assertCompliant(server.uri(), ComplianceOptions.defaults().withSample(0));
    }
  }

  /**
   * Issue #13: the example publishes on oruk-server-jetty with its limits. On the JDK's server, 16 stalled
   * connections held all its threads and every other request waited for ever; here 50 do not delay one, and
   * a request Jetty refuses itself is answered as the SDK's JSON error with CORS.
   */
  @Test
  void stalledClientsKeepNoRequestWaitingAndRefusalsAreJson() throws Exception {
    DataSource dataSource = Database.inMemory("stalled" + System.nanoTime());
    Database.createSchema(dataSource);
    JdbcPublisher.importFile(dataSource, CsvColumnsTest.TEMPLATE, System.err);
    try (OrukJettyServer server = JdbcPublisher.start(dataSource, null, "127.0.0.1", 0);
        HostileClients stalled = HostileClients.stalled(server.uri(), 50)) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      for (int i = 0; i < 3; i++) {
        HttpResponse<byte[]> page = client.send(HttpRequest.newBuilder(server.uri().resolve("services"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, page.statusCode());
        assertEquals(2, JSON.readTree(page.body()).path("total_items").asInt());
      }
      try (Socket socket = new Socket("127.0.0.1", server.port())) {
        socket.setSoTimeout(5_000);
        socket.getOutputStream().write("GET /services HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("Access-Control-Allow-Origin: *"), answer);
        assertTrue(answer.contains("\"error\":\"bad_request\""), answer);
      }
      assertEquals(50, stalled.size());
    }
  }

  @Test
  void aSheetWithAnUnknownColumnIsOneLineOnStderrAndExitOne() throws Exception {
    Path sheet = Files.writeString(dir.resolve("services.csv"), "service_name,organisation_name,Referral Route\n"
        + "A,B,GP\n");
    ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), JdbcPublisher.class.getName(),
        "--url", "jdbc:h2:mem:unknown", "--port", "0", "--import", sheet.toString());
    java.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
    Process process = java.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the example exits");

    String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
    assertEquals(1, process.exitValue(), err);
    assertEquals("jdbc-publisher: " + sheet + ": " + CsvImportTest.UNKNOWN_COLUMN + "\n", err, "one line, no trace");
    assertEquals("", Files.readString(dir.resolve("out.txt")), "nothing served");
  }

  @Test
  void everyProblemOfASheetIsListedOneALineAndNothingIsServed() throws Exception {
    Path sheet = Files.writeString(dir.resolve("bad.csv"), "service_name,organisation_name,phone,opening_hours\n"
        + "A,B,0117 49,\n"
        + "C,D,,Mo-Fr 9-5\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = JdbcPublisher.run(new String[] {"--url", "jdbc:h2:mem:bad" + System.nanoTime(), "--port", "0",
        "--import", sheet.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(1, code);
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(List.of("jdbc-publisher: " + sheet + ": 2 problems, nothing imported:",
        "  line 2, column phone: '0117 49' is not a telephone number; write it with all its digits, such as"
            + " 0117 496 0000 or +44 117 496 0000 (several separated by ;)",
        "  line 3, column opening_hours: 'Mo-Fr 9-5' is not days and times such as Mo-Fr 09:00-17:00;"
            + " Sa 10:00-12:00"), lines);
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void usageErrorsExitWithTwoAndAMissingFileWithOne() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream stdout = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    assertEquals(2, JdbcPublisher.run(new String[] {"--port", "eighty"}, stdout, stderr));
    assertEquals(2, JdbcPublisher.run(new String[] {"--colour", "red"}, stdout, stderr));
    assertEquals(1, JdbcPublisher.run(new String[] {"--url", "jdbc:h2:mem:missing", "--import",
        dir.resolve("absent.csv").toString()}, stdout, stderr));
    assertEquals(List.of("jdbc-publisher: --port must be a number from 0 to 65535; got 'eighty'; see --help",
        "jdbc-publisher: unknown option --colour; see --help",
        "jdbc-publisher: no such file: " + dir.resolve("absent.csv")), err.toString(StandardCharsets.UTF_8).lines()
        .toList());
    assertFalse(err.toString(StandardCharsets.UTF_8).contains("Exception"));
  }
}
