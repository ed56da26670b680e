package io.github.oruk.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.spec.OrukSpec;
import io.github.oruk.validation.rule.RecordContext;
import io.github.oruk.validation.rule.RuleSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Which properties of a record hold other records, read from the spec document, so that every nested
 * record (a schedule inside a service, an address inside a location inside a service-at-location) is
 * visited with its type and its JSON Pointer.
 */
final class RecordTree {

  private static final Map<RecordType, Map<String, RecordType>> CHILDREN = load();

  private RecordTree() {
  }

  /** Visits {@code record} and every record nested in it, parents before children. */
  static void walk(RecordType type, JsonNode record, String pointer, RecordContext parent, String property,
      RuleSettings settings, Consumer<RecordContext> visitor) {
    if (record == null || !record.isObject()) {
      return;
    }
    RecordContext context = new RecordContext(type, record, pointer, parent, property, settings);
    visitor.accept(context);
    for (Map.Entry<String, RecordType> child : CHILDREN.getOrDefault(type, Map.of()).entrySet()) {
      JsonNode value = record.get(child.getKey());
      String at = context.pointer(child.getKey());
      if (value == null) {
        continue;
      }
      if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          walk(child.getValue(), value.get(i), at + "/" + i, context, child.getKey(), settings, visitor);
        }
      } else {
        walk(child.getValue(), value, at, context, child.getKey(), settings, visitor);
      }
    }
  }

  private static Map<RecordType, Map<String, RecordType>> load() {
    JsonNode schemas;
    try {
      schemas = new ObjectMapper().readTree(OrukSpec.json()).at("/components/schemas");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<RecordType, Map<String, RecordType>> children = new EnumMap<>(RecordType.class);
    schemas.fields().forEachRemaining(component -> {
      RecordType owner = recordType(component.getKey());
      if (owner == null) {
        return;
      }
      Map<String, RecordType> nested = new LinkedHashMap<>();
      component.getValue().path("properties").fields().forEachRemaining(property -> {
        JsonNode target = property.getValue().has("items") ? property.getValue().get("items") : property.getValue();
        String ref = target.path("$ref").asText("");
        RecordType child = ref.isEmpty() ? null : recordType(ref.substring(ref.lastIndexOf('/') + 1));
        if (child != null) {
          nested.put(property.getKey(), child);
        }
      });
      children.put(owner, nested);
    });
    return children;
  }

  /** The record type of a component name such as {@code ServiceAtLocation}; null for enumerations and pages. */
  private static RecordType recordType(String component) {
    String snake = component.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    return RecordType.fromName(snake).filter(type -> type != RecordType.API_DETAILS).orElse(null);
  }
}
