package io.github.oruk.server.jetty;

import io.github.oruk.server.EndpointSuite;
import io.github.oruk.server.OrukApi;
import java.time.Duration;

/** The endpoint suite against {@link OrukJettyServer} with its default limits, mounted below a base path. */
class JettyEndpointTest extends EndpointSuite {

  @Override
  protected Served serve(OrukApi api) throws Exception {
    OrukJettyServer server = OrukJettyServer.builder(api).port(0).basePath("/oruk").shutdownGrace(Duration.ZERO)
        .start();
    return Served.of(server.uri(), server);
  }
}
