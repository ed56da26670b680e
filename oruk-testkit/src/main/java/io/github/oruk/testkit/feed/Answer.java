package io.github.oruk.testkit.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One answer of a fake feed, before it goes on the wire.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}
 * @param body the body (empty for none)
 * @param headers further headers
 * @param cut whether the connection is closed half way through the body instead
 */
record Answer(int status, String contentType, byte[] body, Map<String, String> headers, boolean cut) {

  private static final ObjectMapper TREES = new ObjectMapper();

  static Answer json(int status, byte[] body) {
    return new Answer(status, "application/json", body, Map.of(), false);
  }

  static Answer html(int status, String html) {
    return new Answer(status, "text/html", html.getBytes(StandardCharsets.UTF_8), Map.of(), false);
  }

  /** {@code {"error": message}}. */
  static Answer error(int status, @Nullable String message) {
    return json(status, bytes(TREES.createObjectNode().put("error", message)));
  }

  /** A 200 whose body stops after a few bytes and whose connection is closed. */
  static Answer cutConnection() {
    return new Answer(200, "application/json", "{\"id\":\"".getBytes(StandardCharsets.UTF_8), Map.of(), true);
  }

  Answer withHeader(String name, String value) {
    return new Answer(status, contentType, body, Map.of(name, value), cut);
  }

  static byte[] bytes(Object tree) {
    try {
      return TREES.writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
