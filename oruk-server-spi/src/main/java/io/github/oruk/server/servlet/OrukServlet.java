package io.github.oruk.server.servlet;

import io.github.oruk.server.DirectoryProvider;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.protocol.OrukProtocol;
import io.github.oruk.server.protocol.ProtocolRequest;
import io.github.oruk.server.protocol.ProtocolResponse;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Serves an {@link OrukApi} from any Jakarta Servlet 6 container (Tomcat 10.1+, Jetty 12 ee10, Spring Boot
 * 3, ...). Map it to a path pattern ending in {@code /*}, such as {@code /oruk/*}; the API's root is then
 * {@code /oruk/}.
 *
 * <pre>{@code
 * // Spring Boot 3
 * @Bean
 * ServletRegistrationBean<OrukServlet> oruk(MyDirectory directory) {
 *   return new ServletRegistrationBean<>(new OrukServlet(OrukApi.of(directory)), "/oruk/*");
 * }
 * }</pre>
 *
 * <p>Declared in {@code web.xml} instead, it takes the provider's class name (which needs a public
 * no-argument constructor) from the init parameter {@code provider}.
 *
 * <p>Every method is answered by the protocol core (GET, HEAD, OPTIONS; 405 for the rest). When the
 * servlet is also registered as the container's error page for its path, error dispatches are answered
 * with the same JSON error body.
 *
 * <p>To leave the rest of an application's paths to other servlets (a Spring {@code DispatcherServlet} at
 * {@code /}, for example) while the API sits at the root, give the API's root to the constructor,
 * {@code new OrukServlet(api, "/")}, and map the servlet to the API's own paths: {@code ""} (the root),
 * {@code /openapi.json} and {@code /services/*}, {@code /organizations/*} and the other endpoints, plus the
 * error page's path. The servlet then reads every request's path below that root, whatever pattern matched.
 */
public class OrukServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Init parameter naming the {@link DirectoryProvider} class, for containers configured by web.xml. */
  public static final String PROVIDER_PARAMETER = "provider";

  // Set by the constructor or, for a servlet a container creates from web.xml, by init(), before any request.
  @SuppressWarnings("NullAway.Init")
  private transient OrukProtocol protocol;
  /** The API's root below the context path ("" for the context root), or null: the servlet's own path. */
  private final @Nullable String root;

  /** A servlet serving {@code api}, whose root is the path the servlet is mapped to. */
  public OrukServlet(OrukApi api) {
    this.protocol = new OrukProtocol(api);
    this.root = null;
  }

  /**
   * A servlet serving {@code api} with its root at {@code rootPath} below the context path, whatever pattern
   * the servlet is mapped with (see the class comment). A request outside that path is answered 404 JSON.
   *
   * @param rootPath such as {@code /} or {@code /oruk}
   */
  public OrukServlet(OrukApi api, String rootPath) {
    this.protocol = new OrukProtocol(api);
    String mount = ProtocolRequest.mountPath(rootPath);
    this.root = mount.equals("/") ? "" : mount;
  }

  /** For web.xml: the provider's class comes from the init parameter {@value #PROVIDER_PARAMETER}. */
  public OrukServlet() {
    this.root = null;
  }

  @Override
  public void init() throws ServletException {
    if (protocol != null) {
      return;
    }
    String className = getInitParameter(PROVIDER_PARAMETER);
    if (className == null || className.isBlank()) {
      throw new ServletException("OrukServlet needs an OrukApi, or the init parameter '" + PROVIDER_PARAMETER
          + "' naming a DirectoryProvider class with a public no-argument constructor");
    }
    try {
      Class<?> type = Class.forName(className.strip(), true, Thread.currentThread().getContextClassLoader());
      DirectoryProvider provider = (DirectoryProvider) type.getConstructor().newInstance();
      protocol = new OrukProtocol(OrukApi.of(provider));
    } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
        | InvocationTargetException | ClassCastException e) {
      throw new ServletException("cannot create the DirectoryProvider '" + className + "': " + e, e);
    }
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ProtocolResponse answer;
    if (request.getDispatcherType() == DispatcherType.ERROR) {
      Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
      Object reason = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
      answer = protocol.refused(code instanceof Integer number ? number : 500,
          reason instanceof String text ? text : null);
    } else {
      ProtocolRequest asked;
      try {
        asked = toProtocol(request);
        answer = asked != null ? protocol.handle(asked) : protocol.refused(404, null);
      } catch (IllegalArgumentException e) {
        // Servlet 6 containers refuse to report the servlet path of an ambiguous URI (an encoded '/').
        answer = protocol.errorResponse(400, "invalid_path",
            "The request path is ambiguous (an encoded '/' or a dot segment); send the path without them.");
      }
    }
    send(request, response, answer);
  }

  /**
   * Answers, with this API's JSON error and CORS header, a request that the container refused before any
   * servlet saw it, knowing only the status it chose (see {@link OrukProtocol#refused}): for a container's own
   * error hook, such as a Tomcat valve, where an error page cannot be dispatched because the request reached
   * no context (a URL it could not decode). Nothing is written when the response is already committed.
   *
   * @param status the status the container chose
   * @param reason the container's own short reason, or null
   * @throws IllegalStateException when the servlet has no API yet (a web.xml servlet before {@code init})
   */
  public void refuse(HttpServletRequest request, HttpServletResponse response, int status, String reason)
      throws IOException {
    if (protocol == null) {
      throw new IllegalStateException("the servlet has no API until init() has run");
    }
    if (!response.isCommitted()) {
      send(request, response, protocol.refused(status, reason));
    }
  }

  private @Nullable ProtocolRequest toProtocol(HttpServletRequest request) {
    String prefix = request.getContextPath();
    if (root != null) {
      prefix += root;
    } else {
      HttpServletMapping mapping = request.getHttpServletMapping();
      MappingMatch match = mapping == null ? null : mapping.getMappingMatch();
      if (match != MappingMatch.DEFAULT && match != MappingMatch.CONTEXT_ROOT) {
        prefix += request.getServletPath();
      }
    }
    String uri = request.getRequestURI();
    String path;
    if (uri.startsWith(prefix)) {
      path = uri.substring(prefix.length());
    } else if (root != null) {
      return null;  // outside the root (the servlet is mapped to an error page's path too): not the API's
    } else {
      path = request.getPathInfo() == null ? "/" : request.getPathInfo();
    }
    if (root != null && !path.isEmpty() && !path.startsWith("/")) {
      return null;  // beside the root, such as /orukish for a root of /oruk
    }
    String local = request.getLocalAddr();
    return new ProtocolRequest(
        request.getMethod(),
        request.getScheme(),
        prefix,
        path,
        request.getQueryString(),
        request::getHeader,
        request.getRemoteAddr(),
        (local != null && local.contains(":") ? "[" + local + "]" : local) + ":" + request.getLocalPort());
  }

  private static void send(HttpServletRequest request, HttpServletResponse response, ProtocolResponse answer)
      throws IOException {
    response.setStatus(answer.status());
    for (Map.Entry<String, String> header : answer.headers().entrySet()) {
      if (header.getKey().equalsIgnoreCase("Content-Length")) {
        response.setContentLengthLong(Long.parseLong(header.getValue()));
      } else {
        response.setHeader(header.getKey(), header.getValue());
      }
    }
    ProtocolResponse.Body body = answer.body();
    if (body == null || request.getMethod().equalsIgnoreCase("HEAD")) {
      return;
    }
    // A streamed body that fails part-way throws; the container then aborts the committed response.
    body.writeTo(response.getOutputStream());
  }
}
