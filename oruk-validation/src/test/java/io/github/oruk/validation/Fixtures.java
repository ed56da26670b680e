package io.github.oruk.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.Upstream;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  /**
   * The published examples folder; skips the calling test when the upstream files are absent (fails it where
   * {@code ORUK_REQUIRE_SHARED} is set, as in CI).
   */
  static Path examples() {
    return Upstream.require("oruk-standard/3.0/examples");
  }

  static ObjectNode example(String name) {
    try {
      return (ObjectNode) JSON.readTree(examples().resolve(name).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
