package io.github.oruk.client;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Objects;

/**
 * An HTTP answer as it arrived, whatever its status: for validators and for diagnosing a feed. The body is
 * decoded (gzip, deflate) and bounded: a 2xx body by {@code maxResponseBytes}, any other by a few kilobytes,
 * enough to see what went wrong.
 *
 * @param requested the address asked for
 * @param uri the address that answered (after redirects)
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the decoded body (never null; possibly shortened for non-2xx answers)
 * @param elapsed from the first attempt being sent to this answer arriving
 * @param attempts how many attempts it took (more than one only after transport failures)
 */
public record RawResponse(URI requested, URI uri, int status, HttpHeaders headers, byte[] body, Duration elapsed,
    int attempts) {

  public RawResponse {
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(headers, "headers");
    body = body == null ? new byte[0] : body;
  }

  /** Whether the status is 2xx. */
  public boolean successful() {
    return status / 100 == 2;
  }

  /** The first value of a header, or "" when it is absent. */
  public String header(String name) {
    return headers.firstValue(name).orElse("");
  }
}
