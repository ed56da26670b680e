package io.github.oruk.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.github.oruk.model.ApiDetails;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads the {@code /} document; properties other than the three defined ones are kept as extensions. */
final class ApiDetailsDeserializer extends StdDeserializer<ApiDetails> {

  private static final long serialVersionUID = 1L;
  /** The properties the standard defines, each with its bit for noticing a name sent twice. */
  private static final List<String> DEFINED = List.of("version", "profile", "openapi_url");

  ApiDetailsDeserializer() {
    super(ApiDetails.class);
  }

  @Override
  public ApiDetails deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw JsonMappingException.from(p, "expected the API details object, found " + p.currentToken());
    }
    ExtensionHolder holder = new ExtensionHolder();
    p.assignCurrentValue(holder);
    String version = null;
    String profile = null;
    String openapiUrl = null;
    int seen = 0;
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      JsonToken token = p.nextToken();
      int index = DEFINED.indexOf(name);
      if (index >= 0 ? (seen & 1 << index) != 0 : holder.getExtensions().containsKey(name)) {
        ReadContext.of(ctxt).duplicate(p, holder, name, null);
      }
      if (index >= 0) {
        seen |= 1 << index;
      }
      switch (name) {
        case "version" -> version = text(p, ctxt, token);
        case "profile" -> profile = text(p, ctxt, token);
        case "openapi_url" -> openapiUrl = text(p, ctxt, token);
        default -> {
          String pointer = ReadContext.pointerOf(p);
          holder.putExtension(name, ctxt.readTree(p));
          String hint = name.equals("openapiUrl") || name.equals("open_api_url")
              ? " The standard's name for it is 'openapi_url'."
              : "";
          ReadContext.of(ctxt).report(ReadCode.EXTENSION_PROPERTY, pointer,
              "'" + ReadContext.quote(name) + "' is not part of the ORUK 3.0 API details; kept as an extension." + hint);
        }
      }
    }
    return new ApiDetails(version, profile, openapiUrl, holder.getExtensions());
  }

  private static @Nullable String text(JsonParser p, DeserializationContext ctxt, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      Nulls.report(ctxt);
      return null;
    }
    return TextDeserializer.MARKUP.deserialize(p, ctxt);
  }
}
