package io.github.oruk.validation.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.Service;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.server.memory.InMemoryDirectory;
import io.github.oruk.testkit.generate.DataGenerator;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.Validator;
import io.github.oruk.validation.Verdict;
import io.github.oruk.validation.feed.MutatingProxy.Mutation;
import io.github.oruk.validation.profile.Profile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parity mode reaches the official validator's verdict on a crafted case for each of its verdict rules:
 * what fails a feed ({@code /} or {@code /services?page=1} not answering, {@code /} or a
 * {@code /services/{id}} answer breaking its schema, not answering, or answering 200 with something that is
 * not JSON) and what never does (list-page
 * schema errors, an empty list, HTML from {@code /services}, no ids to look up, wrong paging metadata,
 * anything on optional endpoints, a number beyond what a double holds). Strict judges the lenient cases as
 * failures.
 */
class ParityVerdictTest {

  private static OrukHttpServer server;

  @BeforeAll
  static void start() throws Exception {
    List<Service> services = DataGenerator.builder().seed(77).build().services(30).toList();
    server = OrukHttpServer.builder(OrukApi.of(InMemoryDirectory.of(services))).port(0).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // What fails a feed.
        rule("/ answers 404", Verdict.FAIL, Verdict.FAIL, status("/", 404)),
        rule("/ breaks its schema", Verdict.FAIL, Verdict.FAIL, exchange -> {
          if (exchange.path.equals("/")) {
            exchange.json(((ObjectNode) exchange.json()).without("openapi_url"));
          }
        }),
        rule("/services?page=1 answers 503", Verdict.FAIL, Verdict.FAIL, status("/services", 503)),
        rule("/services/{id} answers 500", Verdict.FAIL, Verdict.FAIL, exchange -> {
          if (exchange.path.startsWith("/services/")) {
            exchange.status = 500;
          }
        }),
        rule("/ answers HTML with 200", Verdict.FAIL, Verdict.FAIL, exchange -> {
          if (exchange.path.equals("/")) {
            exchange.body = "<!DOCTYPE html><html><body>Directory</body></html>".getBytes(StandardCharsets.UTF_8);
          }
        }),
        rule("/services/{id} answers HTML with 200", Verdict.FAIL, Verdict.FAIL, exchange -> {
          // Every detail answer, so whichever ids the seeded sample picks, it meets one.
          if (exchange.path.startsWith("/services/")) {
            exchange.body = "<!DOCTYPE html><html><body>Service</body></html>".getBytes(StandardCharsets.UTF_8);
          }
        }),
        rule("/services/{id} breaks its schema", Verdict.FAIL, Verdict.FAIL, exchange -> {
          // Every detail answer is broken, so whichever ids the seeded sample picks, it meets one.
          if (exchange.path.startsWith("/services/") && exchange.status == 200) {
            exchange.json(((ObjectNode) exchange.json()).without("name"));
          }
        }),
        // What never fails a feed in the official validator, but does in strict.
        rule("/services/{id} holds a number no double holds", Verdict.PASS_WITH_WARNINGS, Verdict.FAIL, exchange -> {
          // The official validator reads 1e999999 as infinity, a number as far as its schema check goes.
          if (exchange.path.startsWith("/services/") && exchange.status == 200) {
            exchange.body = new String(exchange.body, StandardCharsets.UTF_8)
                .replaceFirst("^\\{", "{\"maximum_age\":1e999999,").getBytes(StandardCharsets.UTF_8);
          }
        }),
        rule("/services pages break their schema", Verdict.PASS_WITH_WARNINGS, Verdict.FAIL, exchange -> {
          if (exchange.path.equals("/services")) {
            ObjectNode page = (ObjectNode) exchange.json();
            ((ObjectNode) page.get("contents").get(0)).put("status", "open");
            exchange.json(page);
          }
        }),
        rule("/services is empty", Verdict.PASS_WITH_WARNINGS, Verdict.FAIL, exchange -> {
          if (exchange.path.equals("/services")) {
            ObjectNode page = (ObjectNode) exchange.json();
            page.set("contents", page.arrayNode());
            page.put("total_items", 0).put("total_pages", 0).put("size", 0).put("empty", true).put("last_page", true);
            exchange.json(page);
          }
        }),
        rule("/services answers HTML with 200", Verdict.PASS_WITH_WARNINGS, Verdict.FAIL, exchange -> {
          if (exchange.path.equals("/services")) {
            exchange.body = "<html><body>Services</body></html>".getBytes(StandardCharsets.UTF_8);
          }
        }),
        rule("no ids to look up", Verdict.PASS_WITH_WARNINGS, Verdict.FAIL, exchange -> {
          if (exchange.path.equals("/services")) {
            ObjectNode page = (ObjectNode) exchange.json();
            ((ArrayNode) page.get("contents")).forEach(item -> ((ObjectNode) item).remove("id"));
            exchange.json(page);
          }
        }),
        rule("wrong paging metadata", Verdict.PASS_WITH_WARNINGS, Verdict.FAIL, exchange -> {
          if (exchange.path.equals("/services")) {
            exchange.json(((ObjectNode) exchange.json()).put("size", 999).put("first_page", false));
          }
        }),
        rule("optional endpoints fail", Verdict.PASS_WITH_WARNINGS, Verdict.PASS_WITH_WARNINGS, exchange -> {
          if (exchange.path.startsWith("/taxonomies") || exchange.path.startsWith("/organizations")) {
            exchange.status = 500;
          }
        }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parityMatchesTheOfficialVerdict(String rule, Verdict official, Verdict strict, Mutation mutation)
      throws Exception {
    try (MutatingProxy proxy = new MutatingProxy(server.uri(), mutation)) {
      ValidationReport parity = FeedValidator.builder(Validator.builder().profile(Profile.parity()).build())
          .sample(5).filterTests(false).build().validate(proxy.uri().toString());
      ValidationReport stricter = FeedValidator.builder(Validator.strict()).sample(5).filterTests(false).build()
          .validate(proxy.uri().toString());

      assertEquals(official, parity.verdict(), () -> rule + " (parity): " + parity.findings());
      assertEquals(strict, stricter.verdict(), () -> rule + " (strict): " + stricter.findings());
    }
  }

  private static Arguments rule(String name, Verdict official, Verdict strict, Mutation mutation) {
    return Arguments.of(name, official, strict, mutation);
  }

  private static Mutation status(String path, int status) {
    return exchange -> {
      if (exchange.path.equals(path)) {
        exchange.status = status;
      }
    };
  }
}
