package io.github.oruk.server.jetty;

import io.github.oruk.server.EndpointSuite;
import io.github.oruk.server.OrukApi;
import java.net.URI;
import java.time.Duration;

/** The endpoint suite against {@link OrukJettyServer} with its default limits, mounted below a base path. */
class JettyEndpointTest extends EndpointSuite {

  @Override
  protected Served serve(OrukApi api) throws Exception {
    OrukJettyServer server = OrukJettyServer.builder(api).port(0).basePath("/oruk").shutdownGrace(Duration.ZERO)
        .start();
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
