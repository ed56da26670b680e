package io.github.oruk.client;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A WireMock server on 127.0.0.1 shared by a test class, reset before each test. */
abstract class WireMockFeed {

  static WireMockServer wireMock;

  @BeforeAll
  static void startWireMock() {
    wireMock = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true)
        .containerThreads(24));
    wireMock.start();
  }

  @AfterAll
  static void stopWireMock() {
    wireMock.stop();
  }

  @BeforeEach
  void resetWireMock() {
    wireMock.resetAll();
  }

  static String base() {
    return "http://127.0.0.1:" + wireMock.port() + "/api";
  }

  /** A client with tiny backoffs, so retry tests stay fast. */
  static OrukClient.Builder fastClient() {
    return OrukClient.builder(base()).backoff(Duration.ofMillis(1), Duration.ofMillis(10))
        .requestTimeout(Duration.ofSeconds(5));
  }
}
