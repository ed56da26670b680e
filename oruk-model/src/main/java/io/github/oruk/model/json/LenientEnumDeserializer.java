package io.github.oruk.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the model's enumerations. The exact JSON value is read silently; a value that differs only in
 * letter case, spaces, hyphens or underscores is corrected and reported; anything else is kept aside as
 * an extension so that it survives a round trip.
 *
 * <p>Relies on the generated enumerations' {@code toString()} returning their JSON value.
 */
final class LenientEnumDeserializer extends StdScalarDeserializer<Object> {

  private static final long serialVersionUID = 1L;

  private final Map<String, Object> exact = new HashMap<>();
  private final Map<String, Object> folded = new HashMap<>();
  private final String allowed;

  LenientEnumDeserializer(Class<?> enumType) {
    super(enumType);
    StringBuilder list = new StringBuilder();
    for (Object constant : enumType.getEnumConstants()) {
      String value = constant.toString();
      exact.put(value, constant);
      folded.put(fold(value), constant);
      list.append(list.length() == 0 ? "" : ", ").append('"').append(value).append('"');
    }
    this.allowed = list.toString();
  }

  @Override
  public @Nullable Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      String text = p.getText();
      Object value = exact.get(text);
      if (value != null) {
        return value;
      }
      value = folded.get(fold(text));
      if (value != null) {
        ReadContext.of(ctxt).report(ReadCode.ENUM_SPELLING, p,
            "expected one of " + allowed + ", found \"" + ReadContext.quote(text) + "\"; read as \"" + value + "\".");
        return value;
      }
    }
    ReadContext.of(ctxt).park(p, ctxt, ReadCode.UNKNOWN_ENUM_VALUE, "expected one of " + allowed + ", found ");
    return null;
  }

  @Override
  public @Nullable Object getNullValue(DeserializationContext ctxt) {
    Nulls.report(ctxt);
    return null;
  }

  private static String fold(String text) {
    return text.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ");
  }
}
