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
import org.jspecify.annotations.Nullable;

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
    char[] text = new char[40];
    int end = appendDateTime(text, 0, value);
    if (end >= 0) {
      return new String(text, 0, end);
    }
    StringBuilder slow = new StringBuilder(48).append(value.toLocalDate()).append('T');
    char[] time = new char[18];
    slow.append(time, 0, appendTime(time, 0, value.toLocalTime()));
    ZoneOffset offset = value.getOffset();
    return slow.append(offset.getTotalSeconds() == 0 ? "Z" : offset.getId()).toString();
  }

  /** {@code HH:MM:SS}, with a fraction only when there is one. */
  static final class TimeOfDay extends StdSerializer<LocalTime> {
    private static final long serialVersionUID = 1L;

    TimeOfDay() {
      super(LocalTime.class);
    }

    @Override
    public void serialize(LocalTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      char[] text = new char[18];
      gen.writeString(text, 0, appendTime(text, 0, value));
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
      char[] text = new char[10];
      if (appendDate(text, 0, value) < 0) {
        gen.writeString(value.toString());
      } else {
        gen.writeString(text, 0, 10);
      }
    }
  }

  /**
   * Writes {@code YYYY-MM-DDTHH:MM:SS[.fff]Z|±HH:MM} from {@code at}; returns the end, or -1 for a year
   * outside 0000-9999 or an offset with seconds, which the caller formats the slow way.
   */
  private static int appendDateTime(char[] text, int at, OffsetDateTime value) {
    int i = appendDate(text, at, value.toLocalDate());
    if (i < 0) {
      return -1;
    }
    text[i++] = 'T';
    i = appendTime(text, i, value.toLocalTime());
    int seconds = value.getOffset().getTotalSeconds();
    if (seconds == 0) {
      text[i++] = 'Z';
      return i;
    }
    if (seconds % 60 != 0) {
      return -1;
    }
    int minutes = Math.abs(seconds) / 60;
    text[i++] = seconds < 0 ? '-' : '+';
    i = two(text, i, minutes / 60);
    text[i++] = ':';
    return two(text, i, minutes % 60);
  }

  /** Writes {@code YYYY-MM-DD} from {@code at}; returns the end, or -1 for a year outside 0000-9999. */
  private static int appendDate(char[] text, int at, LocalDate date) {
    int year = date.getYear();
    if (year < 0 || year > 9999) {
      return -1;
    }
    int i = two(text, at, year / 100);
    i = two(text, i, year % 100);
    text[i++] = '-';
    i = two(text, i, date.getMonthValue());
    text[i++] = '-';
    return two(text, i, date.getDayOfMonth());
  }

  /** Writes {@code HH:MM:SS[.fraction]} from {@code at} (3, 6 or 9 digits, as few as exact); returns the end. */
  private static int appendTime(char[] text, int at, LocalTime time) {
    int i = two(text, at, time.getHour());
    text[i++] = ':';
    i = two(text, i, time.getMinute());
    text[i++] = ':';
    i = two(text, i, time.getSecond());
    int nanos = time.getNano();
    if (nanos == 0) {
      return i;
    }
    int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
    text[i++] = '.';
    int value = nanos;
    for (int skip = 9 - digits; skip > 0; skip--) {
      value /= 10;
    }
    for (int d = i + digits - 1; d >= i; d--) {
      text[d] = (char) ('0' + value % 10);
      value /= 10;
    }
    return i + digits;
  }

  private static int two(char[] text, int at, int value) {
    text[at] = (char) ('0' + value / 10);
    text[at + 1] = (char) ('0' + value % 10);
    return at + 2;
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

  /**
   * Writes every envelope property ({@link PageEnvelope}, the one envelope writer), then {@code contents}, then
   * (when asked) envelope extensions.
   */
  @SuppressWarnings("rawtypes")
  static final class PageWriter extends StdSerializer<Page> {
    private static final long serialVersionUID = 1L;

    PageWriter() {
      super(Page.class);
    }

    @SuppressWarnings("NullAway") // items is set on the first record, whose class differs from the initial null
    @Override
    public void serialize(Page page, JsonGenerator gen, SerializerProvider provider) throws IOException {
      boolean keep = keepExtensions(provider) && !page.extensions().isEmpty();
      @SuppressWarnings("unchecked")
      Map<String, JsonNode> extensions = keep ? page.extensions() : Map.of();
      PageEnvelope.writeStart(gen, page, extensions);
      gen.writeArrayFieldStart("contents");
      // Items of a page share a class: look its serializer up once, not per item.
      Class<?> itemClass = null;
      JsonSerializer<Object> items = null;
      for (Object item : page.contents()) {
        if (item == null) {
          provider.defaultSerializeNull(gen);
          continue;
        }
        if (item.getClass() != itemClass) {
          itemClass = item.getClass();
          items = provider.findTypedValueSerializer(itemClass, true, null);
        }
        items.serialize(item, gen, provider);
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

    private static void writeText(JsonGenerator gen, String name, @Nullable String value) throws IOException {
      if (value != null && !value.isEmpty()) {
        gen.writeStringField(name, value);
      }
    }
  }
}
