package io.github.oruk.server.jetty;

import io.github.oruk.server.EndpointSuite;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.protocol.OrukProtocol;
import io.github.oruk.server.servlet.OrukServlet;
import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The whole endpoint suite against {@link OrukServlet} in a servlet container, as the Spring Boot starter and
 * anyone mounting the servlet run it: embedded Jetty 12 (ee10), a context path, the servlet at {@code /*} and as
 * the context's error page, and this module's JSON error handler for what Jetty refuses before any context sees
 * it. {@link OrukJettyServer} serves the protocol without the servlet layer, so this is the servlet's run of the
 * suite (ServletContainerTest in oruk-server-spi checks other ways of mounting it).
 */
class ServletEndpointTest extends EndpointSuite {

  @Override
  protected Served serve(OrukApi api) throws Exception {
    Server server = new Server();
    server.setErrorHandler(new JsonErrorHandler(new OrukProtocol(api)));
    HttpConfiguration configuration = new HttpConfiguration();
    configuration.setRequestHeaderSize(OrukJettyServer.DEFAULT_MAX_REQUEST_HEADER_SIZE);
    // Paths Servlet 6 calls ambiguous (an encoded '/', '..;') reach the servlet, which answers them as JSON.
    configuration.setUriCompliance(UriCompliance.UNSAFE);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(configuration));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/oruk");
    context.addServlet(new ServletHolder(new OrukServlet(api)), "/*");
    ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
    errors.addErrorPage(400, 599, "/error");
    context.setErrorHandler(errors);
    server.setHandler(context);
    server.start();
    return Served.of(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/oruk/"), server::stop);
  }
}
