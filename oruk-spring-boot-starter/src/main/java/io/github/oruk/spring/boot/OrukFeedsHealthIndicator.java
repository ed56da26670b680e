package io.github.oruk.spring.boot;

import io.github.oruk.client.OrukClient;
import io.github.oruk.client.OrukResponse;
import io.github.oruk.model.ApiDetails;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The health of the ORUK feeds an application depends on: each is asked for its API details ({@code GET /})
 * through the SDK's client, all at once, once each (no retries), within the timeout. UP when every feed
 * answered with ORUK API details; DOWN otherwise. The details name each feed with its own {@code status} and
 * either the {@code version} it declares or the {@code error} that kept it from answering.
 */
public final class OrukFeedsHealthIndicator implements HealthIndicator {

  private final Map<String, OrukClient> clients = new LinkedHashMap<>();
  private final Duration timeout;

  /**
   * @param feeds the feeds' base URLs
   * @param timeout how long each feed has to answer, connecting included
   * @throws IllegalArgumentException when a feed is not an http(s) URL, naming it
   */
  public OrukFeedsHealthIndicator(List<String> feeds, Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    for (String feed : feeds) {
      try {
        clients.put(feed, OrukClient.builder(feed).connectTimeout(timeout).requestTimeout(timeout)
            .maxAttempts(1).build());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("oruk.health.feeds lists '" + feed + "': " + e.getMessage(), e);
      }
    }
  }

  @Override
  public Health health() {
    Map<String, CompletableFuture<OrukResponse<ApiDetails>>> calls = new LinkedHashMap<>();
    clients.forEach((feed, client) -> calls.put(feed, client.apiDetailsAsync()
        // The client's own timeout covers each phase; this bounds the whole check whatever happens.
        .orTimeout(timeout.toMillis() + 500, TimeUnit.MILLISECONDS)));
    Health.Builder health = Health.up();
    calls.forEach((feed, call) -> {
      Map<String, Object> detail = new LinkedHashMap<>();
      try {
        ApiDetails details = call.join().value();
        detail.put("status", "UP");
        detail.put("version", details.version());
      } catch (CompletionException | CancellationException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        detail.put("status", "DOWN");
        detail.put("error", cause instanceof TimeoutException ? "no answer within " + timeout
            : String.valueOf(cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName()));
        health.down();
      }
      health.withDetail(feed, detail);
    });
    return health.build();
  }
}
