package io.github.oruk.client;

import java.net.URI;

/**
 * The answer was longer than {@link OrukClient.Builder#maxResponseBytes(long)} allows, counted as the bytes
 * arrived (or, for a compressed body, once decompressed). The client stopped reading at the limit, so a huge
 * or endless body never sits in memory. Ask for smaller pages with {@code per_page}, or raise the limit if
 * the feed is genuine.
 */
public final class OrukResponseTooLargeException extends OrukProtocolException {

  private static final long serialVersionUID = 1L;

  private final long limit;
  private final boolean decompressed;

  OrukResponseTooLargeException(URI uri, int attempts, long limit, boolean decompressed, String message,
      Throwable cause) {
    super(uri, attempts, "", message, cause);
    this.limit = limit;
    this.decompressed = decompressed;
  }

  /** The limit in bytes that was passed. */
  public long limit() {
    return limit;
  }

  /** Whether the limit was passed only once a gzip or deflate body was decompressed. */
  public boolean decompressed() {
    return decompressed;
  }
}
