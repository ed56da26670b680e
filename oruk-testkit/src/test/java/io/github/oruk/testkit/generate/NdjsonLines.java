package io.github.oruk.testkit.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits NDJSON bytes into lines, checking that every line, including the last, ends with '\n'. */
final class NdjsonLines {

  private NdjsonLines() {
  }

  static List<byte[]> split(byte[] bytes) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\r') {
        throw new AssertionError("carriage return at byte " + i + "; lines must end with '\\n' only");
      }
      if (bytes[i] == '\n') {
        lines.add(Arrays.copyOfRange(bytes, start, i));
        start = i + 1;
      }
    }
    if (start != bytes.length) {
      throw new AssertionError("the last line does not end with '\\n'");
    }
    return lines;
  }
}
