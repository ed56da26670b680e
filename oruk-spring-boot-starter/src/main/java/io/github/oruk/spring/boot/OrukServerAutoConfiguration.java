package io.github.oruk.spring.boot;

import io.github.oruk.model.query.Endpoint;
import io.github.oruk.server.DirectoryProvider;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.Throttle;
import io.github.oruk.server.protocol.ProtocolRequest;
import io.github.oruk.server.servlet.OrukServlet;
import jakarta.servlet.http.HttpServlet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.catalina.core.StandardHost;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.ErrorPage;
import org.springframework.boot.web.server.ErrorPageRegistrar;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes the application's {@link DirectoryProvider} bean as an ORUK 3.0 API through the SDK's
 * {@link OrukServlet}, in a servlet web application.
 *
 * <p>The servlet is mapped to the API's own paths only: with {@code oruk.server.path=/} (the default) to
 * {@code /}, {@code /openapi.json} and one pattern per endpoint ({@code /services/*}, ...), otherwise to the
 * path and everything below it. The application's other paths (its controllers, Actuator) stay Spring's.
 * With {@code oruk.server.error-pages} (the default) the servlet is also the application's error page, so
 * what Spring or the container refuses (an unknown path, a method a controller does not take, a URL Tomcat
 * cannot decode) is answered with the SDK's JSON error body and its CORS header, as the API's own errors are.
 *
 * <p>An {@link OrukApi} bean of the application's own takes the place of the one built here, for options
 * that have no property (page sizes, the public base URL); the throttle properties then do not apply.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(HttpServlet.class)
@ConditionalOnBean(DirectoryProvider.class)
@EnableConfigurationProperties(OrukServerProperties.class)
public class OrukServerAutoConfiguration {

  /** The error page's path when Boot's {@code server.error.path} is not known. */
  private static final String DEFAULT_ERROR_PATH = "/error";

  /** The API over the application's provider, with the throttle the properties ask for. */
  @Bean
  @ConditionalOnMissingBean
  public OrukApi orukApi(DirectoryProvider provider, OrukServerProperties properties) {
    return OrukApi.builder(provider).throttle(throttle(properties.getThrottle())).build();
  }

  /** The SDK's servlet, mapped to the API's paths (and the error page's, see the class comment). */
  @Bean
  public ServletRegistrationBean<OrukServlet> orukServlet(OrukApi api, OrukServerProperties properties,
      ObjectProvider<ServerProperties> server) {
    String root = ProtocolRequest.mountPath(properties.getPath());
    Set<String> patterns = new LinkedHashSet<>(urlPatterns(root));
    if (properties.isErrorPages()) {
      patterns.add(errorPath(server));
    }
    ServletRegistrationBean<OrukServlet> registration =
        new ServletRegistrationBean<>(new OrukServlet(api, root), patterns.toArray(String[]::new));
    registration.setName("orukServlet");
    return registration;
  }

  /**
   * Makes the error path the container's error page, as Spring MVC's error handling does; without Spring MVC
   * (a Jersey application) nothing else would.
   */
  @Bean
  @ConditionalOnProperty(prefix = "oruk.server", name = "error-pages", matchIfMissing = true)
  public ErrorPageRegistrar orukErrorPage(ObjectProvider<ServerProperties> server) {
    String path = errorPath(server);
    return registry -> registry.addErrorPages(new ErrorPage(path));
  }

  /** What Tomcat refuses before the application sees it, answered by the API's servlet (see {@link TomcatRefusals}). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
  @ConditionalOnProperty(prefix = "oruk.server", name = "error-pages", matchIfMissing = true)
  static class TomcatRefusalsConfiguration {
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> orukTomcatRefusals(
        ServletRegistrationBean<OrukServlet> orukServlet) {
      // Boot's own error report valve is added by a customizer of order 0; this one runs later, so its valve
      // is nearer the request and answers first. Tomcat's default HTML valve is not added besides.
      return factory -> factory.addContextCustomizers(context -> {
        if (context.getParent() instanceof StandardHost host) {
          host.setErrorReportValveClass("");
        }
        context.getParent().getPipeline().addValve(new TomcatRefusals(orukServlet.getServlet()));
      });
    }
  }

  /** The servlet's URL patterns for an API whose root is {@code root} (as {@link ProtocolRequest#mountPath}). */
  static List<String> urlPatterns(String root) {
    List<String> patterns = new ArrayList<>();
    if (!root.equals("/")) {
      patterns.add(root + "/*");  // the root itself too
      return patterns;
    }
    patterns.add("");  // the context root, exactly
    patterns.add("/openapi.json");
    Set<String> firstSegments = new LinkedHashSet<>();
    for (Endpoint endpoint : Endpoint.values()) {
      String path = endpoint.path();
      int slash = path.indexOf('/', 1);
      if (path.length() > 1) {
        firstSegments.add(slash < 0 ? path : path.substring(0, slash));
      }
    }
    for (String segment : firstSegments) {
      patterns.add(segment + "/*");  // the list, its trailing-slash form and the records by id
    }
    return patterns;
  }

  private static String errorPath(ObjectProvider<ServerProperties> server) {
    ServerProperties properties = server.getIfAvailable();
    String path = properties == null ? null : properties.getError().getPath();
    return path == null || path.isBlank() ? DEFAULT_ERROR_PATH : path;
  }

  private static @Nullable Throttle throttle(OrukServerProperties.Throttling properties) {
    Double rate = properties.getRate();
    Integer burst = properties.getBurst();
    if (rate == null) {
      if (burst != null) {
        throw new IllegalStateException("oruk.server.throttle.burst is " + burst + " but oruk.server.throttle.rate"
            + " is not set; set the rate (requests per second for each client) too, or remove the burst");
      }
      return null;
    }
    int bucket = burst != null ? burst : Math.max(1, (int) Math.ceil(rate));
    try {
      return Throttle.perClient(rate, bucket);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("oruk.server.throttle is not a usable throttle (rate " + rate + ", burst "
          + bucket + "): " + e.getMessage(), e);
    }
  }
}
