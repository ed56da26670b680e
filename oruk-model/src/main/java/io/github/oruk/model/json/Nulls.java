package io.github.oruk.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;

/**
 * Reports a JSON {@code null} sent for a property; the property is then simply absent.
 *
 * <p>Jackson also asks a deserializer for its null value when {@code deserialize} returned null, which
 * ours do after keeping a value aside; only a real {@code null} token is reported.
 */
final class Nulls {

  private Nulls() {
  }

  static void report(DeserializationContext ctxt) {
    JsonParser p = ctxt.getParser();
    if (p == null || p.currentToken() != JsonToken.VALUE_NULL) {
      return;
    }
    String pointer = ReadContext.pointerOf(p);
    ReadContext.of(ctxt).report(ReadCode.NULL_VALUE, pointer,
        "found null; the standard says to leave a property out when it has no value. Dropped (nothing was lost).");
  }
}
