package io.github.oruk.examples.jdbc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.oruk.model.Address;
import io.github.oruk.model.AddressType;
import io.github.oruk.model.Attribute;
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
import io.github.oruk.server.geo.Postcodes;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the flat spreadsheet many councils keep (one row per service, or per service and venue) into
 * ORUK services. The columns are in the example's README; headers are matched without regard to case,
 * spaces or hyphens. A service that appears on several rows (same {@code service_id}, or same organisation
 * and service name) gets every row's venue and opening times.
 *
 * <p>All or nothing: every row is checked, and if anything is wrong, {@link CsvImportException} lists
 * every problem with its line and column, and nothing is imported. Identifiers that the sheet does not
 * give are derived from names (name-based UUIDs), so importing the same sheet again gives the same ids.
 */
public final class CsvImport {

  /** The taxonomy that the {@code categories} column's terms belong to. */
  public static final String CATEGORIES_TAXONOMY_NAME = "Local categories";

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-3])[:.]([0-5][0-9])(?::([0-5][0-9]))?");
  /** One part of an opening-hours cell: days, then one or more opening periods, such as {@code Mo-Fr 09:00-17:00}. */
  private static final Pattern HOURS_PART = Pattern.compile("(.*?)\\s*(\\d{1,2}[:.]\\d{2}\\s*[-\u2013]\\s*\\d{1,2}[:.]\\d{2}"
      + "(?:\\s*,\\s*\\d{1,2}[:.]\\d{2}\\s*[-\u2013]\\s*\\d{1,2}[:.]\\d{2})*)");
  private static final Pattern UUID_FORM = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final String HOURS_EXAMPLE = "Mo-Fr 09:00-17:00; Sa 10:00-12:00";
  /** A telephone number, once spaces, hyphens, dots and brackets are taken out: UK (0 or +44) or international. */
  private static final Pattern PHONE = Pattern.compile("(0\\d{9,10})|(\\+44\\d{9,10})|(\\+[1-9]\\d{6,14})");
  /** The extension that holds a service's telephone numbers, as HSDS 3.0 places them. */
  static final String PHONES = "phones";
  private static final String[] DAY_CODES = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  private static final String[] DAY_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday"};

  /** The columns, with the other spellings councils use for them. */
  private static final Map<String, List<String>> COLUMNS = columns();

  private final OffsetDateTime importedAt;

  /**
   * @param importedAt the {@code last_modified} of rows that leave it blank
   */
  public CsvImport(OffsetDateTime importedAt) {
    this.importedAt = Objects.requireNonNull(importedAt, "importedAt").truncatedTo(ChronoUnit.SECONDS);
  }

  /** An import stamping blank {@code last_modified} cells with the current time. */
  public CsvImport() {
    this(OffsetDateTime.now(ZoneOffset.UTC));
  }

  /** What a sheet holds, ready for {@link DirectoryWriter}. */
  public record Sheet(List<Service> services, Taxonomy categories) {
  }

  /** The column names the importer understands (canonical spelling), for messages and documentation. */
  public static List<String> columnNames() {
    return List.copyOf(COLUMNS.keySet());
  }

  /**
   * Reads a sheet.
   *
   * @throws CsvImportException listing every problem, when anything in it is wrong
   * @throws IOException when the reader fails
   */
  public Sheet read(Reader reader) throws IOException {
    List<CsvReader.Row> rows = CsvReader.read(reader);
    List<String> problems = new ArrayList<>();
    if (rows.isEmpty()) {
      throw new CsvImportException(List.of("the sheet is empty; the first line must name the columns"));
    }
    Map<String, Integer> columns = header(rows.get(0).fields(), problems);
    if (!problems.isEmpty()) {
      throw new CsvImportException(problems);
    }
    Taxonomy categories = new Taxonomy().id(id("taxonomy", CATEGORIES_TAXONOMY_NAME)).name(CATEGORIES_TAXONOMY_NAME)
        .description("The categories this directory's spreadsheet gives its services.");
    Map<String, Service> services = new LinkedHashMap<>();
    Map<String, String> fingerprints = new LinkedHashMap<>();
    for (CsvReader.Row row : rows.subList(1, rows.size())) {
      Cells cells = new Cells(row, columns, problems);
      if (row.fields().size() > rows.get(0).fields().size()) {
        problems.add("line " + row.line() + ": " + row.fields().size() + " cells, but the header names only "
            + rows.get(0).fields().size() + " columns");
        continue;
      }
      Service service = service(cells, categories);
      if (service == null) {
        continue;
      }
      String fingerprint = fingerprint(service);
      Service earlier = services.get(service.getId());
      if (earlier == null) {
        services.put(service.getId(), service);
        fingerprints.put(service.getId(), fingerprint);
      } else if (!fingerprints.get(service.getId()).equals(fingerprint)) {
        problems.add("line " + row.line() + ": service " + service.getId() + " (" + service.getName()
            + ") appears on an earlier line with different details; a service on several lines (one per venue)"
            + " must repeat the same service columns");
      } else {
        merge(earlier, service);
      }
    }
    if (!problems.isEmpty()) {
      throw new CsvImportException(problems);
    }
    return new Sheet(List.copyOf(services.values()), categories);
  }

  // ------------------------------------------------------------------------------------------- rows

  private Service service(Cells cells, Taxonomy categories) {
    int before = cells.problems.size();
    String name = cells.required("service_name");
    String organizationName = cells.required("organisation_name");
    if (name == null || organizationName == null) {
      return null;
    }
    String organizationId = id("organisation", organizationName.toLowerCase(Locale.ROOT));
    Organization organization = new Organization().id(organizationId).name(organizationName)
        .description(cells.optional("organisation_description", organizationName))
        .website(cells.optional("organisation_website", null));
    String given = cells.optional("service_id", null);
    // ORUK 3.0 ids are UUIDs: one given is kept; any other identifier (SVC-104) becomes a UUID derived from it,
    // the same on every import, so the feed stays valid and re-importing the sheet keeps every service's id.
    String serviceId = given == null ? id("service", organizationId + "|" + name.toLowerCase(Locale.ROOT))
        : UUID_FORM.matcher(given).matches() ? given.toLowerCase(Locale.ROOT) : id("service-id", given);
    Service service = new Service().id(serviceId).name(name).organizationId(organizationId).organization(organization)
        .description(cells.optional("service_description", null))
        .url(cells.optional("service_url", null))
        .email(cells.optional("service_email", null))
        .fees(cells.optional("fees", null))
        .status(cells.status())
        .minimumAge(cells.age("minimum_age"))
        .maximumAge(cells.age("maximum_age"))
        .assuredDate(cells.assuredDate(importedAt.atZoneSameInstant(LONDON).toLocalDate()))
        .lastModified(cells.instant("last_modified", importedAt));
    ArrayNode phones = cells.phones(serviceId);
    if (phones != null) {
      service.putExtension(PHONES, phones);
    }
    if (service.getMinimumAge() != null && service.getMaximumAge() != null
        && service.getMinimumAge().compareTo(service.getMaximumAge()) > 0) {
      cells.problem("maximum_age", "is below minimum_age (" + service.getMinimumAge().toPlainString() + ")");
    }
    Location location = cells.location();
    if (location != null) {
      service.addServiceAtLocationsItem(new ServiceAtLocation().id(id("link", serviceId + "|" + location.getId()))
          .serviceId(serviceId).locationId(location.getId()).location(location));
    }
    cells.schedules(serviceId).forEach(service::addSchedulesItem);
    String area = cells.optional("service_area", null);
    if (area != null) {
      service.addServiceAreasItem(new ServiceArea().id(id("area", serviceId + "|" + area)).serviceId(serviceId)
          .name(area).serviceArea(area));
    }
    String list = cells.optional("categories", null);
    if (list != null) {
      for (String category : list.split(";")) {
        String label = category.strip();
        if (label.isEmpty()) {
          continue;
        }
        TaxonomyTerm term = term(categories, label);
        service.addAttributesItem(new Attribute().id(id("attribute", serviceId + "|" + term.getId()))
            .linkId(serviceId).linkType("service").taxonomyTermId(term.getId()).taxonomyTerm(term));
      }
    }
    return cells.problems.size() == before ? service : null;
  }

  private static TaxonomyTerm term(Taxonomy categories, String label) {
    String id = id("term", label.toLowerCase(Locale.ROOT));
    if (!categories.getTaxonomyTerms().isEmpty()) {
      for (TaxonomyTerm existing : categories.getTaxonomyTerms()) {
        if (existing.getId().equals(id)) {
          return existing;
        }
      }
    }
    TaxonomyTerm term = new TaxonomyTerm().id(id).name(label).description(label).term(label)
        .taxonomy(CATEGORIES_TAXONOMY_NAME).taxonomyId(categories.getId());
    categories.addTaxonomyTermsItem(term);
    return term;
  }

  /** The service-level values of a row, to check that repeated rows agree. */
  private static String fingerprint(Service service) {
    return String.join("\u0000", String.valueOf(service.getName()), String.valueOf(service.getOrganizationId()),
        String.valueOf(service.getDescription()), String.valueOf(service.getUrl()), String.valueOf(service.getEmail()),
        String.valueOf(service.getFees()), String.valueOf(service.getStatus()), String.valueOf(service.getMinimumAge()),
        String.valueOf(service.getMaximumAge()), String.valueOf(service.getAssuredDate()),
        String.valueOf(service.getExtensions().get(PHONES)));
  }

  /** Adds a later row's venue, opening times, area and categories to the service. */
  private static void merge(Service service, Service row) {
    Set<String> links = new LinkedHashSet<>();
    if (!service.getServiceAtLocations().isEmpty()) {
      service.getServiceAtLocations().forEach(link -> links.add(link.getId()));
    }
    if (!row.getServiceAtLocations().isEmpty()) {
      row.getServiceAtLocations().stream().filter(link -> links.add(link.getId()))
          .forEach(service::addServiceAtLocationsItem);
    }
    addNew(service.getSchedules(), row.getSchedules(), Schedule::getId, service::addSchedulesItem);
    addNew(service.getServiceAreas(), row.getServiceAreas(), ServiceArea::getId, service::addServiceAreasItem);
    addNew(service.getAttributes(), row.getAttributes(), Attribute::getId, service::addAttributesItem);
  }

  private static <T> void addNew(List<T> existing, List<T> more, java.util.function.Function<T, String> id,
      java.util.function.Consumer<T> add) {
    if (more == null) {
      return;
    }
    Set<String> seen = new LinkedHashSet<>();
    if (existing != null) {
      existing.forEach(item -> seen.add(id.apply(item)));
    }
    for (T item : more) {
      if (seen.add(id.apply(item))) {
        add.accept(item);
      }
    }
  }

  // ------------------------------------------------------------------------------------------- header

  private static Map<String, Integer> header(List<String> names, List<String> problems) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String wanted = normal(names.get(i));
      if (wanted.isEmpty()) {
        continue;
      }
      String canonical = null;
      for (Map.Entry<String, List<String>> column : COLUMNS.entrySet()) {
        if (column.getValue().contains(wanted)) {
          canonical = column.getKey();
        }
      }
      if (canonical == null) {
        problems.add("line 1, column " + (i + 1) + ": '" + names.get(i) + "' is not a column this import knows;"
            + " the columns are " + String.join(", ", COLUMNS.keySet()) + " (rename or remove it, so that nothing"
            + " in the sheet is silently left behind)");
      } else if (columns.putIfAbsent(canonical, i) != null) {
        problems.add("line 1: the column " + canonical + " appears twice");
      }
    }
    for (String required : List.of("service_name", "organisation_name")) {
      if (!columns.containsKey(required)) {
        problems.add("line 1: the sheet has no " + required + " column, which every row needs");
      }
    }
    return columns;
  }

  private static String normal(String header) {
    return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
  }

  private static Map<String, List<String>> columns() {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    columns.put("service_id", List.of("service_id", "id"));
    columns.put("service_name", List.of("service_name", "service", "name"));
    columns.put("service_description", List.of("service_description", "description"));
    columns.put("organisation_name", List.of("organisation_name", "organization_name", "organisation", "organization",
        "provider"));
    columns.put("organisation_description", List.of("organisation_description", "organization_description"));
    columns.put("organisation_website", List.of("organisation_website", "organization_website"));
    columns.put("service_url", List.of("service_url", "website", "url"));
    columns.put("service_email", List.of("service_email", "email"));
    columns.put("status", List.of("status"));
    columns.put("fees", List.of("fees", "cost"));
    columns.put("minimum_age", List.of("minimum_age", "min_age"));
    columns.put("maximum_age", List.of("maximum_age", "max_age"));
    columns.put("location_name", List.of("location_name", "venue"));
    columns.put("address_1", List.of("address_1", "address", "address_line_1"));
    columns.put("city", List.of("city", "town"));
    columns.put("county", List.of("county", "state_province"));
    columns.put("postcode", List.of("postcode", "postal_code"));
    columns.put("latitude", List.of("latitude", "lat"));
    columns.put("longitude", List.of("longitude", "lon", "lng"));
    columns.put("days", List.of("days", "byday"));
    columns.put("opens_at", List.of("opens_at", "opens", "open"));
    columns.put("closes_at", List.of("closes_at", "closes", "close"));
    columns.put("categories", List.of("categories", "category"));
    columns.put("service_area", List.of("service_area", "area"));
    columns.put("last_modified", List.of("last_modified", "updated"));
    columns.put("assured_date", List.of("assured_date", "assured", "last_assured", "last_checked"));
    columns.put("phone", List.of("phone", "phones", "telephone", "phone_number", "tel"));
    columns.put("opening_hours", List.of("opening_hours", "hours", "opening_times"));
    return columns;
  }

  static String id(String kind, String name) {
    return UUID.nameUUIDFromBytes(("oruk-jdbc-publisher/" + kind + "/" + name).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  // ------------------------------------------------------------------------------------------- cells

  /** One row's cells, read with the problems they have. */
  private static final class Cells {
    private final CsvReader.Row row;
    private final Map<String, Integer> columns;
    private final List<String> problems;

    Cells(CsvReader.Row row, Map<String, Integer> columns, List<String> problems) {
      this.row = row;
      this.columns = columns;
      this.problems = problems;
    }

    /** The cell, stripped; null when the column is absent or the cell blank. */
    String value(String column) {
      Integer index = columns.get(column);
      if (index == null || index >= row.fields().size()) {
        return null;
      }
      String value = row.fields().get(index).strip();
      return value.isEmpty() ? null : value;
    }

    void problem(String column, String what) {
      problems.add("line " + row.line() + ", column " + column + ": " + what);
    }

    String required(String column) {
      String value = value(column);
      if (value == null) {
        problem(column, "is empty, but every service needs it");
      }
      return value;
    }

    String optional(String column, String otherwise) {
      String value = value(column);
      return value == null ? otherwise : value;
    }

    ServiceStatus status() {
      String value = value("status");
      if (value == null) {
        return ServiceStatus.ACTIVE;
      }
      for (ServiceStatus status : ServiceStatus.values()) {
        if (status.value().equalsIgnoreCase(value.replace('_', ' '))) {
          return status;
        }
      }
      problem("status", "'" + value + "' is not a status; use active, inactive, defunct or temporarily closed");
      return ServiceStatus.ACTIVE;
    }

    BigDecimal age(String column) {
      String value = value(column);
      if (value == null) {
        return null;
      }
      try {
        BigDecimal age = new BigDecimal(value);
        if (age.signum() >= 0 && age.compareTo(BigDecimal.valueOf(150)) <= 0) {
          return age;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problem(column, "'" + value + "' is not an age in years from 0 to 150");
      return null;
    }

    /** The {@code assured_date} cell: a day no later than {@code today}. */
    LocalDate assuredDate(LocalDate today) {
      String value = value("assured_date");
      if (value == null) {
        return null;
      }
      LocalDate date = date(value);
      if (date == null) {
        problem("assured_date", "'" + value + "' is not a date (2024-05-01 or 01/05/2024)");
      } else if (date.isAfter(today)) {
        problem("assured_date", "'" + value + "' is after today (" + today + "); it is the day the details were"
            + " last checked");
        return null;
      }
      return date;
    }

    private static LocalDate date(String value) {
      for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("d/M/uuuu"))) {
        try {
          return LocalDate.parse(value, format);
        } catch (DateTimeException e) {
          // next form
        }
      }
      return null;
    }

    /**
     * The {@code phone} cell as ORUK phone records ({@code id}, {@code number}): one number, or several separated
     * by {@code ;}. ORUK 3.0 defines the phone record but gives a service no place for it, so the numbers travel
     * as the extension {@value CsvImport#PHONES}, where HSDS 3.0 puts a service's phones; null when the cell is blank.
     */
    ArrayNode phones(String serviceId) {
      String value = value("phone");
      if (value == null) {
        return null;
      }
      ArrayNode phones = JsonNodeFactory.instance.arrayNode();
      for (String part : value.split(";")) {
        String number = part.strip();
        if (number.isEmpty()) {
          continue;
        }
        if (!PHONE.matcher(number.replaceAll("[\\s().\\-]", "")).matches()) {
          problem("phone", "'" + number + "' is not a telephone number; write it with all its digits, such as"
              + " 0117 496 0000 or +44 117 496 0000 (several separated by ;)");
          return null;
        }
        phones.addObject().put("id", id("phone", serviceId + "|" + number)).put("number", number);
      }
      return phones.isEmpty() ? null : phones;
    }

    OffsetDateTime instant(String column, OffsetDateTime otherwise) {
      String value = value(column);
      if (value == null) {
        return otherwise;
      }
      try {
        return OffsetDateTime.parse(value);
      } catch (DateTimeException e) {
        // try the UK forms below
      }
      try {
        return LocalDateTime.parse(value).atZone(LONDON).toOffsetDateTime();
      } catch (DateTimeException e) {
        // try a date
      }
      LocalDate date = date(value);
      if (date != null) {
        return date.atStartOfDay(LONDON).toOffsetDateTime();
      }
      problem(column, "'" + value + "' is not a date (2024-05-01 or 01/05/2024) or a date-time");
      return otherwise;
    }

    Location location() {
      String address = value("address_1");
      String city = value("city");
      String county = value("county");
      String postcode = value("postcode");
      String name = value("location_name");
      if (address == null && city == null && postcode == null && county == null) {
        if (name != null || value("latitude") != null || value("longitude") != null) {
          problem("address_1", "a venue needs its address: address_1, city, county and postcode");
        }
        return null;
      }
      int before = problems.size();
      for (String[] part : new String[][] {{"address_1", address}, {"city", city}, {"county", county},
          {"postcode", postcode}}) {
        if (part[1] == null) {
          problem(part[0], "is empty, but an address needs it");
        }
      }
      String tidy = postcode == null ? null : Postcodes.normalize(postcode).orElse(null);
      if (postcode != null && tidy == null) {
        problem("postcode", "'" + postcode + "' is not a UK postcode");
      }
      Double latitude = coordinate("latitude", -90, 90);
      Double longitude = coordinate("longitude", -180, 180);
      if ((latitude == null) != (longitude == null)) {
        problem(latitude == null ? "latitude" : "longitude", "give both latitude and longitude, or neither");
      }
      if (problems.size() > before) {
        return null;
      }
      String locationId = id("location", (name == null ? "" : name.toLowerCase(Locale.ROOT)) + "|"
          + address.toLowerCase(Locale.ROOT) + "|" + tidy);
      Location location = new Location().id(locationId).locationType(LocationType.PHYSICAL).name(name);
      if (latitude != null && longitude != null) {
        location.latitude(BigDecimal.valueOf(latitude)).longitude(BigDecimal.valueOf(longitude));
      }
      location.addAddressesItem(new Address().id(id("address", locationId)).locationId(locationId).address1(address)
          .city(city).stateProvince(county).postalCode(tidy).country("GB").addressType(AddressType.PHYSICAL));
      return location;
    }

    private Double coordinate(String column, double low, double high) {
      String value = value(column);
      if (value == null) {
        return null;
      }
      try {
        double number = Double.parseDouble(value);
        if (number >= low && number <= high) {
          return number;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problem(column, "'" + value + "' is not a " + column + " from " + (int) low + " to " + (int) high);
      return null;
    }

    /** The row's weekly opening times: from {@code opening_hours}, or from {@code days}, {@code opens_at} and {@code closes_at}. */
    List<Schedule> schedules(String serviceId) {
      String hours = value("opening_hours");
      String days = value("days");
      LocalTime opens = time("opens_at");
      LocalTime closes = time("closes_at");
      if (hours != null) {
        if (days != null || opens != null || closes != null) {
          problem("opening_hours", "give the opening times either here or in days, opens_at and closes_at, not both");
          return List.of();
        }
        return openingHours(serviceId, hours);
      }
      if (days == null && opens == null && closes == null) {
        return List.of();
      }
      if (opens != null && closes != null && !closes.isAfter(opens)) {
        problem("closes_at", "is not after opens_at");
      }
      String codes = days == null ? null : dayCodes("days", days);
      return List.of(weekly(serviceId, codes, opens, closes));
    }

    private static Schedule weekly(String serviceId, String codes, LocalTime opens, LocalTime closes) {
      Schedule schedule = new Schedule().id(id("schedule", serviceId + "|" + codes + "|" + opens + "|" + closes))
          .serviceId(serviceId).opensAt(opens).closesAt(closes);
      if (codes != null) {
        schedule.freq(ScheduleFrequency.WEEKLY).byday(codes);
      }
      return schedule;
    }

    /**
     * {@code Mo-Fr 09:00-17:00; Sa 10:00-12:00}: parts separated by {@code ;}, each some days (as the
     * {@code days} column takes them, or {@code daily}) and one or more periods separated by commas. Each
     * period of each part is one weekly schedule.
     */
    private List<Schedule> openingHours(String serviceId, String text) {
      List<Schedule> schedules = new ArrayList<>();
      for (String part : text.split(";")) {
        String rule = part.strip();
        if (rule.isEmpty()) {
          continue;
        }
        Matcher matcher = HOURS_PART.matcher(rule);
        if (!matcher.matches()) {
          problem("opening_hours", "'" + rule + "' is not days and times such as " + HOURS_EXAMPLE);
          return List.of();
        }
        String dayText = matcher.group(1).strip();
        if (dayText.isEmpty()) {
          problem("opening_hours", "'" + rule + "' does not say on which days; put them first, as in " + HOURS_EXAMPLE);
          return List.of();
        }
        String codes = dayText.equalsIgnoreCase("daily") || dayText.equalsIgnoreCase("every day")
            ? String.join(",", DAY_CODES) : dayCodes("opening_hours", dayText);
        if (codes == null) {
          return List.of();
        }
        for (String period : matcher.group(2).split(",")) {
          String[] ends = period.strip().split("\\s*[-\u2013]\\s*");
          LocalTime opens = timeOfDay(ends[0]);
          LocalTime closes = timeOfDay(ends[1]);
          if (opens == null || closes == null) {
            problem("opening_hours", "'" + period.strip() + "' in '" + rule + "' is not two times of day such as"
                + " 09:00-17:00");
            return List.of();
          }
          if (!closes.isAfter(opens)) {
            problem("opening_hours", "'" + period.strip() + "' in '" + rule + "' closes before it opens");
            return List.of();
          }
          schedules.add(weekly(serviceId, codes, opens, closes));
        }
      }
      return schedules;
    }

    private LocalTime time(String column) {
      String value = value(column);
      if (value == null) {
        return null;
      }
      LocalTime time = timeOfDay(value);
      if (time == null) {
        problem(column, "'" + value + "' is not a time of day such as 09:30");
      }
      return time;
    }

    private static LocalTime timeOfDay(String value) {
      Matcher matcher = TIME.matcher(value.strip());
      if (!matcher.matches()) {
        return null;
      }
      return LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
          matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3)));
    }

    /** "Mon-Fri", "MO,WE,FR", "Tuesday and Thursday" → "MO,TU,WE,TH,FR" etc. */
    private String dayCodes(String column, String text) {
      boolean[] on = new boolean[7];
      String cleaned = text.toLowerCase(Locale.ROOT).replace(" to ", "-").replace(" and ", ",").replace('&', ',')
          .replace(';', ',').replace('/', ',');
      for (String part : cleaned.split(",")) {
        String item = part.strip();
        if (item.isEmpty()) {
          continue;
        }
        String[] range = item.split("\\s*[-\u2013]\\s*");
        int from = day(range[0]);
        int to = range.length > 1 ? day(range[1]) : from;
        if (from < 0 || to < 0 || range.length > 2) {
          problem(column, "'" + text + "' is not a list of days such as MO,WE,FR or Mon-Fri");
          return null;
        }
        for (int d = from; ; d = (d + 1) % 7) {
          on[d] = true;
          if (d == to) {
            break;
          }
        }
      }
      List<String> codes = new ArrayList<>();
      for (int d = 0; d < 7; d++) {
        if (on[d]) {
          codes.add(DAY_CODES[d]);
        }
      }
      if (codes.isEmpty()) {
        problem(column, "'" + text + "' names no day; use days such as MO,WE,FR or Mon-Fri");
        return null;
      }
      return String.join(",", codes);
    }

    private static int day(String word) {
      String text = word.strip();
      for (int d = 0; d < 7; d++) {
        if (text.equalsIgnoreCase(DAY_CODES[d]) || (text.length() >= 3 && DAY_NAMES[d].startsWith(text))) {
          return d;
        }
      }
      return -1;
    }
  }
}
