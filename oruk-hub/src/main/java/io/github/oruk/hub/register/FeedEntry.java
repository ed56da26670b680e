package io.github.oruk.hub.register;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One feed of a {@link Register}.
 *
 * @param name a short slug, unique in the register: lower-case letters, digits and hyphens, at most 64
 *     characters; it names the feed in the store and in aggregate ids, so renaming a feed makes new ids
 * @param url the feed's base URL ({@code http} or {@code https}), or the absolute path of an NDJSON file or a
 *     tabular data package (a folder or {@code .zip})
 * @param publisher who publishes it, if the register says
 * @param licence the licence the data is published under, if the register says
 * @param contact whom to ask about the feed, if the register says
 * @param taxonomy the taxonomy the feed's service types come from, if the register says
 * @param refresh how often the feed should be refreshed (default 24 hours)
 */
public record FeedEntry(String name, String url, @Nullable String publisher, @Nullable String licence,
    @Nullable String contact, @Nullable String taxonomy, Duration refresh) {

  /** How often a feed is refreshed when its entry does not say. */
  public static final Duration DEFAULT_REFRESH = Duration.ofHours(24);

  private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
  private static final Pattern INTERVAL = Pattern.compile("(\\d{1,6})\\s*([smhd])");

  public FeedEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(refresh, "refresh");
    if (!SLUG.matcher(name).matches()) {
      throw new IllegalArgumentException("name '" + name + "' is not a short slug: expected lower-case letters, digits"
          + " and inner hyphens, at most 64 characters, such as 'north-county'");
    }
    if (url.isBlank()) {
      throw new IllegalArgumentException("url is empty: expected a feed's base URL or the path of an NDJSON file or"
          + " a tabular data package");
    }
    if (refresh.isNegative() || refresh.isZero()) {
      throw new IllegalArgumentException("refresh must be positive; got " + refresh);
    }
  }

  /** A feed with only a name and a URL or path, refreshed every 24 hours. */
  public static FeedEntry of(String name, String url) {
    return new FeedEntry(name, url, null, null, null, null, DEFAULT_REFRESH);
  }

  /** Whether the feed is an ORUK API (an {@code http} or {@code https} URL) rather than a file. */
  public boolean remote() {
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  /** The feed's base URL. @throws IllegalStateException when the feed is a file */
  public URI uri() {
    if (!remote()) {
      throw new IllegalStateException("feed '" + name + "' is a file (" + url + "), not a URL");
    }
    return URI.create(url);
  }

  /** The file or package the feed is read from. @throws IllegalStateException when the feed is a URL */
  public Path file() {
    if (remote()) {
      throw new IllegalStateException("feed '" + name + "' is a URL (" + url + "), not a file");
    }
    return Path.of(url);
  }

  /** This entry with another refresh interval. */
  public FeedEntry withRefresh(Duration interval) {
    return new FeedEntry(name, url, publisher, licence, contact, taxonomy, interval);
  }

  /** This entry with the descriptive fields given (any may be null). */
  public FeedEntry withDetails(@Nullable String publisher, @Nullable String licence, @Nullable String contact,
      @Nullable String taxonomy) {
    return new FeedEntry(name, url, publisher, licence, contact, taxonomy, refresh);
  }

  /**
   * Reads a refresh interval as a register writes it: a whole number and a unit, {@code s}, {@code m},
   * {@code h} or {@code d} ({@code 30m}, {@code 6h}, {@code 2d}); ISO 8601 ({@code PT6H}) is accepted too.
   *
   * @throws IllegalArgumentException naming what was expected
   */
  public static Duration parseInterval(String text) {
    String clean = text.strip().toLowerCase(Locale.ROOT);
    var matcher = INTERVAL.matcher(clean);
    Duration interval = null;
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      interval = switch (matcher.group(2)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    } else if (clean.startsWith("p")) {
      try {
        interval = Duration.parse(clean.toUpperCase(Locale.ROOT));
      } catch (java.time.format.DateTimeParseException e) {
        interval = null;
      }
    }
    if (interval == null || interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("'" + text + "' is not a refresh interval: expected a positive whole number"
          + " and a unit, such as 30m, 6h or 2d");
    }
    return interval;
  }
}
