package io.github.oruk.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.github.oruk.model.Extensible;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads one model record (a {@code Service}, a {@code Schedule}, ...) from JSON.
 *
 * <p>It takes the place of Jackson's bean deserializer for the generated classes, which it can because
 * they are plain: a public no-argument constructor, one public setter per property, an any-setter for
 * the rest. Values are read by the same lenient deserializers as before; what changes is the
 * machinery around them. Properties are looked up in the order the standard lists them before falling
 * back to a hash lookup, and constructors and setters are called through generated lambdas rather than
 * reflection; in the profiles those two were about a fifth of reading time (benchmarks/RESULTS.md).
 *
 * <p>A record sent as something other than a JSON object is kept aside rather than failing the
 * document; properties the standard does not define are kept as extensions and reported.
 */
final class RecordDeserializer extends StdDeserializer<Object> implements ResolvableDeserializer {

  private static final long serialVersionUID = 1L;

  private final String recordName;
  private final transient Supplier<Object> constructor;
  private final transient Property[] properties;
  private final transient Map<String, Property> byName;
  /**
   * For each property (and, in the last slot, the start of the record), the index of the property
   * that came next last time, or {@code properties.length} for the end. Shared by threads without
   * locking on purpose: any value is a valid guess, and every guess is checked.
   */
  private final transient int[] follows;

  private RecordDeserializer(Class<?> type, Supplier<Object> constructor, Property[] properties) {
    super(type);
    if (properties.length > Long.SIZE) {
      throw new IllegalStateException(type.getName() + " has " + properties.length + " properties; the record reader"
          + " tracks at most " + Long.SIZE + " in one long (RecordDeserializer.deserialize)");
    }
    this.recordName = OrukModule.recordName(type);
    this.constructor = constructor;
    this.properties = properties;
    this.follows = new int[properties.length + 1];
    for (int i = 0; i < properties.length; i++) {
      follows[i] = i + 1;
    }
    this.byName = new HashMap<>();
    for (Property property : properties) {
      byName.put(property.name, property);
    }
  }

  /** A reader for the record class that {@code description} describes. */
  static RecordDeserializer of(BeanDescription description) {
    List<Property> properties = new ArrayList<>();
    for (BeanPropertyDefinition definition : description.findProperties()) {
      AnnotatedMethod setter = definition.getSetter();
      if (setter == null) {
        continue;
      }
      properties.add(new Property(definition.getName(), properties.size(), beanProperty(definition, setter),
          Accessors.setter(setter.getAnnotated())));
    }
    Class<?> type = description.getBeanClass();
    return new RecordDeserializer(type, Accessors.constructor(type), properties.toArray(new Property[0]));
  }

  /**
   * The property as contextual (de)serializers see it. Its annotations are the field's, where the
   * template puts them (such as {@code @MarkupAllowed}); {@code accessor} stands in when there is no field.
   */
  static BeanProperty beanProperty(BeanPropertyDefinition definition, AnnotatedMember accessor) {
    AnnotatedMember annotated = definition.getField() != null ? definition.getField() : accessor;
    return new BeanProperty.Std(definition.getFullName(), definition.getPrimaryType(), definition.getWrapperName(),
        annotated, definition.getMetadata());
  }

  @Override
  public void resolve(DeserializationContext ctxt) throws JsonMappingException {
    for (Property property : properties) {
      property.values = ctxt.findContextualValueDeserializer(property.beanProperty.getType(), property.beanProperty);
    }
  }

  @SuppressWarnings("NullAway") // values is set by resolve(), which Jackson calls before any use
  @Override
  public @Nullable Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken token = p.currentToken();
    if (token != JsonToken.START_OBJECT && token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT) {
      ReadContext.of(ctxt).park(p, ctxt, "an object (" + recordName + ")");
      return null;
    }
    Object record = constructor.get();
    Extensible extensible = (Extensible) record;
    p.assignCurrentValue(record);
    int previous = properties.length;
    // Which properties were read so far, one bit each, to notice a name sent twice: a test and an OR per
    // property (the constructor makes sure a record has at most 64).
    long seen = 0;
    Property property = token == JsonToken.START_OBJECT ? advance(p, previous)
        : token == JsonToken.FIELD_NAME ? find(p.currentName(), 0) : null;
    while (p.currentToken() == JsonToken.FIELD_NAME) {
      String unknownName = property == null ? p.currentName() : null;
      JsonToken value = p.nextToken();
      if (property == null) {
        if (extensible.hasExtensions() && extensible.getExtensions().containsKey(unknownName)) {
          ReadContext.of(ctxt).duplicate(p, extensible, unknownName, null);
        }
        extensible.putExtension(unknownName, ctxt.readTree(p));
      } else {
        long bit = 1L << property.index;
        if ((seen & bit) != 0) {
          property.setter.accept(record, null);
          ReadContext.of(ctxt).duplicate(p, extensible, property.name, null);
        }
        seen |= bit;
        previous = property.index;
        property.setter.accept(record, value == JsonToken.VALUE_NULL
            ? property.values.getNullValue(ctxt)
            : property.values.deserialize(p, ctxt));
      }
      property = advance(p, previous);
    }
    if (extensible.hasExtensions()) {
      reportExtensions(extensible, p, ctxt);
    }
    return record;
  }

  /**
   * Moves to the next property name and returns its property: null for a name the standard does not
   * define, and at the end of the object. The parser is first asked to match, as bytes and without
   * decoding or hashing, the property that followed {@code previous} last time (at first: the next in
   * the standard's order). A feed sends its records alike, so the guess is nearly always right.
   */
  private @Nullable Property advance(JsonParser p, int previous) throws IOException {
    int guess = follows[previous];
    if (guess < properties.length) {
      if (p.nextFieldName(properties[guess].jsonName)) {
        return properties[guess];
      }
    } else {
      p.nextToken();
    }
    int next = properties.length;
    Property property = null;
    if (p.currentToken() == JsonToken.FIELD_NAME) {
      property = find(p.currentName(), previous == properties.length ? 0 : previous + 1);
      next = property == null ? guess : property.index;
    }
    follows[previous] = next;
    return property;
  }

  /**
   * The property with this name: feeds nearly always send properties in the standard's order, skipping
   * absent ones, so look ahead from {@code from} (names are interned by the parser) before hashing.
   */
  private @Nullable Property find(String name, int from) {
    for (int i = from; i < properties.length; i++) {
      if (properties[i].name == name) {
        return properties[i];
      }
    }
    return byName.get(name);
  }

  @Override
  public @Nullable Object getNullValue(DeserializationContext ctxt) {
    Nulls.report(ctxt);
    return null;
  }

  /** With the parser on the record's closing brace, whose context is the record's location. */
  private void reportExtensions(Extensible record, JsonParser p, DeserializationContext ctxt) {
    String base = p.getParsingContext().pathAsPointer().toString();
    ReadContext context = ReadContext.of(ctxt);
    for (String name : record.getExtensions().keySet()) {
      if (!byName.containsKey(name)) {
        context.report(ReadCode.EXTENSION_PROPERTY, base + "/" + escape(name),
            "'" + ReadContext.quote(name) + "' is not a property of " + recordName
                + " in ORUK 3.0; kept as an extension.");
      }
    }
  }

  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** One JSON property: its name, position in the standard's order, setter and value reader. */
  private static final class Property {
    final String name;
    final SerializedString jsonName;
    final int index;
    final BeanProperty beanProperty;
    final BiConsumer<Object, Object> setter;
    @Nullable JsonDeserializer<Object> values;

    Property(String name, int index, BeanProperty beanProperty, BiConsumer<Object, Object> setter) {
      this.name = name.intern();
      this.jsonName = new SerializedString(this.name);
      this.index = index;
      this.beanProperty = beanProperty;
      this.setter = setter;
    }
  }
}
