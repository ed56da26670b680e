package io.github.oruk.server.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/** {@code Accept-Encoding} negotiation and gzip compression. */
final class ContentCoding {

  /** Bodies smaller than this are sent as they are: compressing them saves nothing worth the time. */
  static final int MIN_GZIP_BYTES = 1024;

  private ContentCoding() {
  }

  /** Whether an {@code Accept-Encoding} value accepts gzip (by name or {@code *}, with a q-value above 0). */
  static boolean acceptsGzip(@Nullable String acceptEncoding) {
    if (acceptEncoding == null || acceptEncoding.isBlank()) {
      return false;
    }
    Boolean star = null;
    for (String item : acceptEncoding.split(",")) {
      String[] parts = item.split(";");
      String coding = parts[0].strip().toLowerCase(Locale.ROOT);
      boolean allowed = quality(parts) > 0;
      if (coding.equals("gzip") || coding.equals("x-gzip")) {
        return allowed;
      }
      if (coding.equals("*")) {
        star = allowed;
      }
    }
    return Boolean.TRUE.equals(star);
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      if (parameter.length() > 2 && (parameter.startsWith("q=") || parameter.startsWith("Q="))) {
        try {
          return Double.parseDouble(parameter.substring(2).strip());
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }

  /** The gzip form of a body. */
  static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (OutputStream gzip = gzipStream(out)) {
      gzip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A gzip stream over {@code out}, favouring speed (as common web servers do by default). */
  static GZIPOutputStream gzipStream(OutputStream out) throws IOException {
    return gzipStream(out, false);
  }

  /** {@link #gzipStream(OutputStream)}; with {@code syncFlush}, {@code flush()} makes all written so far decodable. */
  static GZIPOutputStream gzipStream(OutputStream out, boolean syncFlush) throws IOException {
    return new GZIPOutputStream(out, 8192, syncFlush) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    };
  }
}
