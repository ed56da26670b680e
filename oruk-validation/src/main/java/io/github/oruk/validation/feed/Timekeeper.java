package io.github.oruk.validation.feed;

import io.github.oruk.client.OrukClient;
import io.github.oruk.client.OrukClientException;
import io.github.oruk.client.RawResponse;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a feed check to its time limit and says how far it is: every request goes through {@link #fetch}, which
 * waits no longer than what is left of the limit (cancelling the request when it runs out), and a listener is told
 * every so often what is being checked, how many requests are done and how long the oldest has been waiting.
 */
final class Timekeeper {

  private static final System.Logger LOG = System.getLogger("io.github.oruk.validation");

  private final OrukClient client;
  private final Duration timeout;
  private final long started = System.nanoTime();
  private final long deadline;
  private final AtomicInteger requestsDone = new AtomicInteger();
  /** Requests in flight: when each was sent. */
  private final Map<Object, Long> waiting = new ConcurrentHashMap<>();
  private volatile String step = "/";
  /** A part of the check that spans endpoints, such as the filter tests; null in the walk. */
  private volatile @Nullable String phase;

  Timekeeper(OrukClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
    // A limit of centuries is no limit; kept below what nanoTime arithmetic can hold.
    this.deadline = started + (timeout.getSeconds() > 1L << 32 ? 1L << 62 : timeout.toNanos());
  }

  /** Tells {@code listener} how far the check is every {@code every} until the returned action is run. */
  Runnable progress(@Nullable Consumer<FeedProgress> listener, Duration every) {
    if (listener == null) {
      return () -> { };
    }
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "oruk-feed-progress");
      thread.setDaemon(true);
      return thread;
    });
    long millis = Math.max(1, every.toMillis());
    ticker.scheduleAtFixedRate(() -> report(listener), millis, millis, TimeUnit.MILLISECONDS);
    return ticker::shutdownNow; // its tasks are not waited for
  }

  private void report(Consumer<FeedProgress> listener) {
    long now = System.nanoTime();
    long oldest = waiting.values().stream().mapToLong(Long::longValue).min().orElse(now);
    try {
      listener.accept(new FeedProgress(step, requestsDone.get(), waiting.size(), Duration.ofNanos(now - oldest),
          Duration.ofNanos(now - started), timeout));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "the feed check's progress listener failed; ignored", e);
    }
  }

  /** Names the part of the check that spans endpoints (the filter tests), or null for the walk. */
  void phase(@Nullable String what) {
    this.phase = what;
  }

  /**
   * Fetches an address within what is left of the time limit: an answer (whatever its status), or null when the
   * limit ran out before or while waiting; the request is then cancelled and {@code timeUp} is told of it (with
   * the request it cut off, or null when none was sent).
   *
   * @param what what is fetched, for progress reports ({@code /services}, the OpenAPI document)
   * @throws OrukClientException when no answer arrived (a timeout of this request, a connection failure)
   */
  @Nullable RawResponse fetch(String what, URI uri, Consumer<URI> timeUp) {
    return send(what, uri).await(timeUp);
  }

  /**
   * Sends a request now, to be waited for later with {@link Request#await}, which answers as {@link #fetch}
   * would have; or never, with {@link Request#cancel}.
   */
  Request send(String what, URI uri) {
    step = phase == null ? what : phase + " (" + what + ")";
    long sent = System.nanoTime();
    if (deadline - sent <= 0) {
      return new Request(uri, sent, null);
    }
    Request request = new Request(uri, sent, client.fetchAsync(uri));
    waiting.put(request, sent);
    return request;
  }

  /** A request sent, or not sent as the time limit had run out (no answer then). */
  final class Request {
    private final URI uri;
    private final long sent;
    private final @Nullable CompletableFuture<RawResponse> answer;

    private Request(URI uri, long sent, @Nullable CompletableFuture<RawResponse> answer) {
      this.uri = uri;
      this.sent = sent;
      this.answer = answer;
    }

    /** Waits for the answer within what is left of the time limit; as {@link #fetch}. */
    @Nullable RawResponse await(Consumer<URI> timeUp) {
      if (answer == null) {
        timeUp.accept(null);
        return null;
      }
      boolean done = true;
      try {
        RawResponse arrived = answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (sent + arrived.elapsed().toNanos() - deadline > 0) {
          // Sent ahead and arrived after the limit, while the check was busy with something else: cut off too.
          done = false;
          timeUp.accept(uri);
          return null;
        }
        return arrived;
      } catch (TimeoutException e) {
        done = false;
        answer.cancel(true);
        timeUp.accept(uri);
        return null;
      } catch (InterruptedException e) {
        done = false;
        answer.cancel(true);
        Thread.currentThread().interrupt();
        timeUp.accept(uri);
        return null;
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() instanceof CompletionException && e.getCause().getCause() != null
            ? e.getCause().getCause() : e.getCause();
        if (cause instanceof OrukClientException failure) {
          throw failure;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new OrukClientException(uri, 0, "GET " + uri + " failed: " + cause, cause);
      } finally {
        waiting.remove(this);
        if (done) {
          requestsDone.incrementAndGet();
        }
      }
    }

    /** Gives the request up: it is cancelled and never counted. */
    void cancel() {
      if (answer != null) {
        answer.cancel(true);
      }
      waiting.remove(this);
    }
  }
}
