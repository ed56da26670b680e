package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.hub.store.AggregateId;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oruk hub serve}: the listening line, the aggregate answered with provenance, hidden records counted. */
class HubServeCommandTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  private static final DataGenerator GENERATOR = DataGenerator.builder().seed(9).asOf(TODAY).build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path folder;

  @Test
  void servesTheAggregateWithProvenanceAndCountsWhatTheAssurancePolicyHides() throws Exception {
    // 12 services; 0, 1 and 2 assured two years ago, the rest last week
    try (OutputStream out = Files.newOutputStream(folder.resolve("local.ndjson"))) {
      for (int i = 0; i < 12; i++) {
        Service service = GENERATOR.service(i).assuredDate(TODAY.minusDays(i < 3 ? 730 : 7));
        out.write(OrukJson.lenient().write(service));
        out.write('\n');
      }
    }
    Files.writeString(folder.resolve("feeds.yaml"), "feeds:\n  - name: local\n    url: local.ndjson\n");
    CliRun run = CliRun.of("hub", "run", "--feeds", folder.resolve("feeds.yaml").toString(), "--db", db());
    assertEquals(0, run.exitCode(), run.err());

    try (LiveCli serve = new LiveCli("hub", "serve", "--db", db(), "--port", "0", "--hide-unassured-after", "12m")) {
      URI base = serve.awaitListening();
      assertEquals("127.0.0.1", base.getHost());
      JsonNode page = get(base.resolve("services"));
      assertEquals(9, page.path("total_items").asInt(), "three services hidden");
      String original = GENERATOR.service(5).getId();
      JsonNode service = get(base.resolve("services/" + AggregateId.of("local", original)));
      assertEquals(original, service.path("hub_provenance").get(0).path("original_id").asText(), service.toString());
      assertEquals(404, HTTP.send(HttpRequest.newBuilder(base.resolve("services/"
          + AggregateId.of("local", GENERATOR.service(1).getId()))).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode(), "assured two years ago: hidden");
      HttpResponse<String> finder = HTTP.send(HttpRequest.newBuilder(base.resolve("finder/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertTrue(finder.statusCode() == 200 && finder.body().contains("<h1>Find a service</h1>"), "the finder");
      String err = awaitErr(serve, "press Ctrl-C");
      assertTrue(err.contains("serving 9 services from"), err);
      assertTrue(err.contains("3 hidden: not assured within 12m (kept in the store)"), err);
      assertEquals(0, serve.stop());
    }
  }

  @Test
  void usageErrorsExitTwo() {
    CliRun period = CliRun.of("hub", "serve", "--db", db(), "--port", "0", "--hide-unassured-after", "12x");
    assertEquals(2, period.exitCode());
    assertTrue(period.err().contains("'12x' is not an assurance period: expected"), period.err());
    assertEquals(2, CliRun.of("hub", "serve", "--db", db(), "--hide-unassured-after").exitCode(), "no value");
    CliRun port = CliRun.of("hub", "serve", "--db", db(), "--port", "70000");
    assertEquals(2, port.exitCode());
    assertTrue(port.err().contains("--port must be between 0 and 65535"), port.err());
    CliRun notJdbc = CliRun.of("hub", "serve", "--db", "postgres://x", "--port", "0");
    assertEquals(2, notJdbc.exitCode());
    assertTrue(notJdbc.err().contains("not a JDBC URL"), notJdbc.err());
  }

  private String db() {
    return "jdbc:h2:file:" + folder.resolve("store").resolve("hub");
  }

  /** Stderr once it has {@code text}, polled for up to 30 s. */
  private static String awaitErr(LiveCli cli, String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!cli.err().contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return cli.err();
  }

  private static JsonNode get(URI uri) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), uri + ": " + response.body());
    return new ObjectMapper().readTree(response.body());
  }
}
