package io.github.oruk.validation.payload;

import io.github.oruk.model.RecordType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The JSON Schema (draft 2020-12) documents derived from the components of the project's OpenAPI document, one per
 * variant, whose {@code $defs} are the entities, enumerations and page schemas. They are derived at build time by
 * SchemaChecksGenerator (oruk-validation/src/build), which compiles the same documents to Java, so the compiled
 * checks and networknt read one schema: OpenAPI-only keywords go, the project's own {@code time-of-day} format
 * goes too (its pattern says the same and JSON Schema validators do not know the format), and the parity variant
 * also drops the tightenings KNOWN-DEVIATIONS.md lists.
 */
final class DerivedSchemas {

  private static final Set<String> PAGED = Set.of("Service", "Organization", "ServiceAtLocation", "Taxonomy",
      "TaxonomyTerm");

  private DerivedSchemas() {
  }

  static String id(SchemaVariant variant) {
    return "urn:oruk-java:schema:3.0:" + variant.name().toLowerCase(Locale.ROOT);
  }

  /** The schema document of a variant, as JSON text. */
  static String document(SchemaVariant variant) {
    String name = "oruk-3.0-" + variant.name().toLowerCase(Locale.ROOT) + ".schema.json";
    try (InputStream in = DerivedSchemas.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the derived schema " + name + " is missing from the oruk-validation jar;"
            + " it is generated at build time (generate-sources): rebuild oruk-validation");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the derived schema " + name + " cannot be read", e);
    }
  }

  /** The name under {@code $defs} of the schema for a kind of document. */
  static String definition(RecordType type, boolean page) {
    String component = componentName(type);
    if (!page) {
      return component;
    }
    if (!PAGED.contains(component)) {
      throw new IllegalArgumentException("ORUK 3.0 has no list endpoint for " + type.standardName()
          + " records, so there is no page schema for them");
    }
    return component + "Page";
  }

  private static String componentName(RecordType type) {
    StringBuilder name = new StringBuilder();
    for (String part : type.standardName().split("_")) {
      name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return name.toString();
  }
}
