package io.github.oruk.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * NDJSON lines read as bytes are the lines, the blanks and (after {@link ByteLines#asText}) the text that reading
 * the stream as UTF-8 text with {@code BufferedReader.readLine} gave: on random streams of line ends of every
 * kind, multi-byte and malformed UTF-8, Unicode spaces and lines longer than the read buffer.
 */
class ByteLinesTest {

  private static final byte[][] PIECES = {
      {'\n'}, {'\r'}, {'\r', '\n'}, {' '}, {'\t'}, {'{'}, {'a'}, {'"'}, {0x0B}, {0x1C},
      {(byte) 0xC3, (byte) 0xA9},                       // é
      {(byte) 0xE2, (byte) 0x80, (byte) 0xA8},          // U+2028, whitespace to Java
      {(byte) 0xC2, (byte) 0xA0},                       // no-break space, not whitespace to Java
      {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},          // byte order mark
      {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0x80},      // malformed
  };

  @Test
  void linesBlanksAndTextAreThoseOfReadingTheStreamAsText() throws IOException {
    SplittableRandom random = new SplittableRandom(19);
    for (int round = 0; round < 400; round++) {
      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      int pieces = random.nextInt(0, 200);
      for (int i = 0; i < pieces; i++) {
        if (random.nextInt(50) == 0) {
          stream.writeBytes("x".repeat(random.nextInt(60_000, 140_000)).getBytes(StandardCharsets.US_ASCII));
        }
        stream.writeBytes(PIECES[random.nextInt(PIECES.length)]);
      }
      byte[] bytes = stream.toByteArray();
      assertSame(bytes, "round " + round);
    }
  }

  @Test
  void aCarriageReturnAtTheEndOfOneReadAndItsLineFeedAtTheStartOfTheNextEndOneLine() throws IOException {
    byte[] bytes = ("y".repeat((1 << 16) - 1) + "\r\nz\n").getBytes(StandardCharsets.US_ASCII);
    assertSame(bytes, "CR LF across the buffer");
    ByteLines lines = new ByteLines(new ByteArrayInputStream(bytes));
    assertEquals((1 << 16) - 1, lines.next().length);
    assertEquals("z", new String(lines.next(), StandardCharsets.US_ASCII));
    assertEquals(null, lines.next());
  }

  /**
   * {@link ByteLines#asText} gives exactly the bytes of decoding and encoding again, on random bytes drawn around
   * the edges of UTF-8's ranges (lead bytes C0-C2, E0, ED, F0, F4, F5, continuation bytes 7F-80, 8F-90, 9F-A0, BF-C0),
   * and returns well-formed input itself, without a copy.
   */
  @Test
  void textIsTheDecodersRoundTripAndWellFormedLinesAreKept() {
    int[] edges = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC,
        0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFE, 0xFF};
    SplittableRandom random = new SplittableRandom(23);
    int wellFormed = 0;
    int malformed = 0;
    for (int round = 0; round < 200_000; round++) {
      byte[] line = new byte[random.nextInt(0, 9)];
      for (int i = 0; i < line.length; i++) {
        line[i] = (byte) (random.nextInt(3) == 0 ? random.nextInt(256) : edges[random.nextInt(edges.length)]);
      }
      byte[] expected = new String(line, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
      byte[] actual = ByteLines.asText(line);
      assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(actual),
          java.util.Arrays.toString(line));
      if (java.util.Arrays.equals(line, expected)) {
        wellFormed++;
        org.junit.jupiter.api.Assertions.assertSame(line, actual, "a well-formed line is returned as it is");
      } else {
        malformed++;
      }
    }
    assertTrue(wellFormed > 10_000 && malformed > 10_000, wellFormed + " well-formed, " + malformed
        + " malformed: the test needs many of both");
  }

  private static void assertSame(byte[] bytes, String what) throws IOException {
    List<String> expected = new ArrayList<>();
    List<Boolean> expectedBlank = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes),
        StandardCharsets.UTF_8));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      expected.add(line);
      expectedBlank.add(line.isBlank());
    }
    List<String> actual = new ArrayList<>();
    List<Boolean> actualBlank = new ArrayList<>();
    ByteLines lines = new ByteLines(new ByteArrayInputStream(bytes));
    for (byte[] line = lines.next(); line != null; line = lines.next()) {
      actual.add(new String(ByteLines.asText(line), StandardCharsets.UTF_8));
      actualBlank.add(ByteLines.blank(line));
      boolean ascii = true;
      for (byte b : line) {
        ascii &= b >= 0;
      }
      assertEquals(ascii, lines.lastAscii(), what + ": whether line " + actual.size() + " is ASCII");
    }
    assertEquals(expected, actual, what + ": the lines");
    assertEquals(expectedBlank, actualBlank, what + ": which are blank");
  }
}
