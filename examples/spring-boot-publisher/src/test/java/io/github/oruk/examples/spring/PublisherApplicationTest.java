package io.github.oruk.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.validation.junit.ComplianceOptions;
import io.github.oruk.validation.junit.ComplianceResult;
import io.github.oruk.validation.junit.OrukAssertions;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The application as it ships, on a random port of 127.0.0.1, judged by the project's compliance kit. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class PublisherApplicationTest {

  @LocalServerPort
  private int port;

  @Test
  void theApiCompliesUnderTheStrictProfileWithNoErrors() {
    URI api = URI.create("http://127.0.0.1:" + port + "/");
    // Every id looked up (the table is small); fails listing the findings.
    ComplianceResult result = OrukAssertions.assertCompliant(api, ComplianceOptions.defaults().withProfile("strict")
        .withSample(0));
    List<String> errors = result.checks().stream().flatMap(check -> check.errors().stream()).toList();
    assertEquals(List.of(), errors, result.report());
    assertTrue(result.checks().size() > 5, () -> "the kit ran its checks: " + result.report());
  }
}
