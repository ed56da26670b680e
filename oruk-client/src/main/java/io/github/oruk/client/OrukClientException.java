package io.github.oruk.client;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * A request to an ORUK feed did not give a usable answer. Every failure of a request extends this one, and
 * its message says what was asked, what happened and what to try next.
 *
 * <p>Mistakes in a call, found before anything is sent, are not failures of a request and are not this
 * exception: a query parameter the endpoint does not take ({@code InvalidQueryException}, an
 * {@link IllegalArgumentException} from the model), a blank id, {@code format=ndjson} on a list, a null
 * argument. They are thrown at once by the method called, the {@code ...Async} ones included (never through
 * the future), and would be thrown again by the same call, so a {@code catch (OrukClientException)} meant
 * for a feed's failures does not hide them. See the client's README, "Errors".
 *
 * <p>The subclasses say what kind of failure it was: {@link OrukHttpException} (the server answered with
 * an error status), {@link OrukProtocolException} (it answered, but not with ORUK JSON),
 * {@link OrukTimeoutException} (it did not answer in time) and {@link OrukTransportException} (the
 * connection failed). Extra request headers, which may hold credentials, never appear in a message.
 */
public class OrukClientException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final @Nullable URI uri;
  private final int attempts;

  /**
   * @param uri the address that was requested (without user information); null when no request was made
   * @param attempts how many times the request was sent; 0 when it never was
   * @param message what happened and what to try
   * @param cause the underlying failure, if any
   */
  public OrukClientException(@Nullable URI uri, int attempts, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.uri = uri;
    this.attempts = attempts;
  }

  /** The address that was requested; null when the failure came before any request. */
  public @Nullable URI uri() {
    return uri;
  }

  /** How many times the request was sent, retries included. */
  public int attempts() {
    return attempts;
  }
}
