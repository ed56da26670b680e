package io.github.oruk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oruk.testkit.feed.FakeFeed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The health contributor "oruk" over live feeds on 127.0.0.1: one that answers, one refused, one silent. */
@SuppressWarnings("unchecked")
class OrukHealthTest {

  private static FakeFeed feed;
  private static ServerSocket silent;
  private static String refused;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(OrukHealthAutoConfiguration.class));

  @BeforeAll
  static void feeds() throws IOException {
    feed = FakeFeed.builder().services(2).start();
    // Accepts connections (the backlog does) and never answers.
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      refused = "http://127.0.0.1:" + closed.getLocalPort() + "/";
    }
  }

  @AfterAll
  static void stop() throws IOException {
    feed.close();
    silent.close();
  }

  private static String silentFeed() {
    return "http://127.0.0.1:" + silent.getLocalPort() + "/api";
  }

  @Test
  void upWhenEveryFeedAnswersWithItsVersion() {
    runner.withPropertyValues("oruk.health.feeds=" + feed.baseUri()).run(context -> {
      Health health = context.getBean("orukHealthIndicator", OrukFeedsHealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsOnlyKeys(feed.baseUri().toString());
      assertThat((Map<String, Object>) health.getDetails().get(feed.baseUri().toString()))
          .containsEntry("status", "UP").containsEntry("version", "HSDS-UK-3.0");
    });
  }

  @Test
  void downWhenAFeedRefusesOrStaysSilentWithinTheTimeoutNamingEach() {
    runner.withPropertyValues("oruk.health.feeds[0]=" + feed.baseUri(), "oruk.health.feeds[1]=" + refused,
        "oruk.health.feeds[2]=" + silentFeed(), "oruk.health.timeout=300ms").run(context -> {
          long start = System.nanoTime();
          Health health = context.getBean(OrukFeedsHealthIndicator.class).health();
          // A generous bound that still tells the timeout from a hang (the client's default is 30 s).
          assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat((Map<String, Object>) health.getDetails().get(feed.baseUri().toString())).containsEntry("status", "UP");
          Map<String, Object> down = (Map<String, Object>) health.getDetails().get(refused);
          assertThat(down).containsEntry("status", "DOWN");
          assertThat(String.valueOf(down.get("error"))).isNotBlank();
          Map<String, Object> hung = (Map<String, Object>) health.getDetails().get(silentFeed());
          assertThat(hung).containsEntry("status", "DOWN");
          assertThat(String.valueOf(hung.get("error"))).isNotBlank();
        });
  }

  @Test
  void onlyWithFeedsWithActuatorAndWhenNotSwitchedOff() {
    runner.run(context -> assertThat(context).doesNotHaveBean(OrukFeedsHealthIndicator.class));
    runner.withPropertyValues("oruk.health.feeds=" + feed.baseUri(), "management.health.oruk.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(OrukFeedsHealthIndicator.class));
    runner.withPropertyValues("oruk.health.feeds=" + feed.baseUri())
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OrukFeedsHealthIndicator.class));
  }

  @Test
  void aFeedThatIsNoUrlStopsTheApplicationNamingIt() {
    runner.withPropertyValues("oruk.health.feeds=not a url").run(context -> assertThat(context).getFailure()
        .hasStackTraceContaining("oruk.health.feeds lists 'not a url'"));
  }

}
