package io.github.oruk.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.github.oruk.model.Extensible;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The representations ORUK 3.0 gives one record, made from the fully nested record, for providers that
 * hold full records and need the shapes list endpoints return.
 *
 * <ul>
 *   <li>{@link #listItem(Object)}: what a page's {@code contents} carry by default: the record's own
 *       values and its one-to-one records (a service's {@code organization}, a service-at-location's
 *       {@code location} and {@code service}), with every list left out at every depth.
 *   <li>{@link #minimal(Service)}: what {@code minimal=true} asks for: {@code id}, {@code name},
 *       {@code status} and {@code last_modified}.
 *   <li>{@link #serviceAtLocation(ServiceAtLocation, Service)}: the by-id service-at-location, with its
 *       service (whose own list of service-at-locations is left out).
 * </ul>
 *
 * <p>Every method returns a new object and leaves its argument unchanged; vendor extensions are kept.
 */
public final class Views {

  private static final ObjectMapper INTROSPECTOR = new ObjectMapper();
  private static final Map<Class<?>, List<Property>> PROPERTIES = new ConcurrentHashMap<>();

  private Views() {
  }

  /**
   * The record as a list item: every list property left out, at every depth. Works for every record
   * type ({@code Service}, {@code Organization}, {@code ServiceAtLocation}, {@code Taxonomy}, ...).
   */
  public static <T> T listItem(T record) {
    Objects.requireNonNull(record, "record");
    return copy(record, false);
  }

  /** A deep copy of any record, extensions included. */
  public static <T> T copy(T record) {
    Objects.requireNonNull(record, "record");
    return copy(record, true);
  }

  /** The service with only {@code id}, {@code name}, {@code status} and {@code last_modified}. */
  public static Service minimal(Service service) {
    return new Service()
        .id(service.getId())
        .name(service.getName())
        .status(service.getStatus())
        .lastModified(service.getLastModified());
  }

  /**
   * The fully nested service-at-location: its location as it is, and a copy of its service without the
   * service's own {@code service_at_locations} (which would repeat this record).
   *
   * @param link the service-at-location with its location
   * @param service the fully nested service it belongs to, or null to leave the service out
   */
  public static ServiceAtLocation serviceAtLocation(ServiceAtLocation link, Service service) {
    ServiceAtLocation copy = copy(link);
    if (service != null) {
      Service nested = copy(service);
      nested.setServiceAtLocations(null);
      copy.setService(nested);
    }
    return copy;
  }

  // Copying goes through the properties Jackson sees on the generated classes (their public getters and
  // setters), so it follows the spec document when the model is regenerated, without any JSON round trip.

  @SuppressWarnings("unchecked")
  private static <T> T copy(T record, boolean lists) {
    Class<?> type = record.getClass();
    Object copy;
    try {
      copy = type.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(type.getName() + " is not an ORUK record (no public no-argument constructor)", e);
    }
    for (Property property : PROPERTIES.computeIfAbsent(type, Views::properties)) {
      Object value = property.get(record);
      if (value == null) {
        continue;
      }
      if (value instanceof List<?> list) {
        if (lists) {
          List<Object> copied = new ArrayList<>(list.size());
          for (Object item : list) {
            copied.add(item instanceof Extensible ? copy(item, true) : item);
          }
          property.set(copy, copied);
        }
      } else {
        property.set(copy, value instanceof Extensible ? copy(value, lists) : value);
      }
    }
    if (record instanceof Extensible extensible && extensible.hasExtensions()) {
      Extensible target = (Extensible) copy;
      extensible.getExtensions().forEach((name, value) -> {
        if (lists || !value.isArray()) {
          target.putExtension(name, value.deepCopy());
        }
      });
    }
    return (T) copy;
  }

  private static List<Property> properties(Class<?> type) {
    List<Property> properties = new ArrayList<>();
    for (BeanPropertyDefinition definition : INTROSPECTOR.getSerializationConfig()
        .introspect(INTROSPECTOR.constructType(type)).findProperties()) {
      AnnotatedMethod getter = definition.getGetter();
      AnnotatedMethod setter = definition.getSetter();
      if (getter != null && setter != null) {
        properties.add(new Property(getter.getAnnotated(), setter.getAnnotated()));
      }
    }
    return List.copyOf(properties);
  }

  private record Property(Method getter, Method setter) {
    Object get(Object bean) {
      try {
        return getter.invoke(bean);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + getter, e);
      }
    }

    void set(Object bean, Object value) {
      try {
        setter.invoke(bean, value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot write " + setter, e);
      }
    }
  }
}
