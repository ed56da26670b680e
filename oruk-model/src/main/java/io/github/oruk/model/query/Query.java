package io.github.oruk.model.query;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The query of a list endpoint: every ORUK 3.0 parameter, typed, each absent (null) unless set. A client
 * turns it into a query string with {@link #toQueryString()}; a server turns a query string back into
 * one with {@link #parse(Endpoint, String)}, which refuses anything it cannot understand.
 *
 * <pre>{@code
 * Query query = Query.builder().search("food bank").postcode("BS1 4DJ").proximity(2000).perPage(50).build();
 * query.toQueryString();   // "search=food%20bank&per_page=50&postcode=BS1%204DJ&proximity=2000"
 * }</pre>
 *
 * <p>Parameters combine with AND. Pages count from 1. {@code day} is a day of the week, written on the wire
 * as an iCalendar code ({@code MO} … {@code SU}); {@code start_time} and {@code end_time} are UK times of
 * day; {@code modified_after} is an instant.
 *
 * <p>The components mirror the spec document's query parameters; {@code QuerySpecTest} fails when a
 * parameter is added, removed or retyped there and not here.
 *
 * @param search words to look for
 * @param page the page, from 1
 * @param perPage records per page, at least 1
 * @param format json (one page) or ndjson (every record, one per line)
 * @param taxonomyTermId records tagged with this term
 * @param taxonomyId records tagged with a term from this taxonomy
 * @param organizationId records of this organization's services
 * @param modifiedAfter records modified at or after this instant
 * @param minimal list items with only id, name, status and last_modified
 * @param full fully nested list items
 * @param fullService fully nested services inside organizations
 * @param postcode a UK postcode to search around
 * @param proximity metres from the postcode's centre
 * @param topOnly taxonomy terms without a parent
 * @param parentId taxonomy terms with this parent
 * @param minimumAge services whose minimum age is at least this
 * @param maximumAge services whose maximum age is at most this
 * @param startTime services open at or after this time of day
 * @param endTime services closing at or before this time of day
 * @param day services open on this day of the week
 * @param extras parameters beyond the standard ones, sent as given after them, in order (see
 *     {@link Builder#extra(String, String...)}); never set by {@link #parse}
 */
public record Query(
    @Nullable String search,
    @Nullable Integer page,
    @Nullable Integer perPage,
    @Nullable Format format,
    @Nullable String taxonomyTermId,
    @Nullable String taxonomyId,
    @Nullable String organizationId,
    @Nullable OffsetDateTime modifiedAfter,
    @Nullable Boolean minimal,
    @Nullable Boolean full,
    @Nullable Boolean fullService,
    @Nullable String postcode,
    @Nullable BigDecimal proximity,
    @Nullable Boolean topOnly,
    @Nullable String parentId,
    @Nullable BigDecimal minimumAge,
    @Nullable BigDecimal maximumAge,
    @Nullable LocalTime startTime,
    @Nullable LocalTime endTime,
    @Nullable DayOfWeek day,
    List<Extra> extras) {

  /**
   * One {@code name=value} pair outside the typed parameters: a vendor's parameter, or a standard one
   * repeated for a feed that accepts several values.
   *
   * @param name the parameter's name as it goes on the wire (it is percent-encoded)
   * @param value its value (percent-encoded; "" sends {@code name=})
   */
  public record Extra(String name, String value) {
    public Extra {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("an extra parameter needs a name; got " + (name == null ? "null" : "\"\""));
      }
      Objects.requireNonNull(value, "value");
    }
  }

  /** How a list endpoint answers. */
  public enum Format {
    /** One page, in the page envelope. */
    JSON,
    /** Every matching record, one JSON document per line, no paging. */
    NDJSON;

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  /** Decimal places {@link #parse} accepts in {@code proximity} and the ages. */
  private static final int MAX_DECIMAL_PLACES = 20;
  private static final Map<DayOfWeek, String> DAY_CODES = new EnumMap<>(Map.of(
      DayOfWeek.MONDAY, "MO", DayOfWeek.TUESDAY, "TU", DayOfWeek.WEDNESDAY, "WE", DayOfWeek.THURSDAY, "TH",
      DayOfWeek.FRIDAY, "FR", DayOfWeek.SATURDAY, "SA", DayOfWeek.SUNDAY, "SU"));

  public Query {
    if (page != null && page < 1) {
      throw new IllegalArgumentException("page counts from 1; got " + page);
    }
    if (perPage != null) {
      try {
        atLeastOne(quoted(Parameter.PER_PAGE), perPage.toString(), perPage);
      } catch (InvalidQueryException e) {
        throw new InvalidQueryException(Parameter.PER_PAGE.wireName(), e.getMessage());
      }
    }
    requireNotNegative("proximity", proximity);
    requireNotNegative("minimum_age", minimumAge);
    requireNotNegative("maximum_age", maximumAge);
    extras = extras == null ? List.of() : List.copyOf(extras);
  }

  /** The query with no parameters: everything, first page, the publisher's page size. */
  public static Query all() {
    return builder().build();
  }

  /** A builder with every parameter absent. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this query. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** This query for another page. */
  public Query withPage(int page) {
    return toBuilder().page(page).build();
  }

  /** This query with another page size. */
  public Query withPerPage(int perPage) {
    return toBuilder().perPage(perPage).build();
  }

  /** The wire text of every parameter that is set, in the order {@link Parameter} lists them. */
  public Map<Parameter, String> toWire() {
    Map<Parameter, String> wire = new EnumMap<>(Parameter.class);
    put(wire, Parameter.SEARCH, search);
    put(wire, Parameter.PAGE, page);
    put(wire, Parameter.PER_PAGE, perPage);
    put(wire, Parameter.FORMAT, format == null ? null : format.wire());
    put(wire, Parameter.TAXONOMY_TERM_ID, taxonomyTermId);
    put(wire, Parameter.TAXONOMY_ID, taxonomyId);
    put(wire, Parameter.ORGANIZATION_ID, organizationId);
    put(wire, Parameter.MODIFIED_AFTER,
        modifiedAfter == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(modifiedAfter));
    put(wire, Parameter.MINIMAL, minimal);
    put(wire, Parameter.FULL, full);
    put(wire, Parameter.FULL_SERVICE, fullService);
    put(wire, Parameter.POSTCODE, postcode);
    put(wire, Parameter.PROXIMITY, plain(proximity));
    put(wire, Parameter.TOP_ONLY, topOnly);
    put(wire, Parameter.PARENT_ID, parentId);
    put(wire, Parameter.MINIMUM_AGE, plain(minimumAge));
    put(wire, Parameter.MAXIMUM_AGE, plain(maximumAge));
    put(wire, Parameter.START_TIME, startTime == null ? null : time(startTime));
    put(wire, Parameter.END_TIME, endTime == null ? null : time(endTime));
    put(wire, Parameter.DAY, day == null ? null : DAY_CODES.get(day));
    return wire;
  }

  /** The parameters that are set. */
  public Set<Parameter> parameters() {
    return toWire().keySet();
  }

  /**
   * The query string, percent-encoded (UTF-8, spaces as %20), without a leading '?'; "" when empty. The
   * standard parameters come first, in the order {@link Parameter} lists them, then the extras as added.
   */
  public String toQueryString() {
    StringJoiner joined = new StringJoiner("&");
    toWire().forEach((parameter, value) -> joined.add(parameter.wireName() + "=" + QueryText.encode(value)));
    extras.forEach(extra -> joined.add(QueryText.encode(extra.name()) + "=" + QueryText.encode(extra.value())));
    return joined.toString();
  }

  /**
   * Checks that the endpoint takes every parameter that is set.
   *
   * @throws InvalidQueryException naming the first parameter the endpoint does not take
   */
  public Query requireApplicableTo(Endpoint endpoint) {
    for (Parameter parameter : parameters()) {
      if (!endpoint.parameters().contains(parameter)) {
        throw notTaken(endpoint, parameter.wireName());
      }
    }
    return this;
  }

  /**
   * Reads the query string of a request to a list endpoint. Empty values ({@code search=}) count as
   * absent; everything else must be understood: an unknown or repeated parameter, one the endpoint
   * does not take, and a value of the wrong form are each refused with the parameter's name and what was
   * expected. Dates and date-times without an offset are read as UK time.
   *
   * @param rawQuery the part after '?', still percent-encoded; null or "" for none
   * @throws InvalidQueryException when anything in it cannot be understood
   */
  public static Query parse(Endpoint endpoint, @Nullable String rawQuery) {
    Map<String, String> values = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decode(null, equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(name, pair.substring(equals + 1));
        Parameter parameter = Parameter.fromWireName(name).orElseThrow(() -> new InvalidQueryException(name,
            "'" + shorten(name) + "' is not an ORUK query parameter; " + endpoint.path() + " takes "
                + names(endpoint.parameters()) + "."));
        if (!endpoint.parameters().contains(parameter)) {
          throw notTaken(endpoint, name);
        }
        if (values.containsKey(name)) {
          throw new InvalidQueryException(name, "'" + name + "' is given more than once; give it once.");
        }
        values.put(name, value);
      }
    }
    Builder query = builder();
    values.forEach((name, value) -> {
      if (!value.isEmpty()) {
        set(query, Parameter.fromWireName(name).orElseThrow(), value);
      }
    });
    try {
      return query.build();
    } catch (InvalidQueryException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException(null, e.getMessage());
    }
  }

  /**
   * Reads one parameter's value, already percent-decoded, exactly as {@link #parse} reads it from a query
   * string, for a value that comes from elsewhere (a command-line option, a configuration file) with no
   * query string to build: {@code Query.parseValue(Parameter.MODIFIED_AFTER, "2024-05-01", "DATE")}. An
   * empty value is absent, as in a query string. Whether an endpoint takes the parameter is not checked.
   *
   * @param label what an error message calls the value, written as given (parse writes {@code 'per_page'})
   * @return a query with only this parameter set (none when the value is empty)
   * @throws InvalidQueryException naming the parameter, when the value is not of its form; its message
   *     names {@code label}
   */
  public static Query parseValue(Parameter parameter, String value, String label) {
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(value, "value");
    Builder query = builder();
    if (!value.isEmpty()) {
      set(query, parameter, value, label);
    }
    return query.build();
  }

  private static void set(Builder query, Parameter parameter, String value) {
    set(query, parameter, value, quoted(parameter));
  }

  /** Sets one parameter from its text; an error message calls the value {@code name}, as given. */
  private static void set(Builder query, Parameter parameter, String value, String name) {
    try {
      setChecked(query, parameter, value, name);
    } catch (InvalidQueryException e) {
      throw e.parameter() == null ? new InvalidQueryException(parameter.wireName(), e.getMessage()) : e;
    }
  }

  private static void setChecked(Builder query, Parameter parameter, String value, String name) {
    switch (parameter) {
      case SEARCH -> query.search(value);
      case PAGE -> query.page(positive(name, value));
      case PER_PAGE -> query.perPage(positive(name, value));
      case FORMAT -> query.format(switch (value.toLowerCase(Locale.ROOT)) {
        case "json" -> Format.JSON;
        case "ndjson" -> Format.NDJSON;
        default -> throw invalid(name, value, "json or ndjson");
      });
      case TAXONOMY_TERM_ID -> query.taxonomyTermId(value);
      case TAXONOMY_ID -> query.taxonomyId(value);
      case ORGANIZATION_ID -> query.organizationId(value);
      case MODIFIED_AFTER -> query.modifiedAfter(instant(name, value));
      case MINIMAL -> query.minimal(bool(name, value));
      case FULL -> query.full(bool(name, value));
      case FULL_SERVICE -> query.fullService(bool(name, value));
      case POSTCODE -> query.postcode(value);
      case PROXIMITY -> query.proximity(number(name, value, "a distance in metres, such as 2000"));
      case TOP_ONLY -> query.topOnly(bool(name, value));
      case PARENT_ID -> query.parentId(value);
      case MINIMUM_AGE -> query.minimumAge(number(name, value, "an age in years, such as 16"));
      case MAXIMUM_AGE -> query.maximumAge(number(name, value, "an age in years, such as 16"));
      case START_TIME -> query.startTime(timeOfDay(name, value));
      case END_TIME -> query.endTime(timeOfDay(name, value));
      case DAY -> query.day(day(name, value));
    }
  }

  private static int positive(String name, String value) {
    long number;
    try {
      number = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      number = 0; // not a whole number: refused below with the one message
    }
    return atLeastOne(name, value, number);
  }

  /**
   * The one check of {@code page} and {@code per_page} values, whether they come from a query string
   * ({@link #parse}), the builder, or a caller above them (the client's harvest options, the CLI's
   * {@code --per-page}): one rule, one message.
   */
  private static int atLeastOne(String name, String value, long number) {
    if (number < 1 || number > Integer.MAX_VALUE) {
      throw invalid(name, value, "a whole number from 1 to " + Integer.MAX_VALUE);
    }
    return (int) number;
  }

  private static Boolean bool(String name, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw invalid(name, value, "true or false");
    };
  }

  /**
   * A number from 0 to 10⁹ with at most {@value #MAX_DECIMAL_PLACES} decimal places. The bound on decimal
   * places matters as much as the range: {@code 1e-999999999} is a tiny number that BigDecimal holds in a few
   * bytes but writes out in full as a billion digits.
   */
  private static BigDecimal number(String name, String value, String expected) {
    try {
      BigDecimal number = new BigDecimal(value.strip());
      if (number.signum() >= 0 && number.compareTo(BigDecimal.valueOf(1_000_000_000)) <= 0
          && number.stripTrailingZeros().scale() <= MAX_DECIMAL_PLACES) {
        // As written (16.0 stays 16.0), except a zero, whose scale may be anything (0e-2147483647).
        return number.signum() == 0 ? BigDecimal.ZERO : number;
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    throw invalid(name, value, expected + ", from 0 to 1000000000 with at most " + MAX_DECIMAL_PLACES
        + " decimal places");
  }

  /**
   * An instant with a four-digit year, as RFC 3339 (the format the standard names) writes it. Java reads
   * years up to ±999,999,999, which no directory can compare with (they overflow epoch milliseconds and
   * database timestamps), so they are refused here rather than failing in a provider.
   */
  private static OffsetDateTime instant(String name, String value) {
    String text = value.strip();
    OffsetDateTime instant = null;
    try {
      instant = OffsetDateTime.parse(text);
    } catch (DateTimeException e) {
      // try the UK forms below
    }
    if (instant == null) {
      try {
        instant = LocalDateTime.parse(text).atZone(LONDON).toOffsetDateTime();
      } catch (DateTimeException e) {
        // try a date
      }
    }
    if (instant == null) {
      try {
        instant = LocalDate.parse(text).atStartOfDay(LONDON).toOffsetDateTime();
      } catch (DateTimeException e) {
        // reported below
      }
    }
    if (instant == null || instant.getYear() < 0 || instant.getYear() > 9999) {
      throw invalid(name, value, "a date-time with a four-digit year, such as 2024-05-01T09:30:00Z (or a date,"
          + " read as midnight UK time)");
    }
    return instant;
  }

  private static LocalTime timeOfDay(String name, String value) {
    String text = value.strip();
    if (text.matches("([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?")) {
      return LocalTime.parse(text);
    }
    throw invalid(name, value, "a time of day as HH:MM, such as 09:30");
  }

  private static DayOfWeek day(String name, String value) {
    String text = value.strip().toUpperCase(Locale.ROOT);
    for (Map.Entry<DayOfWeek, String> code : DAY_CODES.entrySet()) {
      if (code.getValue().equals(text) || code.getKey().name().equals(text)) {
        return code.getKey();
      }
    }
    throw invalid(name, value, "a day code: MO, TU, WE, TH, FR, SA or SU");
  }

  private static String decode(@Nullable String parameter, String text) {
    try {
      return QueryText.decode(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException(parameter, "the query string is not correctly percent-encoded near '"
          + shorten(text) + "': " + e.getMessage() + ".");
    }
  }

  /** A value of the wrong form; {@link #set} names the parameter, {@code name} is the value's name as shown. */
  private static InvalidQueryException invalid(String name, String value, String expected) {
    return new InvalidQueryException(null, name + " must be " + expected + "; got '" + shorten(value) + "'.");
  }

  private static String quoted(Parameter parameter) {
    return "'" + parameter.wireName() + "'";
  }

  private static InvalidQueryException notTaken(Endpoint endpoint, String name) {
    String elsewhere = Parameter.fromWireName(name).map(parameter -> java.util.Arrays.stream(Endpoint.values())
        .filter(e -> e.parameters().contains(parameter)).map(Endpoint::path).collect(Collectors.joining(", ")))
        .orElse("");
    return new InvalidQueryException(name, endpoint.path() + " does not take '" + name + "'"
        + (elsewhere.isEmpty() ? "" : " (it applies to " + elsewhere + ")") + "; it takes "
        + names(endpoint.parameters()) + ".");
  }

  private static String names(Set<Parameter> parameters) {
    return parameters.isEmpty() ? "no parameters"
        : parameters.stream().map(Parameter::wireName).collect(Collectors.joining(", "));
  }

  private static String shorten(String text) {
    String clean = text.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
  }

  private static String time(LocalTime time) {
    return time.getSecond() == 0 && time.getNano() == 0
        ? String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute())
        : time.withNano(0).toString();
  }

  /**
   * The number without an exponent where that is short; a number such as {@code 1E-999999999} keeps its
   * exponent, which every reader of numbers understands, rather than being written as a billion digits.
   */
  private static @Nullable String plain(@Nullable BigDecimal number) {
    if (number == null) {
      return null;
    }
    return Math.abs((long) number.scale()) <= 1000 ? number.toPlainString() : number.toString();
  }

  private static void put(Map<Parameter, String> wire, Parameter parameter, @Nullable Object value) {
    if (value != null) {
      wire.put(parameter, value.toString());
    }
  }

  private static void requireNotNegative(String name, @Nullable BigDecimal value) {
    if (value != null && value.signum() < 0) {
      throw new IllegalArgumentException(name + " cannot be negative; got " + plain(value));
    }
  }

  /** Builds a {@link Query}; every parameter starts absent. */
  public static final class Builder {
    private @Nullable String search;
    private @Nullable Integer page;
    private @Nullable Integer perPage;
    private @Nullable Format format;
    private @Nullable String taxonomyTermId;
    private @Nullable String taxonomyId;
    private @Nullable String organizationId;
    private @Nullable OffsetDateTime modifiedAfter;
    private @Nullable Boolean minimal;
    private @Nullable Boolean full;
    private @Nullable Boolean fullService;
    private @Nullable String postcode;
    private @Nullable BigDecimal proximity;
    private @Nullable Boolean topOnly;
    private @Nullable String parentId;
    private @Nullable BigDecimal minimumAge;
    private @Nullable BigDecimal maximumAge;
    private @Nullable LocalTime startTime;
    private @Nullable LocalTime endTime;
    private @Nullable DayOfWeek day;
    private final List<Extra> extras = new ArrayList<>();

    private Builder() {
    }

    private Builder(Query query) {
      search = query.search;
      page = query.page;
      perPage = query.perPage;
      format = query.format;
      taxonomyTermId = query.taxonomyTermId;
      taxonomyId = query.taxonomyId;
      organizationId = query.organizationId;
      modifiedAfter = query.modifiedAfter;
      minimal = query.minimal;
      full = query.full;
      fullService = query.fullService;
      postcode = query.postcode;
      proximity = query.proximity;
      topOnly = query.topOnly;
      parentId = query.parentId;
      minimumAge = query.minimumAge;
      maximumAge = query.maximumAge;
      startTime = query.startTime;
      endTime = query.endTime;
      day = query.day;
      extras.addAll(query.extras);
    }

    public Builder search(@Nullable String search) {
      this.search = search;
      return this;
    }

    public Builder page(@Nullable Integer page) {
      this.page = page;
      return this;
    }

    public Builder perPage(Integer perPage) {
      this.perPage = perPage;
      return this;
    }

    public Builder format(Format format) {
      this.format = format;
      return this;
    }

    public Builder taxonomyTermId(@Nullable String taxonomyTermId) {
      this.taxonomyTermId = taxonomyTermId;
      return this;
    }

    public Builder taxonomyId(@Nullable String taxonomyId) {
      this.taxonomyId = taxonomyId;
      return this;
    }

    public Builder organizationId(@Nullable String organizationId) {
      this.organizationId = organizationId;
      return this;
    }

    public Builder modifiedAfter(OffsetDateTime modifiedAfter) {
      this.modifiedAfter = modifiedAfter;
      return this;
    }

    public Builder minimal(Boolean minimal) {
      this.minimal = minimal;
      return this;
    }

    public Builder full(Boolean full) {
      this.full = full;
      return this;
    }

    public Builder fullService(Boolean fullService) {
      this.fullService = fullService;
      return this;
    }

    public Builder postcode(String postcode) {
      this.postcode = postcode;
      return this;
    }

    public Builder proximity(BigDecimal metres) {
      this.proximity = metres;
      return this;
    }

    public Builder proximity(long metres) {
      return proximity(BigDecimal.valueOf(metres));
    }

    public Builder topOnly(Boolean topOnly) {
      this.topOnly = topOnly;
      return this;
    }

    public Builder parentId(String parentId) {
      this.parentId = parentId;
      return this;
    }

    public Builder minimumAge(BigDecimal minimumAge) {
      this.minimumAge = minimumAge;
      return this;
    }

    public Builder minimumAge(int years) {
      return minimumAge(BigDecimal.valueOf(years));
    }

    public Builder maximumAge(BigDecimal maximumAge) {
      this.maximumAge = maximumAge;
      return this;
    }

    public Builder maximumAge(int years) {
      return maximumAge(BigDecimal.valueOf(years));
    }

    public Builder startTime(LocalTime startTime) {
      this.startTime = startTime;
      return this;
    }

    public Builder endTime(LocalTime endTime) {
      this.endTime = endTime;
      return this;
    }

    public Builder day(@Nullable DayOfWeek day) {
      this.day = day;
      return this;
    }

    /**
     * Adds a parameter outside the typed ones, once per value: {@code extra("taxonomy_term_id", "b", "c")}
     * after {@code taxonomyTermId("a")} sends {@code taxonomy_term_id=a&taxonomy_term_id=b&taxonomy_term_id=c},
     * for a feed that accepts several terms; {@code extra("council", "bristol")} sends a vendor's parameter.
     * ORUK 3.0 gives every standard parameter one value and compliant servers refuse what they do not
     * understand (this SDK's server answers 400), so use this only for feeds you know accept it. Extras are
     * not checked against the endpoint.
     *
     * @throws IllegalArgumentException when the name is blank or no value is given
     */
    public Builder extra(String name, String... values) {
      if (values == null || values.length == 0) {
        throw new IllegalArgumentException("extra(\"" + name + "\"): give at least one value (\"\" sends " + name
            + "=)");
      }
      for (String value : values) {
        extras.add(new Extra(name, value));
      }
      return this;
    }

    /**
     * @throws IllegalArgumentException when a number is out of range (page below 1, a negative age, ...)
     */
    public Query build() {
      return new Query(search, page, perPage, format, taxonomyTermId, taxonomyId, organizationId, modifiedAfter,
          minimal, full, fullService, postcode, proximity, topOnly, parentId, minimumAge, maximumAge, startTime,
          endTime, day, extras);
    }
  }
}
