package io.github.oruk.spring.boot;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code oruk.server.*} properties: where the application's {@code DirectoryProvider} is published and
 * how fast clients may call it.
 */
@ConfigurationProperties("oruk.server")
public class OrukServerProperties {

  /**
   * Path of the ORUK API's root below the application's context path, such as /oruk. At the default, /, the
   * API takes only its own paths (/, /openapi.json, /services, ...) and leaves the others to the application.
   */
  private String path = "/";

  /**
   * Whether the application's error pages (Spring's 404 and 405, Tomcat's refusals, failures in other
   * controllers) answer with the SDK's JSON error body. Set false to keep Spring Boot's own error pages.
   */
  private boolean errorPages = true;

  private final Throttling throttle = new Throttling();

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public boolean isErrorPages() {
    return errorPages;
  }

  public void setErrorPages(boolean errorPages) {
    this.errorPages = errorPages;
  }

  /** Throttling of the API, one token bucket per client address; none unless a rate is set. */
  public Throttling getThrottle() {
    return throttle;
  }

  /** The {@code oruk.server.throttle.*} properties. */
  public static class Throttling {

    /**
     * Requests per second each client address may make, sustained; beyond it the API answers 429 with
     * Retry-After. Unset (the default, as in the SDK): no throttling.
     */
    private @Nullable Double rate;

    /**
     * Requests a client may make at once above the rate. Unset: a second's worth, the rate rounded up (as
     * oruk serve --throttle RATE does).
     */
    private @Nullable Integer burst;

    public @Nullable Double getRate() {
      return rate;
    }

    public void setRate(@Nullable Double rate) {
      this.rate = rate;
    }

    public @Nullable Integer getBurst() {
      return burst;
    }

    public void setBurst(@Nullable Integer burst) {
      this.burst = burst;
    }
  }
}
