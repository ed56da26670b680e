package io.github.oruk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.spec.OrukSpec;
import io.github.oruk.testkit.generate.DataGenerator;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.Validator;
import io.github.oruk.validation.payload.PayloadValidator;
import io.github.oruk.validation.payload.SchemaViolation;
import io.github.oruk.validation.payload.SchemaVariant;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Validation throughput, one thread, on 200 generated services: the payload layer (schema checking as
 * the engine does it: the checks compiled from the spec, and networknt interpreting the same schemas, which
 * {@code -Doruk.validation.payload=networknt} selects), a plain networknt setup checking the same parsed services against the same schema
 * (the baseline), and the whole engine on an NDJSON file of the same services (parsing, schema, every
 * rule, quality scores). Scores are services per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class ValidationBenchmark {

  static final int SERVICES = 200;

  List<JsonNode> services;
  byte[] ndjson;
  PayloadValidator payload;
  PayloadValidator networkntPayload;
  Schema plainSchema;
  Validator engine;

  @Setup
  public void setUp() throws IOException {
    DataGenerator generator = DataGenerator.builder().seed(2026).build();
    ObjectMapper json = new ObjectMapper();
    services = new ArrayList<>();
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    for (int k = 0; k < SERVICES; k++) {
      byte[] service = generator.serviceJson(k);
      services.add(json.readTree(service));
      lines.write(service);
      lines.write('\n');
    }
    ndjson = lines.toByteArray();
    payload = PayloadValidator.of(SchemaVariant.STRICT);
    System.setProperty(PayloadValidator.IMPLEMENTATION_PROPERTY, "networknt");
    try {
      networkntPayload = PayloadValidator.of(SchemaVariant.STRICT);
    } finally {
      System.clearProperty(PayloadValidator.IMPLEMENTATION_PROPERTY);
    }
    engine = Validator.strict();
    plainSchema = plainNetworknt(json, "Service");
  }

  /**
   * A schema of the project's spec ({@code Service}, {@code ServicePage} …), loaded the plain way: one registry,
   * formats asserted, default settings.
   */
  static Schema plainNetworknt(ObjectMapper json, String definition) throws IOException {
    JsonNode spec = json.readTree(OrukSpec.json());
    String document = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$defs\":"
        + spec.at("/components/schemas").toString().replace("#/components/schemas/", "#/$defs/")
            .replace("\"format\":\"time-of-day\",", "") + "}";
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
        .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
        .resourceLoaders(loaders -> loaders.resources(Map.of("urn:plain", document))));
    return registry.getSchema(SchemaLocation.of("urn:plain#/$defs/" + definition));
  }

  @Benchmark
  @OperationsPerInvocation(SERVICES)
  public void payloadLayer(Blackhole sink) {
    checkEach(payload, sink);
  }

  @Benchmark
  @OperationsPerInvocation(SERVICES)
  public void payloadLayerNetworknt(Blackhole sink) {
    checkEach(networkntPayload, sink);
  }

  private void checkEach(PayloadValidator validator, Blackhole sink) {
    for (JsonNode service : services) {
      List<SchemaViolation> violations = validator.validate(RecordType.SERVICE, false, service);
      sink.consume(violations);
    }
  }

  @Benchmark
  @OperationsPerInvocation(SERVICES)
  public void plainNetworkntBaseline(Blackhole sink) {
    for (JsonNode service : services) {
      List<Error> errors = plainSchema.validate(service);
      sink.consume(errors);
    }
  }

  @Benchmark
  @OperationsPerInvocation(SERVICES)
  public ValidationReport wholeEngineOnNdjson() throws IOException {
    return engine.validateNdjson(new ByteArrayInputStream(ndjson), "bench.ndjson");
  }
}
