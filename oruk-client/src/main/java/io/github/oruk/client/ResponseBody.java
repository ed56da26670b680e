package io.github.oruk.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Reading a response body safely: never more than a limit, counted as the bytes arrive (so a huge or endless
 * body is cut off without being held), and decoded from gzip or deflate with the same limit on the decoded
 * size (so a small compressed "bomb" cannot expand without bound). {@code java.net.http} does neither.
 */
final class ResponseBody {

  private ResponseBody() {
  }

  /** The body was larger than the limit; {@code decoded} says whether after decompression. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final long limit;
    final boolean decoded;

    TooLarge(long limit, boolean decoded) {
      super("the response body is larger than the limit of " + limit + " bytes"
          + (decoded ? " once decompressed" : ""));
      this.limit = limit;
      this.decoded = decoded;
    }
  }

  /** The body's Content-Encoding is one the client did not ask for and cannot decode. */
  static final class BadEncoding extends IOException {
    private static final long serialVersionUID = 1L;

    BadEncoding(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Collects a body up to {@code limit} bytes. Past the limit it either fails with {@link TooLarge} or, when
   * {@code truncate} (used for error pages, of which only an excerpt is wanted), keeps the first
   * {@code limit} bytes and stops reading. {@link #cancel()} stops reading at once (used for timeouts).
   */
  static final class Collector implements HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final boolean truncate;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8 * 1024);
    // Set by onSubscribe, which the Flow contract calls before anything else.
    @SuppressWarnings("NullAway.Init")
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    Collector(long limit, boolean truncate, long declaredLength) {
      this.limit = limit;
      this.truncate = truncate;
      if (declaredLength > limit && !truncate) {
        body.completeExceptionally(new TooLarge(limit, false));
      }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (cancelled || body.isDone()) {
        s.cancel();
      } else {
        s.request(1);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (body.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        int n = item.remaining();
        if (buffer.size() + (long) n > limit) {
          if (truncate) {
            int room = (int) (limit - buffer.size());
            byte[] part = new byte[room];
            item.get(part);
            buffer.write(part, 0, room);
            body.complete(buffer.toByteArray());
          } else {
            body.completeExceptionally(new TooLarge(limit, false));
          }
          subscription.cancel();
          return;
        }
        if (item.hasArray()) {
          buffer.write(item.array(), item.arrayOffset() + item.position(), n);
          item.position(item.limit());
        } else {
          byte[] copy = new byte[n];
          item.get(copy);
          buffer.write(copy, 0, n);
        }
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
      body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      body.complete(buffer.toByteArray());
    }

    /** Stops reading; the body never completes normally after this. */
    void cancel() {
      cancelled = true;
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }

  /**
   * Decodes a body sent with {@code Content-Encoding} (gzip, x-gzip, deflate, identity, or a list of them),
   * stopping at {@code limit} decoded bytes: past it, fails with {@link TooLarge} or, when {@code truncate},
   * returns the first {@code limit} bytes.
   */
  static byte[] decode(byte[] raw, @Nullable String contentEncoding, long limit, boolean truncate) throws IOException {
    if (contentEncoding == null || contentEncoding.isBlank()) {
      return raw;
    }
    String[] codings = contentEncoding.toLowerCase(Locale.ROOT).split(",");
    byte[] data = raw;
    for (int i = codings.length - 1; i >= 0; i--) {
      String coding = codings[i].strip();
      data = switch (coding) {
        case "", "identity" -> data;
        case "gzip", "x-gzip" -> inflate(data, Kind.GZIP, limit, truncate);
        case "deflate" -> inflate(data, Kind.DEFLATE, limit, truncate);
        default -> throw new BadEncoding("the response is compressed with '" + coding + "', which the client did"
            + " not ask for and cannot decode (it asks for gzip or deflate only)", null);
      };
    }
    return data;
  }

  private enum Kind { GZIP, DEFLATE }

  private static byte[] inflate(byte[] data, Kind kind, long limit, boolean truncate) throws IOException {
    if (data.length == 0) {
      return data;
    }
    try {
      if (kind == Kind.GZIP) {
        return readLimited(new GZIPInputStream(new ByteArrayInputStream(data)), limit, truncate);
      }
      try {
        return readLimited(new InflaterInputStream(new ByteArrayInputStream(data)), limit, truncate);
      } catch (ZipException zlibFailed) {
        // Some servers send raw DEFLATE without the zlib wrapper that RFC 9110 asks for.
        return readLimited(new InflaterInputStream(new ByteArrayInputStream(data), new Inflater(true)), limit,
            truncate);
      }
    } catch (TooLarge e) {
      throw e;
    } catch (IOException e) {
      if (truncate) {
        return data; // an error page: show what there is rather than fail over its compression
      }
      throw new BadEncoding("the response says it is " + (kind == Kind.GZIP ? "gzip" : "deflate")
          + "-compressed, but it could not be decompressed (" + e.getMessage() + ")", e);
    }
  }

  private static byte[] readLimited(InputStream in, long limit, boolean truncate) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
      byte[] chunk = new byte[16 * 1024];
      for (int n; (n = in.read(chunk)) > 0; ) {
        if (out.size() + (long) n > limit) {
          if (truncate) {
            out.write(chunk, 0, (int) (limit - out.size()));
            return out.toByteArray();
          }
          throw new TooLarge(limit, true);
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    }
  }
}
