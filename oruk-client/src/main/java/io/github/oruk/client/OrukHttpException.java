package io.github.oruk.client;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with an HTTP error status: 404 for an identifier it does not know, 5xx when it is
 * failing, 429 when it asks the client to slow down. Statuses that are worth retrying (408, 429, 502, 503,
 * 504) were retried before this was thrown; {@link #attempts()} says how often.
 */
public class OrukHttpException extends OrukClientException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String bodyExcerpt;
  private final @Nullable Duration retryAfter;
  private final @Nullable ErrorBody errorBody;

  /**
   * @param uri the address that answered
   * @param attempts how many times the request was sent
   * @param status the HTTP status of the last answer
   * @param bodyExcerpt the start of the last answer's body, as single-line text ("" when empty)
   * @param retryAfter the wait the server asked for in {@code Retry-After}, or null
   * @param message what happened and what to try
   */
  public OrukHttpException(URI uri, int attempts, int status, String bodyExcerpt, Duration retryAfter,
      String message) {
    this(uri, attempts, status, bodyExcerpt, retryAfter, null, message);
  }

  /**
   * As {@link #OrukHttpException(URI, int, int, String, Duration, String)}, with the answer's JSON error body.
   *
   * @param errorBody the last answer's error body as fields, or null when it had none
   */
  public OrukHttpException(URI uri, int attempts, int status, String bodyExcerpt, @Nullable Duration retryAfter,
      @Nullable ErrorBody errorBody, String message) {
    super(uri, attempts, message, null);
    this.status = status;
    this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
    this.retryAfter = retryAfter;
    this.errorBody = errorBody;
  }

  /** The HTTP status of the last answer, such as 404 or 503. */
  public int status() {
    return status;
  }

  /** The start of the last answer's body, on one line, for diagnosis; "" when it had none. */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }

  /**
   * The last answer's JSON error body as fields, when it had one: for a server built on this SDK, which
   * parameter it refused and why ({@code errorBody().map(ErrorBody::parameter)}).
   */
  public Optional<ErrorBody> errorBody() {
    return Optional.ofNullable(errorBody);
  }

  /** How long the server asked the client to wait ({@code Retry-After}), if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether the status is one a later attempt might not get (408, 429, 502, 503, 504). */
  public boolean transientStatus() {
    return HttpStatus.retryable(status);
  }
}
