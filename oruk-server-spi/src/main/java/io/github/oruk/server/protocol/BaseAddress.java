package io.github.oruk.server.protocol;

import io.github.oruk.server.OrukApi;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The public address of the API's root ({@code scheme://host[:port]/prefix}, no trailing slash), which
 * {@code /} and {@code /openapi.json} report: the configured base URL, or else worked out from the request.
 * Header values that are not plain host names or paths are ignored, so a forged {@code Host} cannot put
 * arbitrary text into the documents.
 */
final class BaseAddress {

  private static final Pattern HOST = Pattern.compile(
      "([A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\\.?|\\[[0-9A-Fa-f:.]{2,45}])(:[0-9]{1,5})?");
  private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~!$'()*+,;=:@%-]*)*");

  private BaseAddress() {
  }

  static String of(OrukApi api, ProtocolRequest request) {
    if (api.baseUrl().isPresent()) {
      return api.baseUrl().get().toString();
    }
    String scheme = request.scheme();
    String host = request.headers().first("Host");
    String prefix = request.prefix();
    if (api.trustForwardedHeaders()) {
      String forwardedProto = first(request.headers().first("X-Forwarded-Proto"));
      if (forwardedProto != null) {
        String proto = forwardedProto.toLowerCase(Locale.ROOT);
        if (proto.equals("http") || proto.equals("https")) {
          scheme = proto;
        }
      }
      String forwardedHost = first(request.headers().first("X-Forwarded-Host"));
      if (forwardedHost != null && HOST.matcher(forwardedHost).matches()) {
        host = forwardedHost;
      }
      String forwardedPrefix = first(request.headers().first("X-Forwarded-Prefix"));
      if (forwardedPrefix != null && PREFIX.matcher(forwardedPrefix).matches()) {
        prefix = trimSlash(forwardedPrefix) + prefix;
      }
    }
    if (host == null || !HOST.matcher(host.strip()).matches()) {
      host = request.localAuthority();
    }
    if (!PREFIX.matcher(prefix).matches()) {
      prefix = "";
    }
    return scheme + "://" + host.strip() + trimSlash(prefix);
  }

  private static @Nullable String first(@Nullable String header) {
    if (header == null) {
      return null;
    }
    int comma = header.indexOf(',');
    String value = (comma < 0 ? header : header.substring(0, comma)).strip();
    return value.isEmpty() ? null : value;
  }

  private static String trimSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
