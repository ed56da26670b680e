package io.github.oruk.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.spec.OrukSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the project's spec document says about each ORUK table: its columns (the record's properties that hold
 * one value) with their types, and the names of its nested properties. Read once from {@link OrukSpec}, so the
 * package's columns, types and descriptor follow the same document the model is generated from.
 */
final class SpecSchema {

  /**
   * One column: its descriptor type ({@code string}, {@code number}, {@code date}, {@code time},
   * {@code datetime}), format ({@code uuid}, {@code uri}, {@code email}) and allowed values, if any.
   */
  record Column(String name, String type, @Nullable String format, List<String> allowed, boolean required,
      String description) {
  }

  /**
   * One ORUK record type as a table.
   *
   * @param byName the columns by name: the reader looks one up for every cell, so not by a walk of the list
   */
  record Kind(String table, List<Column> columns, Set<String> properties, Map<String, Column> byName) {

    Kind(String table, List<Column> columns, Set<String> properties) {
      this(table, columns, properties, columns.stream().collect(Collectors.toUnmodifiableMap(Column::name,
          column -> column, (first, second) -> first)));
    }

    Optional<Column> column(String name) {
      return Optional.ofNullable(byName.get(name));
    }
  }

  private static final Map<String, Kind> KINDS = load();

  private SpecSchema() {
  }

  /** The ORUK record type this table holds, if ORUK 3.0 defines the table. */
  static Optional<Kind> kind(String table) {
    return Optional.ofNullable(KINDS.get(table));
  }

  private static Map<String, Kind> load() {
    JsonNode schemas;
    try {
      schemas = new ObjectMapper().readTree(OrukSpec.json()).path("components").path("schemas");
    } catch (IOException e) {
      throw new UncheckedIOException("the spec document in oruk-model could not be read", e);
    }
    Map<String, Kind> kinds = new HashMap<>();
    for (RecordType type : RecordType.values()) {
      JsonNode schema = schemas.path(type.modelClass().getSimpleName());
      if (type == RecordType.API_DETAILS || schema.isMissingNode()) {
        continue;
      }
      Set<String> required = new HashSet<>();
      schema.path("required").forEach(name -> required.add(name.asText()));
      List<Column> columns = new ArrayList<>();
      Set<String> properties = new HashSet<>();
      for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
        properties.add(property.getKey());
        JsonNode definition = property.getValue();
        if (definition.has("$ref")) {
          definition = schemas.path(definition.get("$ref").asText().replace("#/components/schemas/", ""));
        }
        if (!definition.path("type").asText().equals("object") && !definition.path("type").asText().equals("array")) {
          columns.add(column(property.getKey(), definition, required.contains(property.getKey())));
        }
      }
      kinds.put(type.standardName(), new Kind(type.standardName(), List.copyOf(columns), Set.copyOf(properties)));
    }
    return Map.copyOf(kinds);
  }

  private static Column column(String name, JsonNode definition, boolean required) {
    String format = definition.path("format").asText(null);
    String type = switch (definition.path("type").asText()) {
      case "number", "integer" -> definition.path("type").asText();
      case "boolean" -> "boolean";
      default -> format == null ? "string" : switch (format) {
        case "date" -> "date";
        case "date-time" -> "datetime";
        case "time-of-day" -> "time";
        default -> "string";
      };
    };
    String stringFormat = type.equals("string") && format != null ? format : null;
    List<String> allowed = new ArrayList<>();
    definition.path("enum").forEach(value -> allowed.add(value.asText()));
    return new Column(name, type, stringFormat, List.copyOf(allowed), required, definition.path("description").asText(""));
  }
}
