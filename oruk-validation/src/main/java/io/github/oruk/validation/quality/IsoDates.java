package io.github.oruk.validation.quality;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Dates and times as the quality rules read them, with the same answers as {@link LocalDate#parse} and {@link
 * LocalTime#parse}: the usual shapes ({@code 2026-12-01}, {@code 09:30}, {@code 09:30:00}) are read by hand, as a
 * feed has hundreds of thousands of them and the formatter costs a microsecond each; anything else goes to the
 * formatter, so unusual but valid forms (fractions of a second, years past 9999) are read as before.
 */
final class IsoDates {

  private IsoDates() {
  }

  /** The date, or null where {@code LocalDate.parse} would throw. */
  static @Nullable LocalDate date(String text) {
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 7);
      int day = digits(text, 8, 10);
      if (year >= 0 && month >= 0 && day >= 0) {
        try {
          return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
          return null;
        }
      }
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The time of day, or null where {@code LocalTime.parse} would throw. */
  static @Nullable LocalTime time(String text) {
    if ((text.length() == 5 || text.length() == 8) && text.charAt(2) == ':'
        && (text.length() == 5 || text.charAt(5) == ':')) {
      int hour = digits(text, 0, 2);
      int minute = digits(text, 3, 5);
      int second = text.length() == 8 ? digits(text, 6, 8) : 0;
      if (hour >= 0 && minute >= 0 && second >= 0) {
        return hour < 24 && minute < 60 && second < 60 ? LocalTime.of(hour, minute, second) : null;
      }
    }
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The number written by the ASCII digits from {@code from} to {@code to}, or -1 if any is not one. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
