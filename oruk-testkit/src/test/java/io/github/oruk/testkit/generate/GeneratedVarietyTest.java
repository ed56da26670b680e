package io.github.oruk.testkit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceStatus;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.model.json.OrukJson;
import java.math.BigDecimal;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Over a few hundred services, consumers see the variety real feeds have, and every value is plausible. */
class GeneratedVarietyTest {

  private static final int SERVICES = 500;
  /** Outward code, space, inward code (digit and two letters Royal Mail uses: no C, I, K, M, O, V). */
  private static final Pattern POSTCODE = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][ABD-HJLNP-UW-Z]{2}");

  private static DataGenerator generator;
  private static List<Service> services;
  private static List<JsonNode> trees;

  @BeforeAll
  static void generate() {
    generator = DataGenerator.builder().seed(8675309).build();
    services = generator.services(SERVICES).toList();
    trees = services.stream().map(OrukJson.lenient()::writeTree).toList();
  }

  /** Optional properties, by where they sit: each must be present in some records and absent in others. */
  @Test
  void optionalPropertiesAreSometimesPresentAndSometimesAbsent() {
    Map<String, List<String>> optional = Map.of(
        "", List.of("description", "url", "email", "fees", "accreditations", "minimum_age", "maximum_age",
            "assured_date", "assurer_email", "alert", "last_modified", "schedules", "service_areas", "languages",
            "funding", "cost_options", "contacts"),
        "/organization", List.of("email", "website", "logo", "uri", "organization_identifiers"),
        "/service_at_locations/*/location", List.of("description", "latitude", "longitude", "external_identifier",
            "external_identifier_type", "addresses", "accessibility"),
        "/service_at_locations/*/location/addresses/*", List.of("attention", "region"),
        "/service_at_locations/*/location/accessibility/*", List.of("details", "url", "accessibility"),
        "/schedules/*", List.of("service_at_location_id", "valid_from", "valid_to", "dtstart", "interval",
            "attending_type", "notes", "schedule_link"),
        "/service_areas/*", List.of("uri"),
        "/cost_options/*", List.of("amount", "valid_from", "valid_to"),
        "/contacts/*", List.of("title"),
        "/attributes/*/taxonomy_term", List.of("parent_id"));

    Map<String, Integer> objects = new HashMap<>();
    Map<String, Integer> holding = new HashMap<>();
    for (JsonNode tree : trees) {
      JsonWalk.walk(tree, (pointer, node) -> {
        if (node.isObject()) {
          String shape = JsonWalk.shape(pointer);
          objects.merge(shape, 1, Integer::sum);
          node.fieldNames().forEachRemaining(name -> holding.merge(shape + "#" + name, 1, Integer::sum));
        }
      });
    }
    List<String> problems = new ArrayList<>();
    optional.forEach((shape, names) -> {
      int total = objects.getOrDefault(shape, 0);
      for (String name : names) {
        int present = holding.getOrDefault(shape + "#" + name, 0);
        if (present == 0 || present == total) {
          problems.add(shape + "/" + name + " is in " + present + " of " + total);
        }
      }
    });
    assertEquals(List.of(), problems);
  }

  @Test
  void statusesAreMostlyActiveButNotAll() {
    Map<ServiceStatus, Integer> counts = new EnumMap<>(ServiceStatus.class);
    services.forEach(s -> counts.merge(s.getStatus(), 1, Integer::sum));
    assertEquals(Set.of(ServiceStatus.values()), counts.keySet(), counts.toString());
    assertTrue(counts.get(ServiceStatus.ACTIVE) > SERVICES * 0.7, counts.toString());
    assertTrue(counts.get(ServiceStatus.INACTIVE) + counts.get(ServiceStatus.TEMPORARILY_CLOSED) > SERVICES * 0.08,
        counts.toString());
  }

  @Test
  void physicalLocationsAreInTheUkWithPostcodesOfTheirTown() {
    int physical = 0;
    int virtual = 0;
    List<String> problems = new ArrayList<>();
    for (JsonNode service : trees) {
      for (JsonNode link : service.get("service_at_locations")) {
        JsonNode location = link.get("location");
        if (location.get("location_type").asText().equals("virtual")) {
          virtual++;
          assertFalse(location.has("addresses") || location.has("latitude"), "a virtual location has no address");
          continue;
        }
        physical++;
        JsonNode address = location.get("addresses").get(0);
        String postcode = address.get("postal_code").asText();
        String city = address.get("city").asText();
        Gazetteer.Town town = Gazetteer.TOWNS.stream().filter(t -> t.name().equals(city)).findFirst()
            .orElseThrow(() -> new AssertionError("not a gazetteer town: " + city));
        if (!POSTCODE.matcher(postcode).matches()) {
          problems.add("not a UK postcode: " + postcode);
        }
        if (!town.districts().contains(postcode.substring(0, postcode.indexOf(' ')))) {
          problems.add(postcode + " is not a postcode district of " + city);
        }
        assertEquals("GB", address.get("country").asText());
        assertEquals(town.county(), address.get("state_province").asText());
        if (location.has("latitude")) {
          double lat = location.get("latitude").asDouble();
          double lon = location.get("longitude").asDouble();
          if (lat < 49.8 || lat > 60.9 || lon < -8.7 || lon > 1.8) {
            problems.add("outside the UK: " + lat + ", " + lon);
          }
          if (Math.abs(lat - town.latitude()) > 0.1 || Math.abs(lon - town.longitude()) > 0.1) {
            problems.add(lat + ", " + lon + " is not near " + city);
          }
        }
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(virtual > 0, "some locations should be virtual");
    assertTrue(physical > virtual * 5, physical + " physical, " + virtual + " virtual");
  }

  @Test
  void everyServiceHasAnAttributeFromTheSampleVocabulary() {
    Map<String, TaxonomyTerm> terms = new HashMap<>();
    generator.sampleTaxonomy().getTaxonomyTerms().forEach(t -> terms.put(t.getId(), t));
    Set<String> used = new HashSet<>();
    for (Service service : services) {
      assertFalse(service.getAttributes().isEmpty() || service.getAttributes().isEmpty(), service.getName());
      service.getAttributes().forEach(attribute -> {
        TaxonomyTerm term = attribute.getTaxonomyTerm();
        assertEquals(terms.get(term.getId()), term, "attribute terms are the sample vocabulary's terms");
        used.add(term.getId());
      });
      assertTrue(service.getAttributes().stream().anyMatch(a -> a.getTaxonomyTerm().getParentId() != null),
          "each service is tagged with at least one service type");
    }
    assertEquals(terms.keySet(), used, "over 500 services every sample term should be used");
  }

  @Test
  void organizationsAreSharedAndIdenticalWhereverTheyAppear() {
    Map<String, JsonNode> byId = new HashMap<>();
    Map<String, Integer> uses = new HashMap<>();
    for (JsonNode service : trees) {
      JsonNode organization = service.get("organization");
      String id = organization.get("id").asText();
      JsonNode previous = byId.putIfAbsent(id, organization);
      if (previous != null) {
        assertEquals(previous, organization, "organization " + id + " differs between services");
      }
      uses.merge(id, 1, Integer::sum);
    }
    assertTrue(uses.values().stream().anyMatch(n -> n >= 3), "some organization should run several services");
    assertTrue(uses.size() > 50, "there should be many organizations: " + uses.size());
  }

  @Test
  void datesAreRecentRelativeToTheReferenceDate() {
    LocalDate today = generator.referenceDate();
    LocalDate twoMonthsAgo = today.minusDays(60);
    int thisMonth = 0;
    int lastMonth = 0;
    int modified = 0;
    for (Service service : services) {
      LocalDate assured = service.getAssuredDate();
      if (assured != null) {
        assertTrue(assured.isBefore(today), "assured on or after the reference date: " + assured);
        assertFalse(assured.isBefore(twoMonthsAgo), "assured more than two months before it: " + assured);
        if (assured.isAfter(today.minusDays(31))) {
          thisMonth++;
        } else {
          lastMonth++;
        }
      }
      OffsetDateTime lastModified = service.getLastModified();
      if (lastModified != null) {
        modified++;
        assertEquals(ZoneOffset.UTC, lastModified.getOffset());
        assertTrue(lastModified.toLocalDate().isBefore(today), "modified on or after the reference date: "
            + lastModified);
        assertFalse(lastModified.toLocalDate().isBefore(assured != null ? assured : twoMonthsAgo),
            "modified before it was assured, or more than two months before the reference date: " + lastModified);
      }
    }
    assertTrue(thisMonth > 150 && lastMonth > 100, thisMonth + " assured in the last month, " + lastMonth
        + " in the month before");
    assertTrue(modified > 400, "most services say when they were modified: " + modified);
  }

  @Test
  void agesSuitTheServiceType() {
    Map<String, int[]> limits = Map.of(
        "Youth club", new int[] {11, 19},
        "Day centre", new int[] {55, -1},
        "Lunch club", new int[] {60, -1},
        "Family hub", new int[] {0, 25},
        "Stay and play", new int[] {0, 5});
    int withAges = 0;
    for (Service service : services) {
      BigDecimal min = service.getMinimumAge();
      BigDecimal max = service.getMaximumAge();
      if (min != null && max != null) {
        assertTrue(min.compareTo(max) < 0, min + " to " + max);
      }
      if (min != null || max != null) {
        withAges++;
      }
      String type = service.getAttributes().get(0).getTaxonomyTerm().getName();
      int[] limit = limits.get(type);
      if (limit != null) {
        assertTrue(min != null && min.intValue() >= limit[0], type + " from " + min);
        if (limit[1] >= 0) {
          assertTrue(max != null && max.intValue() <= limit[1], type + " up to " + max);
        } else {
          assertEquals(null, max, type + " should have no upper age");
        }
      }
    }
    assertTrue(withAges > SERVICES / 3 && withAges < SERVICES, withAges + " services have ages");
  }

  @Test
  void schedulesAreWeeklyOrMonthlyAndConsistent() {
    int weekly = 0;
    int monthly = 0;
    Set<String> days = Set.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
    for (Service service : services) {
      if (service.getSchedules().isEmpty()) {
        continue;
      }
      for (var schedule : service.getSchedules()) {
        String byday = schedule.getByday();
        LocalTime opens = schedule.getOpensAt();
        LocalTime closes = schedule.getClosesAt();
        assertTrue(opens.isBefore(closes), opens + " to " + closes);
        assertFalse(schedule.getDescription().isBlank());
        switch (schedule.getFreq()) {
          case WEEKLY -> {
            weekly++;
            for (String day : byday.split(",")) {
              assertTrue(days.contains(day), byday);
            }
          }
          case MONTHLY -> {
            monthly++;
            String day = byday.substring(byday.length() - 2);
            String ordinal = byday.substring(0, byday.length() - 2);
            assertTrue(days.contains(day) && Set.of("1", "2", "3", "4", "-1").contains(ordinal), byday);
          }
          default -> throw new AssertionError(schedule.getFreq());
        }
        if (schedule.getInterval() != null) {
          assertTrue(schedule.getDtstart() != null, "an interval needs a dtstart");
          DayOfWeek expected = schedule.getDtstart().getDayOfWeek();
          assertEquals(expected.name().substring(0, 2), byday, "dtstart falls on the schedule's day");
        }
        if (schedule.getValidFrom() != null && schedule.getValidTo() != null) {
          assertTrue(schedule.getValidFrom().isBefore(schedule.getValidTo()));
        }
      }
    }
    assertTrue(weekly > monthly && monthly > 10, weekly + " weekly, " + monthly + " monthly");
  }

  @Test
  void costsAreFreeOrPricedInPounds() {
    int free = 0;
    int paid = 0;
    for (Service service : services) {
      if (service.getCostOptions().isEmpty()) {
        continue;
      }
      for (var option : service.getCostOptions()) {
        BigDecimal amount = option.getAmount();
        assertTrue(amount == null || amount.signum() >= 0);
        if (amount == null || amount.signum() == 0) {
          free++;
          assertEquals("Free", option.getOption());
        } else {
          paid++;
          assertTrue(option.getAmountDescription().startsWith("£"), option.getAmountDescription());
        }
      }
    }
    assertTrue(free > 20 && paid > 20, free + " free, " + paid + " paid");
  }

  @Test
  void webAddressesAndEmailsUseExampleDomains() {
    List<String> problems = new ArrayList<>();
    for (JsonNode tree : trees) {
      JsonWalk.walk(tree, (pointer, node) -> {
        if (!node.isTextual()) {
          return;
        }
        String text = node.asText();
        if (text.startsWith("http")) {
          String host = URI.create(text).getHost();
          if (host == null || !host.endsWith("example.org")) {
            problems.add(pointer + ": " + text);
          }
        } else if (pointer.endsWith("email")) {
          if (!text.endsWith(".example.org") || text.indexOf('@') < 1) {
            problems.add(pointer + ": " + text);
          }
        }
      });
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void namesAreVaried() {
    long names = services.stream().map(Service::getName).distinct().count();
    assertTrue(names > SERVICES * 0.8, names + " distinct names in " + SERVICES);
    long descriptions = services.stream().map(Service::getDescription).filter(d -> d != null).distinct().count();
    assertTrue(descriptions > SERVICES * 0.8, descriptions + " distinct descriptions");
  }
}
