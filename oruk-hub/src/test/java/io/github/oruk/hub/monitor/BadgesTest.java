package io.github.oruk.hub.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.hub.page.Html;
import io.github.oruk.hub.register.FeedEntry;
import io.github.oruk.hub.store.FeedRefresh;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.hub.store.Monitoring;
import io.github.oruk.server.PathHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /badge/{name}.svg}: the latest parity verdict as a coloured badge, unreachable grey, unknown names 404. */
class BadgesTest {

  @TempDir
  Path folder;

  @Test
  void eachFeedsBadgeShowsItsLatestStatusInItsColour() {
    try (HubStore store = HubStore.openFolder(folder)) {
      run(store, "good", "FAIL", true);
      run(store, "good", "PASS", true); // the latest counts
      run(store, "warned", "PASS_WITH_WARNINGS", true);
      run(store, "broken", "FAIL", true);
      run(store, "gone", "PASS", true);
      run(store, "gone", null, false);
      Badges badges = new Badges(store);

      assertBadge(badges, "good", "pass", "#2e7d32");
      assertBadge(badges, "warned", "pass with warnings", "#ffb300");
      assertBadge(badges, "broken", "fail", "#c62828");
      assertBadge(badges, "gone", "unreachable", "#6e6e6e");
      assertEquals(Optional.empty(), badges.answer(List.of("nobody.svg")), "a name the register never had");
      assertEquals(Optional.empty(), badges.answer(List.of("good.png")));
      assertEquals(Optional.empty(), badges.answer(List.of("good.svg", "x")));
    }
  }

  @Test
  void textIsEscapedForSvg() {
    assertEquals("a &lt;script&gt; &amp; &quot;b&quot; &#39;c&#39;", Html.escape("a <script> & \"b\" 'c'"));
  }

  private static void assertBadge(Badges badges, String name, String text, String colour) {
    PathHandler.Answer answer = badges.answer(List.of(name + ".svg")).orElseThrow();
    assertEquals("max-age=300", answer.headers().get("Cache-Control"));
    assertTrue(answer.contentType().startsWith("image/svg+xml"), answer.contentType());
    String svg = new String(answer.body(), StandardCharsets.UTF_8);
    assertTrue(svg.contains(">ORUK 3.0</text>") && svg.contains(">" + text + "</text>"), svg);
    assertTrue(svg.contains("fill=\"" + colour + "\""), name + ": " + svg);
  }

  /** One finished run of a feed, as a refresh stores it: its parity verdict (null: read nothing) and reachability. */
  private static void run(HubStore store, String feed, String parity, boolean reachable) {
    Instant now = Instant.now();
    store.register(FeedEntry.of(feed, "https://" + feed + ".example.org/"), now);
    FeedRefresh refresh = store.startOrResume(feed, now);
    store.finish(refresh.id(), reachable ? FeedRefresh.Status.COMPLETE : FeedRefresh.Status.INCOMPLETE, null, 0,
        parity == null ? null : new FeedRefresh.FeedVerdict(parity, 0, 0), null, null, now);
    store.monitored(refresh.id(), new Monitoring(reachable, 0, null, null, List.of()));
  }
}
