package io.github.oruk.model.json;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.type.CollectionType;
import io.github.oruk.model.ApiDetails;
import io.github.oruk.model.Extensible;
import io.github.oruk.model.Page;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/** Wires the lenient readers and canonical writers into one Jackson module. */
final class OrukModule extends SimpleModule {

  private static final long serialVersionUID = 1L;

  OrukModule() {
    super("oruk-model");
    addDeserializer(String.class, TextDeserializer.TEXT);
    addDeserializer(BigDecimal.class, DecimalDeserializer.INSTANCE);
    addDeserializer(OffsetDateTime.class, TemporalDeserializers.DateTime.INSTANCE);
    addDeserializer(LocalDate.class, TemporalDeserializers.Date.INSTANCE);
    addDeserializer(LocalTime.class, TemporalDeserializers.TimeOfDay.INSTANCE);
    addDeserializer(ApiDetails.class, new ApiDetailsDeserializer());
    addDeserializer(JsonNode.class, TreeDeserializer.INSTANCE);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<Page<?>> pageClass = (Class) Page.class;
    addDeserializer(pageClass, new PageDeserializer());

    addSerializer(OffsetDateTime.class, new CanonicalSerializers.DateTime());
    addSerializer(LocalDate.class, new CanonicalSerializers.Date());
    addSerializer(LocalTime.class, new CanonicalSerializers.TimeOfDay());
    addSerializer(new CanonicalSerializers.PageWriter());
    addSerializer(ApiDetails.class, new CanonicalSerializers.ApiDetailsWriter());

    setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
          JsonDeserializer<?> deserializer) {
        if (!Extensible.class.isAssignableFrom(description.getBeanClass())) {
          return deserializer;
        }
        return RecordDeserializer.of(description);
      }

      @Override
      public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
          BeanDescription description, JsonDeserializer<?> deserializer) {
        if (type.getRawClass().getPackageName().equals(Extensible.class.getPackageName())) {
          return new LenientEnumDeserializer(type.getRawClass());
        }
        return deserializer;
      }

      @Override
      public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
          BeanDescription description, JsonDeserializer<?> deserializer) {
        if (Extensible.class.isAssignableFrom(type.getContentType().getRawClass())) {
          return new RecordListDeserializer(type);
        }
        return deserializer;
      }
    });

    setSerializerModifier(new BeanSerializerModifier() {
      @Override
      public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
          JsonSerializer<?> serializer) {
        if (Extensible.class.isAssignableFrom(description.getBeanClass())) {
          return new CanonicalSerializers.ExtensionWriting(RecordSerializer.of(description));
        }
        return serializer;
      }
    });
  }

  /** "ServiceAtLocation" becomes "service_at_location", the standard's name for the record. */
  static String recordName(Class<?> type) {
    return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
