package io.github.oruk.client;

import java.net.URI;

/**
 * The connection failed on every attempt: refused, reset, closed without an answer, or the host name could
 * not be resolved. The cause is the last I/O failure.
 */
public class OrukTransportException extends OrukClientException {

  private static final long serialVersionUID = 1L;

  /**
   * @param uri the address that was requested
   * @param attempts how many times the request was sent
   * @param message what failed and what to try
   * @param cause the last I/O failure
   */
  public OrukTransportException(URI uri, int attempts, String message, Throwable cause) {
    super(uri, attempts, message, cause);
  }
}
