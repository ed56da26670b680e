package io.github.oruk.validation.rule;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.RecordType;
import org.jspecify.annotations.Nullable;

/**
 * One record as a record rule sees it: the JSON exactly as the publisher sent it, where it sits in the
 * document, and the record that holds it.
 *
 * @param type what kind of record it is
 * @param json the record's JSON as sent (an object)
 * @param pointer JSON Pointer of the record in its document
 * @param parent the record holding this one, or null for a top-level record
 * @param property the property of the parent it was found under ({@code schedules}, {@code location}), or
 *     null for a top-level record
 * @param settings what the profile tells the rules
 */
public record RecordContext(RecordType type, JsonNode json, String pointer, @Nullable RecordContext parent, @Nullable String property,
    RuleSettings settings) {

  /** The record's {@code id} as text, or "" when it has none. */
  public String id() {
    JsonNode id = json.get("id");
    return id == null || !id.isValueNode() ? "" : id.asText();
  }

  /** The pointer of one of this record's properties. */
  public String pointer(String name) {
    return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  /** The text of a property, or null when it is absent, null or not text. */
  public @Nullable String text(String name) {
    JsonNode value = json.get(name);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /** The nearest enclosing record of the given type, or null. */
  public @Nullable RecordContext ancestor(RecordType wanted) {
    for (RecordContext up = parent; up != null; up = up.parent) {
      if (up.type == wanted) {
        return up;
      }
    }
    return null;
  }
}
