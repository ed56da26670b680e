package io.github.oruk.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * When to try a GET again: exponential backoff with full jitter (each wait is drawn uniformly between 0 and
 * {@code min(maxBackoff, initialBackoff * 2^(attempt-1))}), or exactly the wait the server asks for in
 * {@code Retry-After}; never more than {@code maxAttempts} attempts or {@code maxRetryTime} in total.
 */
record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryTime) {

  /** The wait before attempt {@code attempt + 1}, after {@code attempt} attempts failed. */
  Duration backoff(int attempt) {
    long ceiling = initialBackoff.toNanos();
    for (int i = 1; i < attempt && ceiling < maxBackoff.toNanos(); i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, maxBackoff.toNanos());
    return ceiling <= 0 ? Duration.ZERO : Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1));
  }

  /**
   * Reads a {@code Retry-After} value: a number of seconds, or an HTTP date (RFC 9110), relative to
   * {@code now}. Null when absent or unreadable; a date in the past is a wait of zero.
   */
  static @Nullable Duration parseRetryAfter(@Nullable String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    if (text.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(text));
      } catch (NumberFormatException e) {
        return null; // too many digits to mean anything
      }
    }
    try {
      Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
