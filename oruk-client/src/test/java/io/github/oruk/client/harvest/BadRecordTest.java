package io.github.oruk.client.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.oruk.client.OrukClient;
import io.github.oruk.client.harvest.HarvestTest.Collecting;
import io.github.oruk.client.paging.PagedRecords;
import io.github.oruk.client.paging.PagingCode;
import io.github.oruk.client.paging.PagingEnd;
import io.github.oruk.client.paging.PagingFinding;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.query.Query;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One service of a page that is nested too deep to read (a vendor value 150 levels down) costs only itself:
 * the page's other services are delivered, the paging summary names the one left out, and a harvest fetches it
 * by id like any other, listing it as failed, with its id and the reason, when its own answer is too deep too.
 */
class BadRecordTest {

  private static final String GOOD_1 = "00000000-0000-4000-8000-000000000001";
  private static final String BAD = "00000000-0000-4000-8000-000000000002";
  private static final String GOOD_3 = "00000000-0000-4000-8000-000000000003";

  private HttpServer server;

  private static String service(String id, boolean deep) {
    return "{\"id\":\"" + id + "\",\"name\":\"S\",\"status\":\"active\""
        + (deep ? ",\"pc_tree\":" + "[".repeat(150) + "]".repeat(150) : "") + "}";
  }

  /** A feed whose one page holds three services, the second nested 150 levels deep in the list. */
  private OrukClient feed(boolean deepDetail) throws IOException {
    String page = "{\"total_items\":3,\"total_pages\":1,\"page_number\":1,\"size\":3,\"first_page\":true,"
        + "\"last_page\":true,\"empty\":false,\"contents\":[" + service(GOOD_1, false) + "," + service(BAD, true) + ","
        + service(GOOD_3, false) + "]}";
    Map<String, String> bodies = Map.of("/services", page, "/services/" + GOOD_1, service(GOOD_1, false),
        "/services/" + BAD, service(BAD, deepDetail), "/services/" + GOOD_3, service(GOOD_3, false));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        String body = bodies.get(exchange.getRequestURI().getPath());
        byte[] bytes = (body == null ? "{\"code\":404,\"message\":\"no\"}" : body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
      }
    });
    server.start();
    return OrukClient.builder("http://127.0.0.1:" + server.getAddress().getPort() + "/")
        .backoff(Duration.ofMillis(1), Duration.ofMillis(5)).build();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void thePageIsDeliveredWithoutItAndTheSummaryNamesIt() throws IOException {
    PagedRecords<Service> records = feed(true).stream(Service.class, Query.all());

    assertEquals(List.of(GOOD_1, GOOD_3), records.stream().map(Service::getId).toList());
    List<PagingFinding> findings = records.summary().findings();
    assertEquals(List.of(PagingCode.RECORD_UNREADABLE), findings.stream().map(PagingFinding::code).toList(),
        "no size or count mismatch for the record left out: " + findings);
    assertEquals("/contents/1", findings.get(0).pointer());
    // One code per fact: the guard names the record left out with the reader's code, which it counts as well.
    assertTrue(findings.get(0).toLine().startsWith("ORUK-READ-017\t"), findings.get(0).toLine());
    assertEquals(Map.of(ReadCode.RECORD_LEFT_OUT, 1L), records.summary().readFindings());
    assertTrue(findings.get(0).message().contains(BAD) && findings.get(0).message().contains("limit of 100"),
        findings.get(0).message());
    assertEquals(PagingEnd.LAST_PAGE, records.summary().end());
  }

  @Test
  void aHarvestWritesTheOthersAndListsItAsFailedWithItsIdAndTheReason() throws IOException {
    Collecting sink = new Collecting();

    HarvestReport report = new Harvester(feed(true)).harvest(HarvestOptions.defaults(), sink);

    assertEquals(Set.of(GOOD_1, GOOD_3), Set.copyOf(sink.ids()));
    assertEquals(HarvestReport.Outcome.PARTIAL, report.outcome());
    HarvestFailure failure = report.failed().get(0);
    assertEquals(1, report.failed().size(), report.failed().toString());
    assertEquals(BAD, failure.id());
    assertTrue(failure.uri().toString().endsWith("/services/" + BAD), failure.uri().toString());
    assertTrue(failure.cause().contains("nesting limit") && failure.cause().contains("maxNestingDepth"),
        failure.cause());
    assertEquals(3, report.listed());
    assertEquals(List.of(PagingCode.RECORD_UNREADABLE), report.findings().stream().map(PagingFinding::code).toList());
    assertEquals("ORUK-READ-017", report.findings().get(0).diagnostic().code());
  }

  @Test
  void aServiceTooDeepOnlyInTheListIsFetchedInFull() throws IOException {
    Collecting sink = new Collecting();

    HarvestReport report = new Harvester(feed(false)).harvest(HarvestOptions.defaults(), sink);

    assertEquals(HarvestReport.Outcome.COMPLETE, report.outcome(), report.summaryLine());
    assertEquals(Set.of(GOOD_1, BAD, GOOD_3), Set.copyOf(sink.ids()));
    assertEquals(1, report.findings().size(), "the list item is still reported: " + report.findings());
  }
}
