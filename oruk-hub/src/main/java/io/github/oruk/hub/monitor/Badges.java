package io.github.oruk.hub.monitor;

import io.github.oruk.hub.page.Html;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.server.PathHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Status badges for the feeds of a hub's store, like a CI badge a supplier puts on their site: {@code ORUK 3.0 |
 * pass} in green, {@code pass with warnings} in amber, {@code fail} in red, {@code unreachable} in grey, from the
 * feed's latest status ({@link FeedStatus#after}); {@code not checked} in grey for a feed with no verdict yet.
 * Served by {@code oruk hub serve} at {@code /badge/{name}.svg}:
 *
 * <pre>{@code
 * OrukApi api = OrukApi.builder(directory).path("badge", new Badges(store)).build();
 * }</pre>
 *
 * <p>A name the store does not know is the API's JSON 404. Badges may be cached for five minutes ({@code
 * Cache-Control: max-age=300}): a status changes at most once a refresh.
 */
public final class Badges implements PathHandler {

  private static final String LABEL = "ORUK 3.0";

  private final HubStore store;

  /** Badges for the feeds of this store. */
  public Badges(HubStore store) {
    this.store = store;
  }

  @Override
  public Optional<Answer> answer(List<String> segments) {
    if (segments.size() != 1 || !segments.get(0).endsWith(".svg")) {
      return Optional.empty();
    }
    String name = segments.get(0).substring(0, segments.get(0).length() - ".svg".length());
    if (!store.feeds().contains(name)) {
      return Optional.empty();
    }
    FeedStatus status = FeedStatus.after(store.history(name));
    return Optional.of(new Answer("image/svg+xml; charset=utf-8", Map.of("Cache-Control", "max-age=300"),
        svg(status).getBytes(StandardCharsets.UTF_8)));
  }

  /** The badge for a status; null for a feed not checked yet. */
  public static String svg(@Nullable FeedStatus status) {
    String text = status == null ? "not checked" : status.label().replace('-', ' ');
    String colour = colour(status);
    String ink = status == FeedStatus.PASS_WITH_WARNINGS ? "#1a1a1a" : "#ffffff"; // readable on amber
    int left = width(LABEL);
    int right = width(text);
    String title = Html.escape(LABEL + ": " + text);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + (left + right) + "\" height=\"20\" role=\"img\""
        + " aria-label=\"" + title + "\"><title>" + title + "</title>"
        + "<rect width=\"" + left + "\" height=\"20\" fill=\"#444444\"/>"
        + "<rect x=\"" + left + "\" width=\"" + right + "\" height=\"20\" fill=\"" + colour + "\"/>"
        + "<g font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\" text-anchor=\"middle\">"
        + "<text x=\"" + left / 2 + "\" y=\"14\" fill=\"#ffffff\">" + Html.escape(LABEL) + "</text>"
        + "<text x=\"" + (left + right / 2) + "\" y=\"14\" fill=\"" + ink + "\">" + Html.escape(text) + "</text>"
        + "</g></svg>";
  }

  /** The badge's colour for a status (grey for none): also the dashboard's, so the two always agree. */
  static String colour(@Nullable FeedStatus status) {
    return status == null ? "#6e6e6e" : switch (status) {
      case PASS -> "#2e7d32";
      case PASS_WITH_WARNINGS -> "#ffb300";
      case FAIL -> "#c62828";
      case UNREACHABLE -> "#6e6e6e";
    };
  }

  /** About 7 px a character at 11 px Verdana, and 10 px either side. */
  private static int width(String text) {
    return text.length() * 7 + 20;
  }
}
