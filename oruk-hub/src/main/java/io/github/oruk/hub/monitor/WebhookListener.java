package io.github.oruk.hub.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * POSTs each {@link FeedEvent} as JSON to every webhook of the register (its top-level {@code webhooks}):
 *
 * <pre>{@code
 * {"feed": "north", "event": "worse", "previous": "pass", "current": "fail",
 *  "at": "2026-12-07T06:00:00Z", "url": "https://north.example.org/api"}
 * }</pre>
 *
 * <p>{@code previous} is null on a feed's first run. Delivery is asynchronous, on a thread of the listener's
 * own, so a slow receiver never holds up a refresh. A delivery that fails — no connection, a timeout, a 5xx or
 * a 429 — is tried again, at most {@code attempts} times in all, waiting {@code backoff}, then twice as long
 * each time; any other 4xx is not (the receiver refused the message, and the same message would be refused
 * again). A delivery given up is logged as a warning: the event itself is in the hub's log and history.
 */
public final class WebhookListener implements FeedListener, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(WebhookListener.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<URI> webhooks;
  private final int attempts;
  private final Duration backoff;
  private final HttpClient http;
  private final ScheduledExecutorService scheduler;

  /**
   * @param webhooks where events go
   * @param attempts deliveries tried per event and webhook, the first included (at least 1)
   * @param backoff the wait before the first retry, doubled for each one after it
   */
  public WebhookListener(List<URI> webhooks, int attempts, Duration backoff) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1; got " + attempts);
    }
    this.webhooks = List.copyOf(webhooks);
    this.attempts = attempts;
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "oruk-hub-webhooks");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.scheduler = scheduler;
  }

  /** The register's webhooks, each delivery tried up to 5 times over about 15 seconds (1, 2, 4, 8 s apart). */
  public static WebhookListener of(List<URI> webhooks) {
    return new WebhookListener(webhooks, 5, Duration.ofSeconds(1));
  }

  @Override
  public void event(FeedEvent event) {
    byte[] body = json(event);
    for (URI webhook : webhooks) {
      schedule(() -> deliver(webhook, body, event, 1), Duration.ZERO);
    }
  }

  /** The event as the webhook's JSON. */
  static byte[] json(FeedEvent event) {
    ObjectNode node = JSON.createObjectNode();
    node.put("feed", event.feed());
    node.put("event", event.kind().label());
    node.put("previous", event.previous() == null ? null : event.previous().label());
    node.put("current", event.current().label());
    node.put("at", event.at().toString());
    node.put("url", event.url());
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree of strings is always written", e);
    }
  }

  private void deliver(URI webhook, byte[] body, FeedEvent event, int attempt) {
    HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").header("User-Agent", "oruk-hub")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    String why;
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 == 2) {
        return;
      }
      why = "it answered " + status;
      if (status / 100 == 4 && status != 429) {
        LOG.log(Level.WARNING, "webhook {0} refused the event ({1}) with {2}; not tried again", webhook,
            event.toLine(), status);
        return;
      }
    } catch (IOException e) {
      why = String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (attempt >= attempts) {
      LOG.log(Level.WARNING, "webhook {0}: the event ({1}) could not be delivered in {2} attempts; the last: {3}",
          webhook, event.toLine(), attempts, why);
      return;
    }
    Duration wait = backoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    LOG.log(Level.DEBUG, "webhook {0}: attempt {1} failed ({2}); trying again in {3}", webhook, attempt, why, wait);
    schedule(() -> deliver(webhook, body, event, attempt + 1), wait);
  }

  private void schedule(Runnable task, Duration wait) {
    try {
      scheduler.schedule(task, wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      LOG.log(Level.WARNING, "the webhook listener is closed; an event was not delivered");
    }
  }

  /** Stops delivering: deliveries under way may finish (for up to 2 s), retries still waiting are dropped. */
  @Override
  public void close() {
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler.shutdownNow();
  }
}
