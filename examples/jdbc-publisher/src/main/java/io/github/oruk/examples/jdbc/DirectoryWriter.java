package io.github.oruk.examples.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.Address;
import io.github.oruk.model.Attribute;
import io.github.oruk.model.Contact;
import io.github.oruk.model.Location;
import io.github.oruk.model.Organization;
import io.github.oruk.model.Schedule;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceArea;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Types;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Stores ORUK records in the example's tables, one transaction per call: services (with their
 * organization, locations, addresses, schedules, service areas, contacts, attributes and the telephone
 * numbers of the {@value CsvImport#PHONES} extension), and
 * taxonomies with their terms. Records already present (by id) are left as they are. Every value goes
 * in as a statement parameter.
 */
public final class DirectoryWriter {

  private final DataSource dataSource;

  public DirectoryWriter(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Stores a taxonomy and its terms. */
  public void insert(Taxonomy taxonomy) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        if (!exists(connection, "taxonomy", taxonomy.getId())) {
          update(connection, "INSERT INTO taxonomy (id, name, description, uri, version) VALUES (?, ?, ?, ?, ?)",
              taxonomy.getId(), taxonomy.getName(), taxonomy.getDescription(), taxonomy.getUri(), taxonomy.getVersion());
        }
        if (!taxonomy.getTaxonomyTerms().isEmpty()) {
          for (TaxonomyTerm term : taxonomy.getTaxonomyTerms()) {
            term(connection, term, taxonomy.getId());
          }
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /** Stores services, all or none. */
  public void insert(Collection<Service> services) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        for (Service service : services) {
          service(connection, service);
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private void service(Connection connection, Service service) throws SQLException {
    Organization organization = service.getOrganization();
    String organizationId = service.getOrganizationId();
    if (organization != null) {
      organizationId = organization.getId();
      if (!exists(connection, "organization", organization.getId())) {
        update(connection, "INSERT INTO organization (id, name, description, email, website, uri) VALUES (?, ?, ?, ?, ?, ?)",
            organization.getId(), organization.getName(), organization.getDescription(), organization.getEmail(),
            organization.getWebsite(), organization.getUri());
      }
    }
    update(connection, "INSERT INTO service (id, organization_id, name, description, url, email, status, fees,"
        + " minimum_age, maximum_age, assured_date, last_modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        service.getId(), organizationId, service.getName(), service.getDescription(), service.getUrl(),
        service.getEmail(), service.getStatus() == null ? null : service.getStatus().value(), service.getFees(),
        service.getMinimumAge(), service.getMaximumAge(), service.getAssuredDate(), service.getLastModified());
    if (!service.getServiceAtLocations().isEmpty()) {
      for (ServiceAtLocation link : service.getServiceAtLocations()) {
        Location location = link.getLocation();
        String locationId = location != null ? location.getId() : link.getLocationId();
        if (location != null && !exists(connection, "location", location.getId())) {
          update(connection, "INSERT INTO location (id, location_type, name, description, latitude, longitude)"
              + " VALUES (?, ?, ?, ?, ?, ?)", location.getId(), required(location.getLocationType(), "location_type", "location", location.getId()),
              location.getName(),
              location.getDescription(), location.getLatitude() == null ? null : location.getLatitude().doubleValue(),
              location.getLongitude() == null ? null : location.getLongitude().doubleValue());
          if (!location.getAddresses().isEmpty()) {
            for (Address address : location.getAddresses()) {
              update(connection, "INSERT INTO address (id, location_id, address_1, city, region, state_province,"
                  + " postal_code, country, address_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", address.getId(),
                  location.getId(), address.getAddress1(), address.getCity(), address.getRegion(),
                  address.getStateProvince(), address.getPostalCode(), address.getCountry(),
                  required(address.getAddressType(), "address_type", "address", address.getId()));
            }
          }
        }
        update(connection, "INSERT INTO service_at_location (id, service_id, location_id) VALUES (?, ?, ?)",
            link.getId(), service.getId(), locationId);
      }
    }
    if (!service.getSchedules().isEmpty()) {
      for (Schedule schedule : service.getSchedules()) {
        update(connection, "INSERT INTO schedule (id, service_id, freq, byday, opens_at, closes_at, description)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)", schedule.getId(), service.getId(),
            schedule.getFreq() == null ? null : schedule.getFreq().value(), schedule.getByday(),
            time(schedule.getOpensAt()), time(schedule.getClosesAt()), schedule.getDescription());
      }
    }
    if (!service.getServiceAreas().isEmpty()) {
      for (ServiceArea area : service.getServiceAreas()) {
        update(connection, "INSERT INTO service_area (id, service_id, name, service_area) VALUES (?, ?, ?, ?)",
            area.getId(), service.getId(), area.getName(), area.getServiceArea());
      }
    }
    if (!service.getContacts().isEmpty()) {
      for (Contact contact : service.getContacts()) {
        update(connection, "INSERT INTO contact (id, service_id, name, title) VALUES (?, ?, ?, ?)",
            contact.getId(), service.getId(), contact.getName(), contact.getTitle());
      }
    }
    JsonNode phones = service.hasExtensions() ? service.getExtensions().get(CsvImport.PHONES) : null;
    if (phones != null && phones.isArray()) {
      for (JsonNode phone : phones) {
        update(connection, "INSERT INTO phone (id, service_id, number, description) VALUES (?, ?, ?, ?)",
            phone.path("id").asText(CsvImport.id("phone", service.getId() + "|" + phone.path("number").asText())),
            service.getId(), phone.path("number").asText(), phone.hasNonNull("description")
                ? phone.get("description").asText() : null);
      }
    }
    if (!service.getAttributes().isEmpty()) {
      for (Attribute attribute : service.getAttributes()) {
        TaxonomyTerm term = attribute.getTaxonomyTerm();
        String termId = attribute.getTaxonomyTermId() != null ? attribute.getTaxonomyTermId() : term.getId();
        if (term != null) {
          term(connection, term, null);
        }
        update(connection, "INSERT INTO service_attribute (id, service_id, taxonomy_term_id) VALUES (?, ?, ?)",
            attribute.getId(), service.getId(), termId);
      }
    }
  }

  private void term(Connection connection, TaxonomyTerm term, String taxonomyId) throws SQLException {
    if (exists(connection, "taxonomy_term", term.getId())) {
      return;
    }
    update(connection, "INSERT INTO taxonomy_term (id, name, description, parent_id, taxonomy, taxonomy_id, term_uri,"
        + " term) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", term.getId(), term.getName(), term.getDescription(),
        term.getParentId(), term.getTaxonomy(), term.getTaxonomyId() != null ? term.getTaxonomyId() : taxonomyId,
        term.getTermUri(), term.getTerm());
  }

  private static Time time(LocalTime time) {
    return time == null ? null : Time.valueOf(time);
  }

  /** Whether the table has a row with this id; the table name is one of this class's constants. */
  private static boolean exists(Connection connection, String table, String id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ?")) {
      statement.setString(1, id);
      try (var rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static void update(Connection connection, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        Object value = values[i];
        if (value == null) {
          statement.setNull(i + 1, Types.NULL);
        } else {
          statement.setObject(i + 1, value);
        }
      }
      statement.executeUpdate();
    }
  }

  /**
   * A value the tables cannot be without (the standard requires it too), as the standard spells it; a
   * record without it stops the import with a message that names it, instead of a bare null error.
   */
  private static String required(@Nullable Object value, String field, String record, @Nullable String id) {
    if (value == null) {
      throw new IllegalArgumentException("the " + record + " " + id + " has no " + field + ", which the standard"
          + " requires; add it to the input and import again (nothing was imported)");
    }
    return value.toString();
  }
}
