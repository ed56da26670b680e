package io.github.oruk.client.harvest;

import io.github.oruk.client.OrukHttpException;
import io.github.oruk.client.OrukTimeoutException;
import io.github.oruk.client.OrukTransportException;
import org.jspecify.annotations.Nullable;

/**
 * Tells a feed that has stopped answering from addresses that fail on their own, from the outcomes of a
 * harvest's detail fetches (each after the client's retries).
 *
 * <p>The rule. A fetch that failed <em>without an answer</em> — no connection, a connection lost, a timeout,
 * or 429 or 5xx after every attempt — adds one to a run of failures; a service delivered ends the run. Other
 * failures (404, an answer that is not ORUK JSON, a record with another id) are answers: they neither add to
 * the run nor end it. At the first failure of a run the watch re-fetches, once, the service the feed last
 * delivered — a check. If that comes back, the feed answers, the failures were those addresses' own (a
 * broken record, one shard of a directory), and the run starts again from nothing. The feed is down when the
 * run reaches the threshold and the check failed without an answer too, nothing having been delivered
 * meanwhile. With nothing ever delivered there is nothing to check against, and the threshold alone decides.
 *
 * <p>Why this rule. A count of failures in a row, ended by a success, is what circuit breakers count (a
 * count-based window whose failure rate must reach 100%), and failures that are answers are left out of it as
 * breakers leave out exceptions that do not mean the service is down. The count alone cannot tell a dead feed
 * from a run of broken records that happen to sit together in the list (at concurrency 8, twenty of them would
 * look like a dead feed); a request that worked minutes ago can, which is what a breaker's half-open trial call
 * does. The check is sent alongside the fetches under way, so it costs no time when the feed is down, and one
 * request per failed service at most when it is not.
 *
 * <p>Not thread-safe: the harvest calls it under its own lock.
 */
final class FeedWatch {

  /** Starts the check: a fetch of {@code id} whose outcome comes back through {@link #checked}. */
  @FunctionalInterface
  interface Checker {
    void check(String id, long run);
  }

  private final int threshold;
  private final Checker checker;
  private @Nullable String knownGood;
  private long run;
  private int failures;
  private @Nullable String lastFailure;
  private boolean checking;
  private @Nullable String checkFailure;

  /**
   * @param threshold failures in a row that make the feed down (with the check); 0 never
   * @param knownGood a service the feed delivered in an earlier run of this harvest, or null
   */
  FeedWatch(int threshold, @Nullable String knownGood, Checker checker) {
    this.threshold = threshold;
    this.knownGood = knownGood;
    this.checker = checker;
  }

  /** A service was delivered: the feed answers. */
  void delivered(String id) {
    knownGood = id;
    reset();
  }

  /**
   * A fetch failed after its retries.
   *
   * @return why the harvest must stop, or null to carry on
   */
  @Nullable String failed(Throwable cause) {
    if (threshold == 0 || !withoutAnswer(cause)) {
      return null;
    }
    failures++;
    lastFailure = firstSentence(cause);
    if (knownGood != null && !checking && checkFailure == null) {
      checking = true;
      checker.check(knownGood, run);
    }
    return verdict();
  }

  /**
   * The check started in run {@code run} ended: {@code cause} is null when the service came back.
   *
   * @return why the harvest must stop, or null to carry on
   */
  @Nullable String checked(long run, @Nullable Throwable cause) {
    if (run != this.run) {
      return null; // something was delivered since: that run is over
    }
    checking = false;
    if (cause == null || !withoutAnswer(cause)) {
      reset(); // the feed answered: the failures were those addresses' own
      return null;
    }
    checkFailure = firstSentence(cause);
    return verdict();
  }

  private @Nullable String verdict() {
    if (failures < threshold) {
      return null;
    }
    if (knownGood == null) {
      return "the feed stopped answering: " + failures + " services in a row could not be fetched, and none has been"
          + " in this harvest (the last: " + lastFailure + ")";
    }
    if (checkFailure == null) {
      return null; // the check is under way
    }
    return "the feed stopped answering: " + failures + " services in a row could not be fetched, nor could "
        + knownGood + ", fetched earlier (" + checkFailure + ")";
  }

  private void reset() {
    run++;
    failures = 0;
    checking = false;
    checkFailure = null;
    lastFailure = null;
  }

  /** Whether a failure means the feed did not answer: no connection, no answer in time, 429 or 5xx. */
  static boolean withoutAnswer(Throwable cause) {
    if (cause instanceof OrukTransportException || cause instanceof OrukTimeoutException) {
      return true;
    }
    return cause instanceof OrukHttpException http && (http.status() == 429 || http.status() >= 500);
  }

  /** The client's message up to its advice: what was asked and what happened. */
  private static String firstSentence(Throwable cause) {
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    int end = message.indexOf(". ");
    String sentence = end < 0 ? message : message.substring(0, end);
    return sentence.length() > 300 ? sentence.substring(0, 300) + "…" : sentence;
  }
}
