package io.github.oruk.client;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Sends GET requests: politeness, per-attempt deadline, bounded and decoded bodies, and retries with
 * backoff. Everything is asynchronous to the caller; a wait (for a politeness slot or a backoff) is a scheduled
 * task, never a blocked thread. Only an answer on its way is waited for by a thread of {@link #SENDERS}.
 */
final class Transport {

  private static final System.Logger LOG = System.getLogger("io.github.oruk.client");
  /** Of an error answer only this much is read: enough for an excerpt. */
  private static final int ERROR_BODY_LIMIT = 16 * 1024;
  private static final int EXCERPT_CHARS = 200;

  /**
   * The threads that wait for answers, one per request in flight, reused, kept a minute when idle, daemons. Not
   * {@code HttpClient.sendAsync}: it hands every answer on to {@code CompletableFuture}'s default executor, which
   * on a machine of two processors or fewer (a common pool of one thread) starts a new thread for every answer,
   * and that made a live-feed check of 14,000 requests cost about a third more CPU (issue #19). Never the
   * executor given to the builder: a bounded pool whose threads all wait for answers could leave the HTTP client
   * none to read them with.
   */
  private static final ExecutorService SENDERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
      new SynchronousQueue<>(), task -> {
        Thread thread = new Thread(task, "oruk-client-send");
        thread.setDaemon(true);
        return thread;
      });

  private final HttpClient http;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final long maxResponseBytes;
  private final RetryPolicy retry;
  private final HostRateLimiter limiter;
  private final List<Map.Entry<String, String>> headers;
  private final List<String> secrets;
  private final Executor scheduler;

  /**
   * @param headers every header to send
   * @param secrets values that must never appear in a message (the extra headers' values), even when a
   *     server echoes them back in an error page
   */
  Transport(HttpClient http, Duration connectTimeout, Duration requestTimeout, long maxResponseBytes,
      RetryPolicy retry, HostRateLimiter limiter, List<Map.Entry<String, String>> headers, List<String> secrets,
      Executor scheduler) {
    this.http = http;
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
    this.maxResponseBytes = maxResponseBytes;
    this.retry = retry;
    this.limiter = limiter;
    this.headers = List.copyOf(headers);
    this.secrets = secrets.stream().filter(secret -> secret.length() >= 4).toList();
    this.scheduler = scheduler;
  }

  /**
   * One answer, its body decoded: a 2xx answer for {@link #get}, any answer for {@link #getAny}.
   *
   * @param elapsed from the first attempt being sent to this answer arriving
   */
  record Exchange(URI requested, URI uri, int status, HttpHeaders headers, byte[] body, int attempts,
      Duration elapsed) {
  }

  /**
   * Sends a GET, retrying as configured, and reads the 2xx answer with {@code read}; completes with what it
   * read or an {@link OrukClientException}. A reader that throws {@link WrongAnswer} has the request sent
   * again, as after a transient failure; any other exception it throws is the result.
   */
  <T> CompletableFuture<T> get(URI uri, Function<Exchange, T> read) {
    return start(new Call<>(uri, false, read));
  }

  /**
   * Sends a GET and completes with what {@code read} makes of whatever HTTP answer arrives (its status is not
   * retried on); transport
   * failures, timeouts and over-large bodies are retried or fail as for {@link #get}. A non-2xx body is
   * read only as far as an excerpt needs.
   */
  <T> CompletableFuture<T> getAny(URI uri, Function<Exchange, T> read) {
    return start(new Call<>(uri, true, read));
  }

  /**
   * Thrown by a reader given to {@link #get} when the answer arrived whole but is not the one asked for
   * (a by-id answer for another record): the request is retried like a transient failure, and when no
   * attempt is left it fails with the exception {@code failure} makes.
   */
  static final class WrongAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Failure failure;

    WrongAnswer(Failure failure) {
      super(null, null, false, false);
      this.failure = failure;
    }
  }

  private <T> CompletableFuture<T> start(Call<T> call) {
    call.result.whenComplete((ok, failure) -> {
      if (call.result.isCancelled()) {
        CompletableFuture<?> sending = call.inFlight.get();
        if (sending != null) {
          sending.cancel(true);
        }
      }
    });
    schedule(call);
    return call.result;
  }

  private static final class Call<T> {
    final URI uri;
    final boolean anyStatus;
    final Function<Exchange, T> read;
    final long started = System.nanoTime();
    final CompletableFuture<T> result = new CompletableFuture<>();
    final AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
    volatile int attempts;

    Call(URI uri, boolean anyStatus, Function<Exchange, T> read) {
      this.uri = uri;
      this.anyStatus = anyStatus;
      this.read = read;
    }

    Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - started);
    }
  }

  private void schedule(Call<?> call) {
    long wait = limiter.reserveNanos(call.uri);
    if (wait <= 0) {
      send(call);
    } else {
      CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS, scheduler).execute(() -> send(call));
    }
  }

  private void send(Call<?> call) {
    if (call.result.isDone()) {
      return;
    }
    call.attempts++;
    HttpRequest.Builder request = HttpRequest.newBuilder(call.uri).GET().timeout(requestTimeout);
    if ("http".equalsIgnoreCase(call.uri.getScheme())) {
      // Plain-text HTTP/2 needs an upgrade dance few servers support; HTTPS negotiates HTTP/2 by itself.
      request.version(HttpClient.Version.HTTP_1_1);
    }
    for (Map.Entry<String, String> header : headers) {
      request.header(header.getKey(), header.getValue());
    }
    AtomicReference<ResponseBody.Collector> collector = new AtomicReference<>();
    HttpResponse.BodyHandler<byte[]> handler = info -> {
      boolean success = info.statusCode() / 100 == 2;
      long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
      ResponseBody.Collector body = success
          ? new ResponseBody.Collector(maxResponseBytes, false, declared)
          : new ResponseBody.Collector(ERROR_BODY_LIMIT, true, declared);
      collector.set(body);
      return body;
    };
    CompletableFuture<HttpResponse<byte[]>> sending;
    try {
      sending = sendOnSender(request.build(), handler);
    } catch (RuntimeException e) {
      fail(call, new OrukClientException(call.uri, call.attempts, "could not send GET " + FeedAddress.redact(call.uri)
          + ": " + e.getMessage(), e));
      return;
    }
    call.inFlight.set(sending);
    sending.copy().orTimeout(requestTimeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((response, failure) -> {
      if (failure != null) {
        Throwable cause = unwrap(failure);
        if (cause instanceof TimeoutException) {
          ResponseBody.Collector body = collector.get();
          if (body != null) {
            body.cancel();
          }
          sending.cancel(true);
        }
        handleFailure(call, cause);
      } else {
        handleResponse(call, response);
      }
    });
  }

  /**
   * Sends a request from a thread of {@link #SENDERS}: the answer, or the failure {@code sendAsync} would have
   * given; cancelling the result interrupts the wait, which cancels the exchange as cancelling
   * {@code sendAsync}'s future does. What depends on the result runs on the sender thread that completes it.
   */
  private CompletableFuture<HttpResponse<byte[]>> sendOnSender(HttpRequest request,
      HttpResponse.BodyHandler<byte[]> handler) {
    CompletableFuture<HttpResponse<byte[]>> sending = new CompletableFuture<>();
    Future<?> waiting = SENDERS.submit(() -> {
      try {
        sending.complete(http.send(request, handler));
      } catch (InterruptedException e) {
        sending.cancel(false); // only cancelling the result interrupts a sender
      } catch (IOException e) {
        // send() wraps what the exchange failed with in an exception of its own; the original is its cause.
        sending.completeExceptionally(e.getCause() != null ? e.getCause() : e);
      } catch (RuntimeException | Error e) {
        sending.completeExceptionally(e);
      }
    });
    sending.whenComplete((response, failure) -> {
      if (sending.isCancelled()) {
        waiting.cancel(true);
      }
    });
    return sending;
  }

  private <T> void handleResponse(Call<T> call, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    boolean success = status / 100 == 2;
    String encoding = response.headers().firstValue("content-encoding").orElse(null);
    byte[] body;
    try {
      body = ResponseBody.decode(response.body(), encoding, success ? maxResponseBytes : ERROR_BODY_LIMIT, !success);
    } catch (IOException e) {
      handleFailure(call, e);
      return;
    }
    if (success || call.anyStatus) {
      T value;
      try {
        value = call.read.apply(new Exchange(call.uri, response.uri(), status, response.headers(), body, call.attempts,
            call.elapsed()));
      } catch (WrongAnswer wrong) {
        retryOrFail(call, true, null, wrong.failure);
        return;
      } catch (RuntimeException | Error e) {
        call.result.completeExceptionally(e);
        return;
      }
      call.result.complete(value);
      return;
    }
    Duration retryAfter = RetryPolicy.parseRetryAfter(response.headers().firstValue("retry-after").orElse(null),
        Instant.now());
    String excerpt = redact(excerpt(body));
    // Its message is redacted as the excerpt is: servers echo the address, credentials and all.
    ErrorBody errorBody = ErrorBody.parse(body).map(error -> new ErrorBody(error.status(), error.error(),
        error.parameter(), error.message() == null ? null : redact(error.message()))).orElse(null);
    boolean retryable = HttpStatus.retryable(status);
    retryOrFail(call, retryable, retryAfter, (attempts, why) -> {
      String redirected = response.uri().equals(call.uri) ? "" : " (redirected to "
          + FeedAddress.redact(response.uri()) + ")";
      String message = "GET " + FeedAddress.redact(call.uri) + redirected + " answered " + HttpStatus.describe(status)
          + why + (excerpt.isEmpty() ? "" : ": \"" + excerpt + "\"") + ". " + HttpStatus.advice(status);
      return new OrukHttpException(call.uri, attempts, status, excerpt, retryAfter, errorBody, message);
    });
  }

  private void handleFailure(Call<?> call, Throwable cause) {
    String target = "GET " + FeedAddress.redact(call.uri);
    if (cause instanceof ResponseBody.TooLarge tooLarge) {
      fail(call, new OrukResponseTooLargeException(call.uri, call.attempts, tooLarge.limit, tooLarge.decoded,
          target + ": " + tooLarge.getMessage() + ". If the feed is genuine, raise"
          + " OrukClient.builder().maxResponseBytes(...), or ask for smaller pages with per_page.", tooLarge));
    } else if (cause instanceof ResponseBody.BadEncoding bad) {
      fail(call, new OrukProtocolException(call.uri, call.attempts, "", target + ": " + bad.getMessage()
          + ". The server's compression is broken; tell the feed's publisher.", bad));
    } else if (cause instanceof HttpConnectTimeoutException) {
      retryOrFail(call, true, null, (attempts, why) -> new OrukTimeoutException(call.uri, attempts, target
          + ": could not connect to " + hostPort(call.uri) + " within the connect timeout of "
          + seconds(connectTimeout) + why + ". Check the address and your network; raise connectTimeout(...) if"
          + " the server is just slow to accept connections.", cause));
    } else if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
      retryOrFail(call, true, null, (attempts, why) -> new OrukTimeoutException(call.uri, attempts, target
          + ": no complete answer within the request timeout of " + seconds(requestTimeout) + why
          + ". The feed is slow or stalled; raise requestTimeout(...) if it is just slow, or ask for smaller"
          + " pages with per_page.", cause));
    } else if (cause instanceof UnknownHostException) {
      fail(call, new OrukTransportException(call.uri, call.attempts, target + ": the host name '"
          + call.uri.getHost() + "' could not be resolved. Check the base URL.", cause));
    } else if (cause instanceof ConnectException) {
      retryOrFail(call, true, null, (attempts, why) -> new OrukTransportException(call.uri, attempts, target
          + ": could not connect to " + hostPort(call.uri) + " (" + describe(cause) + ")" + why
          + ". Check that the server is running and that the base URL is right.", cause));
    } else if (cause instanceof IOException) {
      retryOrFail(call, true, null, (attempts, why) -> new OrukTransportException(call.uri, attempts, target
          + ": the connection failed before a complete answer arrived (" + describe(cause) + ")" + why
          + ". The server closed or reset the connection; if this persists, the feed or a proxy in front of it"
          + " is failing.", cause));
    } else if (cause instanceof CancellationException) {
      call.result.cancel(false);
    } else if (cause instanceof IllegalArgumentException) {
      // The HTTP client refused the request itself (send() throws this before anything goes out).
      fail(call, new OrukClientException(call.uri, call.attempts, "could not send " + target + ": "
          + cause.getMessage(), cause));
    } else {
      fail(call, new OrukClientException(call.uri, call.attempts, target + " failed: " + describe(cause), cause));
    }
  }

  @FunctionalInterface
  interface Failure {
    /** The exception to throw after {@code attempts}; {@code why} says why no more attempts are made. */
    OrukClientException create(int attempts, String why);
  }

  private void retryOrFail(Call<?> call, boolean retryable, @Nullable Duration retryAfter, Failure failure) {
    int attempts = call.attempts;
    Duration elapsed = call.elapsed();
    if (!retryable) {
      fail(call, failure.create(attempts, attempts > 1 ? " on attempt " + attempts : ""));
      return;
    }
    if (attempts >= retry.maxAttempts()) {
      fail(call, failure.create(attempts, attempts == 1 ? "" : " on all " + attempts + " attempts over "
          + seconds(elapsed)));
      return;
    }
    Duration wait = retryAfter != null ? retryAfter : retry.backoff(attempts);
    if (elapsed.plus(wait).compareTo(retry.maxRetryTime()) > 0) {
      String why = retryAfter != null
          ? " and asked to wait " + seconds(retryAfter) + " (Retry-After), more than the "
              + seconds(retry.maxRetryTime().minus(elapsed)) + " left of the retry time of "
              + seconds(retry.maxRetryTime()) + " (after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ")"
          : " after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + " over " + seconds(elapsed)
              + ", the retry time of " + seconds(retry.maxRetryTime()) + " being used up";
      fail(call, failure.create(attempts, why));
      return;
    }
    if (LOG.isLoggable(Level.DEBUG)) {
      OrukClientException preview = failure.create(attempts, "");
      LOG.log(Level.DEBUG, "retrying in {0} ms (attempt {1} of {2}): {3}", wait.toMillis(), attempts + 1,
          retry.maxAttempts(), preview.getMessage());
    }
    CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS, scheduler).execute(() -> schedule(call));
  }

  private static void fail(Call<?> call, OrukClientException exception) {
    call.result.completeExceptionally(exception);
  }

  /** The cause inside the wrappers futures add. */
  static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    if (cause instanceof ClosedChannelException || message == null || message.isBlank()) {
      return cause.getClass().getSimpleName();
    }
    return message.length() > 200 ? message.substring(0, 200) + "…" : message;
  }

  private static String hostPort(URI uri) {
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    return uri.getHost() + ":" + port;
  }

  static String seconds(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  /** The text with every secret replaced by {@code [redacted]}. */
  String redact(String text) {
    String clean = text;
    for (String secret : secrets) {
      clean = clean.replace(secret, "[redacted]");
    }
    return clean;
  }

  /** The start of a body as one line of text: control characters become spaces, runs of spaces one. */
  static String excerpt(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    String text = new String(body, 0, Math.min(body.length, EXCERPT_CHARS * 4), StandardCharsets.UTF_8);
    text = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) + "…" : text;
  }
}
