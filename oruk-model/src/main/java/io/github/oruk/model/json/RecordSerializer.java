package io.github.oruk.model.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes one model record in the standard's property order, leaving out absent values: the writing
 * counterpart of {@link RecordDeserializer}, in place of Jackson's bean serializer. Getters are called
 * through lambdas, text and lists of records are written in line, and every other value by the
 * serializer Jackson finds for its type.
 * Extensions are merged by {@link CanonicalSerializers.ExtensionWriting}, which wraps this.
 */
final class RecordSerializer extends StdSerializer<Object> implements ResolvableSerializer {

  private static final long serialVersionUID = 1L;

  private enum Kind { TEXT, LIST, ENUM, OTHER }

  private final transient Property[] properties;

  private RecordSerializer(Class<?> type, Property[] properties) {
    super(type, false);
    this.properties = properties;
  }

  /** A writer for the record class that {@code description} describes. */
  static RecordSerializer of(BeanDescription description) {
    List<Property> properties = new ArrayList<>();
    for (BeanPropertyDefinition definition : description.findProperties()) {
      AnnotatedMethod getter = definition.getGetter();
      if (getter == null) {
        continue;
      }
      JavaType type = definition.getPrimaryType();
      BeanProperty property = RecordDeserializer.beanProperty(definition, getter);
      JsonInclude.Include inclusion = definition.findInclusion().getValueInclusion();
      Kind kind = type.getRawClass() == String.class ? Kind.TEXT
          : type.isCollectionLikeType() ? Kind.LIST
          : type.isEnumType() ? Kind.ENUM
          : Kind.OTHER;
      properties.add(new Property(definition.getName(), kind, inclusion != JsonInclude.Include.NON_NULL, property,
          Accessors.getter(getter.getAnnotated())));
    }
    return new RecordSerializer(description.getBeanClass(), properties.toArray(new Property[0]));
  }

  @Override
  public void resolve(SerializerProvider provider) throws JsonMappingException {
    for (Property property : properties) {
      JavaType type = property.beanProperty.getType();
      if (property.kind == Kind.LIST) {
        property.values = provider.findValueSerializer(type.getContentType(), property.beanProperty);
      } else if (property.kind == Kind.OTHER) {
        property.values = provider.findValueSerializer(type, property.beanProperty);
      }
    }
  }

  @Override
  @SuppressWarnings("NullAway") // values is set by resolve(), which Jackson calls before any use
  public void serialize(Object record, JsonGenerator gen, SerializerProvider provider) throws IOException {
    gen.writeStartObject(record);
    for (Property property : properties) {
      Object value = property.getter.apply(record);
      if (value == null) {
        continue;
      }
      switch (property.kind) {
        case TEXT -> {
          String text = (String) value;
          if (!property.omitEmpty || !text.isEmpty()) {
            gen.writeFieldName(property.name);
            gen.writeString(text);
          }
        }
        case LIST -> {
          List<?> list = (List<?>) value;
          if (!property.omitEmpty || !list.isEmpty()) {
            gen.writeFieldName(property.name);
            gen.writeStartArray(list, list.size());
            for (Object element : list) {
              if (element == null) {
                gen.writeNull();
              } else {
                property.values.serialize(element, gen, provider);
              }
            }
            gen.writeEndArray();
          }
        }
        // Generated enumerations return their JSON value from toString(), as @JsonValue does.
        case ENUM -> {
          gen.writeFieldName(property.name);
          gen.writeString(value.toString());
        }
        case OTHER -> {
          if (!property.omitEmpty || !property.values.isEmpty(provider, value)) {
            gen.writeFieldName(property.name);
            property.values.serialize(value, gen, provider);
          }
        }
      }
    }
    gen.writeEndObject();
  }

  /** One JSON property: its name, how to write it, whether an empty value is left out, its getter. */
  private static final class Property {
    final SerializedString name;
    final Kind kind;
    final boolean omitEmpty;
    final BeanProperty beanProperty;
    final Function<Object, Object> getter;
    @Nullable JsonSerializer<Object> values;

    Property(String name, Kind kind, boolean omitEmpty, BeanProperty beanProperty, Function<Object, Object> getter) {
      this.name = new SerializedString(name);
      this.kind = kind;
      this.omitEmpty = omitEmpty;
      this.beanProperty = beanProperty;
      this.getter = getter;
    }
  }
}
