package io.github.oruk.server;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by a provider when its data cannot be reached for now (the database is down, a maintenance
 * window). The SDK answers 503 with a JSON error, and {@code Retry-After} when a delay is given.
 */
public class DirectoryUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  /**
   * @param message what is unavailable; it is sent to the client, so say nothing secret
   * @param retryAfter when to try again, or null when unknown
   */
  public DirectoryUnavailableException(String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  public DirectoryUnavailableException(String message) {
    this(message, null, null);
  }

  /** When the client may try again, if known. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
