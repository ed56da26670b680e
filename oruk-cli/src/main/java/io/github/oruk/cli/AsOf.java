package io.github.oruk.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --as-of DATE} option of {@code generate}, {@code serve --generate}, {@code demo} and
 * {@code validate}: the day generated data is recent relative to, and the day freshness is judged on.
 * Both default to today, so a file generated today validates as fresh today.
 */
final class AsOf implements ITypeConverter<LocalDate> {

  static final String LABEL = "YYYY-MM-DD";

  @Override
  public LocalDate convert(String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + value + "' is not a date; write it as " + LABEL + ", such as 2026-05-01");
    }
  }

  /** The date given, or today on this machine's calendar. */
  static LocalDate orToday(LocalDate date) {
    return date != null ? date : LocalDate.now();
  }

  /**
   * A clock on which today is {@code day}: the system clock moved by whole days, so time still passes (a
   * report's duration stays real) while freshness is judged as of that day. {@code null} is the system clock.
   */
  static Clock clock(LocalDate day) {
    Clock system = Clock.systemDefaultZone();
    if (day == null) {
      return system;
    }
    ZonedDateTime now = ZonedDateTime.now(system);
    return Clock.offset(system, Duration.between(now, now.with(day)));
  }
}
