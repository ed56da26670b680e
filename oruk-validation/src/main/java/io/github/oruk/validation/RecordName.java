package io.github.oruk.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.RecordType;
import io.github.oruk.validation.rule.RecordContext;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who a finding is about, in words: the name of the record it concerns and of the organization that
 * record belongs to, as the validation saw them. Reports lead with these and give the id second.
 *
 * @param id the record's id
 * @param type what kind of record it is (a service, an organization or a service-at-location)
 * @param name its name; "" when it has none (a service-at-location is named after its service and place)
 * @param organizationId the id of the organization it belongs to (an organization's own id); "" when unknown
 * @param organizationName that organization's name; "" when the data does not give it
 */
public record RecordName(String id, RecordType type, String name, String organizationId, String organizationName) {

  public RecordName {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    name = name == null ? "" : name.strip();
    organizationId = organizationId == null ? "" : organizationId;
    organizationName = organizationName == null ? "" : organizationName.strip();
  }

  /**
   * This record as another copy of it also describes it: each part this one lacks is taken from the other.
   * A service seen in a list, by id and nested in its organization is named from the fullest of them.
   */
  public RecordName merge(RecordName other) {
    return new RecordName(id, type, name.isEmpty() ? other.name : name,
        organizationId.isEmpty() ? other.organizationId : organizationId,
        organizationName.isEmpty() ? other.organizationName : organizationName);
  }

  /**
   * The name of a service, organization or service-at-location as one copy of it gives it, with its
   * organization from the nested {@code organization}, the enclosing organization or {@code organization_id};
   * null for other records and records without an id.
   */
  static @Nullable RecordName of(RecordContext record) {
    String id = record.id();
    if (id.isEmpty()) {
      return null;
    }
    JsonNode json = record.json();
    RecordContext organization = record.ancestor(RecordType.ORGANIZATION);
    return switch (record.type()) {
      case ORGANIZATION -> new RecordName(id, record.type(), text(json, "name"), id, text(json, "name"));
      case SERVICE -> belonging(id, record.type(), text(json, "name"), json, organization);
      case SERVICE_AT_LOCATION -> {
        // Named after its service and its place: "Lunch club at St Mary's Hall".
        RecordContext parent = record.ancestor(RecordType.SERVICE);
        JsonNode service = json.path("service").isObject() ? json.path("service")
            : parent != null ? parent.json() : json;
        String serviceName = text(service, "name");
        String place = text(json.path("location"), "name");
        String name = serviceName.isEmpty() || place.isEmpty() ? serviceName + place : serviceName + " at " + place;
        yield belonging(id, record.type(), name, service, organization);
      }
      default -> null;
    };
  }

  /** A record that belongs to the organization its service names, or the one it is nested in. */
  private static RecordName belonging(String id, RecordType type, String name, JsonNode service,
      @Nullable RecordContext organization) {
    JsonNode nested = service.path("organization");
    String organizationId = text(nested, "id");
    String organizationName = text(nested, "name");
    if (organization != null) {
      organizationId = organizationId.isEmpty() ? organization.id() : organizationId;
      organizationName = organizationName.isEmpty() ? text(organization.json(), "name") : organizationName;
    }
    if (organizationId.isEmpty()) {
      organizationId = text(service, "organization_id");
    }
    return new RecordName(id, type, name, organizationId, organizationName);
  }

  private static String text(JsonNode node, String property) {
    JsonNode value = node.path(property);
    return value.isTextual() ? value.asText() : "";
  }
}
