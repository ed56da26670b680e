package io.github.oruk.spring.boot;

import io.github.oruk.client.OrukClient;
import java.util.List;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With Actuator on the class path and feeds listed in {@code oruk.health.feeds}, the health contributor
 * {@code oruk} ({@link OrukFeedsHealthIndicator}); {@code management.health.oruk.enabled=false} turns it off.
 */
@AutoConfiguration
@ConditionalOnClass({HealthIndicator.class, OrukClient.class})
@Conditional(OrukHealthAutoConfiguration.FeedsListed.class)
@EnableConfigurationProperties(OrukHealthProperties.class)
public class OrukHealthAutoConfiguration {

  /** The indicator over the listed feeds. */
  @Bean
  @ConditionalOnMissingBean(name = "orukHealthIndicator")
  @ConditionalOnEnabledHealthIndicator("oruk")  // here, not on the class: it cannot be read without Actuator
  public OrukFeedsHealthIndicator orukHealthIndicator(OrukHealthProperties properties) {
    return new OrukFeedsHealthIndicator(properties.getFeeds(), properties.getTimeout());
  }

  /** Matches when {@code oruk.health.feeds} lists at least one feed (as a YAML list or comma-separated). */
  static final class FeedsListed extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      List<String> feeds = Binder.get(context.getEnvironment())
          .bind("oruk.health.feeds", Bindable.listOf(String.class)).orElse(List.of());
      return feeds.isEmpty() ? ConditionOutcome.noMatch("oruk.health.feeds lists no feed")
          : ConditionOutcome.match("oruk.health.feeds lists " + feeds.size() + " feed(s)");
    }
  }
}
