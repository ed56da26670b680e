package io.github.oruk.model.v1;

import static io.github.oruk.model.v1.V1Fixtures.RICH;
import static io.github.oruk.model.v1.V1Fixtures.SPARSE;
import static io.github.oruk.model.v1.V1Fixtures.finding;
import static io.github.oruk.model.v1.V1Fixtures.lines;
import static io.github.oruk.model.v1.V1Fixtures.load;
import static io.github.oruk.model.v1.V1Fixtures.mentioning;
import static io.github.oruk.model.v1.V1Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.AddressType;
import io.github.oruk.model.Location;
import io.github.oruk.model.LocationType;
import io.github.oruk.model.Schedule;
import io.github.oruk.model.ScheduleFrequency;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceStatus;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.OrukReadException;
import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.model.json.ReadResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mapping one v1 service to ORUK 3.0, checked property by property on the hand-written fixtures. */
class V1MapperTest {

  private static final String SERVICE_ID = "e7c80f94-b6d9-44aa-870d-fa037dc0a910";
  private static final String ORGANIZATION_ID = "8a050289-fd5d-47c3-bb7d-1586ffa7cb2c";
  private static final String SERVICE_AT_LOCATION_ID = "daca8caf-b3fd-460e-aabd-0c0e8e26a954";
  private static final String LOCATION_ID = "7ce28d18-76e4-4a11-b096-43f51117f24a";

  private static V1Mapping map(String fixture) {
    return V1Mapper.mapService(load(fixture));
  }

  /** A minimal valid v1 service with some properties spliced in. */
  private static ObjectNode service(String extra) {
    return parse("{\"id\":\"" + SERVICE_ID + "\",\"name\":\"Drop-in\",\"status\":\"active\"," + extra + "}");
  }

  @Test
  void scalarsCarryOverAndTheOrganizationUrlBecomesItsWebsite() {
    V1Mapping mapping = map(RICH);
    ObjectNode out = mapping.document();

    assertEquals(SERVICE_ID, out.path("id").asText());
    assertEquals("Westbury Carers Drop-in", out.path("name").asText());
    assertEquals("https://www.example-council.gov.uk/carers/westbury-drop-in", out.path("url").asText());
    assertEquals("carers.westbury@example-council.gov.uk", out.path("email").asText());
    assertEquals("active", out.path("status").asText());
    assertEquals("Free, lunch available for a small charge", out.path("fees").asText());
    assertEquals("Carers Trust Network Partner", out.path("accreditations").asText());
    assertEquals("2023-09-14T10:22:05", out.path("assured_date").asText(), "copied; the reader keeps the date part");

    JsonNode organization = out.path("organization");
    assertEquals(ORGANIZATION_ID, organization.path("id").asText());
    assertEquals("https://westbury-trust.example.org", organization.path("website").asText());
    assertFalse(organization.has("url"), "url should have become website");
    assertEquals("hello@westbury-trust.example.org", organization.path("email").asText());
    assertEquals("https://westbury-trust.example.org/img/logo.png", organization.path("logo").asText());
    assertEquals("https://find-and-update.company-information.example/company/09876543", organization.path("uri").asText());
    assertEquals(ORGANIZATION_ID, out.path("organization_id").asText(), "implied by the nested organization");
    finding(mapping.findings(), ReadCode.V1_PROPERTY_MAPPED, "/organization/url");
  }

  @Test
  void contactsKeepTheirPhonesAsAnExtension() {
    V1Mapping mapping = map(RICH);
    JsonNode contacts = mapping.document().path("contacts");

    assertEquals(2, contacts.size());
    JsonNode priya = contacts.get(0);
    assertEquals("55e0662c-b4c7-4806-b809-e868e706bab7", priya.path("id").asText());
    assertEquals("Priya Shah", priya.path("name").asText());
    assertEquals("Carers Support Worker", priya.path("title").asText());
    assertEquals(SERVICE_ID, priya.path("service_id").asText());
    assertEquals(load(RICH).at("/contacts/0/phones"), priya.path("phones"), "phones should be kept unchanged");
    JsonNode reception = contacts.get(1);
    assertFalse(reception.has("title"), "a null title is left out");
    assertFalse(reception.has("phones"), "an empty phones list is left out");

    ReadFinding kept = finding(mapping.findings(), ReadCode.V1_PROPERTY_KEPT, "/contacts/0/phones");
    assertTrue(kept.message().contains("UK 3.0 contacts have no phones"), kept::message);
  }

  @Test
  void theOneEligibilityThatGivesAgesGivesTheServiceItsAgeRange() {
    V1Mapping mapping = map(RICH);
    ObjectNode out = mapping.document();

    assertEquals(new BigDecimal("18"), out.path("minimum_age").decimalValue());
    assertFalse(out.has("maximum_age"), "the eligibility's maximum_age was null");
    JsonNode kept = out.path("eligibilitys");
    assertEquals(1, kept.size());
    assertEquals("adult", kept.at("/0/eligibility").asText(), "the eligibility text stays as an extension");
    assertEquals(load(RICH).at("/eligibilitys/0/taxonomys"), kept.at("/0/taxonomys"));
    assertFalse(kept.get(0).has("minimum_age"), "the ages moved to the service, not copied");
    assertFalse(kept.get(0).has("maximum_age"));
    finding(mapping.findings(), ReadCode.V1_PROPERTY_MAPPED, "/eligibilitys/0");
    finding(mapping.findings(), ReadCode.V1_PROPERTY_KEPT, "/eligibilitys");
  }

  @Test
  void eligibilitiesThatDisagreeAreKeptWholeAndTheServiceGetsNoAges() {
    V1Mapping mapping = map(SPARSE);
    ObjectNode out = mapping.document();

    assertFalse(out.has("minimum_age"));
    assertFalse(out.has("maximum_age"));
    assertEquals(load(SPARSE).get("eligibilitys"), out.get("eligibilitys"));
    ReadFinding kept = finding(mapping.findings(), ReadCode.V1_PROPERTY_KEPT, "/eligibilitys");
    assertTrue(kept.message().contains("more than one eligibility gives ages"), kept::message);
  }

  @Test
  void eligibilityAgesNeverOverrideAgesTheServiceGivesItself() {
    V1Mapping mapping = V1Mapper.mapService(service(
        "\"minimum_age\":11,\"eligibilitys\":[{\"id\":\"e1\",\"eligibility\":\"teen\",\"minimum_age\":13,\"maximum_age\":19}]"));

    assertEquals(11, mapping.document().path("minimum_age").asInt());
    assertFalse(mapping.document().has("maximum_age"));
    assertEquals(19, mapping.document().at("/eligibilitys/0/maximum_age").asInt(), "kept whole");
    assertTrue(finding(mapping.findings(), ReadCode.V1_PROPERTY_KEPT, "/eligibilitys").message()
        .contains("the service gives minimum_age or maximum_age itself"));
  }

  @Test
  void fundingsLanguagesCostOptionsAndServiceAreasMap() {
    V1Mapping mapping = map(RICH);
    ObjectNode out = mapping.document();

    assertFalse(out.has("fundings"));
    assertEquals("afcba52d-5cfc-478f-98a4-d1456db0ef4b", out.at("/funding/0/id").asText());
    assertEquals("Better Care Fund", out.at("/funding/0/source").asText());
    assertEquals(SERVICE_ID, out.at("/funding/0/service_id").asText());
    finding(mapping.findings(), ReadCode.V1_PROPERTY_MAPPED, "/fundings");

    assertEquals(List.of("English", "Polish"), List.of(out.at("/languages/0/language").asText(),
        out.at("/languages/1/language").asText()), "the language text stays on each entry as an extension");
    assertEquals(SERVICE_ID, out.at("/languages/1/service_id").asText());
    ReadFinding languages = finding(mapping.findings(), ReadCode.V1_PROPERTY_KEPT, "/languages/0/language");
    assertTrue(languages.message().contains("on 2 languages"), "one finding for both entries: " + languages);

    JsonNode cost = out.at("/cost_options/0");
    assertEquals("Hot lunch", cost.path("option").asText());
    assertEquals(new BigDecimal("2.5"), cost.path("amount").decimalValue());
    assertEquals("per person, per session", cost.path("amount_description").asText());
    assertEquals("2023-04-01", cost.path("valid_from").asText());
    assertEquals("2024-03-31", cost.path("valid_to").asText());
    assertEquals(SERVICE_ID, cost.path("service_id").asText());

    JsonNode area = out.at("/service_areas/0");
    assertEquals("Westbury and surrounding villages", area.path("service_area").asText());
    assertEquals("Westbury and surrounding villages", area.path("name").asText(), "name taken from service_area");
    assertEquals("http://statistics.data.gov.uk/id/statistical-geography/E04011860", area.path("uri").asText());
    assertFalse(area.has("extent"), "a null extent is left out");
    assertEquals(SERVICE_ID, area.path("service_id").asText());
  }

  @Test
  void regularSchedulesBecomeWeeklyRecurrenceRulesOnTheService() {
    V1Mapping mapping = map(RICH);
    JsonNode schedules = mapping.document().path("schedules");

    assertFalse(mapping.document().has("regular_schedules"));
    assertEquals(3, schedules.size(), "two on the service, one on its service at location");
    JsonNode monday = schedules.get(0);
    assertEquals("cff592d1-c3f6-4b9c-ad33-607377ace091", monday.path("id").asText());
    assertEquals("WEEKLY", monday.path("freq").asText());
    assertEquals("MO", monday.path("byday").asText());
    assertEquals("09:00", monday.path("opens_at").asText());
    assertEquals("12:30", monday.path("closes_at").asText());
    assertEquals("2023-01-09", monday.path("valid_from").asText());
    assertEquals("Morning drop-in", monday.path("description").asText());
    assertEquals(SERVICE_ID, monday.path("service_id").asText());
    assertFalse(monday.has("weekday"), "weekday became byday");
    assertFalse(monday.has("service_at_location_id"));

    JsonNode fortnightly = schedules.get(1);
    assertEquals("WE", fortnightly.path("byday").asText(), "weekday 3 is Wednesday");
    assertEquals(2, fortnightly.path("interval").asInt());
    assertEquals("2023-01-11", fortnightly.path("dtstart").asText());

    JsonNode atTheHall = schedules.get(2);
    assertEquals("TH", atTheHall.path("byday").asText());
    assertEquals(SERVICE_AT_LOCATION_ID, atTheHall.path("service_at_location_id").asText());
    assertEquals(SERVICE_ID, atTheHall.path("service_id").asText());
    assertFalse(mapping.document().at("/service_at_locations/0").has("regular_schedules"));

    List<ReadFinding> weekdays = mentioning(mapping.findings(), ReadCode.V1_PROPERTY_MAPPED, "weekday turned into byday");
    assertEquals(1, weekdays.size(), () -> "one finding for all three schedules:\n" + lines(mapping.findings()));
    assertEquals("/regular_schedules/0/weekday", weekdays.get(0).pointer());
    assertTrue(weekdays.get(0).message().contains("on 3 schedules"), weekdays.get(0)::message);
    assertTrue(weekdays.get(0).message().contains("ISO 8601"), "the numeric weekday's reading is explained");
    finding(mapping.findings(), ReadCode.V1_PROPERTY_MAPPED, "/service_at_locations/0/regular_schedules");
  }

  @Test
  void aWeekdayThatIsNotADayIsKeptAndNoRuleIsGuessed() {
    V1Mapping mapping = map(SPARSE);
    JsonNode schedule = mapping.document().at("/schedules/0");

    assertEquals("Weekdays", schedule.path("weekday").asText());
    assertFalse(schedule.has("byday"));
    assertFalse(schedule.has("freq"));
    ReadFinding kept = finding(mapping.findings(), ReadCode.V1_PROPERTY_KEPT, "/regular_schedules/0/weekday");
    assertTrue(kept.message().contains("\"Weekdays\""), kept::message);
  }

  @Test
  void aGivenByDayWinsAndAWeekdayThatAgreesWithItIsNotKept() {
    V1Mapping agreeing = V1Mapper.mapService(service(
        "\"regular_schedules\":[{\"id\":\"s1\",\"weekday\":\"Wednesday, Monday\",\"byday\":\"MO,WE\"}]"));
    assertEquals("MO,WE", agreeing.document().at("/schedules/0/byday").asText());
    assertFalse(agreeing.document().at("/schedules/0").has("weekday"));
    assertFalse(agreeing.document().at("/schedules/0").has("freq"), "freq is only added with a byday made from weekday");
    finding(agreeing.findings(), ReadCode.V1_PROPERTY_MAPPED, "/regular_schedules/0/weekday");

    V1Mapping disagreeing = V1Mapper.mapService(service(
        "\"regular_schedules\":[{\"id\":\"s1\",\"weekday\":\"Monday\",\"byday\":\"FR\",\"freq\":\"WEEKLY\"}]"));
    assertEquals("FR", disagreeing.document().at("/schedules/0/byday").asText());
    assertEquals("Monday", disagreeing.document().at("/schedules/0/weekday").asText());
    finding(disagreeing.findings(), ReadCode.V1_PROPERTY_KEPT, "/regular_schedules/0/weekday");
  }

  @Test
  void aGivenFrequencyIsNotOverwritten() {
    V1Mapping mapping = V1Mapper.mapService(service(
        "\"regular_schedules\":[{\"id\":\"s1\",\"weekday\":\"sat\",\"freq\":\"MONTHLY\",\"bymonthday\":\"1\"}]"));

    assertEquals("SA", mapping.document().at("/schedules/0/byday").asText());
    assertEquals("MONTHLY", mapping.document().at("/schedules/0/freq").asText());
    assertEquals("1", mapping.document().at("/schedules/0/bymonthday").asText());
  }

  @Test
  void holidaySchedulesStayWhereTheyWereAsExtensions() {
    V1Mapping mapping = map(RICH);
    ObjectNode v1 = load(RICH);

    assertEquals(v1.get("holiday_schedules"), mapping.document().get("holiday_schedules"));
    assertEquals(v1.at("/service_at_locations/0/holiday_schedules"),
        mapping.document().at("/service_at_locations/0/holiday_schedules"));
    finding(mapping.findings(), ReadCode.V1_PROPERTY_KEPT, "/holiday_schedules");
    finding(mapping.findings(), ReadCode.V1_PROPERTY_KEPT, "/service_at_locations/0/holiday_schedules");
  }

  @Test
  void serviceAtLocationsGetAPhysicalLocationWithAddressesAndAccessibility() {
    V1Mapping mapping = map(RICH);
    JsonNode link = mapping.document().at("/service_at_locations/0");

    assertEquals(SERVICE_AT_LOCATION_ID, link.path("id").asText());
    assertEquals(SERVICE_ID, link.path("service_id").asText());
    assertEquals(LOCATION_ID, link.path("location_id").asText());
    JsonNode location = link.path("location");
    assertEquals(LOCATION_ID, location.path("id").asText());
    assertEquals("physical", location.path("location_type").asText());
    assertEquals("Laverton Hall", location.path("name").asText());
    assertEquals("Community hall behind the market place.", location.path("description").asText());
    assertEquals(new BigDecimal("51.2603"), location.path("latitude").decimalValue());
    assertEquals(new BigDecimal("-2.1876"), location.path("longitude").decimalValue());
    assertFalse(location.has("physical_addresses"));
    assertFalse(location.has("accessibility_for_disabilities"));

    JsonNode address = location.at("/addresses/0");
    assertEquals("24017010-0c1b-40e2-b21f-a4061e14dc75", address.path("id").asText());
    assertEquals("The Laverton, Bratton Road", address.path("address_1").asText());
    assertEquals("Westbury", address.path("city").asText());
    assertEquals("Wiltshire", address.path("state_province").asText());
    assertEquals("BA13 3EN", address.path("postal_code").asText());
    assertEquals("GB", address.path("country").asText(), "defaulted: the v1 address has no country");
    assertEquals("physical", address.path("address_type").asText());
    assertEquals(LOCATION_ID, address.path("location_id").asText());
    finding(mapping.findings(), ReadCode.V1_PROPERTY_MAPPED, "/service_at_locations/0/location/physical_addresses/0");

    JsonNode access = location.path("accessibility");
    assertEquals(2, access.size());
    assertEquals("Step-free access from the car park", access.at("/0/accessibility").asText());
    assertEquals("Step-free access from the car park", access.at("/0/description").asText());
    assertEquals("Hearing loop in the main hall", access.at("/1/description").asText());
    assertEquals(LOCATION_ID, access.at("/1/location_id").asText());
  }

  @Test
  void locationTypeFollowsWhatTheLocationHas() {
    assertEquals("virtual", map(SPARSE).document().at("/service_at_locations/0/location/location_type").asText());

    String postal = "\"service_at_locations\":[{\"id\":\"l1\",\"location\":{\"id\":\"loc\",\"postal_addresses\":"
        + "[{\"id\":\"a1\",\"address_1\":\"PO Box 12\",\"city\":\"Leeds\",\"state_province\":\"West Yorkshire\","
        + "\"postal_code\":\"LS1 1AA\",\"country\":\"GB\"}]}}]";
    JsonNode postalLocation = V1Mapper.mapService(service(postal)).document().at("/service_at_locations/0/location");
    assertEquals("postal", postalLocation.path("location_type").asText());
    assertEquals("postal", postalLocation.at("/addresses/0/address_type").asText());

    String coordinates = "\"service_at_locations\":[{\"id\":\"l1\",\"location\":{\"id\":\"loc\",\"latitude\":53.8,"
        + "\"longitude\":-1.55}}]";
    assertEquals("physical", V1Mapper.mapService(service(coordinates)).document()
        .at("/service_at_locations/0/location/location_type").asText());
  }

  @Test
  void serviceTaxonomiesBecomeAttributesAndNoDescriptionIsInvented() {
    V1Mapping mapping = map(RICH);
    JsonNode attributes = mapping.document().path("attributes");

    assertFalse(mapping.document().has("service_taxonomys"));
    assertEquals(2, attributes.size());
    JsonNode first = attributes.get(0);
    assertEquals("3df48333-173d-45be-bb80-31c418a7a8cb", first.path("id").asText());
    assertEquals(SERVICE_ID, first.path("link_id").asText());
    assertEquals("esdServiceTypes:1212", first.path("taxonomy_term_id").asText());
    JsonNode term = first.path("taxonomy_term");
    assertEquals("esdServiceTypes:1212", term.path("id").asText());
    assertEquals("Carers' support groups", term.path("name").asText());
    assertEquals("esdServiceTypes", term.path("taxonomy").asText(), "from vocabulary");
    assertEquals("esdServiceTypes:1200", term.path("parent_id").asText(), "from parent");
    assertFalse(term.has("description"), "v1 has no description and none may be invented");
    assertFalse(term.has("vocabulary"));
    assertFalse(term.has("parent"));
    assertTrue(attributes.get(1).path("taxonomy_term").isObject(), attributes::toString);
    assertFalse(attributes.get(1).path("taxonomy_term").has("parent_id"), "a null parent is left out");

    ReadFinding missing = finding(mapping.findings(), ReadCode.V1_REQUIRED_MISSING, "/service_taxonomys/0/taxonomy");
    assertTrue(missing.message().contains("requires description on every taxonomy term"), missing::message);
    assertTrue(missing.message().contains("2 taxonomy terms"), missing::message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"deliverable_type", "attending_type", "attending_access", "reviews", "sourceRef"})
  void propertiesWithoutA3HomeAreKeptOnTheServiceUnderTheirOwnName(String name) {
    V1Mapping mapping = map(RICH);

    assertEquals(load(RICH).get(name), mapping.document().get(name));
    finding(mapping.findings(), ReadCode.V1_PROPERTY_KEPT, "/" + name);
  }

  @Test
  void propertiesThat3DefinesAreCarriedOverWithoutFuss() {
    V1Mapping mapping = V1Mapper.mapService(service("\"alert\":\"Closed on bank holidays\","
        + "\"service_at_locations\":[{\"id\":\"l1\",\"location\":{\"id\":\"loc\",\"external_identifier\":\"10092008082\","
        + "\"external_identifier_type\":\"UPRN\"}}]"));

    assertEquals("Closed on bank holidays", mapping.document().path("alert").asText());
    assertEquals("10092008082", mapping.document().at("/service_at_locations/0/location/external_identifier").asText());
    assertEquals(List.of(), mapping.findings(ReadCode.V1_PROPERTY_KEPT));
  }

  @Test
  void aV1PropertyThatWouldOverwriteAMappedOneIsKeptUnderAnotherName() {
    V1Mapping mapping = V1Mapper.mapService(service(
        "\"fundings\":[{\"id\":\"f1\",\"source\":\"Lottery\"}],\"funding\":\"Lottery funded until 2025\""));

    assertEquals("Lottery", mapping.document().at("/funding/0/source").asText());
    assertEquals("Lottery funded until 2025", mapping.document().path("funding_v1").asText());
    assertTrue(finding(mapping.findings(), ReadCode.V1_PROPERTY_KEPT, "/funding").message().contains("funding_v1"));
  }

  @Test
  void nullsAndEmptyValuesAreLeftOutAndReportedOnce() {
    V1Mapping mapping = map(SPARSE);
    ObjectNode out = mapping.document();

    for (String name : List.of("description", "url", "email", "fees", "accreditations", "deliverable_type",
        "attending_type", "attending_access", "contacts", "service_areas")) {
      assertFalse(out.has(name), name + " was null or empty and should be left out");
    }
    assertEquals(Set.of("id", "name", "description"), fieldNames(out.path("organization")));
    List<ReadFinding> omitted = mapping.findings(ReadCode.V1_EMPTY_VALUE_OMITTED);
    assertEquals(1, omitted.size(), () -> lines(mapping.findings()));
    assertEquals("/description", omitted.get(0).pointer());
    // 8 service scalars (description, url "", email, fees, accreditations, deliverable_type, attending_type,
    // attending_access), 4 organization ones (email, url, logo, uri), contacts [], service_areas null, and 5 in
    // the location (description, latitude, longitude, physical_addresses [], accessibility_for_disabilities)
    assertTrue(omitted.get(0).message().startsWith("left out 19 values"), omitted.get(0)::message);
  }

  @Test
  void findingsStartWithOneLegacyFindingAndPointIntoTheV1Document() {
    ObjectNode v1 = load(RICH);
    List<ReadFinding> findings = V1Mapper.mapService(v1).findings();

    assertEquals(ReadCode.LEGACY_V1_DOCUMENT, findings.get(0).code());
    assertEquals("", findings.get(0).pointer());
    assertEquals(1, findings.stream().filter(f -> f.code() == ReadCode.LEGACY_V1_DOCUMENT).count());
    Set<String> seen = new HashSet<>();
    for (ReadFinding finding : findings) {
      assertTrue(finding.code().code().startsWith("ORUK-V1-"), finding::toLine);
      assertFalse(v1.at(finding.pointer()).isMissingNode(), () -> "no such place in the v1 document: " + finding);
      assertTrue(seen.add(finding.code() + finding.message()), () -> "reported twice: " + finding);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {RICH, SPARSE})
  void readingTheMappedServiceGivesAClean3Service(String fixture) {
    ObjectNode v1 = load(fixture);
    V1Mapping mapping = V1Mapper.mapService(v1);
    ReadResult<Service> read = V1Mapper.readService(v1, OrukJson.lenient());

    assertEquals(v1.get("id").asText(), read.value().getId());
    assertEquals(v1.get("name").asText(), read.value().getName());
    assertEquals(ServiceStatus.ACTIVE, read.value().getStatus());
    assertEquals(List.of(), read.findings(ReadCode.UNMAPPABLE_VALUE), () -> lines(read.findings()));
    assertEquals(List.of(), read.findings(ReadCode.NULL_VALUE), "the mapping leaves nulls out");

    List<ReadFinding> findings = read.findings();
    assertEquals(mapping.findings(), findings.subList(0, mapping.findings().size()), "mapping findings come first");
    for (ReadFinding finding : findings.subList(mapping.findings().size(), findings.size())) {
      assertFalse(finding.code().code().startsWith("ORUK-V1-"), finding::toLine);
      assertFalse(mapping.document().at(finding.pointer()).isMissingNode(),
          () -> "reader findings point into the mapped document: " + finding);
    }
  }

  @Test
  void theRichServiceReadsIntoTypedValues() {
    ReadResult<Service> read = V1Mapper.readService(load(RICH), OrukJson.lenient());
    Service service = read.value();

    assertEquals(LocalDate.of(2023, 9, 14), service.getAssuredDate(), "the date part of the v1 date-time");
    assertEquals(new BigDecimal("18"), service.getMinimumAge());
    assertEquals(ORGANIZATION_ID, service.getOrganizationId());
    assertEquals("https://westbury-trust.example.org", service.getOrganization().getWebsite());
    Schedule monday = service.getSchedules().get(0);
    assertEquals(ScheduleFrequency.WEEKLY, monday.getFreq());
    assertEquals("MO", monday.getByday());
    assertEquals(LocalTime.of(9, 0), monday.getOpensAt());
    assertEquals(LocalTime.of(16, 0), service.getSchedules().get(1).getClosesAt());
    assertEquals(SERVICE_AT_LOCATION_ID, service.getSchedules().get(2).getServiceAtLocationId());
    Location location = service.getServiceAtLocations().get(0).getLocation();
    assertEquals(LocationType.PHYSICAL, location.getLocationType());
    assertEquals(AddressType.PHYSICAL, location.getAddresses().get(0).getAddressType());
    assertEquals("Hearing loop in the main hall", location.getAccessibility().get(1).getDescription());
    assertEquals("esdServiceTypes", service.getAttributes().get(0).getTaxonomyTerm().getTaxonomy());
    assertEquals(new BigDecimal("2.5"), service.getCostOptions().get(0).getAmount());
    assertEquals(load(RICH).at("/contacts/0/phones"), service.getContacts().get(0).getExtensions().get("phones"),
        "the v1 phones, kept as they were");
    assertEquals(Set.of("eligibilitys", "deliverable_type", "attending_type", "attending_access", "sourceRef",
        "holiday_schedules", "reviews"), service.getExtensions().keySet());
    finding(read.findings(), ReadCode.EXTENSION_PROPERTY, "/contacts/0/phones");
  }

  @Test
  void theInputIsLeftUnchanged() {
    ObjectNode v1 = load(RICH);
    ObjectNode before = v1.deepCopy();

    V1Mapper.mapService(v1);
    V1Mapper.readService(v1, OrukJson.lenient());

    assertEquals(before, v1);
  }

  @Test
  void somethingOtherThanAnObjectIsRefused() {
    OrukReadException refused = assertThrows(OrukReadException.class,
        () -> V1Mapper.mapService(V1Fixtures.JSON.createArrayNode()));
    assertTrue(refused.getMessage().contains("expected a JSON object for a v1 service, found an array"),
        refused::getMessage);
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
