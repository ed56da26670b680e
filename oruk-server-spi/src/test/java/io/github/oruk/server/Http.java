package io.github.oruk.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** A small HTTP client for the tests: raw bytes in, status, headers and raw bytes out. */
public final class Http {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  private final URI base;

  /** A client for the API whose root is {@code base} (ending with '/'). */
  public Http(URI base) {
    this.base = base;
  }

  public URI base() {
    return base;
  }

  /** GET of a path relative to the API root, such as {@code services?page=2}. */
  public Reply get(String path, String... headers) {
    return send("GET", path, headers);
  }

  public Reply send(String method, String path, String... headers) {
    URI uri = URI.create(base + (path.startsWith("/") ? path.substring(1) : path));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
        .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(uri, response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + uri + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One response. */
  public record Reply(URI uri, int status, java.net.http.HttpHeaders headers, byte[] body) {

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public Optional<String> optionalHeader(String name) {
      return headers.firstValue(name);
    }

    public List<String> headerValues(String name) {
      return headers.allValues(name);
    }

    /** The body, gunzipped when the response says it is gzip. */
    public byte[] decoded() {
      if ("gzip".equalsIgnoreCase(header("Content-Encoding"))) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
          return in.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return body;
    }

    public String text() {
      return new String(decoded(), StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      try {
        return MAPPER.readTree(decoded());
      } catch (IOException e) {
        throw new AssertionError(uri + " answered " + status + " with a body that is not JSON: "
            + abbreviate(text()), e);
      }
    }

    @Override
    public String toString() {
      return status + " " + uri + " " + abbreviate(body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
      return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
  }
}
