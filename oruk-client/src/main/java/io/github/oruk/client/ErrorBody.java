package io.github.oruk.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A feed's JSON error body, as fields. The standard defines no error body; this reads the one servers built on this
 * SDK send ({@code {"status":400,"error":"invalid_parameter","parameter":"per_page","message":"..."}}) and the
 * common shape of others: an object with a string {@code error} or {@code message}. Anything else is no error body.
 *
 * @param status the {@code status} the body states, or null
 * @param error a short code for the kind of error, such as {@code invalid_parameter}, or null
 * @param parameter the query parameter the error is about, or null
 * @param message the server's own explanation, or null
 */
public record ErrorBody(@Nullable Integer status, @Nullable String error, @Nullable String parameter, @Nullable String message) {

  /** Bodies larger than this are not read as an error body (an error page, not a short JSON answer). */
  private static final int MAX_BYTES = 64 * 1024;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The error body in an answer's bytes, if they are one. */
  static Optional<ErrorBody> parse(byte[] body) {
    if (body == null || body.length == 0 || body.length > MAX_BYTES) {
      return Optional.empty();
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(body);
    } catch (IOException notJson) {
      return Optional.empty();
    }
    if (tree == null || !tree.isObject() || !(tree.path("error").isTextual() || tree.path("message").isTextual())) {
      return Optional.empty();
    }
    return Optional.of(new ErrorBody(tree.path("status").isInt() ? tree.get("status").intValue() : null,
        text(tree, "error"), text(tree, "parameter"), text(tree, "message")));
  }

  private static @Nullable String text(JsonNode tree, String name) {
    return tree.path(name).isTextual() ? tree.get(name).textValue() : null;
  }
}
