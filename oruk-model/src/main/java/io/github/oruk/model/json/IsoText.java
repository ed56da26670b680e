package io.github.oruk.model.json;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Fast, exact parsers for the standard forms ({@code 2024-05-01}, {@code 09:30:00},
 * {@code 2024-05-01T09:30:00.123Z}): almost every value in a real feed is in one of them, and parsing them
 * by hand is several times faster than regular expressions plus {@code java.time} formatters. Each
 * returns null for anything else, which the caller then reads the slow, lenient way.
 */
final class IsoText {

  private IsoText() {
  }

  /** {@code YYYY-MM-DD}, or null. */
  static @Nullable LocalDate date(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    if (year < 0 || month < 0 || day < 0) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** {@code HH:MM}, {@code HH:MM:SS} or {@code HH:MM:SS.fraction}, or null. */
  static @Nullable LocalTime time(String text) {
    return time(text, 0, text.length());
  }

  /** RFC 3339: {@code YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)}, or null. */
  static @Nullable OffsetDateTime dateTime(String text) {
    int length = text.length();
    if (length < 20 || (text.charAt(10) != 'T' && text.charAt(10) != 't')) {
      return null;
    }
    LocalDate date = date(text.substring(0, 10));
    if (date == null) {
      return null;
    }
    char last = text.charAt(length - 1);
    ZoneOffset offset;
    int timeEnd;
    if (last == 'Z' || last == 'z') {
      offset = ZoneOffset.UTC;
      timeEnd = length - 1;
    } else {
      if (length < 25) {
        return null;
      }
      int sign = text.charAt(length - 6);
      int hours = digits(text, length - 5, 2);
      int minutes = digits(text, length - 2, 2);
      if ((sign != '+' && sign != '-') || text.charAt(length - 3) != ':' || hours < 0 || minutes < 0) {
        return null;
      }
      try {
        offset = sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
      } catch (DateTimeException e) {
        return null;
      }
      timeEnd = length - 6;
    }
    if (timeEnd - 11 < 8) {
      return null;
    }
    LocalTime time = time(text, 11, timeEnd);
    return time == null ? null : OffsetDateTime.of(date, time, offset);
  }

  private static @Nullable LocalTime time(String text, int start, int end) {
    int length = end - start;
    if (length != 5 && length < 8 || text.charAt(start + 2) != ':') {
      return null;
    }
    int hour = digits(text, start, 2);
    int minute = digits(text, start + 3, 2);
    int second = 0;
    int nano = 0;
    if (length >= 8) {
      if (text.charAt(start + 5) != ':') {
        return null;
      }
      second = digits(text, start + 6, 2);
      if (length > 8) {
        int fraction = length - 9;
        if (text.charAt(start + 8) != '.' || fraction < 1 || fraction > 9) {
          return null;
        }
        nano = digits(text, start + 9, fraction);
        if (nano < 0) {
          return null;
        }
        for (int i = fraction; i < 9; i++) {
          nano *= 10;
        }
      }
    }
    if (hour < 0 || minute < 0 || second < 0 || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    return LocalTime.of(hour, minute, second, nano);
  }

  /** The non-negative number written by {@code count} ASCII digits from {@code start}, or -1. */
  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
