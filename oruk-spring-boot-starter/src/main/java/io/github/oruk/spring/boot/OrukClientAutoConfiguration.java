package io.github.oruk.spring.boot;

import io.github.oruk.client.OrukClient;
import java.util.Objects;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * An {@link OrukClient} bean for the feed {@code oruk.client.base-url} names, unless the application has
 * its own. The other options keep the SDK's defaults (see {@link OrukClient.Builder}).
 */
@AutoConfiguration
@ConditionalOnClass(OrukClient.class)
@ConditionalOnProperty(prefix = "oruk.client", name = "base-url")
@EnableConfigurationProperties(OrukClientProperties.class)
public class OrukClientAutoConfiguration {

  /** The client the properties describe. */
  @Bean
  @ConditionalOnMissingBean
  public OrukClient orukClient(OrukClientProperties properties) {
    try {
      // The bean is conditional on the property, so it is set here.
      return OrukClient.builder(Objects.requireNonNull(properties.getBaseUrl(), "oruk.client.base-url"))
          .maxRequestsPerSecond(properties.getMaxRequestsPerSecond())
          .requestTimeout(properties.getRequestTimeout())
          .build();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("oruk.client is not a usable client configuration: " + e.getMessage(), e);
    }
  }
}
