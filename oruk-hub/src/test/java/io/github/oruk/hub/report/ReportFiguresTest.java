package io.github.oruk.hub.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.hub.report.ReportFigures.AreaCount;
import io.github.oruk.hub.report.ReportFigures.Gap;
import io.github.oruk.hub.report.ReportFigures.TypeCount;
import io.github.oruk.hub.report.ReportFigures.WeekCount;
import io.github.oruk.hub.store.RecordChange;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.testkit.generate.DataGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The report's figures against counts made in the test, from services whose figures are known by construction. */
class ReportFiguresTest {

  private static final OrukJson JSON = OrukJson.lenient();
  private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);
  private static final Clock CLOCK = Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

  @Test
  void figuresOfKnownServices() {
    List<Service> services = List.of(
        service("a", "Food bank at the church", "[" + term("Food banks") + "]", "Leeds", "LS1 4AP",
            TODAY.minusMonths(1)),
        service("b", "Citizens advice drop-in", "[" + term("Food banks") + "," + term("Debt  advice") + "]",
            " leeds ", "ls14ap", TODAY.minusMonths(4)),
        service("c", "Money matters", "[" + term("Debt advice") + "]", "Bradford", "BD1 1AA", null),
        service("d", "Walking group", "[]", null, null, TODAY.minusYears(2)),
        service("e", "Youth club", "[{\"id\": \"at-e\", \"taxonomy_term_id\": \"esd:999\"}]", "Bradford",
            "not a postcode", null));

    ReportFigures figures = ReportFigures.of("five.ndjson", services, CLOCK);

    assertEquals(5, figures.services());
    assertEquals(List.of(new TypeCount("Debt advice", "esdServiceTypes", 2),
        new TypeCount("Food banks", "esdServiceTypes", 2), new TypeCount("esd:999", null, 1)), figures.byType(),
        "most first, then by name; 'Debt  advice' is 'Debt advice' shown as first seen");
    assertEquals(1, figures.withoutType());
    assertEquals(List.of(new AreaCount("Bradford", 2), new AreaCount("Leeds", 2)), figures.byTown(),
        "' leeds ' is Leeds");
    assertEquals(1, figures.withoutTown());
    assertEquals(List.of(new AreaCount("LS1", 2), new AreaCount("BD1", 1)), figures.byPostcodeDistrict());
    assertEquals(2, figures.withoutPostcode(), "none, and not a postcode");
    assertEquals(List.of(new Gap("Bradford", List.of(new TypeCount("Food banks", "esdServiceTypes", 2))),
        new Gap("Leeds", List.of(new TypeCount("esd:999", null, 1)))), figures.gaps());
    Map<String, Integer> freshness = new LinkedHashMap<>();
    freshness.put("within 3 months", 1);
    freshness.put("3 to 6 months", 1);
    freshness.put("6 to 12 months", 0);
    freshness.put("over a year", 1);
    freshness.put("in the future", 0);
    freshness.put("never", 2);
    assertEquals(freshness, figures.freshness());
    assertEquals(5, figures.richness().stream().mapToInt(Integer::intValue).sum());
    assertNull(figures.changes(), "a single source has no history");
    assertEquals(5, figures.duplicates().records());
    assertEquals(5, figures.duplicates().services(), "five different services");
    assertEquals(0, figures.duplicates().duplicated());
  }

  @Test
  void aServiceGivenTwiceInOneSourceIsFoundAsADuplicate() {
    Service once = service("x", "Leeds Food Bank", "[" + term("Food banks") + "]", "Leeds", "LS1 4AP", TODAY);
    Service again = service("x", "Leeds Food Bank", "[" + term("Food banks") + "]", "Leeds", "LS1 4AP", TODAY);
    ReportFigures figures = ReportFigures.of("twice.ndjson", List.of(once, again), CLOCK);
    assertEquals(2, figures.services(), "both lines are counted as the source gives them");
    assertEquals(1, figures.duplicates().duplicated(), "the same id and everything else: one service twice");
    assertEquals(1, figures.duplicates().services());
    assertEquals(2, figures.freshness().get("within 3 months"), "each line once, though they share an id");
  }

  @Test
  void figuresOfGeneratedServicesMatchCountsFromTheModel() {
    List<Service> services = DataGenerator.builder().seed(21).asOf(TODAY).build().services(40).toList();
    ModelCounts counted = new ModelCounts(services);
    Map<String, Integer> types = counted.types;
    Map<String, Integer> towns = counted.towns;
    assertFalse(types.isEmpty(), "the generator tags services");
    assertFalse(towns.isEmpty(), "the generator gives addresses");

    ReportFigures figures = ReportFigures.of("generated", services, CLOCK);
    Map<String, Integer> reportedTypes = new HashMap<>();
    figures.byType().forEach(type -> reportedTypes.put(type.type(), type.services()));
    assertEquals(types, reportedTypes);
    Map<String, Integer> reportedTowns = new HashMap<>();
    figures.byTown().forEach(town -> reportedTowns.put(town.area().toLowerCase(Locale.ROOT), town.services()));
    assertEquals(towns, reportedTowns);
    assertEquals(40, figures.freshness().values().stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void changesAreCountedPerWeekFromTheFirstChangeToNow() {
    UUID id = UUID.randomUUID();
    Instant monday = Instant.parse("2026-05-25T00:00:00Z"); // a Monday, two weeks before TODAY's week
    List<RecordChange> changes = List.of(
        change(id, monday.minusSeconds(1), RecordChange.Kind.ADDED), // Sunday: the week before
        change(id, monday, RecordChange.Kind.ADDED),
        change(id, monday.plusSeconds(6 * 86_400), RecordChange.Kind.CHANGED),
        change(id, monday.plusSeconds(15 * 86_400), RecordChange.Kind.WITHDRAWN),
        change(id, monday.plusSeconds(15 * 86_400), RecordChange.Kind.RETURNED));
    assertEquals(List.of(new WeekCount(LocalDate.of(2026, 5, 18), 1, 0, 0, 0),
        new WeekCount(LocalDate.of(2026, 5, 25), 1, 1, 0, 0),
        new WeekCount(LocalDate.of(2026, 6, 1), 0, 0, 0, 0),
        new WeekCount(LocalDate.of(2026, 6, 8), 0, 0, 1, 1)), Figures.weeks(changes, CLOCK.instant()));
    assertEquals(Figures.WEEKS, Figures.weeks(List.of(change(id, monday.minusSeconds(400L * 86_400),
        RecordChange.Kind.ADDED)), CLOCK.instant()).size(), "at most a year of weeks");
  }

  @Test
  void feedTextIsEscapedInThePageAndDefusedInTheCsv() {
    String hostile = "<script>alert(1)</script>";
    Service service = service("h", "Hostile", "[" + term(hostile) + "]", "=HYPERLINK(\"x\")", "LS1 4AP", TODAY);
    ReportFigures figures = ReportFigures.of("<b>file</b>", List.of(service), CLOCK);
    String page = ManagementReport.page(figures);
    assertFalse(page.contains(hostile) || page.contains("<b>file"), "feed text escaped");
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertFalse(page.matches("(?s).*(src|href)=\"https?:.*"), "nothing to load from outside");
    Dataset towns = ManagementReport.datasets(figures).stream().filter(d -> d.name().equals("services-by-town"))
        .findFirst().orElseThrow();
    assertEquals("town,services\r\n\"'=HYPERLINK(\"\"x\"\")\",1\r\n", towns.csv());
  }

  private static RecordChange change(UUID id, Instant at, RecordChange.Kind kind) {
    return new RecordChange(id, 1, at, kind, null, null);
  }

  private static String term(String name) {
    return "{\"id\": \"at-" + Math.abs(name.hashCode()) + "\", \"taxonomy_term\": {\"id\": \"t-"
        + Math.abs(name.hashCode()) + "\", \"name\": " + quoted(name) + ", \"taxonomy\": \"esdServiceTypes\"}}";
  }

  private static Service service(String id, String name, String attributes, String city, String postcode,
      LocalDate assured) {
    String location = city == null ? "[]" : "[{\"id\": \"sal-" + id + "\", \"location\": {\"id\": \"loc-" + id
        + "\", \"location_type\": \"physical\", \"addresses\": [{\"id\": \"ad-" + id + "\", \"address_1\": \"1 High"
        + " Street\", \"city\": " + quoted(city) + ", \"state_province\": \"West Yorkshire\", \"postal_code\": "
        + quoted(postcode) + ", \"country\": \"GB\", \"address_type\": \"physical\"}]}}]";
    String json = "{\"id\": " + quoted(id) + ", \"name\": " + quoted(name) + ", \"status\": \"active\","
        + " \"attributes\": " + attributes + ", \"service_at_locations\": " + location
        + (assured == null ? "" : ", \"assured_date\": \"" + assured + "\"") + "}";
    return JSON.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), Service.class).value();
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
