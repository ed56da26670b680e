package io.github.oruk.server.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The decoded segments of a request path. Segments are split on the raw {@code /} first and decoded
 * after, so {@code %2F} inside an identifier stays part of it; dot segments are not resolved (a path
 * such as {@code /services/../x} is simply not an ORUK path). {@code +} is a plus sign in a path.
 */
final class RequestPath {

  private RequestPath() {
  }

  /**
   * The segments of {@code rawPath} (which starts with '/'); one trailing slash is ignored, so
   * {@code /services/} is {@code /services}. {@code /} has no segments.
   *
   * @throws ProtocolException 400 when a segment is not correctly percent-encoded UTF-8
   */
  static List<String> segments(String rawPath) {
    String path = rawPath;
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    List<String> segments = new ArrayList<>(3);
    if (path.equals("/")) {
      return segments;
    }
    int start = path.startsWith("/") ? 1 : 0;
    while (start <= path.length()) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      segments.add(decode(path.substring(start, end)));
      start = end + 1;
    }
    return segments;
  }

  private static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        int high = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
        int low = high >= 0 ? Character.digit(segment.charAt(i + 2), 16) : -1;
        if (low < 0) {
          throw invalid("'%' must be followed by two hexadecimal digits");
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        byte[] encoded;
        if (Character.isHighSurrogate(c) && i + 1 < segment.length()) {
          encoded = segment.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        } else {
          encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        }
        bytes.write(encoded, 0, encoded.length);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw invalid("the percent-encoded bytes are not UTF-8 text");
    }
  }

  private static ProtocolException invalid(String why) {
    return new ProtocolException(400, "invalid_path", null,
        "The request path is not correctly percent-encoded: " + why + ".");
  }
}
