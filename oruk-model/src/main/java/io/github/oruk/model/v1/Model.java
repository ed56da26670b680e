package io.github.oruk.model.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the generated ORUK 3.0 model classes say about an entity: its property names, in the standard's
 * order, and which of them are required. Read from the classes so the mapping follows the spec document.
 */
final class Model {

  private static final ClassValue<Set<String>> PROPERTIES = new ClassValue<>() {
    @Override
    protected Set<String> computeValue(Class<?> type) {
      JsonPropertyOrder order = type.getAnnotation(JsonPropertyOrder.class);
      if (order == null) {
        throw new IllegalStateException(type.getName() + " has no @JsonPropertyOrder; is it a generated model class?");
      }
      return Set.copyOf(new LinkedHashSet<>(List.of(order.value())));
    }
  };

  private static final ClassValue<List<String>> ORDER = new ClassValue<>() {
    @Override
    protected List<String> computeValue(Class<?> type) {
      return List.of(type.getAnnotation(JsonPropertyOrder.class).value());
    }
  };

  private static final ClassValue<List<String>> REQUIRED = new ClassValue<>() {
    @Override
    protected List<String> computeValue(Class<?> type) {
      List<String> required = new ArrayList<>();
      for (Field field : type.getDeclaredFields()) {
        JsonProperty property = field.getAnnotation(JsonProperty.class);
        if (property != null && field.isAnnotationPresent(NotNull.class)) {
          required.add(property.value());
        }
      }
      return List.copyOf(required);
    }
  };

  private Model() {
  }

  /** The JSON names of the entity's properties. */
  static Set<String> properties(Class<?> type) {
    return PROPERTIES.get(type);
  }

  /** The JSON names of the entity's properties in the standard's order. */
  static List<String> order(Class<?> type) {
    return ORDER.get(type);
  }

  /** The JSON names of the properties the standard requires. */
  static List<String> required(Class<?> type) {
    return REQUIRED.get(type);
  }
}
