package io.github.oruk.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a list of model records ({@code schedules}, {@code contents}, ...). {@code null} elements are
 * dropped and reported, elements that are not objects are kept aside by the element deserializer, and a
 * single object sent instead of a list is read as a list of one.
 */
final class RecordListDeserializer extends StdDeserializer<List<Object>> implements ContextualDeserializer {

  private static final long serialVersionUID = 1L;

  private final JavaType listType;
  private final @Nullable JsonDeserializer<Object> elements;
  private final String elementName;

  RecordListDeserializer(JavaType listType) {
    this(listType, null);
  }

  private RecordListDeserializer(JavaType listType, @Nullable JsonDeserializer<Object> elements) {
    super(listType);
    this.listType = listType;
    this.elements = elements;
    this.elementName = OrukModule.recordName(listType.getContentType().getRawClass());
  }

  @Override
  public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
      throws JsonMappingException {
    return new RecordListDeserializer(listType,
        ctxt.findContextualValueDeserializer(listType.getContentType(), property));
  }

  /** Reads the list with an explicit element deserializer (for the page envelope). */
  @SuppressWarnings("NullAway") // elements is set by createContextual(), which Jackson calls before any use
  static @Nullable List<Object> read(JsonParser p, DeserializationContext ctxt, @Nullable JsonDeserializer<Object> elements,
      String elementName) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_ARRAY) {
      List<Object> list = new ArrayList<>();
      while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
        if (token == JsonToken.VALUE_NULL) {
          if (ReadContext.of(ctxt).leftOut(p)) {
            continue; // a record left out of the page, reported already (ORUK-READ-017)
          }
          ReadContext.of(ctxt).report(ReadCode.NULL_VALUE, p,
              "found null in a list of " + elementName + " records; dropped (nothing was lost).");
          continue;
        }
        Object element = elements.deserialize(p, ctxt);
        if (element != null) {
          list.add(element);
        }
      }
      return list;
    }
    if (token == JsonToken.START_OBJECT) {
      ReadContext.of(ctxt).report(ReadCode.SINGLE_VALUE_AS_LIST, p,
          "expected a list of " + elementName + " records, found a single object; read as a list of one.");
      List<Object> list = new ArrayList<>(1);
      Object element = elements.deserialize(p, ctxt);
      if (element != null) {
        list.add(element);
      }
      return list;
    }
    ReadContext.of(ctxt).park(p, ctxt, "a list of " + elementName + " records");
    return null;
  }

  @Override
  public @Nullable List<Object> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    return read(p, ctxt, elements, elementName);
  }

  @Override
  public @Nullable List<Object> getNullValue(DeserializationContext ctxt) {
    Nulls.report(ctxt);
    return null;
  }
}
