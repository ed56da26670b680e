package io.github.oruk.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The published ORUK 3.0 JSON Schemas from {@code ../shared}, loaded by their canonical URLs (mapped to
 * the local copies), validated as draft 2020-12 with format assertions on.
 */
public final class UpstreamSchemas {

  private static final String BASE = "https://openreferraluk.org/specifications/3.0/schema/";

  private final SchemaRegistry registry;

  private UpstreamSchemas(Path dir) {
    this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
        .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
        .resourceLoaders(loaders -> loaders.resources(iri -> iri.startsWith(BASE) ? read(dir, iri) : null)));
  }

  /** The local copy of a published schema, or null (which makes the registry report it missing). */
  private static String read(Path dir, String iri) {
    try {
      return Files.readString(dir.resolve(iri.substring(BASE.length())));
    } catch (IOException e) {
      return null;
    }
  }

  /** The schemas; skips the calling test when the upstream folder is absent. */
  public static UpstreamSchemas load() {
    return new UpstreamSchemas(Upstream.require("oruk-standard/3.0/schema"));
  }

  /** Validation errors of a document against the named schema file, such as {@code service.json}. */
  public List<Error> errors(String file, JsonNode document) {
    Schema schema = registry.getSchema(SchemaLocation.of(BASE + file));
    return schema.validate(document);
  }
}
