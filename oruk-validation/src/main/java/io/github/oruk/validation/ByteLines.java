package io.github.oruk.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The lines of a stream as bytes, split where {@link java.io.BufferedReader#readLine()} would split its text (at
 * {@code \n}, {@code \r\n} or a lone {@code \r}), without decoding them: an NDJSON line is parsed from its bytes,
 * so decoding it to a string only to encode it again was a serial cost in front of the threads that check lines.
 */
final class ByteLines {

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int end;
  private boolean skipLineFeed;
  private byte[] line = new byte[1 << 12];
  private int length;
  /** Whether a byte of the line being gathered was outside ASCII (negative). */
  private boolean high;
  private boolean lastAscii;

  ByteLines(InputStream in) {
    this.in = in;
  }

  /** The next line without its terminator, or null at the end of the stream. */
  byte @Nullable [] next() throws IOException {
    while (true) {
      if (position == end) {
        end = in.read(buffer, 0, buffer.length);
        position = 0;
        if (end <= 0) {
          end = 0;
          if (length == 0) {
            return null;
          }
          return take();
        }
      }
      if (skipLineFeed) {
        skipLineFeed = false;
        if (buffer[position] == '\n') {
          position++;
          continue;
        }
      }
      int start = position;
      byte[] bytes = buffer;
      int stop = end;
      int at = position;
      while (at < stop) {
        byte b = bytes[at];
        // One comparison for most bytes: line ends, and bytes outside ASCII (negative), are all at most '\r'.
        if (b <= '\r') {
          if (b == '\n' || b == '\r') {
            position = at + 1;
            append(start, at);
            skipLineFeed = b == '\r';
            return take();
          }
          high |= b < 0;
        }
        at++;
      }
      position = at;
      append(start, at);
    }
  }

  private void append(int from, int to) {
    int count = to - from;
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
    }
    System.arraycopy(buffer, from, line, length, count);
    length += count;
  }

  private byte[] take() {
    byte[] taken = Arrays.copyOf(line, length);
    length = 0;
    lastAscii = !high;
    high = false;
    return taken;
  }

  /** Whether the line {@link #next()} returned last is all ASCII, which {@link #asText} then returns as it is. */
  boolean lastAscii() {
    return lastAscii;
  }

  /** Whether a line is blank as {@link String#isBlank()} says of its text. */
  static boolean blank(byte[] line) {
    for (byte b : line) {
      if (b < 0) {
        return new String(line, StandardCharsets.UTF_8).isBlank();
      }
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The line's bytes as decoding and encoding them again would give: the same bytes for valid UTF-8, with each
   * malformed sequence replaced by U+FFFD, as reading it as text always did. Well-formed UTF-8 comes back as it
   * is, without decoding: only a malformed line pays for the round trip.
   */
  static byte[] asText(byte[] line) {
    return wellFormed(line) ? line : new String(line, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Whether the bytes are well-formed UTF-8 as Java's decoder reads it (RFC 3629: shortest forms only, no
   * surrogates, nothing above U+10FFFF), which decodes and encodes them again to the same bytes. ByteLinesTest
   * holds this to the decoder's round trip on random and malformed bytes.
   */
  static boolean wellFormed(byte[] bytes) {
    int n = bytes.length;
    int i = 0;
    while (i < n) {
      int b = bytes[i];
      if (b >= 0) {
        i++;
        continue;
      }
      b &= 0xFF;
      int need;
      int low = 0x80;
      int top = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        if (b == 0xE0) {
          low = 0xA0; // shorter forms are overlong
        } else if (b == 0xED) {
          top = 0x9F; // D800-DFFF are surrogates
        }
      } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        if (b == 0xF0) {
          low = 0x90;
        } else if (b == 0xF4) {
          top = 0x8F; // nothing above U+10FFFF
        }
      } else {
        return false;
      }
      if (i + need >= n) {
        return false;
      }
      int second = bytes[i + 1] & 0xFF;
      if (second < low || second > top) {
        return false;
      }
      for (int k = 2; k <= need; k++) {
        int next = bytes[i + k] & 0xFF;
        if (next < 0x80 || next > 0xBF) {
          return false;
        }
      }
      i += need + 1;
    }
    return true;
  }
}
