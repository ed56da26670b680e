package io.github.oruk.client;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * The server answered, but not with something the client can read as ORUK: an HTML page served with
 * status 200, a body that is not JSON, JSON of the wrong shape (a list endpoint that answers without a page
 * envelope), a response larger than the configured limit, a body whose compression is broken, or a by-id
 * answer that is another record than the one asked for ({@link #pointer()} {@code /id}). Only the last is
 * retried (a cache mixing answers up may not do it twice); for the others retrying will not help. The
 * message says what was seen.
 */
public class OrukProtocolException extends OrukClientException {

  private static final long serialVersionUID = 1L;

  private final String pointer;

  /**
   * @param uri the address that answered
   * @param attempts how many times the request was sent
   * @param pointer JSON Pointer to the place at fault, or "" for the whole body
   * @param message what was expected, what was seen and what to try
   * @param cause the reader's exception, if any
   */
  public OrukProtocolException(URI uri, int attempts, String pointer, String message, @Nullable Throwable cause) {
    super(uri, attempts, message, cause);
    this.pointer = pointer == null ? "" : pointer;
  }

  /** Where in the body the problem is, as a JSON Pointer; "" for the body as a whole. */
  public String pointer() {
    return pointer;
  }
}
