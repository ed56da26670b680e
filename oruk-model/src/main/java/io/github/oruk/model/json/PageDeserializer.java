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
import io.github.oruk.model.Page;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads the page envelope leniently; {@code contents} items go through the item type's deserializer. */
final class PageDeserializer extends StdDeserializer<Page<?>> implements ContextualDeserializer {

  private static final long serialVersionUID = 1L;

  static final Set<String> ENVELOPE = Set.of(
      "total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents");
  /** The envelope's properties, each with its bit for noticing a name sent twice. */
  private static final List<String> ENVELOPE_ORDER = List.copyOf(ENVELOPE);

  private final @Nullable JavaType itemType;
  private final @Nullable JsonDeserializer<Object> items;
  private final String itemName;

  PageDeserializer() {
    this(null, null);
  }

  private PageDeserializer(@Nullable JavaType itemType, @Nullable JsonDeserializer<Object> items) {
    super(Page.class);
    this.itemType = itemType;
    this.items = items;
    this.itemName = itemType == null ? "item" : OrukModule.recordName(itemType.getRawClass());
  }

  @Override
  public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
      throws JsonMappingException {
    JavaType pageType = ctxt.getContextualType();
    JavaType item = pageType == null || pageType.containedTypeCount() == 0
        ? ctxt.constructType(Object.class)
        : pageType.containedType(0);
    return new PageDeserializer(item, ctxt.findContextualValueDeserializer(item, property));
  }

  @Override
  public Page<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw JsonMappingException.from(p, "expected a page object with 'contents', found " + p.currentToken());
    }
    ExtensionHolder holder = new ExtensionHolder();
    p.assignCurrentValue(holder);
    Integer totalItems = null;
    Integer totalPages = null;
    Integer pageNumber = null;
    Integer size = null;
    Boolean firstPage = null;
    Boolean lastPage = null;
    Boolean empty = null;
    List<Object> contents = null;
    int seen = 0;
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      p.nextToken();
      int index = ENVELOPE_ORDER.indexOf(name);
      if (index >= 0 ? (seen & 1 << index) != 0 : holder.getExtensions().containsKey(name)) {
        ReadContext.of(ctxt).duplicate(p, holder, name, null);
      }
      if (index >= 0) {
        seen |= 1 << index;
      }
      switch (name) {
        case "total_items" -> totalItems = readInteger(p, ctxt);
        case "total_pages" -> totalPages = readInteger(p, ctxt);
        case "page_number" -> pageNumber = readInteger(p, ctxt);
        case "size" -> size = readInteger(p, ctxt);
        case "first_page" -> firstPage = readBoolean(p, ctxt);
        case "last_page" -> lastPage = readBoolean(p, ctxt);
        case "empty" -> empty = readBoolean(p, ctxt);
        case "contents" -> contents = p.currentToken() == JsonToken.VALUE_NULL
            ? nullContents(p, ctxt)
            : RecordListDeserializer.read(p, ctxt, items, itemName);
        default -> {
          String pointer = ReadContext.pointerOf(p);
          holder.putExtension(name, ctxt.readTree(p));
          ReadContext.of(ctxt).report(ReadCode.EXTENSION_PROPERTY, pointer,
              "'" + ReadContext.quote(name) + "' is not part of the ORUK 3.0 page envelope; kept as an extension.");
        }
      }
    }
    return new Page<>(totalItems, totalPages, pageNumber, size, firstPage, lastPage, empty, contents,
        holder.getExtensions());
  }

  private static @Nullable List<Object> nullContents(JsonParser p, DeserializationContext ctxt) {
    ReadContext.of(ctxt).report(ReadCode.NULL_VALUE, p, "found null for 'contents'; read as an empty list.");
    return null;
  }

  private static @Nullable Integer readInteger(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
      return p.getIntValue();
    }
    if (token == JsonToken.VALUE_NULL) {
      Nulls.report(ctxt);
      return null;
    }
    BigDecimal number = null;
    if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
      number = p.getDecimalValue();
    } else if (token == JsonToken.VALUE_STRING) {
      number = DecimalDeserializer.parse(p.getText());
    }
    Integer value = exactInt(number);
    if (value != null) {
      if (token == JsonToken.VALUE_STRING) {
        ReadContext.of(ctxt).report(ReadCode.NUMBER_AS_STRING, p,
            "expected an integer, found the text \"" + ReadContext.quote(p.getText()) + "\"; read as " + value + ".");
      }
      return value;
    }
    ReadContext.of(ctxt).park(p, ctxt, "a whole number from 0 to " + Integer.MAX_VALUE);
    return null;
  }

  private static @Nullable Integer exactInt(@Nullable BigDecimal number) {
    if (number == null) {
      return null;
    }
    try {
      return number.intValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private static @Nullable Boolean readBoolean(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    if (token == JsonToken.VALUE_NULL) {
      Nulls.report(ctxt);
      return null;
    }
    if (token == JsonToken.VALUE_STRING) {
      String text = p.getText().strip().toLowerCase(Locale.ROOT);
      if (text.equals("true") || text.equals("false")) {
        ReadContext.of(ctxt).report(ReadCode.BOOLEAN_AS_STRING, p,
            "expected true or false, found the text \"" + p.getText() + "\"; read as " + text + ".");
        return Boolean.valueOf(text);
      }
    }
    ReadContext.of(ctxt).park(p, ctxt, "true or false");
    return null;
  }
}
