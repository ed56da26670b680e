package io.github.oruk.server.protocol;

import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * Strong entity tags from the body's bytes (two hardware-assisted checksums, 64 bits together), and the
 * {@code If-None-Match} comparison. The gzip form of a body gets its own tag ({@code "…-gz"}); both
 * match either form, since they are the same document.
 */
final class EntityTags {

  private static final String GZIP_SUFFIX = "-gz";

  private EntityTags() {
  }

  /** The quoted tag of an uncompressed body. */
  static String of(byte[] body) {
    return quote(checksum(body));
  }

  /** A 64-bit checksum of some bytes: two hardware-assisted CRCs and the length. */
  static long checksum(byte[] bytes) {
    CRC32C first = new CRC32C();
    first.update(bytes, 0, bytes.length);
    CRC32 second = new CRC32();
    second.update(bytes, 0, bytes.length);
    return (first.getValue() << 32) ^ second.getValue() ^ ((long) bytes.length << 48);
  }

  /** A checksum as a quoted tag of 16 hexadecimal digits. */
  static String quote(long checksum) {
    String hex = Long.toHexString(checksum);
    return "\"" + "0".repeat(16 - hex.length()) + hex + "\"";
  }

  /** The tag of the gzip form of the body tagged {@code tag}. */
  static String gzip(String tag) {
    return tag.substring(0, tag.length() - 1) + GZIP_SUFFIX + "\"";
  }

  /** Whether an {@code If-None-Match} value names the body tagged {@code tag} (weak comparison). */
  static boolean matches(@Nullable String ifNoneMatch, String tag) {
    if (ifNoneMatch == null) {
      return false;
    }
    String wanted = opaque(tag);
    for (String candidate : ifNoneMatch.split(",")) {
      String trimmed = candidate.strip();
      if (trimmed.equals("*") || opaque(trimmed).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    String value = tag.startsWith("W/") ? tag.substring(2) : tag;
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    return value.endsWith(GZIP_SUFFIX) ? value.substring(0, value.length() - GZIP_SUFFIX.length()) : value;
  }
}
