package io.github.oruk.client;

import java.net.URI;

/**
 * The server did not answer in time: the connection could not be made within the connect timeout, or the
 * whole answer (headers and body) did not arrive within the request timeout, on every attempt.
 */
public class OrukTimeoutException extends OrukClientException {

  private static final long serialVersionUID = 1L;

  /**
   * @param uri the address that was requested
   * @param attempts how many times the request was sent
   * @param message what timed out and what to try
   * @param cause the last timeout
   */
  public OrukTimeoutException(URI uri, int attempts, String message, Throwable cause) {
    super(uri, attempts, message, cause);
  }
}
