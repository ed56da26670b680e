package io.github.oruk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The servlet in a container configured as the README shows for people who mount it themselves: embedded
 * Jetty 12 (ee10), below a context path and a servlet path ({@code /ctx/api/*}), registered as the context's
 * error page. The whole endpoint suite runs against the servlet in oruk-server-jetty's ServletEndpointTest; this
 * checks what differs when you mount it below a servlet path or give it its root.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServletContainerTest {

  private Server server;
  private URI root;
  private Http http;

  @BeforeAll
  void start() throws Exception {
    server = new Server();
    HttpConfiguration configuration = new HttpConfiguration();
    configuration.setSendServerVersion(false);
    // Jetty's own limit on the request line and headers is 8 KB; above that it answers with its own HTML
    // page before the servlet sees the request. Keep it above the API's query limit (4 KB by default).
    configuration.setRequestHeaderSize(32 * 1024);
    // By default Jetty refuses ambiguous paths (an encoded '/', '..;') with its own page; let them
    // through so the servlet answers them.
    configuration.setUriCompliance(UriCompliance.UNSAFE);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(configuration));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/ctx");
    context.addServlet(new ServletHolder(new OrukServlet(OrukApi.of(Directories.reference()))), "/api/*");
    context.addServlet(new ServletHolder(new Broken()), "/broken");
    // Rooted at /shared and mapped to some of its paths only (and to a path outside it, as an error page is):
    // the rest of /shared stays another servlet's.
    ServletHolder rooted = new ServletHolder(new OrukServlet(OrukApi.of(Directories.reference()), "/shared"));
    for (String pattern : new String[] {"/shared", "/shared/services/*", "/elsewhere"}) {
      context.getServletHandler().addServletWithMapping(rooted, pattern);
    }
    context.addServlet(new ServletHolder(new Broken()), "/shared/*");
    ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
    errors.addErrorPage(400, 599, "/api/error");
    context.setErrorHandler(errors);
    server.setHandler(context);
    server.start();
    root = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/ctx/");
    http = new Http(root.resolve("api/"));
  }

  @AfterAll
  void stop() throws Exception {
    server.stop();
  }

  @Test
  void servesBelowTheContextAndServletPath() {
    JsonNode details = http.get("").json();
    assertEquals(root + "api/openapi.json", details.path("openapi_url").asText(), details::toString);
    JsonNode page = http.get("services?per_page=2").json();
    assertEquals(Directories.SERVICES, page.path("total_items").asInt(), page::toString);
    String id = page.path("contents").path(0).path("id").asText();
    assertEquals(id, http.get("services/" + id).json().path("id").asText());
    Http.Reply ambiguous = http.get("services/..%2F..%2Fetc%2Fpasswd");
    assertEquals(400, ambiguous.status(), ambiguous::toString);
    assertEquals("invalid_path", ambiguous.json().path("error").asText(), "the servlet answers ambiguous paths");
  }

  @Test
  void aServletGivenItsRootReadsPathsBelowItWhateverPatternMatched() {
    Http shared = new Http(root.resolve("shared/"));
    JsonNode details = new Http(root).get("shared").json();
    assertEquals(root + "shared/openapi.json", details.path("openapi_url").asText(), details::toString);
    JsonNode page = shared.get("services?per_page=1").json();
    assertEquals(Directories.SERVICES, page.path("total_items").asInt(), page::toString);
    String id = page.path("contents").path(0).path("id").asText();
    assertEquals(id, shared.get("services/" + id).json().path("id").asText());
    assertEquals(503, shared.get("organizations").status(), "a path it is not mapped to stays the other servlet's");
    Http.Reply outside = new Http(root).get("elsewhere");
    assertEquals(404, outside.status(), outside::toString);
    assertEquals("not_found", outside.json().path("error").asText(), "outside its root it is no API");
  }

  @Test
  void containerErrorsDispatchedToTheServletAreJson() {
    Http.Reply reply = new Http(root).get("broken");
    assertEquals(503, reply.status(), reply::toString);
    assertEquals(503, reply.json().path("status").asInt());
    assertEquals("unavailable", reply.json().path("error").asText());
    assertEquals("*", reply.header("Access-Control-Allow-Origin"));
  }

  /**
   * Configured like this (only the context's error page), Jetty answers with its own pages whatever it
   * refuses before the context: everything but a query the servlet itself must judge. oruk-server-jetty
   * also sets a server-wide error handler, and answers them all as JSON.
   */
  @Test
  void jettyAnswersWhatItRefusesBeforeTheContextItself() throws IOException {
    Set<String> itself = new HashSet<>(EndpointSuite.unreadableRequests("/").keySet());
    assertTrue(itself.remove("a lone % in the query"));
    EndpointSuite.assertRefusalsAreJson(http.base(), itself);
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
