package io.github.oruk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.RecordType;
import org.junit.jupiter.api.Test;

/** The validation benchmark checks valid data, so both sides do the full work and agree. */
class ValidationBenchmarkSetupTest {

  @Test
  void payloadAndBaselineAgreeThatTheServicesAreValid() throws Exception {
    ValidationBenchmark benchmark = new ValidationBenchmark();
    benchmark.setUp();

    assertEquals(ValidationBenchmark.SERVICES, benchmark.services.size());
    for (var service : benchmark.services) {
      assertEquals(0, benchmark.payload.validate(RecordType.SERVICE, false, service).size());
      assertEquals(0, benchmark.plainSchema.validate(service).size());
    }
    var broken = benchmark.services.get(0).deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken).put("status", "open");
    assertEquals(1, benchmark.plainSchema.validate(broken).size(), "the baseline really validates");
    assertTrue(benchmark.wholeEngineOnNdjson().documents() == ValidationBenchmark.SERVICES);
  }
}
