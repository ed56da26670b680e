package io.github.oruk.validation.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.client.RawResponse;
import io.github.oruk.model.query.Endpoint;
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

/**
 * The identity checks of a live feed: every listed id (or a seeded sample) looked up by id, concurrently; the
 * answer must be the record with that id ({@code ORUK-ROUNDTRIP-001}) and, for a service, agree with its list
 * item ({@code ORUK-ROUNDTRIP-002}). Each answer is checked with the rules, and quality is scored on it.
 */
final class IdentityChecks {

  /** What the look-ups need from the validation they are part of. */
  interface Feed extends LiveFeed {
    /** Fetches within the time limit, from any thread, recording its timing; null when there was no answer. */
    RawResponse getConcurrently(Endpoint endpoint, URI uri, boolean required);

    void failedRequest(Endpoint endpoint, URI uri, boolean required, String what);

    /** The answer's JSON, or null when it is not JSON (reported). */
    JsonNode parse(Endpoint endpoint, RawResponse answer, boolean critical);

    /** Checks a by-id answer with the rules and scores its quality. */
    void checkRecord(JsonNode record, Endpoint byId, URI uri, boolean required);

    /** The lock findings and shared maps are changed under. */
    Object lock();

    /** The list item of a service with this id, if the walk listed it. */
    JsonNode listed(String id);
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
      String returned = record.path("id").asText("");
      if (!returned.equals(id)) {
        feed.add(FeedChecks.ROUND_TRIP, byId, uri.toString(), "/id", id, "asked for id " + id + " but the answer is the"
            + " record with id '" + returned + "'.", returned);
      }
      if (byId == Endpoint.SERVICE) {
        details.put(returned.isEmpty() ? id : returned, record);
        JsonNode item = feed.listed(id);
        if (item != null) {
          for (String property : List.of("name", "status")) {
            if (item.has(property) && record.has(property) && !item.get(property).equals(record.get(property))) {
              feed.add(FeedChecks.LIST_DETAIL, byId, uri.toString(), "/" + property, id, "the list says " + property
                  + " " + item.get(property) + " but the service itself says " + record.get(property) + ".",
                  record.get(property).asText());
            }
          }
        }
      }
    }
  }
}
