package io.github.oruk.model.v1;

import static io.github.oruk.model.v1.V1Fixtures.DRUPAL_PAGE;
import static io.github.oruk.model.v1.V1Fixtures.SPRING_PAGE;
import static io.github.oruk.model.v1.V1Fixtures.finding;
import static io.github.oruk.model.v1.V1Fixtures.lines;
import static io.github.oruk.model.v1.V1Fixtures.load;
import static io.github.oruk.model.v1.V1Fixtures.mentioning;
import static io.github.oruk.model.v1.V1Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.model.json.ReadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mapping v1 Spring-style page envelopes, and working out where their page numbers start. */
class V1PageMappingTest {

  private static final String ITEM = "{\"id\":\"ac148810-d857-441c-9679-408f346de14b\",\"name\":\"Foodbank\","
      + "\"status\":\"active\",\"regular_schedules\":[]}";

  /** A v1 envelope with {@code items} minimal services; null values are left out of the envelope. */
  private static ObjectNode envelope(Object number, Boolean first, Boolean last, Integer totalPages, int items) {
    List<String> parts = new ArrayList<>();
    parts.add("\"content\":[" + String.join(",", java.util.Collections.nCopies(items, ITEM)) + "]");
    if (number != null) {
      parts.add("\"number\":" + (number instanceof String text ? '"' + text + '"' : number));
    }
    if (first != null) {
      parts.add("\"first\":" + first);
    }
    if (last != null) {
      parts.add("\"last\":" + last);
    }
    if (totalPages != null) {
      parts.add("\"totalPages\":" + totalPages);
    }
    return parse("{" + String.join(",", parts) + "}");
  }

  @Test
  void aSpringPageCountsFromZero() {
    ObjectNode v1 = load(SPRING_PAGE);
    V1Mapping mapping = V1Mapper.mapPage(v1);
    ObjectNode out = mapping.document();

    assertEquals(5, out.path("total_items").asInt());
    assertEquals(3, out.path("total_pages").asInt());
    assertEquals(1, out.path("page_number").asInt(), "number 0 is the first page");
    assertEquals(2, out.path("size").asInt());
    assertTrue(out.path("first_page").asBoolean());
    assertEquals(BooleanNode.FALSE, out.path("last_page"));
    assertEquals(BooleanNode.FALSE, out.path("empty"));
    assertEquals(2, out.path("per_page").asInt(), "Spring's size is the page size");
    assertEquals(v1.get("pageable"), out.get("pageable"));
    assertEquals(v1.get("sort"), out.get("sort"));
    for (String v1Name : List.of("content", "totalElements", "totalPages", "number", "first", "last", "numberOfElements")) {
      assertFalse(out.has(v1Name), v1Name + " should have been mapped");
    }
    assertEquals(2, out.path("contents").size());
    assertEquals("TU", out.at("/contents/0/schedules/0/byday").asText(), "items are mapped as services");
    assertEquals("https://www.example-council.gov.uk", out.at("/contents/1/organization/website").asText());

    List<ReadFinding> findings = mapping.findings();
    assertEquals(ReadCode.LEGACY_V1_DOCUMENT, findings.get(0).code());
    assertEquals(1, findings.stream().filter(f -> f.code() == ReadCode.LEGACY_V1_DOCUMENT).count(),
        "one legacy finding for the page, none per item");
    assertTrue(finding(findings, ReadCode.V1_PROPERTY_MAPPED, "/number").message().contains("counts pages from 0"));
    finding(findings, ReadCode.V1_PROPERTY_MAPPED, "/numberOfElements");
    finding(findings, ReadCode.V1_PROPERTY_KEPT, "/size");
    finding(findings, ReadCode.V1_PROPERTY_KEPT, "/pageable");
    assertEquals(List.of(), findings.stream().filter(f -> f.code() == ReadCode.V1_PAGE_NUMBER_ASSUMED).toList());
    List<ReadFinding> weekdays = mentioning(findings, ReadCode.V1_PROPERTY_MAPPED, "weekday turned into byday");
    assertEquals(1, weekdays.size(), () -> "one finding for both services:\n" + lines(findings));
    assertTrue(weekdays.get(0).message().contains("Seen in 2 places: /content/0/regular_schedules/0/weekday,"
        + " /content/1/regular_schedules/0/weekday."), weekdays.get(0)::message);
    for (ReadFinding finding : findings) {
      assertFalse(v1.at(finding.pointer()).isMissingNode(), () -> "no such place in the v1 page: " + finding);
    }
  }

  @Test
  void aDrupalPageCountsFromOne() {
    V1Mapping mapping = V1Mapper.mapPage(load(DRUPAL_PAGE));
    ObjectNode out = mapping.document();

    assertEquals(3, out.path("total_items").asInt());
    assertEquals(2, out.path("total_pages").asInt());
    assertEquals(1, out.path("page_number").asInt(), "first is true and number is 1: counting from 1");
    assertEquals(2, out.path("size").asInt());
    assertTrue(out.path("first_page").asBoolean());
    assertEquals(BooleanNode.FALSE, out.path("last_page"));
    assertEquals(BooleanNode.FALSE, out.path("empty"), "worked out from content when v1 leaves it out");
    assertEquals(2, out.path("contents").size());
    assertTrue(finding(mapping.findings(), ReadCode.V1_PROPERTY_MAPPED, "/number").message()
        .contains("counts pages from 1 (first is true and number is 1)"));
  }

  @Test
  void readingAMappedPageGivesAPageOfServices() {
    ReadResult<Page<Service>> read = V1Mapper.readPage(load(SPRING_PAGE), OrukJson.lenient());
    Page<Service> page = read.value();

    assertEquals(5, page.totalItems());
    assertEquals(3, page.totalPages());
    assertEquals(1, page.pageNumber());
    assertEquals(2, page.size());
    assertEquals(true, page.firstPage());
    assertEquals(false, page.lastPage());
    assertEquals(false, page.empty());
    assertEquals(List.of("Memory Café", "Benefits advice line"), page.contents().stream().map(Service::getName).toList());
    assertEquals(Set.of("per_page", "pageable", "sort"), page.extensions().keySet());
    assertEquals(List.of(), read.findings(ReadCode.UNMAPPABLE_VALUE), () -> lines(read.findings()));

    V1Mapping mapping = V1Mapper.mapPage(load(SPRING_PAGE));
    assertEquals(mapping.findings(), read.findings().subList(0, mapping.findings().size()), "mapping findings first");
    finding(read.findings(), ReadCode.EXTENSION_PROPERTY, "/contents/1/contacts/0/phones");
  }

  @ParameterizedTest(name = "number={0} first={1} last={2} totalPages={3} items={4} -> page {5}")
  @CsvSource(nullValues = "-", value = {
      // number 0 only exists when counting from 0
      "0, -,     -,     -, 2, 1, false",
      // on the first page, the number is the base
      "1, true,  false, 3, 2, 1, false",
      "1, false, false, 3, 2, 2, false",
      // on the last page, the number is totalPages - 1 (from 0) or totalPages (from 1)
      "2, false, true,  3, 2, 3, false",
      "3, false, true,  3, 2, 3, false",
      // a page with records numbered totalPages can only be counting from 1
      "3, -,     -,     3, 1, 3, false",
      // an empty page numbered totalPages may be Spring's page past the end: not settled
      "3, false, true,  3, 0, 4, true",
      // a middle page says nothing either way: assumed from 0 and reported
      "2, false, false, 5, 2, 3, true",
      "2, -,     -,     -, 2, 3, true",
  })
  void thePageBaseIsDetectedFromTheEnvelope(int number, Boolean first, Boolean last, Integer totalPages, int items,
      int pageNumber, boolean assumed) {
    V1Mapping mapping = V1Mapper.mapPage(envelope(number, first, last, totalPages, items), PageBase.DETECT);

    assertEquals(pageNumber, mapping.document().path("page_number").asInt());
    List<ReadFinding> assumptions = mapping.findings(ReadCode.V1_PAGE_NUMBER_ASSUMED);
    assertEquals(assumed ? 1 : 0, assumptions.size(), () -> lines(mapping.findings()));
    if (assumed) {
      assertEquals("/number", assumptions.get(0).pointer());
      assertTrue(assumptions.get(0).message().contains("Assumed from 0"), assumptions.get(0)::message);
      assertTrue(assumptions.get(0).message().contains("PageBase.ONE_BASED"), "says how to override");
    }
  }

  @Test
  void theCallerCanSayWhereNumbersStart() {
    ObjectNode middle = envelope(2, false, false, 5, 2);
    assertEquals(2, V1Mapper.mapPage(middle, PageBase.ONE_BASED).document().path("page_number").asInt());
    assertEquals(3, V1Mapper.mapPage(middle, PageBase.ZERO_BASED).document().path("page_number").asInt());
    assertEquals(List.of(), V1Mapper.mapPage(middle, PageBase.ONE_BASED).findings(ReadCode.V1_PAGE_NUMBER_ASSUMED));

    V1Mapping contradicted = V1Mapper.mapPage(envelope(0, true, false, 5, 2), PageBase.ONE_BASED);
    assertEquals(0, contradicted.document().path("page_number").asInt(), "the caller is followed");
    ReadFinding warning = finding(contradicted.findings(), ReadCode.V1_PAGE_NUMBER_ASSUMED, "/number");
    assertTrue(warning.message().contains("followed the caller"), warning::message);
  }

  @Test
  void numbersAndFlagsSentAsTextAreUnderstood() {
    ObjectNode v1 = parse("{\"content\":[" + ITEM + "],\"number\":\"1\",\"first\":\"true\",\"totalPages\":\"4\"}");
    assertEquals(1, V1Mapper.mapPage(v1).document().path("page_number").asInt());
  }

  @Test
  void aNumberThatIsNotANumberIsKept() {
    V1Mapping mapping = V1Mapper.mapPage(parse("{\"content\":[],\"number\":\"first\",\"totalElements\":0}"));

    assertFalse(mapping.document().has("page_number"));
    assertEquals("first", mapping.document().path("number").asText());
    finding(mapping.findings(), ReadCode.V1_PROPERTY_KEPT, "/number");
  }

  @Test
  void missingFlagsAreWorkedOutFromTheOtherValues() {
    JsonNode empty = V1Mapper.mapPage(parse("{\"content\":[],\"totalElements\":0,\"totalPages\":0,\"number\":0,"
        + "\"size\":20}")).document();
    assertEquals(0, empty.path("size").asInt());
    assertTrue(empty.path("empty").asBoolean());
    assertTrue(empty.path("first_page").asBoolean());
    assertTrue(empty.path("last_page").asBoolean());

    JsonNode third = V1Mapper.mapPage(parse("{\"content\":[" + ITEM + "],\"totalElements\":5,\"size\":2,"
        + "\"number\":2}")).document();
    assertEquals(3, third.path("page_number").asInt());
    assertEquals(BooleanNode.FALSE, third.path("first_page"));
    assertTrue(third.path("last_page").asBoolean(), "3 pages of 2 cover 5 records");
    assertEquals(1, third.path("size").asInt());

    JsonNode unknown = V1Mapper.mapPage(parse("{\"content\":[" + ITEM + "],\"number\":0}")).document();
    assertFalse(unknown.has("last_page"), "nothing tells whether more pages follow");
  }

  @Test
  void aCountThatDisagreesWithContentIsKept() {
    V1Mapping mapping = V1Mapper.mapPage(parse("{\"content\":[" + ITEM + "],\"number\":0,\"numberOfElements\":2}"));

    assertEquals(1, mapping.document().path("size").asInt());
    assertEquals(2, mapping.document().path("numberOfElements").asInt());
    assertTrue(finding(mapping.findings(), ReadCode.V1_PROPERTY_KEPT, "/numberOfElements").message()
        .contains("content holds 1 record"));
  }

  @Test
  void anEnvelopeWithoutContentBecomesAnEmptyPage() {
    JsonNode out = V1Mapper.mapPage(parse("{\"totalElements\":0,\"number\":0}")).document();

    assertEquals(0, out.path("contents").size());
    assertTrue(out.path("contents").isArray());
    assertEquals(0, out.path("size").asInt());
    assertTrue(out.path("empty").asBoolean());
  }
}
