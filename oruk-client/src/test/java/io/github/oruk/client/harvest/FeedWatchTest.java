package io.github.oruk.client.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.client.OrukHttpException;
import io.github.oruk.client.OrukProtocolException;
import io.github.oruk.client.OrukTimeoutException;
import io.github.oruk.client.OrukTransportException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule that tells a feed that stopped answering from addresses that fail on their own, without HTTP. */
class FeedWatchTest {

  private static final URI URL = URI.create("http://127.0.0.1:9/services/x");

  /** The checks the watch asked for: the id and the run each belongs to. */
  private final List<String> checkedIds = new ArrayList<>();
  private final List<Long> checkedRuns = new ArrayList<>();

  private FeedWatch watch(int threshold, String knownGood) {
    return new FeedWatch(threshold, knownGood, (id, run) -> {
      checkedIds.add(id);
      checkedRuns.add(run);
    });
  }

  private static OrukTransportException refused() {
    return new OrukTransportException(URL, 10, "GET " + URL + ": could not connect to 127.0.0.1:9 (Connection"
        + " refused) on all 10 attempts over 23.0 s. Check that the server is running.", null);
  }

  private static OrukHttpException status(int status) {
    return new OrukHttpException(URL, 10, status, "", null, "GET " + URL + " answered " + status + ". Try later.");
  }

  @Test
  void failuresWithoutAnAnswerAreNoConnectionTimeouts429And5xx() {
    assertTrue(FeedWatch.withoutAnswer(refused()));
    assertTrue(FeedWatch.withoutAnswer(new OrukTimeoutException(URL, 10, "no answer in time", null)));
    for (int code : new int[] {429, 500, 502, 503, 504}) {
      assertTrue(FeedWatch.withoutAnswer(status(code)), "HTTP " + code);
    }
    for (int code : new int[] {400, 401, 403, 404, 410}) {
      assertTrue(!FeedWatch.withoutAnswer(status(code)), "HTTP " + code + " is an answer");
    }
    assertTrue(!FeedWatch.withoutAnswer(new OrukProtocolException(URL, 1, "/id", "another id", null)));
    assertTrue(!FeedWatch.withoutAnswer(new IllegalStateException("a bug")));
  }

  @Test
  void answersNeitherCountNorStartACheck() {
    FeedWatch watch = watch(3, "good");
    for (int i = 0; i < 50; i++) {
      assertNull(watch.failed(status(404)));
      assertNull(watch.failed(new OrukProtocolException(URL, 1, "/id", "another id", null)));
    }
    assertEquals(List.of(), checkedIds);
  }

  @Test
  void theThresholdAndAFailedCheckTogetherStopTheHarvest() {
    FeedWatch watch = watch(3, "good");

    assertNull(watch.failed(refused()));
    assertEquals(List.of("good"), checkedIds, "the first failure of a run checks a service fetched before");
    assertNull(watch.failed(status(503)));
    assertNull(watch.checked(checkedRuns.get(0), refused()), "two failures are not yet three");
    String reason = watch.failed(refused());

    assertNotNull(reason);
    assertTrue(reason.startsWith("the feed stopped answering: 3 services in a row could not be fetched, nor could"
        + " good, fetched earlier (GET http://127.0.0.1:9/services/x: could not connect to 127.0.0.1:9 (Connection"
        + " refused) on all 10 attempts over 23.0 s)"), reason);
    assertEquals(1, checkedIds.size(), "one check per run");
  }

  @Test
  void theThresholdWaitsForTheCheck() {
    FeedWatch watch = watch(2, "good");
    assertNull(watch.failed(refused()));
    assertNull(watch.failed(refused()), "the check is under way");
    assertNull(watch.failed(refused()));

    assertNotNull(watch.checked(checkedRuns.get(0), status(502)), "the check failed too, after three in a row");
  }

  @Test
  void aCheckThatComesBackMeansTheAddressesFailOnTheirOwn() {
    FeedWatch watch = watch(2, "good");
    assertNull(watch.failed(refused()));
    assertNull(watch.failed(refused()));
    assertNull(watch.checked(checkedRuns.get(0), null), "the feed answered");
    assertNull(watch.checked(checkedRuns.get(0), status(404)), "an old check's answer changes nothing");

    assertNull(watch.failed(refused()), "a new run starts from one");
    assertEquals(2, checkedIds.size(), "and checks again");
    assertNull(watch.checked(checkedRuns.get(1), status(404)), "a 404 for the check is an answer too");
    assertNull(watch.failed(refused()));
  }

  @Test
  void aDeliveryEndsTheRunAndMakesItsCheckMoot() {
    FeedWatch watch = watch(2, "good");
    assertNull(watch.failed(refused()));
    watch.delivered("newer");
    assertNull(watch.checked(checkedRuns.get(0), refused()), "the check of a run that ended says nothing");
    assertNull(watch.failed(refused()));
    assertEquals(List.of("good", "newer"), checkedIds, "the latest service delivered is the one checked");
    assertNull(watch.failed(refused()));

    assertNotNull(watch.checked(checkedRuns.get(1), refused()));
  }

  @Test
  void withNothingEverDeliveredTheCountAloneDecides() {
    FeedWatch watch = watch(3, null);
    assertNull(watch.failed(refused()));
    assertNull(watch.failed(refused()));
    String reason = watch.failed(status(503));

    assertNotNull(reason);
    assertTrue(reason.startsWith("the feed stopped answering: 3 services in a row could not be fetched, and none has"
        + " been in this harvest (the last: GET http://127.0.0.1:9/services/x answered 503)"), reason);
    assertEquals(List.of(), checkedIds, "nothing to check against");
  }

  @Test
  void zeroNeverStops() {
    FeedWatch watch = watch(0, "good");
    for (int i = 0; i < 100; i++) {
      assertNull(watch.failed(refused()));
    }
    assertEquals(List.of(), checkedIds);
  }
}
