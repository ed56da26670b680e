package io.github.oruk.server;

import io.github.oruk.server.protocol.ProtocolRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * The options every server adapter takes: where it listens, under which path, and how it stops. The
 * builders of {@code jdk.OrukHttpServer} and of {@code oruk-server-jetty}'s {@code OrukJettyServer} extend
 * it, add their own limits and {@code start()}, and return themselves from each setter, so a chain reads the
 * same whichever server it builds:
 *
 * <pre>{@code
 * OrukHttpServer.builder(api).host("0.0.0.0").port(8080).basePath("/oruk").threads(32).start();
 * OrukJettyServer.builder(api).host("0.0.0.0").port(8080).basePath("/oruk").maxThreads(400).start();
 * }</pre>
 *
 * <p>Code that configures either server the same way (a command's {@code --host} and {@code --port}) can
 * take a {@code ServerBuilder<?>}. The defaults are the same for every server: {@code 127.0.0.1} (nothing
 * exposed by accident), port 8080, the root path, an accept queue of 128 and two seconds of grace.
 *
 * @param <B> the adapter's own builder, which each setter returns
 */
public abstract class ServerBuilder<B extends ServerBuilder<B>> {

  private final OrukApi api;
  private String host = "127.0.0.1";
  private int port = 8080;
  private String basePath = "/";
  private int backlog = 128;
  private Duration shutdownGrace = Duration.ofSeconds(2);

  /** A builder for serving {@code api}. */
  protected ServerBuilder(OrukApi api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  /** This builder, as the adapter's own type. */
  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** Address to listen on (default {@code 127.0.0.1}; {@code 0.0.0.0} for every interface). */
  public B host(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return self();
  }

  /** Port to listen on (default 8080; 0 picks a free one, which the started server's {@code port()} gives). */
  public B port(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535; got " + port);
    }
    this.port = port;
    return self();
  }

  /** Path the API is served under, such as {@code /oruk} (default {@code /}). */
  public B basePath(String basePath) {
    this.basePath = ProtocolRequest.mountPath(basePath);
    return self();
  }

  /** Length of the queue of connections waiting to be accepted (default 128). */
  public B backlog(int backlog) {
    this.backlog = backlog;
    return self();
  }

  /** How long the server's {@code close()} lets requests in progress finish (default 2 s). */
  public B shutdownGrace(Duration grace) {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("the grace period cannot be negative; got " + grace);
    }
    this.shutdownGrace = grace;
    return self();
  }

  // What has been set so far, for the adapter to read when it starts (and for code that reports it).

  /** The API to serve. */
  public final OrukApi api() {
    return api;
  }

  /** The address to listen on. */
  public final String host() {
    return host;
  }

  /** The port asked for; 0 for a free one (the started server's {@code port()} gives the one bound). */
  public final int port() {
    return port;
  }

  /** The path the API is served under, as {@link ProtocolRequest#mountPath(String)} gives it. */
  public final String basePath() {
    return basePath;
  }

  /** The length of the accept queue. */
  public final int backlog() {
    return backlog;
  }

  /** How long closing lets requests in progress finish. */
  public final Duration shutdownGrace() {
    return shutdownGrace;
  }
}
