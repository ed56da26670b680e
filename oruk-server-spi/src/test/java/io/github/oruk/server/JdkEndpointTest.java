package io.github.oruk.server;

import io.github.oruk.server.jdk.OrukHttpServer;
import java.time.Duration;
import java.util.Set;

/** The endpoint suite against the JDK's built-in HTTP server, mounted at the root. */
class JdkEndpointTest extends EndpointSuite {

  @Override
  protected Served serve(OrukApi api) throws Exception {
    OrukHttpServer server = OrukHttpServer.builder(api).port(0).shutdownGrace(Duration.ZERO).start();
    return Served.of(server.uri(), server);
  }

  /**
   * The JDK's server parses the request line and headers and routes by path before calling the adapter,
   * and answers whatever fails there itself (an HTML 400 or 404, or a reset connection) with no hook to
   * change it. The module README lists these.
   */
  @Override
  protected Set<String> answeredByTheServerItself() {
    return unreadableRequests("/").keySet();
  }
}
