package io.github.oruk.server.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.ServerBuilder;
import io.github.oruk.server.protocol.OrukProtocol;
import io.github.oruk.server.protocol.ProtocolRequest;
import io.github.oruk.server.protocol.ProtocolResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Serves an {@link OrukApi} with the JDK's built-in HTTP server ({@code com.sun.net.httpserver}): no
 * dependency beyond the JDK.
 *
 * <pre>{@code
 * try (OrukHttpServer server = OrukHttpServer.builder(api).port(8080).start()) {
 *   System.out.println("listening on " + server.uri());
 *   server.awaitStop();
 * }
 * }</pre>
 *
 * <p><b>Limits, and why this is not the server to put on the internet.</b> The JDK's server reads each
 * request, and writes each answer, on a thread of its pool, so a client that stops half-way through a request
 * or stops reading an answer holds a thread; with every thread held, everyone else waits. Its only defences are
 * time limits, which the JDK takes from system properties read once per JVM, when its server classes load.
 * Loading this class sets those not already set, so they apply to <em>every</em> JDK {@code HttpServer} in the
 * process (set them yourself on the command line to choose other values, or if another JDK server starts
 * first):
 * <ul>
 *   <li>{@code sun.net.httpserver.maxReqTime} {@value #MAX_REQUEST_SECONDS} (seconds to receive a request's line
 *       and headers, from its first byte; a connection that sends nothing is closed after as long);
 *   <li>{@code sun.net.httpserver.maxRspTime} {@value #MAX_RESPONSE_SECONDS} (seconds to answer, from the end of
 *       the request to the last byte: a longer NDJSON stream is cut off, and its client sees a failed transfer);
 *   <li>{@code jdk.httpserver.maxConnections} {@value #MAX_CONNECTIONS} (connections beyond it are closed at once);
 *   <li>{@code sun.net.httpserver.nodelay} {@code true} (without it every answer waits about 40 ms for the
 *       client's delayed acknowledgement).
 * </ul>
 * The JDK's own defaults apply to the rest: 30 s idle keep-alive ({@code sun.net.httpserver.idleInterval}),
 * request line and headers up to 389,120 bytes ({@code sun.net.httpserver.maxReqHeaderSize}, beyond which
 * the connection is reset) and 200 headers. Even so, 16 stalled clients hold all 16 threads for up to
 * {@value #MAX_REQUEST_SECONDS} s at a time: to publish on the internet use {@code oruk-server-jetty}, which
 * spends no thread on a waiting connection (the measurements are in the benchmarks' RESULTS.md).
 *
 * <p>It binds to {@code 127.0.0.1} unless told otherwise, so nothing is exposed by accident; use
 * {@code host("0.0.0.0")} to listen on every interface. Requests run on a fixed pool of daemon threads (or
 * an executor of your own). {@link #stop(Duration)} stops gracefully: requests in progress may finish
 * within the grace period, then connections are closed.
 */
public final class OrukHttpServer implements AutoCloseable {

  /** Default {@code sun.net.httpserver.maxReqTime}, in seconds. */
  public static final int MAX_REQUEST_SECONDS = 10;
  /** Default {@code sun.net.httpserver.maxRspTime}, in seconds. */
  public static final int MAX_RESPONSE_SECONDS = 60;
  /** Default {@code jdk.httpserver.maxConnections}. */
  public static final int MAX_CONNECTIONS = 1_000;

  private static final System.Logger LOG = System.getLogger("io.github.oruk.server");

  static {
    // The JDK reads these once, when its server classes load, so they are set here unless the application
    // chose values. Without nodelay (Nagle's algorithm on, the JDK's default), the body, sent as a separate
    // write after the headers, waits for the client's delayed ACK: about 40 ms per request. Without the time
    // limits (none by default), a client that stalls holds a pool thread for ever.
    setUnlessSet("sun.net.httpserver.nodelay", "true");
    setUnlessSet("sun.net.httpserver.maxReqTime", Integer.toString(MAX_REQUEST_SECONDS));
    setUnlessSet("sun.net.httpserver.maxRspTime", Integer.toString(MAX_RESPONSE_SECONDS));
    setUnlessSet("jdk.httpserver.maxConnections", Integer.toString(MAX_CONNECTIONS));
  }

  private static void setUnlessSet(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  private final HttpServer server;
  private final OrukProtocol protocol;
  private final String prefix;
  private final @Nullable ExecutorService ownExecutor;
  private final Duration grace;
  private final URI uri;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean stopping;

  private OrukHttpServer(Builder builder) throws IOException {
    this.protocol = new OrukProtocol(builder.api());
    this.prefix = builder.basePath().equals("/") ? "" : builder.basePath();
    this.grace = builder.shutdownGrace();
    InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(builder.host()), builder.port());
    this.server = HttpServer.create(address, builder.backlog());
    Executor executor = builder.executor;
    if (executor == null) {
      this.ownExecutor = Executors.newFixedThreadPool(builder.threads, new DaemonThreads());
      executor = ownExecutor;
    } else {
      this.ownExecutor = null;
    }
    server.setExecutor(executor);
    server.createContext(prefix.isEmpty() ? "/" : prefix, this::handle);
    server.start();
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    this.uri = URI.create("http://" + host + ":" + bound.getPort() + prefix + "/");
  }

  /** A builder for serving {@code api}. */
  public static Builder builder(OrukApi api) {
    return new Builder(api);
  }

  /** The address of the API's root, such as {@code http://127.0.0.1:8080/}, ending with '/'. */
  public URI uri() {
    return uri;
  }

  /** The port it listens on (the one chosen when the builder asked for port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Blocks until the server has been stopped. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops the server: no new requests are served (they are answered 503), requests in progress have up
   * to {@code grace} to finish, then every connection is closed and the thread pool this server made is
   * shut down. An executor given to the builder is left running. Calling it again does nothing.
   */
  public void stop(Duration grace) {
    synchronized (this) {
      if (stopping) {
        return;
      }
      stopping = true;
    }
    long deadline = System.nanoTime() + Math.max(0, grace.toNanos());
    try {
      while (inFlight.get() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.stop(0);
    if (ownExecutor != null) {
      ownExecutor.shutdown();
      try {
        if (!ownExecutor.awaitTermination(Math.max(100, grace.toMillis()), TimeUnit.MILLISECONDS)) {
          ownExecutor.shutdownNow();
        }
      } catch (InterruptedException e) {
        ownExecutor.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
    stopped.countDown();
  }

  /** {@link #stop(Duration)} with the builder's grace period. */
  @Override
  public void close() {
    stop(grace);
  }

  private void handle(HttpExchange exchange) throws IOException {
    inFlight.incrementAndGet();
    try {
      ProtocolResponse response;
      if (stopping) {
        exchange.getResponseHeaders().set("Connection", "close");
        response = protocol.unavailable("The server is shutting down.");
      } else {
        response = protocol.handle(request(exchange));
      }
      send(exchange, response);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private ProtocolRequest request(HttpExchange exchange) {
    URI requested = exchange.getRequestURI();
    String rawPath = requested.getRawPath() == null ? "/" : requested.getRawPath();
    String path = rawPath.length() >= prefix.length() ? rawPath.substring(prefix.length()) : "/";
    InetSocketAddress remote = exchange.getRemoteAddress();
    InetSocketAddress local = exchange.getLocalAddress();
    String localHost = local.getAddress().getHostAddress();
    return new ProtocolRequest(
        exchange.getRequestMethod(),
        "http",
        prefix,
        path.isEmpty() ? "/" : path,
        requested.getRawQuery(),
        exchange.getRequestHeaders()::getFirst,
        remote == null || remote.getAddress() == null ? "" : remote.getAddress().getHostAddress(),
        (localHost.contains(":") ? "[" + localHost + "]" : localHost) + ":" + local.getPort());
  }

  private static void send(HttpExchange exchange, ProtocolResponse response) throws IOException {
    ProtocolResponse.Body body = response.body();
    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      if (body != null || !header.getKey().equalsIgnoreCase("Content-Length")
          || exchange.getRequestMethod().equalsIgnoreCase("HEAD")) {
        exchange.getResponseHeaders().set(header.getKey(), header.getValue());
      }
    }
    int status = response.status();
    if (body == null) {
      // No body: HEAD (whose Content-Length header was set above), 204, 304.
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    long length = body.length();
    if (length >= 0) {
      exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
      try (OutputStream out = exchange.getResponseBody()) {
        body.writeTo(out);
      }
      exchange.close();
      return;
    }
    exchange.getResponseHeaders().remove("Content-Length");
    exchange.sendResponseHeaders(status, 0);
    OutputStream out = exchange.getResponseBody();
    try {
      body.writeTo(out);
    } catch (IOException e) {
      // Throwing makes the JDK server close the connection without ending the chunked body, so the
      // client sees a failed transfer rather than a short, apparently complete answer.
      LOG.log(Level.DEBUG, () -> "oruk-server: streamed answer aborted: " + e.getMessage());
      throw e;
    }
    out.close();
    exchange.close();
  }

  /** Options for an {@link OrukHttpServer}: those of every server (host, port, ...), and its thread pool. */
  public static final class Builder extends ServerBuilder<Builder> {
    private @Nullable Executor executor;
    private int threads = Math.max(16, 4 * Runtime.getRuntime().availableProcessors());

    private Builder(OrukApi api) {
      super(api);
    }

    /**
     * Executor for requests (default: a fixed pool of daemon threads, see {@link #threads(int)}). An
     * executor given here is not shut down by {@link OrukHttpServer#stop(Duration)}.
     */
    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    /** Size of the default thread pool (default: 4 per processor, at least 16). */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1; got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Binds and starts serving.
     *
     * @throws IOException when the address cannot be bound (for instance, the port is in use)
     */
    public OrukHttpServer start() throws IOException {
      return new OrukHttpServer(this);
    }
  }

  private static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(runnable, "oruk-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
