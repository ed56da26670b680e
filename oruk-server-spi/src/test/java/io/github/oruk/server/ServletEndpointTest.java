package io.github.oruk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.oruk.server.servlet.OrukServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * The endpoint suite against the servlet inside embedded Jetty 12 (ee10), mounted below a context path
 * and a servlet path ({@code /ctx/api/*}), as an application server would mount it, and registered as
 * the context's error page as the README advises.
 */
class ServletEndpointTest extends EndpointSuite {

  private URI lastRoot;

  @Override
  protected Served serve(OrukApi api) throws Exception {
    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    // Jetty's own limit on the request line and headers is 8 KB; above that it answers with its own HTML
    // page before the servlet sees the request. Keep it above the API's query limit (4 KB by default).
    http.setRequestHeaderSize(32 * 1024);
    // By default Jetty refuses ambiguous paths (an encoded '/', '..;') with its own page; let them
    // through so the servlet's own answer to them is what is tested.
    http.setUriCompliance(UriCompliance.UNSAFE);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/ctx");
    context.addServlet(new ServletHolder(new OrukServlet(api)), "/api/*");
    context.addServlet(new ServletHolder(new Broken()), "/broken");
    ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
    errors.addErrorPage(400, 599, "/api/error");
    context.setErrorHandler(errors);
    server.setHandler(context);
    server.start();
    lastRoot = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/ctx/");
    URI base = lastRoot.resolve("api/");
    return new Served() {
      @Override
      public URI base() {
        return base;
      }

      @Override
      public void close() throws Exception {
        server.stop();
      }
    };
  }

  /** Jetty refuses a NUL byte in a path itself, whatever the compliance mode: a 400 page of its own. */
  @Override
  protected boolean refusedByContainer(Http.Reply reply) {
    return reply.status() == 400 && String.valueOf(reply.header("Content-Type")).startsWith("text/html")
        && reply.text().contains("HTTP ERROR 400");
  }

  /**
   * A Jetty configured as here (only the context's error page set) answers with its own pages whatever it
   * refuses before the context: everything but a query the servlet itself must judge. oruk-server-jetty
   * sets a server-wide error handler as well, and answers them all as JSON.
   */
  @Override
  protected Set<String> answeredByTheServerItself() {
    Set<String> itself = new HashSet<>(unreadableRequests("/").keySet());
    itself.remove("a lone % in the query");
    return itself;
  }

  @Test
  void containerErrorsDispatchedToTheServletAreJson() {
    Http.Reply reply = new Http(lastRoot).get("broken");
    assertEquals(503, reply.status(), reply::toString);
    assertEquals(503, reply.json().path("status").asInt());
    assertEquals("*", reply.header("Access-Control-Allow-Origin"));
  }

  /** Stands in for any part of an application that fails with sendError. */
  private static final class Broken extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.sendError(503);
    }
  }
}
