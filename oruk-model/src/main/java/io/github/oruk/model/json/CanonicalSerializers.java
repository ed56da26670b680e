package io.github.oruk.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.github.oruk.model.ApiDetails;
import io.github.oruk.model.Extensible;
import io.github.oruk.model.Page;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/** The writer side: one canonical spelling for every value, extensions only when asked for. */
final class CanonicalSerializers {

  /** Serialization attribute: when {@code Boolean.TRUE}, extensions are written back. */
  static final Object KEEP_EXTENSIONS = CanonicalSerializers.class;

  /** Builds trees from token buffers; configuration-free on purpose. */
  private static final ObjectMapper TREES = new ObjectMapper();

  private CanonicalSerializers() {
  }

  static boolean keepExtensions(SerializerProvider provider) {
    return Boolean.TRUE.equals(provider.getAttribute(KEEP_EXTENSIONS));
  }

  /** {@code 2024-05-01T09:30:00Z}; milliseconds when present, more digits only when needed. */
  static final class DateTime extends StdSerializer<OffsetDateTime> {
    private static final long serialVersionUID = 1L;

    DateTime() {
      super(OffsetDateTime.class);
    }

    @Override
    public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(format(value));
    }
  }

  /** The canonical text of a date-time, as written. */
  static String format(OffsetDateTime value) {
    StringBuilder text = new StringBuilder(32);
    text.append(value.toLocalDate()).append('T');
    appendTime(text, value.toLocalTime());
    ZoneOffset offset = value.getOffset();
    return text.append(offset.getTotalSeconds() == 0 ? "Z" : offset.getId()).toString();
  }

  /** {@code HH:MM:SS}, with a fraction only when there is one. */
  static final class TimeOfDay extends StdSerializer<LocalTime> {
    private static final long serialVersionUID = 1L;

    TimeOfDay() {
      super(LocalTime.class);
    }

    @Override
    public void serialize(LocalTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      StringBuilder text = new StringBuilder(18);
      appendTime(text, value);
      gen.writeString(text.toString());
    }
  }

  /** {@code YYYY-MM-DD}. */
  static final class Date extends StdSerializer<LocalDate> {
    private static final long serialVersionUID = 1L;

    Date() {
      super(LocalDate.class);
    }

    @Override
    public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(value.toString());
    }
  }

  private static void appendTime(StringBuilder text, LocalTime time) {
    two(text, time.getHour()).append(':');
    two(text, time.getMinute()).append(':');
    two(text, time.getSecond());
    int nanos = time.getNano();
    if (nanos != 0) {
      String digits = Integer.toString(1_000_000_000 + nanos).substring(1);
      if (nanos % 1_000_000 == 0) {
        digits = digits.substring(0, 3);
      } else if (nanos % 1_000 == 0) {
        digits = digits.substring(0, 6);
      }
      text.append('.').append(digits);
    }
  }

  private static StringBuilder two(StringBuilder text, int value) {
    return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  /**
   * Wraps the serializer of each model record. Without extensions (or when not asked to keep them) it
   * is the plain generated serializer. Otherwise the record is rendered to a tree and its extensions are
   * merged in: new names are appended in the order read, a value kept aside under a defined property's
   * name fills that property when it is empty, and kept-aside list elements follow the list's records.
   */
  static final class ExtensionWriting extends StdSerializer<Object>
      implements ResolvableSerializer, ContextualSerializer {
    private static final long serialVersionUID = 1L;

    private final JsonSerializer<Object> delegate;

    @SuppressWarnings("unchecked")
    ExtensionWriting(JsonSerializer<?> delegate) {
      super(Object.class);
      this.delegate = (JsonSerializer<Object>) delegate;
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (!(value instanceof Extensible record) || !record.hasExtensions() || !keepExtensions(provider)) {
        delegate.serialize(value, gen, provider);
        return;
      }
      TokenBuffer buffer = new TokenBuffer(TREES, false);
      delegate.serialize(value, buffer, provider);
      ObjectNode tree;
      try (var parser = buffer.asParser(TREES)) {
        tree = TREES.readTree(parser);
      }
      merge(tree, record.getExtensions());
      gen.writeTree(tree);
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Object value) {
      return delegate.isEmpty(provider, value);
    }

    @Override
    public void resolve(SerializerProvider provider) throws JsonMappingException {
      if (delegate instanceof ResolvableSerializer resolvable) {
        resolvable.resolve(provider);
      }
    }

    @Override
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
        throws JsonMappingException {
      if (delegate instanceof ContextualSerializer contextual) {
        JsonSerializer<?> resolved = contextual.createContextual(provider, property);
        return resolved == delegate ? this : new ExtensionWriting(resolved);
      }
      return this;
    }
  }

  static void merge(ObjectNode tree, Map<String, JsonNode> extensions) {
    for (Map.Entry<String, JsonNode> extension : extensions.entrySet()) {
      JsonNode written = tree.get(extension.getKey());
      if (written == null) {
        tree.set(extension.getKey(), extension.getValue());
      } else if (written instanceof ArrayNode list && extension.getValue() instanceof ArrayNode kept) {
        list.addAll(kept);
      }
    }
  }

  /** Writes every envelope property, then {@code contents}, then (when asked) envelope extensions. */
  @SuppressWarnings("rawtypes")
  static final class PageWriter extends StdSerializer<Page> {
    private static final long serialVersionUID = 1L;

    PageWriter() {
      super(Page.class);
    }

    @Override
    public void serialize(Page page, JsonGenerator gen, SerializerProvider provider) throws IOException {
      Page<?> complete = page.complete();
      boolean keep = keepExtensions(provider) && !page.extensions().isEmpty();
      @SuppressWarnings("unchecked")
      Map<String, JsonNode> extensions = keep ? page.extensions() : Map.of();
      gen.writeStartObject(page);
      writeNumber(gen, "total_items", page.totalItems(), complete.totalItems(), extensions);
      writeNumber(gen, "total_pages", page.totalPages(), complete.totalPages(), extensions);
      writeNumber(gen, "page_number", page.pageNumber(), complete.pageNumber(), extensions);
      gen.writeNumberField("size", complete.size());
      writeFlag(gen, "first_page", page.firstPage(), complete.firstPage(), extensions);
      writeFlag(gen, "last_page", page.lastPage(), complete.lastPage(), extensions);
      gen.writeBooleanField("empty", complete.empty());
      gen.writeArrayFieldStart("contents");
      for (Object item : page.contents()) {
        provider.defaultSerializeValue(item, gen);
      }
      if (extensions.get("contents") instanceof ArrayNode kept) {
        for (JsonNode item : kept) {
          gen.writeTree(item);
        }
      }
      gen.writeEndArray();
      for (Map.Entry<String, JsonNode> extension : extensions.entrySet()) {
        if (!PageDeserializer.ENVELOPE.contains(extension.getKey())) {
          gen.writeFieldName(extension.getKey());
          gen.writeTree(extension.getValue());
        }
      }
      gen.writeEndObject();
    }

    private static void writeNumber(JsonGenerator gen, String name, Integer read, Integer completed,
        Map<String, JsonNode> extensions) throws IOException {
      gen.writeFieldName(name);
      if (read == null && extensions.containsKey(name)) {
        gen.writeTree(extensions.get(name));
      } else {
        gen.writeNumber(completed);
      }
    }

    private static void writeFlag(JsonGenerator gen, String name, Boolean read, Boolean completed,
        Map<String, JsonNode> extensions) throws IOException {
      gen.writeFieldName(name);
      if (read == null && extensions.containsKey(name)) {
        gen.writeTree(extensions.get(name));
      } else {
        gen.writeBoolean(completed);
      }
    }
  }

  /** Writes {@code version}, {@code profile}, {@code openapi_url} (each when present), then extensions if asked. */
  static final class ApiDetailsWriter extends StdSerializer<ApiDetails> {
    private static final long serialVersionUID = 1L;

    ApiDetailsWriter() {
      super(ApiDetails.class);
    }

    @Override
    public void serialize(ApiDetails details, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartObject(details);
      writeText(gen, "version", details.version());
      writeText(gen, "profile", details.profile());
      writeText(gen, "openapi_url", details.openapiUrl());
      if (keepExtensions(provider)) {
        for (Map.Entry<String, JsonNode> extension : details.extensions().entrySet()) {
          gen.writeFieldName(extension.getKey());
          gen.writeTree(extension.getValue());
        }
      }
      gen.writeEndObject();
    }

    private static void writeText(JsonGenerator gen, String name, String value) throws IOException {
      if (value != null && !value.isEmpty()) {
        gen.writeStringField(name, value);
      }
    }
  }
}
