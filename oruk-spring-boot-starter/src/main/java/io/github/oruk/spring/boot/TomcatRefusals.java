package io.github.oruk.spring.boot;

import io.github.oruk.server.servlet.OrukServlet;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Answers what Tomcat refuses before the request reaches the application (a URL it cannot decode or
 * normalise, such as {@code /services/%G1}) with the API's JSON error, where Tomcat would write its own HTML
 * page: no error page can be dispatched for such a request, since it has no context. It sits in the host's
 * pipeline behind Boot's error report valve, so it sees the refusal first; an error that a page already
 * answered (every request that reached the application) has its body and is left alone.
 */
final class TomcatRefusals extends ValveBase {

  private final OrukServlet servlet;

  TomcatRefusals(OrukServlet servlet) {
    super(true);
    this.servlet = servlet;
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    getNext().invoke(request, response);
    if (request.getContext() != null || !response.isError() || response.getStatus() < 400
        || response.getContentWritten() > 0 || response.isCommitted()) {
      return;
    }
    if (response.setErrorReported()) {
      response.setSuspended(false);
      servlet.refuse(request, response, response.getStatus(), response.getMessage());
    }
  }
}
