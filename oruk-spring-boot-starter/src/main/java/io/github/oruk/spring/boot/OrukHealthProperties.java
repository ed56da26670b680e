package io.github.oruk.spring.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code oruk.health.*} properties: the ORUK feeds Actuator's health endpoint reports on. */
@ConfigurationProperties("oruk.health")
public class OrukHealthProperties {

  /**
   * Base URLs of the ORUK feeds the application depends on. With Actuator present, the health contributor
   * "oruk" asks each for its API details (/) and is UP when every one answers.
   */
  private List<String> feeds = new ArrayList<>();

  /** How long each feed has to answer one health check, connecting included. */
  private Duration timeout = Duration.ofSeconds(3);

  public List<String> getFeeds() {
    return feeds;
  }

  public void setFeeds(List<String> feeds) {
    this.feeds = feeds;
  }

  public Duration getTimeout() {
    return timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }
}
