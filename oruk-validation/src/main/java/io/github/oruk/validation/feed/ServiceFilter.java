package io.github.oruk.validation.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.query.Parameter;
import io.github.oruk.model.query.Query;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What one service-level filter of ORUK 3.0 means, as the live-feed check reads it from a service's JSON:
 * which values a service offers to ask with, whether a service matches a value, and what it has instead.
 * The meanings are those of the digest of the standard and of {@code InMemoryDirectory}: {@code minimum_age}
 * at least the value, {@code maximum_age} at most, {@code day}/{@code start_time}/{@code end_time} a schedule
 * on that day, opening at or after, closing at or before; and so on.
 *
 * <p>{@link #test} answers {@code null} when the feed's data does not settle it, and the probes then draw no
 * conclusion: a list item leaves out schedules and attributes, a service without an age may mean "any age",
 * a search may look at more fields than the name and description, and a taxonomy filter may widen a term to
 * the terms below it. Only records that plainly contradict the filter are held against a feed.
 */
abstract class ServiceFilter {

  static final ServiceFilter ORGANIZATION_ID = new ServiceFilter(Parameter.ORGANIZATION_ID, null) {
    @Override
    List<String> values(JsonNode service) {
      String organization = organizationOf(service);
      return organization.isEmpty() ? List.of() : List.of(organization);
    }

    @Override
    @Nullable Boolean test(JsonNode service, String value, boolean whole) {
      String organization = organizationOf(service);
      return organization.isEmpty() ? null : organization.equals(value);
    }

    @Override
    Query.Builder ask(Query.Builder query, String value) {
      return query.organizationId(value);
    }

    @Override
    String shows(JsonNode service) {
      return "organization_id is " + quoted(organizationOf(service));
    }
  };

  static final ServiceFilter TAXONOMY_TERM_ID = new ServiceFilter(Parameter.TAXONOMY_TERM_ID, null) {
    @Override
    List<String> values(JsonNode service) {
      List<String> terms = new ArrayList<>();
      for (JsonNode attribute : service.path("attributes")) {
        String term = termOf(attribute);
        if (!term.isEmpty()) {
          terms.add(term);
        }
      }
      return terms;
    }

    @Override
    @Nullable Boolean test(JsonNode service, String value, boolean whole) {
      if (!whole) {
        return null;
      }
      boolean narrower = false;
      for (JsonNode attribute : service.path("attributes")) {
        if (termOf(attribute).equals(value)) {
          return true;
        }
        narrower |= value.equals(attribute.path("taxonomy_term").path("parent_id").asText(""));
      }
      return narrower ? null : Boolean.FALSE;
    }

    @Override
    Query.Builder ask(Query.Builder query, String value) {
      return query.taxonomyTermId(value);
    }

    @Override
    String shows(JsonNode service) {
      List<String> terms = values(service);
      return terms.isEmpty() ? "attributes name no taxonomy term" : "taxonomy terms are " + String.join(", ", terms);
    }
  };

  static final ServiceFilter TAXONOMY_ID = new ServiceFilter(Parameter.TAXONOMY_ID, null) {
    @Override
    List<String> values(JsonNode service) {
      Set<String> taxonomies = new LinkedHashSet<>();
      for (JsonNode attribute : service.path("attributes")) {
        String taxonomy = attribute.path("taxonomy_term").path("taxonomy_id").asText("");
        if (!taxonomy.isEmpty()) {
          taxonomies.add(taxonomy);
        }
      }
      return List.copyOf(taxonomies);
    }

    @Override
    @Nullable Boolean test(JsonNode service, String value, boolean whole) {
      if (!whole) {
        return null;
      }
      boolean unknown = false;
      for (JsonNode attribute : service.path("attributes")) {
        String taxonomy = attribute.path("taxonomy_term").path("taxonomy_id").asText("");
        if (taxonomy.equals(value)) {
          return true;
        }
        // A term given only by id may belong to the taxonomy as far as the server's vocabulary knows.
        unknown |= taxonomy.isEmpty();
      }
      return unknown ? null : Boolean.FALSE;
    }

    @Override
    Query.Builder ask(Query.Builder query, String value) {
      return query.taxonomyId(value);
    }

    @Override
    String shows(JsonNode service) {
      List<String> taxonomies = values(service);
      return taxonomies.isEmpty() ? "attributes name no taxonomy"
          : "taxonomy terms are from " + String.join(", ", taxonomies);
    }
  };

  static final ServiceFilter SEARCH = new ServiceFilter(Parameter.SEARCH, null) {
    @Override
    List<String> values(JsonNode service) {
      String longest = null;
      for (String word : service.path("name").asText("").split("[^\\p{L}\\p{N}]+")) {
        if (word.length() >= 5 && (longest == null || word.length() > longest.length())) {
          longest = word;
        }
      }
      return longest == null ? List.of() : List.of(longest);
    }

    @Override
    boolean surely(JsonNode service, String value) {
      String text = plain(service.path("name").asText("") + " " + service.path("description").asText("") + " "
          + service.path("organization").path("name").asText(""));
      String word = plain(value);
      for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        int end = at + word.length();
        if ((at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
            && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
          return true;
        }
      }
      return false;
    }

    @Override
    @Nullable Boolean test(JsonNode service, String value, boolean whole) {
      if (surely(service, value)) {
        return true;
      }
      if (!whole) {
        return null;
      }
      // A server may search more fields, or stems: only a service whose whole record never uses the word's
      // stem surely does not match.
      String word = plain(value);
      String stem = word.substring(0, Math.min(word.length(), Math.max(4, word.length() - 3)));
      return plain(service.toString()).contains(stem) ? null : Boolean.FALSE;
    }

    @Override
    Query.Builder ask(Query.Builder query, String value) {
      return query.search(value);
    }

    @Override
    String shows(JsonNode service) {
      return "record never mentions the word";
    }
  };

  static final ServiceFilter MODIFIED_AFTER = new ServiceFilter(Parameter.MODIFIED_AFTER,
      new Order<>(ServiceFilter::instant, true)) {
    @Override
    List<String> values(JsonNode service) {
      String modified = service.path("last_modified").asText("");
      return instantOrNull(modified) == null ? List.of() : List.of(modified);
    }

    @Override
    @Nullable Boolean test(JsonNode service, String value, boolean whole) {
      OffsetDateTime modified = instantOrNull(service.path("last_modified").asText(""));
      if (modified == null) {
        return null;
      }
      OffsetDateTime after = instant(value);
      if (!modified.isBefore(after)) {
        return true;
      }
      // Within a second of the instant, a server that keeps whole seconds may still count it as after.
      return modified.isBefore(after.minusSeconds(1)) ? Boolean.FALSE : null;
    }

    @Override
    Query.Builder ask(Query.Builder query, String value) {
      return query.modifiedAfter(instant(value));
    }

    @Override
    String shows(JsonNode service) {
      return "last_modified is " + quoted(service.path("last_modified").asText(""));
    }
  };

  static final ServiceFilter MINIMUM_AGE = age(Parameter.MINIMUM_AGE, true, Query.Builder::minimumAge);
  static final ServiceFilter MAXIMUM_AGE = age(Parameter.MAXIMUM_AGE, false, Query.Builder::maximumAge);

  static final ServiceFilter DAY = new ServiceFilter(Parameter.DAY, null) {
    @Override
    List<String> values(JsonNode service) {
      Set<String> days = new LinkedHashSet<>();
      for (JsonNode schedule : service.path("schedules")) {
        days.addAll(days(schedule));
      }
      return List.copyOf(days);
    }

    @Override
    @Nullable Boolean test(JsonNode service, String value, boolean whole) {
      JsonNode schedules = service.path("schedules");
      if (!whole || schedules.isEmpty()) {
        return null;
      }
      for (JsonNode schedule : schedules) {
        List<String> days = days(schedule);
        if (days.contains(value)) {
          return true;
        }
        if (days.isEmpty()) {
          return null;                      // a daily schedule, or one told in words
        }
      }
      return false;
    }

    @Override
    Query.Builder ask(Query.Builder query, String value) {
      return query.day(DAYS.get(value));
    }

    @Override
    String shows(JsonNode service) {
      return "schedules are on " + String.join(", ", values(service));
    }
  };

  static final ServiceFilter START_TIME = time(Parameter.START_TIME, "opens_at", true, Query.Builder::startTime);
  static final ServiceFilter END_TIME = time(Parameter.END_TIME, "closes_at", false, Query.Builder::endTime);

  /** Every service-level filter, in the order they are probed. */
  static final List<ServiceFilter> ALL = List.of(SEARCH, TAXONOMY_TERM_ID, TAXONOMY_ID, ORGANIZATION_ID,
      MODIFIED_AFTER, MINIMUM_AGE, MAXIMUM_AGE, DAY, START_TIME, END_TIME);

  private static final Pattern TIME = Pattern.compile("^(\\d{2}:\\d{2})(:\\d{2})?");
  private static final Map<String, DayOfWeek> DAYS = Map.of("MO", DayOfWeek.MONDAY,
      "TU", DayOfWeek.TUESDAY, "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY,
      "SA", DayOfWeek.SATURDAY, "SU", DayOfWeek.SUNDAY);

  private final Parameter parameter;
  private final @Nullable Order<?> order;

  private ServiceFilter(Parameter parameter, @Nullable Order<?> order) {
    this.parameter = parameter;
    this.order = order;
  }

  /**
   * How the values of an ordered filter narrow the results: by their key (an instant, an age, a time), the
   * highest or the lowest narrowing most.
   */
  private record Order<K extends Comparable<? super K>>(Function<String, K> key, boolean highestFirst) {
    /** The value that narrows most, the first of equals; each value is read once. */
    String narrowest(List<String> values) {
      String best = values.get(0);
      K bestKey = key.apply(best);
      for (String value : values.subList(1, values.size())) {
        K valueKey = key.apply(value);
        int order = valueKey.compareTo(bestKey);
        if (highestFirst ? order > 0 : order < 0) {
          best = value;
          bestKey = valueKey;
        }
      }
      return best;
    }
  }

  /** {@code minimum_age} (the service's is at least the value) or {@code maximum_age} (at most). */
  private static ServiceFilter age(Parameter parameter, boolean atLeast,
      BiFunction<Query.Builder, BigDecimal, Query.Builder> ask) {
    String property = parameter.wireName();
    return new ServiceFilter(parameter, new Order<>(BigDecimal::new, atLeast)) {
      @Override
      List<String> values(JsonNode service) {
        JsonNode age = service.path(property);
        return age.isNumber() && askable(age.decimalValue()) ? List.of(age.decimalValue().toPlainString()) : List.of();
      }

      @Override
      @Nullable Boolean test(JsonNode service, String value, boolean whole) {
        JsonNode age = service.path(property);
        if (!age.isNumber()) {
          return null;                          // no age may mean any age
        }
        int order = age.decimalValue().compareTo(new BigDecimal(value));
        return atLeast ? order >= 0 : order <= 0;
      }

      @Override
      Query.Builder ask(Query.Builder query, String value) {
        return ask.apply(query, new BigDecimal(value));
      }

      @Override
      String shows(JsonNode service) {
        return property + " is " + service.path(property).asText();
      }
    };
  }

  /**
   * {@code start_time} (a schedule opens at or after the time) or {@code end_time} (one closes at or
   * before it).
   */
  private static ServiceFilter time(Parameter parameter, String property, boolean atOrAfter,
      BiFunction<Query.Builder, LocalTime, Query.Builder> ask) {
    return new ServiceFilter(parameter, new Order<>(LocalTime::parse, atOrAfter)) {
      @Override
      List<String> values(JsonNode service) {
        return times(service, property);
      }

      @Override
      @Nullable Boolean test(JsonNode service, String value, boolean whole) {
        LocalTime limit = LocalTime.parse(value);
        return compareTimes(service, property, whole, time -> atOrAfter ? !time.isBefore(limit) : !time.isAfter(limit));
      }

      @Override
      Query.Builder ask(Query.Builder query, String value) {
        return ask.apply(query, LocalTime.parse(value));
      }

      @Override
      String shows(JsonNode service) {
        return "schedules " + (atOrAfter ? "open" : "close") + " at " + String.join(", ", times(service, property));
      }
    };
  }

  /** The query parameter. */
  Parameter parameter() {
    return parameter;
  }

  /** Whether the filter's values are ordered, so that {@link #narrowest} can pick one without counting. */
  boolean ordered() {
    return order != null;
  }

  /**
   * Of the values services offer (not empty), the one that narrows the results most: the highest minimum age,
   * the latest opening time, the latest instant.
   *
   * @throws IllegalStateException for a filter whose values are not {@linkplain #ordered() ordered}
   */
  String narrowest(List<String> values) {
    if (order == null) {
      throw new IllegalStateException(parameter.wireName() + " has no order: count the services each value matches");
    }
    return order.narrowest(values);
  }

  /** The values this service offers to filter by, each of which it matches. */
  abstract List<String> values(JsonNode service);

  /**
   * Whether the service matches the filter with this value: true, false, or null when its data does not
   * settle it.
   *
   * @param whole whether the JSON is the whole service (its by-id answer) rather than a list item
   */
  abstract @Nullable Boolean test(JsonNode service, String value, boolean whole);

  /**
   * Whether the service surely matches, as {@link #test} would say true; cheaper where {@link #test} has
   * more to work out (a search), for weighing values against many services.
   */
  boolean surely(JsonNode service, String value) {
    return Boolean.TRUE.equals(test(service, value, true));
  }

  /** The query with this filter set to the value. */
  abstract Query.Builder ask(Query.Builder query, String value);

  /** What the service has for this filter, for messages ("minimum_age is 5"). */
  abstract String shows(JsonNode service);

  private static String organizationOf(JsonNode service) {
    return service.path("organization_id").asText(service.path("organization").path("id").asText(""));
  }

  private static String termOf(JsonNode attribute) {
    return attribute.path("taxonomy_term_id").asText(attribute.path("taxonomy_term").path("id").asText(""));
  }

  private static String quoted(String text) {
    return text.isEmpty() ? "missing" : "'" + text + "'";
  }

  /** Lower case, without accents (the costly part only for text that has some). */
  private static String plain(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 128) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
      }
    }
    return text.toLowerCase(Locale.ROOT);
  }

  private static OffsetDateTime instant(@Nullable String text) {
    return OffsetDateTime.parse(text);
  }

  private static @Nullable OffsetDateTime instantOrNull(String text) {
    try {
      return text.isEmpty() ? null : OffsetDateTime.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The iCalendar day codes a schedule's byday names ({@code 2MO} names Monday). */
  private static List<String> days(JsonNode schedule) {
    List<String> days = new ArrayList<>();
    for (String part : schedule.path("byday").asText("").split(",")) {
      String code = part.strip().toUpperCase(Locale.ROOT);
      if (code.length() >= 2 && DAYS.containsKey(code.substring(code.length() - 2))) {
        days.add(code.substring(code.length() - 2));
      }
    }
    return days;
  }

  /** The largest age a query may ask for: the bound the SDK's own query parser puts on numbers. */
  private static final BigDecimal LARGEST_ASKABLE_AGE = BigDecimal.valueOf(1_000_000_000);

  /**
   * Whether an age a service holds can be put to the feed as a filter value. One that cannot (negative, or
   * absurd such as 3e888888888, whose digits alone would be a 889 MB query) is not asked about; the rules
   * report it.
   */
  private static boolean askable(BigDecimal age) {
    return age.signum() >= 0 && age.compareTo(LARGEST_ASKABLE_AGE) <= 0;
  }

  private static @Nullable LocalTime timeOrNull(JsonNode value) {
    Matcher matcher = TIME.matcher(value.asText(""));
    if (!matcher.find()) {
      return null;
    }
    try {
      return LocalTime.parse(matcher.group(1) + (matcher.group(2) == null ? "" : matcher.group(2)));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static List<String> times(JsonNode service, String property) {
    Set<String> times = new LinkedHashSet<>();
    for (JsonNode schedule : service.path("schedules")) {
      LocalTime time = timeOrNull(schedule.path(property));
      if (time != null) {
        times.add(time.toString());
      }
    }
    return List.copyOf(times);
  }

  /** True when a schedule's time passes; false when every schedule has a time and none does. */
  private static @Nullable Boolean compareTimes(JsonNode service, String property, boolean whole,
      Predicate<LocalTime> passes) {
    JsonNode schedules = service.path("schedules");
    if (!whole || schedules.isEmpty()) {
      return null;
    }
    boolean unknown = false;
    for (JsonNode schedule : schedules) {
      LocalTime time = timeOrNull(schedule.path(property));
      if (time != null && passes.test(time)) {
        return true;
      }
      unknown |= time == null;
    }
    return unknown ? null : Boolean.FALSE;
  }

  /** The filter as a query string fragment, for messages: {@code minimum_age=18}. */
  static String describe(Query query) {
    StringJoiner joined = new StringJoiner("&");
    query.toWire().forEach((parameter, value) -> joined.add(parameter.wireName() + "=" + value));
    return joined.toString();
  }
}
