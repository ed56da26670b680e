package io.github.oruk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.server.OrukApi;
import io.github.oruk.server.jetty.OrukJettyServer;
import io.github.oruk.server.memory.InMemoryDirectory;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The attack benchmark, run very briefly and with a small attack against Jetty: it measures its three phases,
 * its ordinary requests get whole pages, and the attack is really open while it measures. No timing is
 * asserted.
 */
class ServerAttackBenchmarkSetupTest {

  @Test
  void threePhasesWithTheAttackOpenInTheMiddleOne() throws Exception {
    DataGenerator generator = DataGenerator.builder().seed(1).build();
    InMemoryDirectory directory = InMemoryDirectory.builder().addAll(generator.services(500).toList()).build();
    ServerAttackBenchmark.Options options = new ServerAttackBenchmark.Options("jetty", 500, 20, 5, 2,
        Duration.ofMillis(800), Duration.ofMillis(300), 16);
    List<ServerAttackBenchmark.Phase> phases = new ArrayList<>();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (OrukJettyServer server = OrukJettyServer.builder(OrukApi.of(directory)).port(0)
        .shutdownGrace(Duration.ZERO).start()) {
      ServerAttackBenchmark.run(server.uri(), 10, options, phases, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    String text = log.toString(StandardCharsets.UTF_8);
    assertEquals(List.of("no attack", "under attack", "no attack, after"),
        phases.stream().map(ServerAttackBenchmark.Phase::name).toList());
    for (ServerAttackBenchmark.Phase phase : phases) {
      assertTrue(phase.requests() > 2, phase.toString());
      assertEquals(0, phase.failures(), () -> phase + "\n" + text);
      assertTrue(phase.p50Micros() <= phase.p99Micros() && phase.p99Micros() <= phase.maxMicros(), phase.toString());
    }
    assertTrue(text.contains("attack open: 20 stalled, 5 slow readers (5 being answered"), text);
  }
}
