package io.github.oruk.model.v1;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns a v1 {@code weekday} into an RFC 5545 {@code BYDAY} value.
 *
 * <p>Understood: English day names and their usual abbreviations in any letter case ("Monday", "mon",
 * "Tues", "Mondays"), two-letter RRULE codes ("MO"), numbers as ISO 8601 counts them (1 = Monday …
 * 7 = Sunday, with 0 also read as Sunday, as JavaScript counts), and lists of those ("Monday, Wednesday",
 * "Mon and Thu"). Anything else, such as a range ("Mon-Fri"), is not understood.
 */
final class Weekdays {

  private static final List<String> CODES = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("monday", "MO"), Map.entry("mon", "MO"),
      Map.entry("tuesday", "TU"), Map.entry("tue", "TU"), Map.entry("tues", "TU"),
      Map.entry("wednesday", "WE"), Map.entry("wed", "WE"), Map.entry("weds", "WE"),
      Map.entry("thursday", "TH"), Map.entry("thu", "TH"), Map.entry("thur", "TH"), Map.entry("thurs", "TH"),
      Map.entry("friday", "FR"), Map.entry("fri", "FR"),
      Map.entry("saturday", "SA"), Map.entry("sat", "SA"),
      Map.entry("sunday", "SU"), Map.entry("sun", "SU"));
  private static final Pattern SEPARATORS = Pattern.compile("[\\s,;/&+]+");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,2}");

  private Weekdays() {
  }

  /** The {@code BYDAY} value ("MO", "MO,WE"), or null when the weekday is not understood. */
  static @Nullable String toByDay(JsonNode weekday) {
    if (weekday == null) {
      return null;
    }
    if (weekday.isIntegralNumber()) {
      return fromNumber(weekday.asInt(-1));
    }
    if (!weekday.isTextual()) {
      return null;
    }
    Set<String> days = new LinkedHashSet<>();
    for (String token : SEPARATORS.split(weekday.asText().strip().toLowerCase(Locale.ROOT))) {
      if (token.isEmpty() || token.equals("and")) {
        continue;
      }
      String code = fromToken(token);
      if (code == null) {
        return null;
      }
      days.add(code);
    }
    return days.isEmpty() ? null : String.join(",", days);
  }

  /** Whether the weekday was given as a number (or as digits), whose meaning depends on a convention. */
  static boolean isNumeric(JsonNode weekday) {
    return weekday != null && (weekday.isIntegralNumber()
        || weekday.isTextual() && DIGITS.matcher(weekday.asText().strip()).matches());
  }

  /** Whether two {@code BYDAY} values name the same days, ignoring order, spaces and letter case. */
  static boolean sameDays(String a, String b) {
    return days(a).equals(days(b));
  }

  private static Set<String> days(String byday) {
    Set<String> days = new java.util.TreeSet<>();
    for (String day : byday.split(",")) {
      days.add(day.strip().toUpperCase(Locale.ROOT));
    }
    return days;
  }

  private static @Nullable String fromToken(String token) {
    String word = token.endsWith(".") ? token.substring(0, token.length() - 1) : token;
    if (DIGITS.matcher(word).matches()) {
      return fromNumber(Integer.parseInt(word));
    }
    String upper = word.toUpperCase(Locale.ROOT);
    if (CODES.contains(upper)) {
      return upper;
    }
    String code = NAMES.get(word);
    if (code == null && word.endsWith("s")) {
      code = NAMES.get(word.substring(0, word.length() - 1));
    }
    return code;
  }

  private static @Nullable String fromNumber(int number) {
    if (number == 0) {
      return "SU";
    }
    return number >= 1 && number <= 7 ? CODES.get(number - 1) : null;
  }
}
