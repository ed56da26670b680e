package io.github.oruk.spring.boot;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code oruk.client.*} properties: the feed an {@code OrukClient} bean reads, and how politely. */
@ConfigurationProperties("oruk.client")
public class OrukClientProperties {

  /**
   * The feed's base URL (or its /services URL), such as https://example.org/api. When set, an OrukClient bean
   * for it is configured.
   */
  private @Nullable String baseUrl;

  /** At most this many requests per second to the feed's host; 0 (the default) is no limit. */
  private double maxRequestsPerSecond;

  /** How long one attempt may take, from sending the request to the last byte of the answer. */
  private Duration requestTimeout = Duration.ofSeconds(30);

  public @Nullable String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(@Nullable String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public double getMaxRequestsPerSecond() {
    return maxRequestsPerSecond;
  }

  public void setMaxRequestsPerSecond(double maxRequestsPerSecond) {
    this.maxRequestsPerSecond = maxRequestsPerSecond;
  }

  public Duration getRequestTimeout() {
    return requestTimeout;
  }

  public void setRequestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
  }
}
