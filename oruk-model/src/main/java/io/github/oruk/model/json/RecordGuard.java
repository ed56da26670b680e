package io.github.oruk.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import io.github.oruk.model.Extensible;
import java.io.IOException;
import java.util.Set;

/**
 * Wraps the deserializer of each model record. A record sent as something other than a JSON object is
 * kept aside rather than failing the whole document; after a record is read, each property the standard
 * does not define is reported (the record itself already holds it, through its any-setter).
 */
final class RecordGuard extends DelegatingDeserializer {

  private static final long serialVersionUID = 1L;

  private final String recordName;
  private final Set<String> definedProperties;

  RecordGuard(JsonDeserializer<?> delegate, String recordName, Set<String> definedProperties) {
    super(delegate);
    this.recordName = recordName;
    this.definedProperties = definedProperties;
  }

  @Override
  protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
    return new RecordGuard(newDelegatee, recordName, definedProperties);
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_OBJECT || token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT) {
      Object record = _delegatee.deserialize(p, ctxt);
      if (record instanceof Extensible extensible && extensible.hasExtensions()) {
        reportExtensions(extensible, p, ctxt);
      }
      return record;
    }
    ReadContext.of(ctxt).park(p, ctxt, "an object (" + recordName + ")");
    return null;
  }

  @Override
  public Object getNullValue(DeserializationContext ctxt) {
    Nulls.report(ctxt);
    return null;
  }

  /** With the parser on the record's closing brace, whose context is the record's location. */
  private void reportExtensions(Extensible record, JsonParser p, DeserializationContext ctxt) {
    String base = p.getParsingContext().pathAsPointer().toString();
    ReadContext context = ReadContext.of(ctxt);
    for (String name : record.getExtensions().keySet()) {
      if (!definedProperties.contains(name)) {
        context.report(ReadCode.EXTENSION_PROPERTY, base + "/" + escape(name),
            "'" + ReadContext.quote(name) + "' is not a property of " + recordName
                + " in ORUK 3.0; kept as an extension.");
      }
    }
  }

  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
