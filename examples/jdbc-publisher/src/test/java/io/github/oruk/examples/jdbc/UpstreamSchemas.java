package io.github.oruk.examples.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.github.oruk.model.Upstream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published ORUK 3.0 JSON Schemas, read from the shared folder (never copied into the project) by
 * their canonical addresses, validated as draft 2020-12 with format assertions on. Tests that use it
 * are skipped, with the reason, when the folder is absent (failed, where CI requires it).
 */
final class UpstreamSchemas {

  private static final String BASE = "https://openreferraluk.org/specifications/3.0/schema/";
  private static UpstreamSchemas instance;

  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private UpstreamSchemas(Path dir) {
    this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
        .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
        .resourceLoaders(loaders -> loaders.resources(iri -> iri.startsWith(BASE) ? read(dir, iri) : null)));
  }

  /**
   * The schemas; skips the calling test (with the reason) when the shared folder is absent, or fails it where
   * {@code ORUK_REQUIRE_SHARED} is set (see oruk-model's {@code Prerequisite}).
   */
  public static synchronized UpstreamSchemas load() {
    Path dir = Upstream.require("oruk-standard/3.0/schema/service.json").getParent();
    if (instance == null) {
      instance = new UpstreamSchemas(dir);
    }
    return instance;
  }

  private static String read(Path dir, String iri) {
    String file = iri.substring(BASE.length());
    if (file.isEmpty() || file.contains("/") || file.contains("\\")) {
      return null;
    }
    try {
      return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Validation errors of a document against a published schema file, such as {@code service_list.json}. */
  public List<Error> errors(String file, JsonNode document) {
    Schema schema = schemas.computeIfAbsent(file, f -> registry.getSchema(SchemaLocation.of(BASE + f)));
    return schema.validate(document);
  }
}
