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
      int start = position;
      while (position < end) {
        byte b = buffer[position];
        if (skipLineFeed) {
          skipLineFeed = false;
          if (b == '\n') {
            start = ++position;
            continue;
          }
        }
        if (b == '\n' || b == '\r') {
          append(start, position);
          position++;
          skipLineFeed = b == '\r';
          return take();
        }
        position++;
      }
      append(start, position);
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
    return taken;
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
   * malformed sequence replaced by U+FFFD, as reading it as text always did.
   */
  static byte[] asText(byte[] line) {
    for (byte b : line) {
      if (b < 0) {
        return new String(line, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
      }
    }
    return line;
  }
}
