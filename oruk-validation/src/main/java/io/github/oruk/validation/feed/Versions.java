package io.github.oruk.validation.feed;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code version} of a feed's {@code /}. Accepts what the official validator accepts
 * ({@code HSDS-UK-3.0}, {@code 3.0}, {@code v3}) and also the spellings it misses ({@code HSDS-UK-3.0.1},
 * {@code 3.0.0}, {@code HSDS 3.0}), independent of locale.
 */
final class Versions {

  enum Major { V3, V1, OTHER, MISSING }

  private static final Pattern NUMBER = Pattern.compile("(?:HSDS(?:[- ]UK)?[- ]?)?V?(\\d+)(?:\\.(\\d+))*");

  private Versions() {
  }

  static Major major(String version) {
    if (version == null || version.isBlank()) {
      return Major.MISSING;
    }
    Matcher number = NUMBER.matcher(version.strip().toUpperCase(Locale.ROOT));
    if (!number.matches()) {
      return Major.OTHER;
    }
    return switch (number.group(1)) {
      case "3" -> Major.V3;
      case "1" -> Major.V1;
      default -> Major.OTHER;
    };
  }
}
