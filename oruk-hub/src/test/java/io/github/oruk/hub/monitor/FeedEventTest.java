package io.github.oruk.hub.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.oruk.hub.store.FeedRefresh;
import io.github.oruk.hub.store.FeedRun;
import io.github.oruk.hub.store.Monitoring;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which runs raise which events, on runs made up here (the store's side is in {@code WatchTest}). */
class FeedEventTest {

  private static final Instant T0 = Instant.parse("2026-12-01T06:00:00Z");

  @Test
  void aWorseVerdictRaisesWorseAndABetterOneRecovered() {
    List<FeedRun> runs = new ArrayList<>();
    runs.add(run(1, "PASS", true));
    assertEquals(Optional.empty(), latest(runs), "a first run that answers raises nothing");
    runs.add(run(2, "PASS_WITH_WARNINGS", true));
    assertEquals(event(FeedEvent.Kind.WORSE, FeedStatus.PASS, FeedStatus.PASS_WITH_WARNINGS, 2), latest(runs).get());
    runs.add(run(3, "FAIL", true));
    assertEquals(event(FeedEvent.Kind.WORSE, FeedStatus.PASS_WITH_WARNINGS, FeedStatus.FAIL, 3), latest(runs).get());
    runs.add(run(4, "FAIL", true));
    assertEquals(Optional.empty(), latest(runs), "the same verdict again raises nothing");
    runs.add(run(5, "PASS", true));
    assertEquals(event(FeedEvent.Kind.RECOVERED, FeedStatus.FAIL, FeedStatus.PASS, 5), latest(runs).get());
  }

  @Test
  void goingDownAndComingBackRaiseUnreachableOnceAndThenRecovered() {
    List<FeedRun> runs = new ArrayList<>();
    runs.add(run(1, "PASS_WITH_WARNINGS", true));
    runs.add(run(2, null, false));
    assertEquals(event(FeedEvent.Kind.UNREACHABLE, FeedStatus.PASS_WITH_WARNINGS, FeedStatus.UNREACHABLE, 2),
        latest(runs).get());
    runs.add(run(3, null, false));
    assertEquals(Optional.empty(), latest(runs), "still down: nothing new");
    runs.add(run(4, null, true));
    assertEquals(event(FeedEvent.Kind.RECOVERED, FeedStatus.UNREACHABLE, FeedStatus.PASS_WITH_WARNINGS, 4),
        latest(runs).get(), "back, nothing changed: the verdict from before the outage holds");
    runs.add(run(5, null, true));
    assertEquals(Optional.empty(), latest(runs), "an unchanged feed keeps its verdict");
  }

  @Test
  void aFeedThatIsUnreachableOnItsFirstRunRaisesUnreachableWithNoPrevious() {
    FeedEvent event = latest(List.of(run(1, null, false))).get();
    assertEquals(FeedEvent.Kind.UNREACHABLE, event.kind());
    assertNull(event.previous());
    assertEquals("{\"feed\":\"north\",\"event\":\"unreachable\",\"previous\":null,\"current\":\"unreachable\","
        + "\"at\":\"2026-12-01T07:00:00Z\",\"url\":\"https://north.example.org/api\"}",
        new String(WebhookListener.json(event), java.nio.charset.StandardCharsets.UTF_8));
  }

  private static Optional<FeedEvent> latest(List<FeedRun> runs) {
    return FeedEvent.latest("north", "https://north.example.org/api", runs);
  }

  private static FeedEvent event(FeedEvent.Kind kind, FeedStatus previous, FeedStatus current, int hour) {
    return new FeedEvent("north", kind, previous, current, T0.plus(Duration.ofHours(hour)),
        "https://north.example.org/api");
  }

  /** A finished run at T0 + {@code hour} hours; {@code parity} null when it read nothing. */
  private static FeedRun run(int hour, String parity, boolean reachable) {
    Instant at = T0.plus(Duration.ofHours(hour));
    FeedRefresh refresh = new FeedRefresh(hour, "north", at, at,
        reachable ? FeedRefresh.Status.COMPLETE : FeedRefresh.Status.INCOMPLETE, "content hash",
        new FeedRefresh.Counts(0, 0, 0, 0, 0, 0, 0),
        parity == null ? null : new FeedRefresh.FeedVerdict(parity, 0, 0), null, null);
    return new FeedRun(refresh, new Monitoring(reachable, reachable ? 1 : 0, null, null, List.of()));
  }
}
