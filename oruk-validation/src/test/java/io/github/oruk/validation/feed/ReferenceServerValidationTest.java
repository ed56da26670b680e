package io.github.oruk.validation.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.Service;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.validation.Finding;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.Validator;
import io.github.oruk.validation.Verdict;
import io.github.oruk.validation.feed.MutatingProxy.Exchange;
import io.github.oruk.validation.feed.MutatingProxy.Mutation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference server passes strict validation with nothing to warn about; a server that differs from
 * it by one deliberate defect yields that defect's finding, the expected verdict, and no other error.
 */
class ReferenceServerValidationTest {

  /**
   * 55 services: two pages of 50, so paging defects show without touching total_pages, and five records on the
   * second page for the defects placed there. Every variant looks every listed id up, so each record here costs
   * 24 validations' worth of lookups: no more than the two pages need.
   */
  private static final int SERVICES = 55;

  private static OrukHttpServer server;
  private static List<String> ids;

  @BeforeAll
  static void start() throws Exception {
    List<Service> services = FeedFixtures.services(5150, SERVICES);
    ids = services.stream().map(Service::getId).toList();
    server = OrukHttpServer.builder(OrukApi.of(FeedFixtures.directory(5150, services))).port(0).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static ValidationReport validate(String base) {
    return FeedValidator.builder(Validator.strict()).sample(0).maxPages(20).build().validate(base);
  }

  @Test
  void theReferenceServerPassesStrictWithNothingToWarnAbout() {
    ValidationReport report = validate(server.uri().toString());

    List<Finding> notes = report.findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
    assertEquals(List.of(), notes);
    assertEquals(Verdict.PASS, report.verdict());
    assertEquals(List.of(), report.notChecked());
    report.endpoints().forEach(endpoint -> assertEquals("passed", endpoint.status(), endpoint.path()));
    assertEquals(SERVICES, report.endpoints().stream().filter(e -> e.path().equals("/services/{id}")).findFirst()
        .orElseThrow().requests(), "every listed id was looked up");
  }

  static Stream<Arguments> variants() {
    return Stream.of(
        variant("total_pages miscounted", "ORUK-PAGE-002", Verdict.FAIL, pages((page, number) -> {
          page.put("total_pages", 3);
          page.put("last_page", number >= 3);
        })),
        variant("size miscounted", "ORUK-PAGE-001", Verdict.FAIL,
            pages((page, number) -> page.put("size", page.path("size").asInt() + 1))),
        variant("first_page true everywhere", "ORUK-PAGE-003", Verdict.FAIL,
            pages((page, number) -> page.put("first_page", true))),
        variant("last_page never true", "ORUK-PAGE-004", Verdict.FAIL,
            pages((page, number) -> page.put("last_page", false))),
        variant("empty flag inverted", "ORUK-PAGE-005", Verdict.FAIL,
            pages((page, number) -> page.put("empty", !page.path("empty").asBoolean()))),
        // Page 0 also breaks the spec document's page_number minimum of 1, which strict applies too.
        variant("page numbers counted from 0", "ORUK-PAGE-006", Verdict.FAIL,
            pages((page, number) -> page.put("page_number", number - 1)), "ORUK-SCHEMA-001"),
        variant("same record on two pages", "ORUK-PAGE-008", Verdict.FAIL, exchange -> {
          if (exchange.isPage("services") && exchange.pageNumber() == 2 && exchange.query.equals("page=2")) {
            ObjectNode page = (ObjectNode) exchange.json();
            JsonNode first = exchange.upstream.get("/services", "page=1").json().path("contents");
            ((ArrayNode) page.get("contents")).set(0, first.get(first.size() - 1));
            exchange.json(page);
          }
        }),
        variant("totals drift between pages", "ORUK-PAGE-007", Verdict.PASS_WITH_WARNINGS,
            pages((page, number) -> page.put("total_items", page.path("total_items").asInt() + number - 1))),
        variant("paging stalls", "ORUK-PAGE-012", Verdict.FAIL, exchange -> {
          if (exchange.isPage("services") && exchange.query != null && exchange.query.equals("page=2")) {
            ObjectNode stalled = (ObjectNode) exchange.upstream.get("/services", "page=1").json();
            stalled.put("page_number", 2).put("first_page", false).put("last_page", true);
            exchange.json(stalled);
          }
        }),
        variant("per_page ignored", "ORUK-PAGE-009", Verdict.FAIL, ignoring("per_page")),
        variant("last page unreachable", "ORUK-PAGE-010", Verdict.FAIL, exchange -> {
          if (exchange.path.equals("/services") && "page=2".equals(exchange.query)) {
            exchange.status = 500;
            exchange.body = "{\"status\":500,\"error\":\"internal_error\",\"message\":\"boom\"}".getBytes(StandardCharsets.UTF_8);
          }
        }),
        variant("envelope incomplete", "ORUK-PAGE-011", Verdict.PASS_WITH_WARNINGS,
            pages((page, number) -> page.remove(List.of("first_page", "empty")))),
        variant("CORS header missing", "ORUK-HTTP-001", Verdict.PASS_WITH_WARNINGS,
            exchange -> exchange.headers.keySet().removeIf(name -> name.equalsIgnoreCase("Access-Control-Allow-Origin"))),
        variant("served as HTML", "ORUK-HTTP-002", Verdict.PASS_WITH_WARNINGS, exchange -> {
          exchange.headers.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Type"));
          exchange.headers.put("Content-Type", "text/html; charset=utf-8");
        }),
        variant("/ answers 500", "ORUK-FEED-001", Verdict.FAIL, exchange -> {
          if (exchange.path.equals("/")) {
            exchange.status = 500;
          }
        }),
        variant("500 on an optional endpoint", "ORUK-FEED-003", Verdict.PASS_WITH_WARNINGS, exchange -> {
          if (exchange.path.equals("/taxonomies")) {
            exchange.status = 500;
          }
        }),
        variant("by-id answers another record", "ORUK-ROUNDTRIP-001", Verdict.FAIL, new Mutation() {
          @Override
          public void request(Exchange exchange) {
            if (exchange.path.startsWith("/services/") && exchange.path.endsWith(ids.get(0))) {
              exchange.path = "/services/" + ids.get(1);
            }
          }

          @Override
          public void response(Exchange exchange) {
          }
        }),
        variant("one record breaks the schema", "ORUK-SCHEMA-001", Verdict.FAIL, exchange -> {
          if (exchange.path.equals("/services/" + ids.get(3))) {
            exchange.json(((ObjectNode) exchange.json()).put("status", "open"));
          }
        }),
        variant("one record sends null", "ORUK-NULL-001", Verdict.FAIL, exchange -> {
          if (exchange.path.equals("/services/" + ids.get(4))) {
            exchange.json(((ObjectNode) exchange.json()).putNull("alert"));
          }
        }),
        variant("one record is an HTML page", "ORUK-JSON-001", Verdict.FAIL, exchange -> {
          if (exchange.path.equals("/services/" + ids.get(5))) {
            exchange.body = "<!DOCTYPE html><title>Error</title>".getBytes(StandardCharsets.UTF_8);
          }
        }),
        variant("organization filter ignored", "ORUK-FILTER-001", Verdict.FAIL, ignoring("organization_id")),
        variant("taxonomy filter ignored", "ORUK-FILTER-001", Verdict.FAIL, ignoring("taxonomy_term_id")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void eachDefectYieldsItsFindingAndNoOtherError(String defect, String code, Verdict verdict, Mutation mutation,
      List<String> alsoExpected) throws Exception {
    try (MutatingProxy proxy = new MutatingProxy(server.uri(), mutation)) {
      ValidationReport report = validate(proxy.uri().toString());

      assertFalse(report.findings(code).isEmpty(), () -> defect + ": expected " + code + ", got " + report.findings());
      List<String> otherErrors = report.findings().stream()
          .filter(f -> f.severity() == Severity.ERROR && !f.code().equals(code) && !alsoExpected.contains(f.code()))
          .map(f -> f.code() + " " + f.url() + " " + f.message()).toList();
      assertEquals(List.of(), otherErrors, defect);
      assertEquals(verdict, report.verdict(), () -> defect + ": " + report.findings());
    }
  }

  private static Arguments variant(String defect, String code, Verdict verdict, Mutation mutation,
      String... alsoExpected) {
    return Arguments.of(defect, code, verdict, mutation, List.of(alsoExpected));
  }

  /** Changes every /services page (and its per_page probe). */
  private static Mutation pages(PageEdit edit) {
    return exchange -> {
      if (exchange.isPage("services")) {
        ObjectNode page = (ObjectNode) exchange.json();
        edit.apply(page, exchange.pageNumber());
        exchange.json(page);
      }
    };
  }

  private static Mutation ignoring(String parameter) {
    return new Mutation() {
      @Override
      public void request(Exchange exchange) {
        if (exchange.query != null && exchange.query.contains(parameter + "=")) {
          exchange.query = exchange.query.replaceAll("(^|&)" + parameter + "=[^&]*", "").replaceFirst("^&", "");
          if (exchange.query.isEmpty()) {
            exchange.query = null;
          }
        }
      }

      @Override
      public void response(Exchange exchange) {
      }
    };
  }

  @FunctionalInterface
  interface PageEdit {
    void apply(ObjectNode page, int number);
  }
}
