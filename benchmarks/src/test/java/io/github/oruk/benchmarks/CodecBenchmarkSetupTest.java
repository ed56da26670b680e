package io.github.oruk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark measures what it says: the fixtures are the intended size and read cleanly. */
class CodecBenchmarkSetupTest {

  @Test
  void fixturesMatchTheirDescription() throws Exception {
    CodecBenchmark benchmark = new CodecBenchmark();
    benchmark.setUp();

    int size = benchmark.serviceBytes.length;
    assertTrue(Math.abs(size - CodecBenchmark.UPSTREAM_FULL_SERVICE_BYTES) < 1_000,
        "a full service near the size of the published example, was " + size);
    assertEquals(50, benchmark.page.contents().size());
    assertTrue(benchmark.decodeService().findings().isEmpty());
    assertTrue(benchmark.decodePage().findings().isEmpty());
    assertEquals(benchmark.treeParseService(), new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(benchmark.encodeService()), "encode gives back the same document");
  }

  @Test
  void theInterleavedRunPrintsEveryRateAndRatio() throws Exception {
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    CodecInterleaved.run(3, new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
    String text = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.startsWith("2 rounds counted of 3"), text);
    for (String row : List.of("| decodeService |", "| treeParsePage |", "| encodePage |",
        "| decodeService / treeParseService |", "| encodePage / decodePage |")) {
      assertTrue(text.contains(row), () -> row + " missing from " + text);
    }
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(2.0, Summarize.median(List.of(3.0, 1.0, 2.0)));
    assertEquals(2.5, Summarize.median(List.of(4.0, 1.0, 2.0, 3.0)));
    assertTrue(Double.isNaN(Summarize.median(List.of())));
  }
}
