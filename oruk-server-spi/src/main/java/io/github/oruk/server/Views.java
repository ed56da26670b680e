package io.github.oruk.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.json.OrukJson;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

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

  private static final OrukJson JSON = OrukJson.builder().keepExtensions(true).build();

  private Views() {
  }

  /**
   * The record as a list item: every list property left out, at every depth. Works for every record
   * type ({@code Service}, {@code Organization}, {@code ServiceAtLocation}, {@code Taxonomy}, ...).
   */
  @SuppressWarnings("unchecked")
  public static <T> T listItem(T record) {
    Objects.requireNonNull(record, "record");
    JsonNode tree = JSON.writeTree(record);
    dropLists(tree);
    return JSON.read(tree, (Class<T>) record.getClass()).value();
  }

  /** A deep copy of any record, extensions included. */
  @SuppressWarnings("unchecked")
  public static <T> T copy(T record) {
    Objects.requireNonNull(record, "record");
    return JSON.read(JSON.writeTree(record), (Class<T>) record.getClass()).value();
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

  private static void dropLists(JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> properties = object.properties().iterator();
    while (properties.hasNext()) {
      JsonNode value = properties.next().getValue();
      if (value.isArray()) {
        properties.remove();
      } else {
        dropLists(value);
      }
    }
  }
}
