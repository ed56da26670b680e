package io.github.oruk.server.jetty;

import io.github.oruk.server.OrukApi;
import io.github.oruk.server.ServerBuilder;
import io.github.oruk.server.protocol.OrukProtocol;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Serves an {@link OrukApi} with embedded Jetty 12, with limits that hold on the internet: the server
 * {@code oruk serve} uses.
 *
 * <pre>{@code
 * try (OrukJettyServer server = OrukJettyServer.builder(api).host("0.0.0.0").port(8080).start()) {
 *   System.out.println("listening on " + server.uri());
 *   server.awaitStop();
 * }
 * }</pre>
 *
 * <p>Jetty waits for a request's bytes, and for a client to accept the next bytes of an answer, without
 * holding a thread (except while a streamed answer blocks, see {@link Builder#maxThreads(int)}), so
 * clients that stall cost a connection, not the server's attention. The limits, each a builder option:
 * <ul>
 *   <li>{@link Builder#idleTimeout(Duration) idle timeout} (default 30 s): a connection on which no byte
 *       moves for this long, in either direction, is closed: a request that stops half-way, a client that
 *       stops reading an answer, a keep-alive connection nobody uses;
 *   <li>{@link Builder#maxRequestHeaderSize(int) request line and headers} (default 16 KiB): a longer
 *       request line is answered 414, larger headers 431, both as JSON;
 *   <li>{@link Builder#maxConnections(int) connections} (default 1,000): beyond it, new connections wait
 *       in the operating system's accept queue until one closes;
 *   <li>{@link Builder#maxThreads(int) threads} (default 200): requests being answered at once.
 * </ul>
 *
 * <p>Every answer, including the requests Jetty refuses before the API sees them (an unparsable request
 * line, a header without a colon, an ambiguous length), is the SDK's JSON error with
 * {@code Access-Control-Allow-Origin: *}. It binds to {@code 127.0.0.1} unless told otherwise.
 */
public final class OrukJettyServer implements AutoCloseable {

  /** Default {@link Builder#idleTimeout(Duration)}. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  /** Default {@link Builder#maxRequestHeaderSize(int)}, in bytes. */
  public static final int DEFAULT_MAX_REQUEST_HEADER_SIZE = 16 * 1024;
  /** Default {@link Builder#maxConnections(int)}. */
  public static final int DEFAULT_MAX_CONNECTIONS = 1_000;
  /** Default {@link Builder#maxThreads(int)}. */
  public static final int DEFAULT_MAX_THREADS = 200;

  private final Server server;
  private final ServerConnector connector;
  private final Duration grace;
  private final URI uri;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean stopping;

  private OrukJettyServer(Builder builder) throws IOException {
    this.grace = builder.shutdownGrace();
    OrukProtocol protocol = new OrukProtocol(builder.api());
    QueuedThreadPool threads = new QueuedThreadPool(builder.maxThreads, Math.min(8, builder.maxThreads));
    threads.setName("oruk-jetty");
    threads.setDaemon(true);
    this.server = new Server(threads, new ScheduledExecutorScheduler("oruk-jetty-scheduler", true), null);
    server.setStopTimeout(Math.max(1, builder.shutdownGrace().toMillis()));
    // Requests Jetty refuses before any context sees them (a request line it cannot parse, headers too
    // large) are answered by the server's error handler: the SDK's JSON error, with CORS.
    server.setErrorHandler(new JsonErrorHandler(protocol));

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(builder.maxRequestHeaderSize);
    // Paths Jetty calls ambiguous (an encoded '/', '..;', an empty segment) reach the API, which answers them
    // in its own words: the protocol treats a path as data and never as a file name.
    http.setUriCompliance(UriCompliance.UNSAFE);
    connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(builder.host());
    connector.setPort(builder.port());
    connector.setIdleTimeout(builder.idleTimeout.toMillis());
    connector.setAcceptQueueSize(builder.backlog());
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(builder.maxConnections, connector));

    String contextPath = builder.basePath();
    // During stop, requests in progress may finish; new ones are answered 503 (JSON, by the handler above).
    server.setHandler(new GracefulHandler(new OrukHandler(protocol, contextPath)));
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly();
      String address = builder.host() + ":" + builder.port();
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof BindException) {
          BindException taken = new BindException(address + ": " + cause.getMessage());
          taken.initCause(e);
          throw taken;
        }
      }
      throw e instanceof IOException io ? io
          : new IOException("could not start Jetty on " + address + ": " + e, e);
    }
    String host = builder.host().contains(":") ? "[" + builder.host() + "]" : builder.host();
    if (host.equals("0.0.0.0") || host.equals("[::]")) {
      host = "127.0.0.1";
    }
    this.uri = URI.create("http://" + host + ":" + connector.getLocalPort()
        + (contextPath.equals("/") ? "" : contextPath) + "/");
  }

  /** A builder for serving {@code api}. */
  public static Builder builder(OrukApi api) {
    return new Builder(api);
  }

  /**
   * The address of the API's root, such as {@code http://127.0.0.1:8080/}, ending with '/'. When listening
   * on every interface ({@code 0.0.0.0}), the host given is {@code 127.0.0.1}.
   */
  public URI uri() {
    return uri;
  }

  /** The port it listens on (the one chosen when the builder asked for port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** Blocks until the server has been stopped. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops the server: no new requests are served (they are answered 503), requests in progress have up
   * to {@code grace} to finish, then every connection is closed. Calling it again does nothing.
   */
  public void stop(Duration grace) {
    synchronized (this) {
      if (stopping) {
        return;
      }
      stopping = true;
    }
    server.setStopTimeout(Math.max(1, grace.toMillis()));
    stopQuietly();
    stopped.countDown();
  }

  /** {@link #stop(Duration)} with the builder's grace period. */
  @Override
  public void close() {
    stop(grace);
  }

  private void stopQuietly() {
    try {
      server.stop();
    } catch (Exception e) {
      System.getLogger("io.github.oruk.server").log(System.Logger.Level.DEBUG,
          () -> "oruk-server: Jetty did not stop cleanly: " + e);
    }
  }

  /**
   * Options for an {@link OrukJettyServer}: those of every server (host, port, ...), and Jetty's limits, each
   * with a default that holds on the internet.
   */
  public static final class Builder extends ServerBuilder<Builder> {
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private int maxRequestHeaderSize = DEFAULT_MAX_REQUEST_HEADER_SIZE;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private int maxThreads = DEFAULT_MAX_THREADS;

    private Builder(OrukApi api) {
      super(api);
    }

    /**
     * How long a connection may go without a byte moving in either direction before it is closed (default
     * 30 s): the wait for the rest of a request, for a client to read more of an answer, and between
     * requests on a kept-alive connection.
     */
    public Builder idleTimeout(Duration idleTimeout) {
      if (idleTimeout.isNegative() || idleTimeout.isZero()) {
        throw new IllegalArgumentException("the idle timeout must be positive; got " + idleTimeout);
      }
      this.idleTimeout = idleTimeout;
      return this;
    }

    /**
     * Largest request line plus headers, in bytes (default 16 KiB, at least 1 KiB). A longer request line
     * is answered 414 and larger headers 431, both as JSON. Keep it above the API's
     * {@code maxQueryLength} (4,096 by default) so that an over-long query gets the API's own 414
     * ({@code query_too_long}) naming the limit.
     */
    public Builder maxRequestHeaderSize(int bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("the request header size must be at least 1024 bytes; got " + bytes);
      }
      this.maxRequestHeaderSize = bytes;
      return this;
    }

    /**
     * Most connections open at once (default 1,000). When it is reached the server stops accepting: new
     * connections wait in the accept queue (see {@link #backlog(int)}) until one closes.
     */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1; got " + maxConnections);
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Most threads (default 200, at least 8). A thread is held only while a request is being answered,
     * including while a streamed ({@code format=ndjson}) answer waits for a slow client, for at most the
     * idle timeout at a time.
     */
    public Builder maxThreads(int maxThreads) {
      if (maxThreads < 8) {
        throw new IllegalArgumentException("maxThreads must be at least 8; got " + maxThreads);
      }
      this.maxThreads = maxThreads;
      return this;
    }

    /**
     * Binds and starts serving.
     *
     * @throws BindException when the port is in use
     * @throws IOException when the server cannot start for another reason
     */
    public OrukJettyServer start() throws IOException {
      return new OrukJettyServer(this);
    }
  }
}
