package io.github.oruk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.server.OrukApi;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.server.memory.InMemoryDirectory;
import io.github.oruk.testkit.generate.DataGenerator;
import io.github.oruk.validation.ValidationReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both sides of the feed benchmark read the whole feed, and a run that did not is refused, not timed. */
class FeedValidationBenchmarkSetupTest {

  @Test
  void engineAndBaselineReadTheWholeFeed() throws Exception {
    var services = DataGenerator.builder().seed(1).build().services(120).toList();
    try (OrukHttpServer server = OrukHttpServer.builder(OrukApi.of(InMemoryDirectory.of(services))).port(0).start()) {
      List<URI> asked = new ArrayList<>();
      ValidationReport report = FeedValidationBenchmark.recording(asked, () -> FeedValidationBenchmark.engine(server.uri()));
      FeedValidationBenchmark.check(report, 120);
      assertTrue(report.records() >= 240, "every list item and every detail: " + report.records());
      assertEquals(report.endpoints().stream().mapToInt(e -> e.requests()).sum(), asked.size(),
          "every request the engine made was noted");

      FeedValidationBenchmark.Baseline baseline = new FeedValidationBenchmark.Baseline(server.uri());
      baseline.run();
      assertEquals(0, baseline.errors.get(), "the generated services are valid for plain networknt too");
      assertTrue(baseline.requests.get() > 120, "every page and every id: " + baseline.requests.get());
      baseline.alsoAsk(asked);
      assertTrue(baseline.extras.stream().anyMatch(uri -> String.valueOf(uri.getQuery()).contains("per_page=")),
          "the engine's probes: " + baseline.extras);
      baseline.run();
      assertEquals(asked.size(), baseline.requests.get(), "the same requests as the engine, probes included");
      assertEquals(0, baseline.errors.get());
    }
  }

  @Test
  void aRunThatDidNotCoverTheFeedIsRefused() throws Exception {
    var services = DataGenerator.builder().seed(1).build().services(20).toList();
    try (OrukHttpServer server = OrukHttpServer.builder(OrukApi.of(InMemoryDirectory.of(services))).port(0).start()) {
      ValidationReport report = FeedValidationBenchmark.engine(server.uri());
      assertThrows(IllegalStateException.class, () -> FeedValidationBenchmark.check(report, 5_000));
    }
  }

  @Test
  void aTinyRunPrintsTheMedianLine() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(1, FeedValidationBenchmark.run(60, 1, new PrintStream(out, true, StandardCharsets.UTF_8)).size());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("engine / baseline"), out.toString(StandardCharsets.UTF_8));
  }
}
