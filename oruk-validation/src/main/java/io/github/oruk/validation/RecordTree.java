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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Which properties of a record hold other records, read from the spec document, so that every nested
 * record (a schedule inside a service, an address inside a location inside a service-at-location) is
 * visited with its type and its JSON Pointer.
 */
final class RecordTree {

  private static final Map<RecordType, Map<String, RecordType>> CHILDREN = load();
  /** The records a finding is filed under (see {@link #owner(RecordContext)}). */
  private static final Set<RecordType> OWNERS = EnumSet.of(RecordType.SERVICE, RecordType.ORGANIZATION);

  private RecordTree() {
  }

  /** Visits {@code record} and every record nested in it, parents before children. */
  static void walk(RecordType type, JsonNode record, String pointer, @Nullable RecordContext parent, @Nullable String property,
      RuleSettings settings, Consumer<RecordContext> visitor) {
    if (record == null || !record.isObject()) {
      return;
    }
    RecordContext context = new RecordContext(type, record, pointer, parent, property, settings);
    visitor.accept(context);
    for (Map.Entry<String, RecordType> child : CHILDREN.getOrDefault(type, Map.of()).entrySet()) {
      JsonNode value = record.get(child.getKey());
      if (value == null) {
        continue;
      }
      String at = context.pointer(child.getKey());
      if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          walk(child.getValue(), value.get(i), at + "/" + i, context, child.getKey(), settings, visitor);
        }
      } else {
        walk(child.getValue(), value, at, context, child.getKey(), settings, visitor);
      }
    }
  }

  /**
   * The id of the record a finding about this one concerns: the innermost service or organization that
   * holds it (or is it), else the top-level record. A schedule's finding belongs to its service, the
   * finding of a service nested in an organization to that service, not to the organization; a location
   * inside a service-at-location answer belongs to the service-at-location. "" when that record has no id.
   */
  static String owner(RecordContext context) {
    RecordContext top = context;
    for (RecordContext up = context; up != null; up = up.parent()) {
      if (OWNERS.contains(up.type()) && !up.id().isEmpty()) {
        return up.id();
      }
      top = up;
    }
    return top.id();
  }

  /** As {@link #owner(RecordContext)}, for a JSON Pointer into a record of the given type. */
  static String owner(RecordType type, JsonNode record, String pointer) {
    String owner = idOf(record);
    JsonNode node = record;
    RecordType at = type;
    String[] steps = pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1);
    for (String step : steps) {
      if (node.isArray()) {
        node = step.matches("\\d{1,9}") ? node.path(Integer.parseInt(step)) : node.path(step);
      } else {
        String name = step.replace("~1", "/").replace("~0", "~");
        node = node.path(name);
        at = at == null ? null : CHILDREN.getOrDefault(at, Map.of()).get(name);
      }
      if (node.isObject() && at != null && OWNERS.contains(at) && !idOf(node).isEmpty()) {
        owner = idOf(node);
      }
      if (node.isMissingNode() || at == null) {
        break;
      }
    }
    return owner;
  }

  /**
   * As {@link #owner(RecordType, JsonNode, String)}, for a JSON Pointer into a whole document: a record of
   * {@code type}, or a page of them ({@code page}), whose items are the records. "" for the envelope.
   */
  static String owner(RecordType type, boolean page, JsonNode document, String pointer) {
    if (!page) {
      return owner(type, document, pointer);
    }
    String[] parts = pointer.split("/", 4);
    if (parts.length < 3 || !parts[1].equals("contents") || !parts[2].matches("\\d{1,9}")) {
      return "";
    }
    return owner(type, document.path("contents").path(Integer.parseInt(parts[2])),
        parts.length == 4 ? "/" + parts[3] : "");
  }

  private static String idOf(JsonNode record) {
    JsonNode id = record.path("id");
    return id.isValueNode() ? id.asText() : "";
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
  private static @Nullable RecordType recordType(String component) {
    String snake = component.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    return RecordType.fromName(snake).filter(type -> type != RecordType.API_DETAILS).orElse(null);
  }
}
