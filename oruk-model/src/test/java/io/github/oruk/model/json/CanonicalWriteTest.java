package io.github.oruk.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.ApiDetails;
import io.github.oruk.model.Contact;
import io.github.oruk.model.Location;
import io.github.oruk.model.LocationType;
import io.github.oruk.model.Organization;
import io.github.oruk.model.Page;
import io.github.oruk.model.Schedule;
import io.github.oruk.model.ScheduleFrequency;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.ServiceStatus;
import io.github.oruk.model.UpstreamSchemas;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strict out: what the writer produces is spec-clean, complete and deterministic. */
class CanonicalWriteTest {

  private static final String ID = "ac148810-d857-441c-9679-408f346de14b";

  /** A service full of empty values that a careless writer would emit as null, "" or []. */
  private static Service sparseService() {
    Service service = new Service().id(ID).name("Food bank").status(ServiceStatus.ACTIVE)
        .description("")
        .schedules(new ArrayList<>())
        .contacts(new ArrayList<>())
        .lastModified(OffsetDateTime.of(2024, 5, 1, 9, 30, 0, 0, ZoneOffset.UTC))
        .assuredDate(LocalDate.of(2024, 4, 30));
    service.addServiceAtLocationsItem(new ServiceAtLocation().id(ID)
        .location(new Location().id(ID).locationType(LocationType.PHYSICAL).addresses(List.of())));
    service.addSchedulesItem(new Schedule().id(ID).freq(ScheduleFrequency.WEEKLY).byday("MO,TU")
        .opensAt(LocalTime.of(9, 0)).closesAt(LocalTime.of(17, 30)).interval(new BigDecimal("1")));
    service.organization(new Organization().id(ID).name("Trust").description("Runs it").services(List.of()));
    return service;
  }

  @Test
  void optionalEmptyValuesAreLeftOut() {
    JsonNode written = OrukJson.lenient().writeTree(sparseService());

    List<String> offending = new ArrayList<>();
    walk("", written, offending);
    assertEquals(List.of(), offending, "no null, \"\" or [] anywhere");
    assertFalse(written.has("description"));
    assertFalse(written.has("contacts"));
    assertFalse(written.at("/service_at_locations/0/location").has("addresses"));
  }

  @Test
  void valuesAreWrittenInCanonicalForms() {
    JsonNode written = OrukJson.lenient().writeTree(sparseService());

    assertEquals("2024-05-01T09:30:00Z", written.get("last_modified").asText());
    assertEquals("2024-04-30", written.get("assured_date").asText());
    assertEquals("09:00:00", written.at("/schedules/0/opens_at").asText());
    assertEquals("WEEKLY", written.at("/schedules/0/freq").asText());
    assertEquals("active", written.get("status").asText());
    assertTrue(written.at("/schedules/0/interval").isNumber());
    assertEquals("2024-05-01T09:30:00.120+01:00", OrukJson.lenient().writeTree(new Service().id(ID)
        .lastModified(OffsetDateTime.of(2024, 5, 1, 9, 30, 0, 120_000_000, ZoneOffset.ofHours(1))))
        .get("last_modified").asText());
  }

  @Test
  void propertiesComeInTheStandardsOrderWhateverOrderTheyWereSet() {
    Service first = new Service().status(ServiceStatus.ACTIVE).name("A").id(ID).email("a@example.org");
    Service second = new Service().email("a@example.org").id(ID).name("A").status(ServiceStatus.ACTIVE);

    String written = OrukJson.lenient().writeString(first);

    assertEquals("{\"id\":\"" + ID + "\",\"name\":\"A\",\"email\":\"a@example.org\",\"status\":\"active\"}", written);
    assertEquals(written, OrukJson.lenient().writeString(second));
  }

  @Test
  void theEnvelopeIsAlwaysComplete() {
    Page<Service> partial = new Page<>(null, null, null, null, null, null, null,
        List.of(new Service().id(ID).name("A").status(ServiceStatus.ACTIVE)), null);
    Page<Service> built = Page.of(List.of(), 3, 10, 25);

    JsonNode first = OrukJson.lenient().writeTree(partial);
    JsonNode third = OrukJson.lenient().writeTree(built);

    assertEquals(List.of("total_items", "total_pages", "page_number", "size", "first_page", "last_page",
        "empty", "contents"), names(first));
    assertEquals(1, first.get("total_items").asInt());
    assertTrue(first.get("last_page").asBoolean());
    assertEquals(25, third.get("total_items").asInt());
    assertEquals(3, third.get("total_pages").asInt());
    assertTrue(third.get("last_page").asBoolean());
    assertFalse(third.get("first_page").asBoolean());
    assertTrue(third.get("empty").asBoolean());
    assertEquals(0, third.get("contents").size(), "contents is the one array always written");
  }

  @Test
  void writtenDocumentsValidateAgainstThePublishedSchemas() {
    UpstreamSchemas schemas = UpstreamSchemas.load();
    Service service = sparseService();
    service.addContactsItem(new Contact().id(ID).name("Ann"));

    assertEquals(List.of(), schemas.errors("service.json", OrukJson.lenient().writeTree(service)));
    assertEquals(List.of(), schemas.errors("service_list.json",
        OrukJson.lenient().writeTree(Page.of(List.of(service), 1, 50, 1))));
    assertEquals(List.of(), schemas.errors("api_details.json", OrukJson.lenient().writeTree(
        new ApiDetails(ApiDetails.UK_3_0, "https://example.org/profile", "https://example.org/openapi.json"))));
  }

  @Test
  void theSchemaCheckCanFail() {
    // The validation helper must be able to say no: a service without a name and with a bad status.
    JsonNode broken = OrukJson.lenient().objectNode().put("id", ID).put("status", "Active");
    assertEquals(2, UpstreamSchemas.load().errors("service.json", broken).size());
  }

  @Test
  void numbersKeepTheirWrittenPrecision() {
    Service service = new Service().id(ID).addCostOptionsItem(
        new io.github.oruk.model.CostOption().id(ID).amount(new BigDecimal("2.50")));
    assertEquals("2.50", OrukJson.lenient().writeTree(service).at("/cost_options/0/amount").toString());
    ReadResult<Service> read = OrukJson.lenient().read("{\"id\":\"" + ID + "\",\"pc\":{\"price\":2.50}}", Service.class);
    assertEquals("2.50", read.value().getExtensions().get("pc").get("price").toString());
  }

  @Test
  void writingIsUtf8() {
    byte[] written = OrukJson.lenient().write(new Service().id(ID).name("Caffi Cymraeg – £2 ☕"));
    assertTrue(new String(written, StandardCharsets.UTF_8).contains("Caffi Cymraeg – £2 ☕"));
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void walk(String at, JsonNode node, List<String> offending) {
    if (node.isNull() || (node.isTextual() && node.asText().isEmpty()) || (node.isArray() && node.isEmpty())) {
      offending.add(at + " = " + node);
    }
    if (node.isObject()) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        walk(at + "/" + name, node.get(name), offending);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(at + "/" + i, node.get(i), offending);
      }
    }
  }
}
