package io.github.oruk.examples.jdbc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.Address;
import io.github.oruk.model.AddressType;
import io.github.oruk.model.Attribute;
import io.github.oruk.model.Contact;
import io.github.oruk.model.Location;
import io.github.oruk.model.LocationType;
import io.github.oruk.model.Organization;
import io.github.oruk.model.Schedule;
import io.github.oruk.model.ScheduleFrequency;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceArea;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.ServiceStatus;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.model.query.InvalidQueryException;
import io.github.oruk.model.query.Query;
import io.github.oruk.server.Capabilities;
import io.github.oruk.server.DirectoryProvider;
import io.github.oruk.server.DirectoryUnavailableException;
import io.github.oruk.server.PageRequest;
import io.github.oruk.server.Results;
import io.github.oruk.server.geo.PostcodePlace;
import io.github.oruk.server.geo.Postcodes;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * An ORUK 3.0 directory over the example's relational tables ({@code schema.sql}), with every endpoint
 * and filter. Each request runs a count and a page query, with every value bound as a statement
 * parameter; records come back in name order.
 *
 * <p>Filters mean what they mean for the reference in-memory directory, with one difference: a
 * {@code search} word matches anywhere inside a name or description ({@code food} finds
 * {@code Foodbank}), case-insensitively but not accent-insensitively. {@code postcode} is placed from the
 * directory's own addresses (the postcode itself, else the average of its district).
 *
 * <p>A service's telephone numbers come back as the extension {@value CsvImport#PHONES} (ORUK 3.0 gives a
 * service no place for them); an API publishes them when built with
 * {@code OrukApi.Builder.publishExtensions(true)}, as {@link JdbcPublisher} does.
 */
public final class JdbcDirectory implements DirectoryProvider {

  private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final String[] DAY_CODES = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  private static final String SERVICE_COLUMNS = "s.id, s.organization_id, s.name, s.description, s.url, s.email,"
      + " s.status, s.fees, s.minimum_age, s.maximum_age, s.assured_date, s.last_modified,"
      + " o.id, o.name, o.description, o.email, o.website, o.uri";
  private static final String SERVICE_FROM = " FROM service s LEFT JOIN organization o ON o.id = s.organization_id";
  private static final String LOCATION_COLUMNS = "l.id, l.location_type, l.name, l.description, l.latitude, l.longitude";
  private static final String LINK_FROM = " FROM service_at_location sal JOIN service s ON s.id = sal.service_id"
      + " LEFT JOIN organization o ON o.id = s.organization_id JOIN location l ON l.id = sal.location_id";
  private static final String DISTANCE = "2 * 6371008.8 * ASIN(LEAST(1, SQRT(POWER(SIN(RADIANS(l.latitude - ?) / 2), 2)"
      + " + COS(RADIANS(?)) * COS(RADIANS(l.latitude)) * POWER(SIN(RADIANS(l.longitude - ?) / 2), 2))))";

  private final DataSource dataSource;

  public JdbcDirectory(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.everything();
  }

  // ------------------------------------------------------------------------------------------- services

  @Override
  public Results<Service> services(Query query, PageRequest page) {
    return run(connection -> {
      Where where = serviceFilters(connection, query, true);
      long total = count(connection, "SELECT COUNT(*)" + SERVICE_FROM + where.sql(), where);
      List<Service> items = new ArrayList<>();
      String sql = "SELECT " + SERVICE_COLUMNS + SERVICE_FROM + where.sql() + " ORDER BY s.name, s.id LIMIT ? OFFSET ?";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        where.bind(statement, page.perPage(), page.offset());
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            items.add(serviceRow(rows, 1));
          }
        }
      }
      if (Boolean.TRUE.equals(query.full())) {
        List<Service> full = new ArrayList<>(items.size());
        for (Service item : items) {
          full.add(nest(connection, item));
        }
        items = full;
      }
      return Results.of(items, total);
    });
  }

  @Override
  public Optional<Service> service(String id) {
    return run(connection -> {
      Service found = serviceById(connection, id);
      return found == null ? Optional.<Service>empty() : Optional.of(nest(connection, found));
    });
  }

  private Service serviceById(Connection connection, String id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT " + SERVICE_COLUMNS + SERVICE_FROM
        + " WHERE s.id = ?")) {
      statement.setString(1, id);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? serviceRow(rows, 1) : null;
      }
    }
  }

  /** The service's filters as SQL over the aliases {@code s} (service) and {@code o} (organization). */
  private Where serviceFilters(Connection connection, Query query, boolean serviceAreas) throws SQLException {
    Where where = new Where();
    if (query.search() != null) {
      for (String word : words(query.search())) {
        String like = Where.containing(word);
        where.and("(LOWER(s.name) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(s.description, '')) LIKE ? ESCAPE '\\'"
            + " OR LOWER(COALESCE(o.name, '')) LIKE ? ESCAPE '\\')", like, like, like);
      }
    }
    if (query.taxonomyTermId() != null) {
      where.and("EXISTS (SELECT 1 FROM service_attribute a WHERE a.service_id = s.id AND a.taxonomy_term_id = ?)",
          query.taxonomyTermId());
    }
    if (query.taxonomyId() != null) {
      where.and("EXISTS (SELECT 1 FROM service_attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id"
          + " WHERE a.service_id = s.id AND t.taxonomy_id = ?)", query.taxonomyId());
    }
    if (query.organizationId() != null) {
      where.and("s.organization_id = ?", query.organizationId());
    }
    if (query.modifiedAfter() != null) {
      // In UTC: Java allows offsets up to ±18:00, PostgreSQL only up to ±15:59 ("time zone displacement out of
      // range"); the instant is the same.
      where.and("s.last_modified >= ?", query.modifiedAfter().withOffsetSameInstant(ZoneOffset.UTC));
    }
    if (query.minimumAge() != null) {
      where.and("s.minimum_age >= ?", query.minimumAge());
    }
    if (query.maximumAge() != null) {
      where.and("s.maximum_age <= ?", query.maximumAge());
    }
    if (query.day() != null || query.startTime() != null || query.endTime() != null) {
      StringBuilder schedule = new StringBuilder("EXISTS (SELECT 1 FROM schedule sc WHERE sc.service_id = s.id");
      List<Object> values = new ArrayList<>();
      if (query.day() != null) {
        schedule.append(" AND (',' || UPPER(sc.byday) || ',') LIKE ?");
        values.add("%" + DAY_CODES[query.day().getValue() - 1] + ",%");
      }
      if (query.startTime() != null) {
        schedule.append(" AND sc.opens_at >= ?");
        values.add(query.startTime());
      }
      if (query.endTime() != null) {
        schedule.append(" AND sc.closes_at <= ?");
        values.add(query.endTime());
      }
      where.and(schedule.append(')').toString(), values.toArray());
    }
    if (serviceAreas && query.postcode() != null && query.proximity() == null) {
      PostcodePlace place = locate(connection, query.postcode());
      if (place.areas().isEmpty()) {
        where.and("1 = 0");
      } else {
        String marks = String.join(", ", java.util.Collections.nCopies(place.areas().size(), "?"));
        where.and("EXISTS (SELECT 1 FROM service_area sa WHERE sa.service_id = s.id AND LOWER(sa.name) IN ("
            + marks + "))", place.areas().toArray());
      }
    }
    return where;
  }

  /** Fills in everything that hangs off a service row. */
  private Service nest(Connection connection, Service service) throws SQLException {
    for (ServiceAtLocation link : links(connection, "sal.service_id = ?", service.getId())) {
      service.addServiceAtLocationsItem(link);
    }
    try (PreparedStatement statement = connection.prepareStatement("SELECT id, freq, byday, opens_at, closes_at,"
        + " description FROM schedule WHERE service_id = ? ORDER BY id")) {
      statement.setString(1, service.getId());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Schedule schedule = new Schedule().id(rows.getString(1)).serviceId(service.getId())
              .byday(rows.getString(3)).opensAt(rows.getObject(4, LocalTime.class))
              .closesAt(rows.getObject(5, LocalTime.class)).description(rows.getString(6));
          ScheduleFrequency.find(rows.getString(2)).ifPresent(schedule::freq);
          service.addSchedulesItem(schedule);
        }
      }
    }
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT id, name, service_area FROM service_area WHERE service_id = ? ORDER BY id")) {
      statement.setString(1, service.getId());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          service.addServiceAreasItem(new ServiceArea().id(rows.getString(1)).serviceId(service.getId())
              .name(rows.getString(2)).serviceArea(rows.getString(3)));
        }
      }
    }
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT id, name, title FROM contact WHERE service_id = ? ORDER BY id")) {
      statement.setString(1, service.getId());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          service.addContactsItem(new Contact().id(rows.getString(1)).serviceId(service.getId())
              .name(rows.getString(2)).title(rows.getString(3)));
        }
      }
    }
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT id, number, description FROM phone WHERE service_id = ? ORDER BY id")) {
      statement.setString(1, service.getId());
      ArrayNode phones = JsonNodeFactory.instance.arrayNode();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ObjectNode phone = phones.addObject().put("id", rows.getString(1)).put("number", rows.getString(2));
          if (rows.getString(3) != null) {
            phone.put("description", rows.getString(3));
          }
        }
      }
      if (!phones.isEmpty()) {
        service.putExtension(CsvImport.PHONES, phones);
      }
    }
    try (PreparedStatement statement = connection.prepareStatement("SELECT a.id, t.id, t.name, t.description,"
        + " t.parent_id, t.taxonomy, t.taxonomy_id, t.term_uri, t.term FROM service_attribute a"
        + " JOIN taxonomy_term t ON t.id = a.taxonomy_term_id WHERE a.service_id = ? ORDER BY a.id")) {
      statement.setString(1, service.getId());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          TaxonomyTerm term = termRow(rows, 2);
          service.addAttributesItem(new Attribute().id(rows.getString(1)).linkId(service.getId())
              .linkType("service").taxonomyTermId(term.getId()).taxonomyTerm(term));
        }
      }
    }
    return service;
  }

  // ------------------------------------------------------------------------------------ service-at-locations

  @Override
  public Results<ServiceAtLocation> serviceAtLocations(Query query, PageRequest page) {
    return run(connection -> {
      Where where = linkFilters(connection, query);
      long total = count(connection, "SELECT COUNT(*)" + LINK_FROM + where.sql(), where);
      List<ServiceAtLocation> items = new ArrayList<>();
      String sql = "SELECT sal.id, " + LOCATION_COLUMNS + ", " + SERVICE_COLUMNS + LINK_FROM + where.sql()
          + " ORDER BY s.name, s.id, sal.id LIMIT ? OFFSET ?";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        where.bind(statement, page.perPage(), page.offset());
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            Location location = locationRow(rows, 2);
            Service service = serviceRow(rows, 8);
            items.add(new ServiceAtLocation().id(rows.getString(1)).serviceId(service.getId())
                .locationId(location.getId()).location(location).service(service));
          }
        }
      }
      if (Boolean.TRUE.equals(query.full())) {
        List<ServiceAtLocation> full = new ArrayList<>(items.size());
        for (ServiceAtLocation item : items) {
          full.add(fullLink(connection, item.getId()));
        }
        items = full;
      }
      return Results.of(items, total);
    });
  }

  @Override
  public Optional<ServiceAtLocation> serviceAtLocation(String id) {
    return run(connection -> Optional.ofNullable(fullLink(connection, id)));
  }

  private ServiceAtLocation fullLink(Connection connection, String id) throws SQLException {
    List<ServiceAtLocation> found = links(connection, "sal.id = ?", id);
    if (found.isEmpty()) {
      return null;
    }
    ServiceAtLocation link = found.get(0);
    Service service = nest(connection, serviceById(connection, link.getServiceId()));
    service.setServiceAtLocations(null);
    return link.service(service);
  }

  private Where linkFilters(Connection connection, Query query) throws SQLException {
    Where where = serviceFilters(connection, query, true);
    if (query.postcode() != null && query.proximity() != null) {
      PostcodePlace place = locate(connection, query.postcode());
      double metres = query.proximity().doubleValue();
      double latitudeSpan = metres / 111_000.0 + 0.01;
      double longitudeSpan = metres / (111_000.0 * Math.max(0.01, Math.cos(Math.toRadians(place.latitude())))) + 0.01;
      where.and("l.latitude BETWEEN ? AND ? AND l.longitude BETWEEN ? AND ?", place.latitude() - latitudeSpan,
          place.latitude() + latitudeSpan, place.longitude() - longitudeSpan, place.longitude() + longitudeSpan);
      where.and(DISTANCE + " <= ?", place.latitude(), place.latitude(), place.longitude(), metres);
    }
    return where;
  }

  /** Service-at-locations with their full location (addresses included), matching one condition. */
  private List<ServiceAtLocation> links(Connection connection, String condition, String value) throws SQLException {
    List<ServiceAtLocation> links = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT sal.id, sal.service_id, "
        + LOCATION_COLUMNS + " FROM service_at_location sal JOIN location l ON l.id = sal.location_id WHERE "
        + condition + " ORDER BY sal.id")) {
      statement.setString(1, value);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Location location = locationRow(rows, 3);
          links.add(new ServiceAtLocation().id(rows.getString(1)).serviceId(rows.getString(2))
              .locationId(location.getId()).location(location));
        }
      }
    }
    for (ServiceAtLocation link : links) {
      try (PreparedStatement statement = connection.prepareStatement("SELECT id, address_1, city, region,"
          + " state_province, postal_code, country, address_type FROM address WHERE location_id = ? ORDER BY id")) {
        statement.setString(1, link.getLocationId());
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            Address address = new Address().id(rows.getString(1)).locationId(link.getLocationId())
                .address1(rows.getString(2)).city(rows.getString(3)).region(rows.getString(4))
                .stateProvince(rows.getString(5)).postalCode(rows.getString(6)).country(rows.getString(7));
            AddressType.find(rows.getString(8)).ifPresent(address::addressType);
            link.getLocation().addAddressesItem(address);
          }
        }
      }
    }
    return links;
  }

  // ------------------------------------------------------------------------------------------- organizations

  @Override
  public Results<Organization> organizations(Query query, PageRequest page) {
    return run(connection -> {
      Where where = new Where();
      if (query.search() != null) {
        for (String word : words(query.search())) {
          String like = Where.containing(word);
          where.and("(LOWER(o.name) LIKE ? ESCAPE '\\' OR LOWER(o.description) LIKE ? ESCAPE '\\')", like, like);
        }
      }
      long total = count(connection, "SELECT COUNT(*) FROM organization o" + where.sql(), where);
      List<Organization> items = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement("SELECT o.id, o.name, o.description, o.email,"
          + " o.website, o.uri FROM organization o" + where.sql() + " ORDER BY o.name, o.id LIMIT ? OFFSET ?")) {
        where.bind(statement, page.perPage(), page.offset());
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            items.add(organizationRow(rows, 1));
          }
        }
      }
      boolean fullService = Boolean.TRUE.equals(query.fullService());
      if (Boolean.TRUE.equals(query.full()) || fullService) {
        for (Organization organization : items) {
          addServices(connection, organization, fullService);
        }
      }
      return Results.of(items, total);
    });
  }

  @Override
  public Optional<Organization> organization(String id, boolean fullService) {
    return run(connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT o.id, o.name, o.description, o.email, o.website, o.uri FROM organization o WHERE o.id = ?")) {
        statement.setString(1, id);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.<Organization>empty();
          }
          Organization organization = organizationRow(rows, 1);
          addServices(connection, organization, fullService);
          return Optional.of(organization);
        }
      }
    });
  }

  private void addServices(Connection connection, Organization organization, boolean full) throws SQLException {
    List<Service> services = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT " + SERVICE_COLUMNS + SERVICE_FROM
        + " WHERE s.organization_id = ? ORDER BY s.name, s.id")) {
      statement.setString(1, organization.getId());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          services.add(serviceRow(rows, 1));
        }
      }
    }
    for (Service service : services) {
      organization.addServicesItem(full ? nest(connection, service) : service);
    }
  }

  // ------------------------------------------------------------------------------------------- taxonomies

  @Override
  public Results<Taxonomy> taxonomies(Query query, PageRequest page) {
    return run(connection -> {
      Where where = new Where();
      if (query.search() != null) {
        for (String word : words(query.search())) {
          String like = Where.containing(word);
          where.and("(LOWER(x.name) LIKE ? ESCAPE '\\' OR LOWER(x.description) LIKE ? ESCAPE '\\')", like, like);
        }
      }
      long total = count(connection, "SELECT COUNT(*) FROM taxonomy x" + where.sql(), where);
      List<Taxonomy> items = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement("SELECT x.id, x.name, x.description, x.uri,"
          + " x.version FROM taxonomy x" + where.sql() + " ORDER BY x.name, x.id LIMIT ? OFFSET ?")) {
        where.bind(statement, page.perPage(), page.offset());
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            items.add(new Taxonomy().id(rows.getString(1)).name(rows.getString(2)).description(rows.getString(3))
                .uri(rows.getString(4)).version(rows.getString(5)));
          }
        }
      }
      return Results.of(items, total);
    });
  }

  @Override
  public Optional<Taxonomy> taxonomy(String id) {
    Results<Taxonomy> found = run(connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT id, name, description, uri, version FROM taxonomy WHERE id = ?")) {
        statement.setString(1, id);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Results.<Taxonomy>empty();
          }
          return Results.of(List.of(new Taxonomy().id(rows.getString(1)).name(rows.getString(2))
              .description(rows.getString(3)).uri(rows.getString(4)).version(rows.getString(5))), 1);
        }
      }
    });
    if (found.items().isEmpty()) {
      return Optional.empty();
    }
    Taxonomy taxonomy = found.items().get(0);
    Results.streamAll(page -> taxonomyTerms(Query.builder().taxonomyId(id).build(), page), 500)
        .forEach(taxonomy::addTaxonomyTermsItem);
    return Optional.of(taxonomy);
  }

  @Override
  public Results<TaxonomyTerm> taxonomyTerms(Query query, PageRequest page) {
    return run(connection -> {
      Where where = new Where();
      if (query.search() != null) {
        for (String word : words(query.search())) {
          String like = Where.containing(word);
          where.and("(LOWER(t.name) LIKE ? ESCAPE '\\' OR LOWER(t.description) LIKE ? ESCAPE '\\'"
              + " OR LOWER(COALESCE(t.term, '')) LIKE ? ESCAPE '\\')", like, like, like);
        }
      }
      if (query.taxonomyId() != null) {
        where.and("t.taxonomy_id = ?", query.taxonomyId());
      }
      if (Boolean.TRUE.equals(query.topOnly())) {
        where.and("t.parent_id IS NULL");
      }
      if (query.parentId() != null) {
        where.and("t.parent_id = ?", query.parentId());
      }
      long total = count(connection, "SELECT COUNT(*) FROM taxonomy_term t" + where.sql(), where);
      List<TaxonomyTerm> items = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement("SELECT t.id, t.name, t.description,"
          + " t.parent_id, t.taxonomy, t.taxonomy_id, t.term_uri, t.term FROM taxonomy_term t" + where.sql()
          + " ORDER BY t.name, t.id LIMIT ? OFFSET ?")) {
        where.bind(statement, page.perPage(), page.offset());
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            items.add(termRow(rows, 1));
          }
        }
      }
      return Results.of(items, total);
    });
  }

  @Override
  public Optional<TaxonomyTerm> taxonomyTerm(String id) {
    return run(connection -> {
      try (PreparedStatement statement = connection.prepareStatement("SELECT t.id, t.name, t.description,"
          + " t.parent_id, t.taxonomy, t.taxonomy_id, t.term_uri, t.term FROM taxonomy_term t WHERE t.id = ?")) {
        statement.setString(1, id);
        try (ResultSet rows = statement.executeQuery()) {
          return rows.next() ? Optional.of(termRow(rows, 1)) : Optional.<TaxonomyTerm>empty();
        }
      }
    });
  }

  // ------------------------------------------------------------------------------------------- postcodes

  /** Where a postcode is, from the directory's own addresses: the postcode, else its district. */
  PostcodePlace locate(Connection connection, String postcode) throws SQLException {
    Optional<String> full = Postcodes.normalize(postcode);
    Optional<String> district = Postcodes.outward(postcode);
    if (full.isEmpty() && district.isEmpty()) {
      throw new InvalidQueryException("postcode", "'postcode' must be a UK postcode such as BS1 4DJ (or a district"
          + " such as BS1).");
    }
    PostcodePlace place = null;
    if (full.isPresent()) {
      place = place(connection, "UPPER(a.postal_code) = ?", full.get(), full.get());
    }
    if (place == null) {
      place = place(connection, "UPPER(a.postal_code) LIKE ?", district.get() + " %",
          full.orElse(district.get()));
    }
    if (place == null) {
      throw new InvalidQueryException("postcode", "this directory has no address in or near '"
          + full.orElse(district.get()) + "', so it cannot search around it.");
    }
    return place;
  }

  private static PostcodePlace place(Connection connection, String condition, String value, String name)
      throws SQLException {
    double latitude;
    double longitude;
    try (PreparedStatement statement = connection.prepareStatement("SELECT AVG(l.latitude), AVG(l.longitude),"
        + " COUNT(*) FROM address a JOIN location l ON l.id = a.location_id WHERE " + condition
        + " AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL")) {
      statement.setString(1, value);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next() || rows.getLong(3) == 0) {
          return null;
        }
        latitude = rows.getDouble(1);
        longitude = rows.getDouble(2);
      }
    }
    Set<String> areas = new LinkedHashSet<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT DISTINCT a.city, a.state_province, a.region FROM address a WHERE " + condition)) {
      statement.setString(1, value);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          for (int column = 1; column <= 3; column++) {
            if (rows.getString(column) != null) {
              areas.add(rows.getString(column));
            }
          }
        }
      }
    }
    return new PostcodePlace(name, latitude, longitude, areas);
  }

  // ------------------------------------------------------------------------------------------- rows

  private static Service serviceRow(ResultSet rows, int first) throws SQLException {
    Service service = new Service()
        .id(rows.getString(first))
        .organizationId(rows.getString(first + 1))
        .name(rows.getString(first + 2))
        .description(rows.getString(first + 3))
        .url(rows.getString(first + 4))
        .email(rows.getString(first + 5))
        .fees(rows.getString(first + 7))
        .minimumAge(rows.getBigDecimal(first + 8))
        .maximumAge(rows.getBigDecimal(first + 9))
        .assuredDate(rows.getObject(first + 10, LocalDate.class))
        .lastModified(rows.getObject(first + 11, OffsetDateTime.class));
    String status = rows.getString(first + 6);
    service.setStatus(ServiceStatus.find(status).orElseThrow(() -> new IllegalStateException(
        "service " + service.getId() + " has the status '" + status + "', which ORUK does not know")));
    if (service.getMinimumAge() != null) {
      service.setMinimumAge(plain(service.getMinimumAge()));
    }
    if (service.getMaximumAge() != null) {
      service.setMaximumAge(plain(service.getMaximumAge()));
    }
    if (rows.getString(first + 12) != null) {
      service.organization(organizationRow(rows, first + 12));
    }
    return service;
  }

  private static BigDecimal plain(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static Organization organizationRow(ResultSet rows, int first) throws SQLException {
    return new Organization()
        .id(rows.getString(first))
        .name(rows.getString(first + 1))
        .description(rows.getString(first + 2))
        .email(rows.getString(first + 3))
        .website(rows.getString(first + 4))
        .uri(rows.getString(first + 5));
  }

  private static Location locationRow(ResultSet rows, int first) throws SQLException {
    Location location = new Location()
        .id(rows.getString(first))
        .name(rows.getString(first + 2))
        .description(rows.getString(first + 3));
    LocationType.find(rows.getString(first + 1)).ifPresent(location::locationType);
    double latitude = rows.getDouble(first + 4);
    if (!rows.wasNull()) {
      location.latitude(plain(BigDecimal.valueOf(latitude)));
    }
    double longitude = rows.getDouble(first + 5);
    if (!rows.wasNull()) {
      location.longitude(plain(BigDecimal.valueOf(longitude)));
    }
    return location;
  }

  private static TaxonomyTerm termRow(ResultSet rows, int first) throws SQLException {
    return new TaxonomyTerm()
        .id(rows.getString(first))
        .name(rows.getString(first + 1))
        .description(rows.getString(first + 2))
        .parentId(rows.getString(first + 3))
        .taxonomy(rows.getString(first + 4))
        .taxonomyId(rows.getString(first + 5))
        .termUri(rows.getString(first + 6))
        .term(rows.getString(first + 7));
  }

  // ------------------------------------------------------------------------------------------- plumbing

  private static List<String> words(String search) {
    List<String> words = new ArrayList<>();
    for (String word : WORDS.split(search.toLowerCase(Locale.ROOT))) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  private static long count(Connection connection, String sql, Where where) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      where.bind(statement);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** Work against one connection. */
  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs work on a fresh connection. A database that cannot be reached is a 503 for the client
   * ({@link DirectoryUnavailableException}); any other SQL failure is a fault, logged by the SDK.
   */
  private <T> T run(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setReadOnly(true);
      return work.run(connection);
    } catch (SQLException e) {
      String state = e.getSQLState();
      if (e instanceof SQLTransientException || (state != null && state.startsWith("08"))) {
        throw new DirectoryUnavailableException("the directory's database cannot be reached", Duration.ofSeconds(30), e);
      }
      throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
    }
  }
}
