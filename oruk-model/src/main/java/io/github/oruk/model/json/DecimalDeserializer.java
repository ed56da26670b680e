package io.github.oruk.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Reads ORUK {@code number} properties exactly, accepting numbers sent as text. A number outside
 * {@link NumberRange} refuses the document (see {@link ReadCode#NUMBER_OUT_OF_RANGE}); the same sent as text
 * is kept aside as text.
 */
final class DecimalDeserializer extends StdScalarDeserializer<BigDecimal> {

  private static final long serialVersionUID = 1L;

  static final DecimalDeserializer INSTANCE = new DecimalDeserializer();

  private DecimalDeserializer() {
    super(BigDecimal.class);
  }

  @Override
  public @Nullable BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      BigDecimal value = p.getDecimalValue();
      if (!NumberRange.contains(value)) {
        throw ReadContext.of(ctxt).numberOutOfRange(p, value);
      }
      return value;
    }
    if (token == JsonToken.VALUE_STRING) {
      BigDecimal parsed = parse(p.getText());
      if (parsed != null && !NumberRange.contains(parsed)) {
        // Text stays writable as text: kept aside, like any text that is not a usable number.
        ReadContext.of(ctxt).park(p, ctxt, "a number (" + NumberRange.problem(parsed) + ")");
        return null;
      }
      if (parsed != null) {
        ReadContext.of(ctxt).report(ReadCode.NUMBER_AS_STRING, p,
            "expected a number, found the text \"" + ReadContext.quote(p.getText()) + "\"; read as " + parsed.toPlainString() + ".");
        return parsed;
      }
    }
    ReadContext.of(ctxt).park(p, ctxt, "a number");
    return null;
  }

  @Override
  public @Nullable BigDecimal getNullValue(DeserializationContext ctxt) {
    Nulls.report(ctxt);
    return null;
  }

  /** The number a text holds (surrounding spaces allowed), or null. */
  static @Nullable BigDecimal parse(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty() || trimmed.length() > 100) {
      return null;
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
        return null;
      }
    }
    try {
      return new BigDecimal(trimmed);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
