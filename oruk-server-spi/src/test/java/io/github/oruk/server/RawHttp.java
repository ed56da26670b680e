package io.github.oruk.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes to a server over a plain socket, for requests no HTTP client would send (a NUL in the target, two
 * lengths, an HTTP/0.9 line), and the answer as it came: status line, headers and body.
 */
public final class RawHttp {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RawHttp() {
  }

  /** What came back: {@code status} is -1 when the server closed the connection without answering. */
  public record Answer(int status, Map<String, String> headers, byte[] body, String failure) {

    /** A header's value (names in any case), or null. */
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON; an assertion error naming the answer when it is not. */
    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + this, e);
      }
    }

    @Override
    public String toString() {
      String text = text();
      return (status < 0 ? "no answer (" + failure + ")" : "HTTP " + status) + " " + headers + " "
          + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
  }

  /**
   * Sends {@code request} to the host and port of {@code server} and reads one answer: up to the end of its
   * {@code Content-Length} body, or to the end of the connection, waiting at most {@code timeout} for each
   * read.
   */
  public static Answer exchange(URI server, byte[] request, Duration timeout) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      try {
        OutputStream out = socket.getOutputStream();
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // The server may refuse (and reset) before reading everything; its answer may still be there.
      }
      return read(socket.getInputStream());
    }
  }

  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int headerEnd = -1;
    long length = -1;
    try {
      while (true) {
        int n = in.read(buffer);
        if (n < 0) {
          break;
        }
        received.write(buffer, 0, n);
        byte[] bytes = received.toByteArray();
        if (headerEnd < 0) {
          headerEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
          if (headerEnd >= 0) {
            length = contentLength(new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1));
          }
        }
        if (headerEnd >= 0 && length >= 0 && bytes.length >= headerEnd + 4 + length) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      if (received.size() == 0) {
        return new Answer(-1, Map.of(), new byte[0], "nothing within the timeout");
      }
    } catch (IOException e) {
      if (received.size() == 0) {
        return new Answer(-1, Map.of(), new byte[0], e.toString());
      }
    }
    byte[] bytes = received.toByteArray();
    if (bytes.length == 0) {
      return new Answer(-1, Map.of(), bytes, "closed without a byte");
    }
    if (headerEnd < 0) {
      return new Answer(-1, Map.of(), bytes, "no complete header block");
    }
    String[] lines = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].substring(9, 12));
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
      }
    }
    int end = length >= 0 ? (int) Math.min(bytes.length, headerEnd + 4 + length) : bytes.length;
    byte[] body = java.util.Arrays.copyOfRange(bytes, headerEnd + 4, end);
    return new Answer(status, headers, body, null);
  }

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Content-Length")) {
        return Long.parseLong(line.substring(colon + 1).strip());
      }
    }
    return -1;
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
