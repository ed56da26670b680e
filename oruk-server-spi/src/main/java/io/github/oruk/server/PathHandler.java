package io.github.oruk.server;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers GET (and HEAD) requests at a path of its own beside the ORUK endpoints, registered with {@link
 * OrukApi.Builder#path(String, PathHandler)}: a status badge, a page about the directory. It goes through the
 * same protocol as the API, so every server adapter serves it, with the API's CORS headers and throttle; the API's
 * own paths are unchanged.
 */
@FunctionalInterface
public interface PathHandler {

  /**
   * The answer at the path's remaining segments (those after the handler's own, still percent-encoded; empty
   * for the handler's own path), or empty for the API's JSON 404. What it throws is answered as the API's JSON
   * 500, and logged.
   */
  Optional<Answer> answer(List<String> segments);

  /**
   * Whether this handler serves a folder of pages: then its own path without a trailing slash ({@code /dashboard})
   * is redirected (308) to the path with one ({@code /dashboard/}), so that relative links in its pages resolve
   * under it wherever the API is mounted. False by default: a badge or a file answers at its path as asked.
   */
  default boolean folder() {
    return false;
  }

  /**
   * A successful (200) answer.
   *
   * @param contentType its {@code Content-Type}, such as {@code image/svg+xml}
   * @param headers further headers, such as {@code Cache-Control} (which replaces the API's own)
   * @param body its bytes
   */
  record Answer(String contentType, Map<String, String> headers, byte[] body) {
    public Answer {
      Objects.requireNonNull(contentType, "contentType");
      headers = Map.copyOf(headers);
      Objects.requireNonNull(body, "body");
    }
  }
}
