package io.github.oruk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Service;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The load benchmark measures what it says, run very briefly: every phase answers, without errors, with
 * bodies of the size the phase is meant to carry. No timing is asserted.
 */
class ServerLoadBenchmarkSetupTest {

  @Test
  void everyPhaseRunsCleanlyAndCarriesTheIntendedBodies() throws Exception {
    ServerLoadBenchmark.Options options = new ServerLoadBenchmark.Options(300, 2, Duration.ofMillis(400),
        Duration.ofMillis(100), 4, 1, true, 2);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    List<ServerLoadBenchmark.Phase> phases = ServerLoadBenchmark.run(options, new PrintStream(log, true,
        StandardCharsets.UTF_8));
    assertEquals(7, phases.size());
    for (ServerLoadBenchmark.Phase phase : phases) {
      assertTrue(phase.requests() > 10, phase.toString());
      assertEquals(0, phase.errors(), phase.toString());
      assertTrue(phase.p50Micros() <= phase.p99Micros() && phase.p99Micros() <= phase.maxMicros(), phase.toString());
    }
    long pageBytes = phases.get(1).bytes() / phases.get(1).requests();
    assertTrue(pageBytes > 30_000, "a page of 50 list items, not an error: " + pageBytes);
    long baselinePage = phases.get(0).bytes() / phases.get(0).requests();
    assertTrue(Math.abs(baselinePage - pageBytes) < pageBytes / 5, "the baseline serves a page of the same size");
    long recordBytes = phases.get(3).bytes() / phases.get(3).requests();
    assertTrue(recordBytes > 1_500 && recordBytes < pageBytes, "full services: " + recordBytes);
    long referenceBytes = phases.get(4).bytes() / phases.get(4).requests();
    assertTrue(Math.abs(referenceBytes - pageBytes) < pageBytes / 10, "the reference sends the same pages: "
        + referenceBytes + " vs " + pageBytes);
    long jettyPageBytes = phases.get(5).bytes() / phases.get(5).requests();
    assertTrue(Math.abs(jettyPageBytes - pageBytes) < pageBytes / 10, "Jetty sends the same pages: "
        + jettyPageBytes + " vs " + pageBytes);
    long jettyRecordBytes = phases.get(6).bytes() / phases.get(6).requests();
    assertTrue(Math.abs(jettyRecordBytes - recordBytes) < recordBytes / 2, "Jetty sends the same services: "
        + jettyRecordBytes + " vs " + recordBytes);

    ByteArrayOutputStream report = new ByteArrayOutputStream();
    ServerLoadBenchmark.print(options, phases, new PrintStream(report, true, StandardCharsets.UTF_8));
    String text = report.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("| /services?page=k&per_page=50 |"), text);
    assertTrue(text.contains("pages / baseline:"), text);
    assertTrue(text.contains("(reference)"), text);
    assertTrue(text.contains("Jetty / JDK adapter: pages"), text);
  }

  @Test
  void theBaselineRecordIsATypicalOne() {
    List<Service> services = DataGenerator.builder().seed(1).build().services(101).toList();
    String id = ServerLoadBenchmark.medianSized(services);
    io.github.oruk.model.json.OrukJson json = io.github.oruk.model.json.OrukJson.lenient();
    int size = json.write(services.stream().filter(s -> s.getId().equals(id)).findFirst().orElseThrow()).length;
    long smaller = services.stream().filter(s -> json.write(s).length < size).count();
    assertEquals(50, smaller, "half the services are smaller than the baseline's");
  }
}
