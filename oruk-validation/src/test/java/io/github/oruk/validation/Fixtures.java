package io.github.oruk.validation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Test data: generated services, the published examples, and a fixed clock. */
final class Fixtures {

  static final ObjectMapper JSON = new ObjectMapper();
  static final DataGenerator GENERATOR = DataGenerator.builder().seed(11).build();

  private Fixtures() {
  }

  /** A clock standing on the given day. */
  static Clock on(LocalDate day) {
    return Clock.fixed(day.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
  }

  /** Generated service k, as a mutable tree, assured on the generator's reference date. */
  static ObjectNode freshService(int k) {
    try {
      ObjectNode service = (ObjectNode) JSON.readTree(GENERATOR.serviceJson(k));
      service.put("assured_date", GENERATOR.referenceDate().toString());
      return service;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A validator whose "today" is the generator's reference date. */
  static Validator.Builder validator() {
    return Validator.builder().clock(on(GENERATOR.referenceDate()));
  }

  static byte[] bytes(JsonNode document) {
    try {
      return JSON.writeValueAsBytes(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The published examples folder; skips the calling test when the upstream files are absent. */
  static Path examples() {
    String configured = System.getProperty("oruk.shared.dir");
    Path dir = (configured != null ? Path.of(configured) : Path.of("..", "..", "shared"))
        .resolve("oruk-standard/3.0/examples").toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(dir), () -> "skipped: upstream reference files not found at " + dir
        + " (they live beside the checkout in ../shared; CI always has them)");
    return dir;
  }

  static ObjectNode example(String name) {
    try {
      return (ObjectNode) JSON.readTree(examples().resolve(name).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
