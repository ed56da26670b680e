package io.github.oruk.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Jackson's tree reader (iterative, so deep nesting costs no stack), which also reports a property name that
 * comes twice in one object. Jackson keeps the last value and calls the hook below only then, so the common
 * case costs nothing. Every tree the codec builds comes from here: {@link OrukJson#readTree}, extension values
 * and values kept aside.
 */
final class TreeDeserializer extends JsonNodeDeserializer {

  private static final long serialVersionUID = 1L;

  static final TreeDeserializer INSTANCE = new TreeDeserializer();

  private TreeDeserializer() {
  }

  private TreeDeserializer(TreeDeserializer base, boolean mergeArrays, boolean mergeObjects) {
    super(base, mergeArrays, mergeObjects);
  }

  @Override
  protected JsonDeserializer<?> _createWithMerge(boolean mergeArrays, boolean mergeObjects) {
    return new TreeDeserializer(this, mergeArrays, mergeObjects);
  }

  @Override
  protected void _handleDuplicateField(JsonParser p, DeserializationContext ctxt, JsonNodeFactory nodeFactory,
      String fieldName, ObjectNode objectNode, JsonNode oldValue, JsonNode newValue) throws IOException {
    super._handleDuplicateField(p, ctxt, nodeFactory, fieldName, objectNode, oldValue, newValue);
    ReadContext.of(ctxt).duplicate(p, null, fieldName, oldValue.isObject() ? "an object"
        : oldValue.isArray() ? "an array"
        : oldValue.isTextual() ? "\"" + ReadContext.quote(oldValue.textValue()) + "\""
        : oldValue.toString());
  }
}
