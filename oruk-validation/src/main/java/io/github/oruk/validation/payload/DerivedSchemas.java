package io.github.oruk.validation.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.spec.OrukSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Turns the components of the project's OpenAPI document into one JSON Schema (draft 2020-12) document
 * whose {@code $defs} are the entities, enumerations and page schemas. OpenAPI-only keywords go; the
 * project's own {@code time-of-day} format goes too (its pattern says the same and JSON Schema validators
 * do not know the format). The parity variant also drops the tightenings KNOWN-DEVIATIONS.md lists.
 */
final class DerivedSchemas {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> PAGED = Set.of("Service", "Organization", "ServiceAtLocation", "Taxonomy",
      "TaxonomyTerm");

  private DerivedSchemas() {
  }

  static String id(SchemaVariant variant) {
    return "urn:oruk-java:schema:3.0:" + variant.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The schema document of a variant, as JSON text. */
  static String document(SchemaVariant variant) {
    JsonNode spec;
    try {
      spec = JSON.readTree(OrukSpec.json());
    } catch (IOException e) {
      throw new UncheckedIOException("the packaged spec document cannot be read", e);
    }
    ObjectNode document = JSON.createObjectNode();
    document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    document.put("$id", id(variant));
    document.put("description", "Derived from the oruk-java ORUK 3.0 spec document ("
        + variant.name().toLowerCase(java.util.Locale.ROOT) + " variant).");
    document.set("$defs", convert(spec.at("/components/schemas"), variant));
    return document.toString();
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

  private static JsonNode convert(JsonNode node, SchemaVariant variant) {
    if (node.isArray()) {
      ArrayNode array = JSON.createArrayNode();
      node.forEach(item -> array.add(convert(item, variant)));
      return array;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode object = JSON.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.startsWith("x-") || key.equals("example") || key.equals("externalDocs")) {
        continue;
      }
      if (key.equals("$ref")) {
        object.put("$ref", value.asText().replace("#/components/schemas/", "#/$defs/"));
        continue;
      }
      if (key.equals("format") && (value.asText().equals("time-of-day")
          || variant == SchemaVariant.PARITY && value.asText().equals("date"))) {
        continue;
      }
      if (variant == SchemaVariant.PARITY && (key.equals("pattern") || key.equals("minimum"))) {
        continue;
      }
      object.set(key, key.equals("properties") ? convertProperties(value, variant) : convert(value, variant));
    }
    return object;
  }

  /** Property names are data, not keywords: convert their schemas but keep every name. */
  private static JsonNode convertProperties(JsonNode properties, SchemaVariant variant) {
    ObjectNode converted = JSON.createObjectNode();
    properties.fields().forEachRemaining(p -> converted.set(p.getKey(), convert(p.getValue(), variant)));
    return converted;
  }
}
