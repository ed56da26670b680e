package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oruk hub watch} and {@code oruk hub serve --watch}: the schedule from the command line. */
class HubWatchCommandTest {

  @TempDir
  Path folder;

  @Test
  void watchRefreshesOnTheIntervalPrintsEachRunAndTheEventsUntilStopped() throws Exception {
    Path register = register();
    try (LiveCli watch = new LiveCli("hub", "watch", "--feeds", register.toString(), "--db", db())) {
      await(watch::out, "local\tCOMPLETE");
      Files.delete(folder.resolve("local.ndjson")); // the feed goes away: the next run cannot read it
      String err = await(watch::err, "event: local: unreachable (");
      assertTrue(err.contains("watching 1 feeds into"), err);
      assertTrue(watch.out().contains("local\tINCOMPLETE"), watch.out());
      assertEquals(0, watch.stop());
    }
  }

  @Test
  void serveWithWatchRefreshesWhileServingAndServesTheFeedsBadges() throws Exception {
    Path register = register();
    try (LiveCli serve = new LiveCli("hub", "serve", "--watch", "--feeds", register.toString(), "--db", db(),
        "--port", "0")) {
      URI base = serve.awaitListening();
      await(serve::out, "local\tCOMPLETE");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      int served = 0;
      while (served != 4 && System.nanoTime() < deadline) { // served once the directory's copy is rebuilt
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("services"))
            .build(), HttpResponse.BodyHandlers.ofString());
        served = new ObjectMapper().readTree(page.body()).path("total_items").asInt();
        Thread.sleep(50);
      }
      assertEquals(4, served, "the watched feed's services are served without a restart");
      HttpResponse<String> badge = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          base.resolve("badge/local.svg")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, badge.statusCode(), badge.body());
      assertEquals("max-age=300", badge.headers().firstValue("Cache-Control").orElse(""));
      assertTrue(badge.body().startsWith("<svg") && badge.body().contains(">ORUK 3.0</text>"), badge.body());
      HttpResponse<String> unknown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          base.resolve("badge/nobody.svg")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(404, unknown.statusCode());
      assertEquals("not_found", new ObjectMapper().readTree(unknown.body()).path("error").asText());
      HttpResponse<String> dashboard = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          base.resolve("dashboard/")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, dashboard.statusCode(), dashboard.body());
      assertTrue(dashboard.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
      assertTrue(dashboard.body().contains("<a href=\"local\">local</a>"), "the watched feed is listed");
      assertEquals(0, serve.stop());
    }
  }

  @Test
  void serveNeedsFeedsWithWatchAndWatchWithFeeds() throws Exception {
    CliRun noFeeds = CliRun.of("hub", "serve", "--watch", "--db", db(), "--port", "0");
    assertEquals(2, noFeeds.exitCode());
    assertTrue(noFeeds.err().contains("--watch needs --feeds FEEDS.yaml"), noFeeds.err());
    CliRun noWatch = CliRun.of("hub", "serve", "--feeds", register().toString(), "--db", db(), "--port", "0");
    assertEquals(2, noWatch.exitCode());
    assertTrue(noWatch.err().contains("--feeds is only for --watch"), noWatch.err());
    CliRun missing = CliRun.of("hub", "watch", "--db", db());
    assertEquals(2, missing.exitCode());
  }

  /** A register of one NDJSON feed of four generated services, refreshed every second. */
  private Path register() throws Exception {
    DataGenerator generator = DataGenerator.builder().seed(4).build();
    try (OutputStream out = Files.newOutputStream(folder.resolve("local.ndjson"))) {
      for (int i = 0; i < 4; i++) {
        out.write(OrukJson.lenient().write(generator.service(i)));
        out.write('\n');
      }
    }
    Path register = folder.resolve("feeds.yaml");
    Files.writeString(register, "feeds:\n  - name: local\n    url: local.ndjson\n    refresh: 1s\n");
    return register;
  }

  private String db() {
    return "jdbc:h2:file:" + folder.resolve("store").resolve("hub");
  }

  /** The output once it has {@code text}, polled for up to 30 s. */
  private static String await(Supplier<String> output, String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!output.get().contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(output.get().contains(text), () -> "expected '" + text + "' in: " + output.get());
    return output.get();
  }
}
