package io.github.oruk.server.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a {@link ProtocolRequest}: status, headers and (unless there is none, as for HEAD, 204
 * and 304) a body. Adapters copy the status and headers to their server's response, then call
 * {@link Body#writeTo(OutputStream)}. The headers already include {@code Content-Length} for bodies of
 * known length and {@code Content-Encoding} when the body is compressed; the body writes the bytes as
 * they go on the wire.
 */
public final class ProtocolResponse {

  private final int status;
  private final Map<String, String> headers;
  private final @Nullable Body body;

  /** Takes {@code headers} over: the protocol builds a map for each answer and does not touch it afterwards. */
  ProtocolResponse(int status, Map<String, String> headers, @Nullable Body body) {
    this.status = status;
    this.headers = Collections.unmodifiableMap(headers);
    this.body = body;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The response headers in the order they should be sent; names as written in the standards. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The value of a header (case-insensitive name), or null. */
  public @Nullable String header(String name) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }

  /** The body, or null when the response has none. */
  public @Nullable Body body() {
    return body;
  }

  /** The bytes of a response body. */
  public interface Body {

    /** The number of bytes {@link #writeTo} writes, or -1 when it streams an unknown amount. */
    long length();

    /**
     * Writes the body. A streamed body that fails part-way throws, and the adapter must then abort the
     * connection rather than end the response normally, so the client sees a failed transfer instead of a
     * short result.
     *
     * @throws IOException when writing fails, including when the client has gone away
     */
    void writeTo(OutputStream out) throws IOException;

    /**
     * The whole body as a read-only buffer when its bytes are at hand (a page, a record, an error), or null
     * when it streams. An adapter on a non-blocking server hands this buffer to its write instead of calling
     * {@link #writeTo}, so no thread waits for a slow client and the bytes are not copied first.
     */
    default @Nullable ByteBuffer buffer() {
      return null;
    }

    /** A body of fixed bytes. */
    static Body of(byte[] bytes) {
      Objects.requireNonNull(bytes, "bytes");
      return fixed(bytes, () -> ByteBuffer.wrap(bytes).asReadOnlyBuffer());
    }
  }

  /** A body of fixed bytes whose {@link Body#buffer()} is {@code buffer}'s: the same bytes, perhaps kept elsewhere. */
  static Body fixed(byte[] bytes, Supplier<ByteBuffer> buffer) {
    return new Body() {
      @Override
      public long length() {
        return bytes.length;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
      }

      @Override
      public ByteBuffer buffer() {
        return buffer.get();
      }
    };
  }
}
