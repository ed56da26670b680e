package io.github.oruk.server.protocol;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as the protocol core sees it, whatever server received it. Adapters build it; the
 * core never touches the server's own request object.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param scheme {@code http} or {@code https}, as the adapter received the request
 * @param prefix the raw path where the API is mounted, such as {@code /oruk}, or {@code ""} at the root
 * @param path the raw (still percent-encoded) path below {@code prefix}, starting with {@code /}
 * @param rawQuery the raw query string after {@code ?}, or null when there is none
 * @param headers the request's headers
 * @param clientAddress the client's address (used for per-client throttling), never null
 * @param localAuthority {@code host:port} the server is listening on, used when the request has no
 *     usable {@code Host} header
 */
public record ProtocolRequest(String method, String scheme, String prefix, String path, @Nullable String rawQuery,
    Headers headers, String clientAddress, String localAuthority) {

  public ProtocolRequest {
    method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
    scheme = scheme == null ? "http" : scheme.toLowerCase(Locale.ROOT);
    prefix = prefix == null ? "" : prefix;
    path = path == null || path.isEmpty() ? "/" : path;
    headers = headers == null ? name -> null : headers;
    clientAddress = clientAddress == null ? "" : clientAddress;
    localAuthority = localAuthority == null ? "localhost" : localAuthority;
  }

  /**
   * The {@code prefix} for a base path as an adapter's user gives it: {@code oruk/v3/} becomes
   * {@code /oruk/v3}, and {@code /} or {@code ""} stays {@code /} (the root).
   *
   * @throws IllegalArgumentException when the path holds anything but letters, digits and . _ ~ - /
   */
  public static String mountPath(String basePath) {
    Objects.requireNonNull(basePath, "basePath");
    String path = basePath.startsWith("/") ? basePath : "/" + basePath;
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (!path.matches("/[A-Za-z0-9._~/-]*")) {
      throw new IllegalArgumentException("basePath may only hold letters, digits and . _ ~ - /; got '"
          + basePath + "'");
    }
    return path;
  }

  /** The request's headers, looked up by name without regard to case. */
  @FunctionalInterface
  public interface Headers {
    /** The first value of the header, or null when the request has none. */
    @Nullable String first(String name);
  }
}
