package io.github.oruk.server;

import io.github.oruk.server.jdk.OrukHttpServer;
import java.net.URI;
import java.time.Duration;

/** The endpoint suite against the JDK's built-in HTTP server, mounted at the root. */
class JdkEndpointTest extends EndpointSuite {

  @Override
  protected Served serve(OrukApi api) throws Exception {
    OrukHttpServer server = OrukHttpServer.builder(api).port(0).shutdownGrace(Duration.ZERO).start();
    return new Served() {
      @Override
      public URI base() {
        return server.uri();
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }
}
