package io.github.oruk.validation.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.client.RawResponse;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.validation.rule.FeedContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * The look-ups of a live feed: every listed id (or a seeded sample) looked up by id, concurrently. Each answer is
 * checked with the document rules, quality is scored on it, and the feed rules are told of it (the round trip,
 * {@code RoundTripRule}).
 */
final class IdentityChecks {

  /** What the look-ups need from the validation they are part of. */
  interface Feed extends FeedContext {
    /** Fetches within the time limit, from any thread, recording its timing; null when there was no answer. */
    @Nullable RawResponse getConcurrently(Endpoint endpoint, URI uri, boolean required);

    void failedRequest(Endpoint endpoint, URI uri, boolean required, String what);

    /** The answer's JSON, or null when it is not JSON (reported). */
    @Nullable JsonNode parse(Endpoint endpoint, RawResponse answer, boolean critical);

    /** Checks a by-id answer with the rules and scores its quality. */
    void checkRecord(JsonNode record, Endpoint byId, URI uri, boolean required);

    /** The lock findings and shared maps are changed under. */
    Object lock();

    /** The list item of a service with this id, if the walk listed it. */
    @Nullable JsonNode listed(String id);

    /** A by-id answer, for the feed rules to check ({@code RoundTripRule}); called under {@link #lock()}. */
    void record(Endpoint byId, String id, @Nullable JsonNode item, JsonNode record, URI uri);
  }

  private final Feed feed;
  private final int sample;
  private final long seed;
  private final int concurrency;

  IdentityChecks(Feed feed, int sample, long seed, int concurrency) {
    this.feed = Objects.requireNonNull(feed, "feed");
    this.sample = sample;
    this.seed = seed;
    this.concurrency = concurrency;
  }

  /**
   * Looks ids up by id: all of them, or a seeded sample; concurrently, on a pool of its own.
   *
   * @param details where the services' own answers go, by id (for the filter tests)
   */
  void lookUp(Endpoint byId, List<String> ids, Map<String, JsonNode> details) {
    List<String> chosen = new ArrayList<>(ids);
    if (sample > 0 && chosen.size() > sample) {
      Collections.sort(chosen);
      Collections.shuffle(chosen, new Random(seed));
      feed.notChecked((chosen.size() - sample) + " of the " + chosen.size() + " ids listed by " + byId.listEndpoint().path()
          + (byId == Endpoint.SERVICE ? ", and their richness and freshness" : ""), "a seeded sample of " + sample
          + " was looked up by id (raise --sample, or 0 for all)" + (byId == Endpoint.SERVICE ? "; quality is"
          + " scored on each service's own /services/{id} answer, never on copies nested in other records" : ""));
      chosen = chosen.subList(0, sample);
    }
    boolean required = byId.required();
    // A pool of its own: CompletableFuture's default pool starts a thread per task on a two-core machine.
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, task -> {
      Thread thread = new Thread(task, "oruk-feed-check");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<CompletableFuture<Void>> pending = new ArrayList<>();
      for (String id : chosen) {
        pending.add(CompletableFuture.runAsync(() -> lookUpOne(byId, id, required, details), pool));
      }
      pending.forEach(CompletableFuture::join);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs on the pool's threads: fetching, parsing and checking happen outside the run's lock. */
  private void lookUpOne(Endpoint byId, String id, boolean required, Map<String, JsonNode> details) {
    URI uri = feed.client().uri(byId, id, null);
    RawResponse answer = feed.getConcurrently(byId, uri, required);
    if (answer == null) {
      return;
    }
    if (!answer.successful()) {
      feed.failedRequest(byId, uri, required, "id " + id + ", which " + byId.listEndpoint().path() + " lists, answered "
          + answer.status() + ".");
      return;
    }
    JsonNode record = feed.parse(byId, answer, required);
    if (record == null) {
      return;
    }
    feed.checkRecord(record, byId, uri, required);
    synchronized (feed.lock()) {
      if (byId == Endpoint.SERVICE) {
        String returned = record.path("id").asText("");
        details.put(returned.isEmpty() ? id : returned, record);
      }
      feed.record(byId, id, byId == Endpoint.SERVICE ? feed.listed(id) : null, record, uri);
    }
  }
}
