package io.github.oruk.client;

import io.github.oruk.model.query.Endpoint;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where a feed lives, and how each endpoint's address is made from it.
 *
 * <p>People give a feed's address in two ways: its base ({@code https://example.org/api}) or its services
 * list ({@code https://example.org/api/services}), because that is the address directories and dashboards
 * publish. Both are accepted; a trailing {@code /services} is removed, and {@link #note()} says so.
 *
 * @param base the base, always ending in '/': endpoints are resolved under it
 * @param note how the base was worked out from what was given, for logs and messages
 */
record FeedAddress(URI base, String note) {

  static FeedAddress of(@Nullable URI given) {
    if (given == null) {
      throw new IllegalArgumentException("the feed's base URL is missing; give one such as https://example.org/api");
    }
    String scheme = given.getScheme() == null ? "" : given.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("the feed's base URL must start with https:// or http://; got '"
          + redact(given) + "'");
    }
    if (given.getRawAuthority() == null || given.getHost() == null) {
      throw new IllegalArgumentException("the feed's base URL has no host name; got '" + redact(given) + "'");
    }
    if (given.getRawQuery() != null || given.getRawFragment() != null) {
      throw new IllegalArgumentException("the feed's base URL must not have a query or fragment ('"
          + redact(given) + "'); give the base, such as https://example.org/api, and put parameters in a Query");
    }
    if (given.getRawUserInfo() != null) {
      throw new IllegalArgumentException("the feed's base URL must not carry a user name or password ('"
          + redact(given) + "'); send credentials with OrukClient.builder().header(\"Authorization\", ...)");
    }
    String path = given.getRawPath() == null ? "" : given.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String note;
    if (path.endsWith("/services")) {
      path = path.substring(0, path.length() - "/services".length());
      note = "the given URL ends in /services, so its parent is the base";
    } else {
      note = "the given URL is the base";
    }
    try {
      URI base = new URI(scheme + "://" + given.getRawAuthority() + path + "/");
      return new FeedAddress(base, note);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the feed's base URL is not valid: " + e.getMessage(), e);
    }
  }

  static FeedAddress of(String given) {
    if (given == null || given.isBlank()) {
      return of((URI) null);
    }
    try {
      return of(new URI(given.strip()));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the feed's base URL is not a valid URL ('" + given.strip() + "'): "
          + e.getReason() + " at index " + e.getIndex() + "; spaces and some other characters must be"
          + " percent-encoded", e);
    }
  }

  /** The address of an endpoint, with its identifier (for by-id endpoints) and query string. */
  URI resolve(Endpoint endpoint, @Nullable String id, String queryString) {
    String path = endpoint.byId() ? endpoint.path(id) : endpoint.path();
    String relative = path.substring(1);
    String full = base + relative + (queryString == null || queryString.isEmpty() ? "" : "?" + queryString);
    return URI.create(full);
  }

  /** The URI as text, for messages; user information is never printed. */
  static String redact(URI uri) {
    if (uri == null) {
      return "(none)";
    }
    if (uri.getRawUserInfo() == null) {
      return uri.toString();
    }
    return uri.toString().replace(uri.getRawUserInfo() + "@", "…@");
  }
}
