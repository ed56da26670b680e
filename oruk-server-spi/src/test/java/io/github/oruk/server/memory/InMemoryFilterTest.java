package io.github.oruk.server.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Address;
import io.github.oruk.model.Attribute;
import io.github.oruk.model.Location;
import io.github.oruk.model.Organization;
import io.github.oruk.model.Schedule;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceArea;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.model.query.InvalidQueryException;
import io.github.oruk.model.query.Query;
import io.github.oruk.server.PageRequest;
import io.github.oruk.server.Results;
import io.github.oruk.testkit.generate.DataGenerator;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each filter of the reference directory, alone and combined, returns exactly the records a plain
 * reading of the filter's definition picks from the data. The expected answers are computed here, from
 * a separate copy of the generated services, by straightforward scans written independently of the
 * directory's indexes.
 */
class InMemoryFilterTest {

  private static final int COUNT = 400;
  private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

  private static InMemoryDirectory directory;
  /** The same services as the directory holds, but separate objects, read only by the expectations. */
  private static List<Service> data;
  private static Taxonomy sample;

  @BeforeAll
  static void build() {
    DataGenerator generator = DataGenerator.builder().seed(7).build();
    sample = generator.sampleTaxonomy();
    directory = InMemoryDirectory.builder()
        .addAll(generator.services(COUNT))
        .addAll(handWritten())
        .taxonomy(generator.sampleTaxonomy())
        .taxonomy(otherTaxonomy())
        .build();
    data = new ArrayList<>(generator.services(COUNT).toList());
    data.addAll(handWritten());
  }

  // ------------------------------------------------------------------------------------ expectations

  private static List<String> expected(Predicate<Service> filter) {
    return data.stream().filter(filter).map(Service::getId).toList();
  }

  private static List<String> actual(Query query) {
    return actual(directory, query);
  }

  private static List<String> actual(InMemoryDirectory directory, Query query) {
    List<String> ids = new ArrayList<>();
    int page = 1;
    while (true) {
      Results<Service> results = directory.services(query, PageRequest.of(page, 37));
      results.items().forEach(service -> ids.add(service.getId()));
      assertTrue(results.items().size() <= 37);
      if (results.items().size() < 37) {
        assertEquals(ids.size(), results.totalItems(), "the total matches what the pages hold");
        return ids;
      }
      page++;
    }
  }

  private static Set<String> tokens(String text) {
    if (text == null) {
      return Set.of();
    }
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return Stream.of(plain.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(word -> !word.isEmpty()).collect(Collectors.toSet());
  }

  private static Predicate<Service> searchFor(String search) {
    Set<String> wanted = tokens(search);
    return service -> {
      Set<String> words = new LinkedHashSet<>(tokens(service.getName()));
      words.addAll(tokens(service.getDescription()));
      words.addAll(tokens(service.getOrganization() == null ? null : service.getOrganization().getName()));
      return words.containsAll(wanted);
    };
  }

  private static List<Attribute> attributes(Service service) {
    return service.getAttributes();
  }

  private static Predicate<Service> taggedWith(String termId) {
    return service -> attributes(service).stream().anyMatch(a -> termId.equals(a.getTaxonomyTermId()));
  }

  private static Predicate<Service> inTaxonomy(String taxonomyId) {
    return service -> attributes(service).stream()
        .anyMatch(a -> a.getTaxonomyTerm() != null && taxonomyId.equals(a.getTaxonomyTerm().getTaxonomyId()));
  }

  private static Predicate<Service> openOn(DayOfWeek day, LocalTime start, LocalTime end) {
    return service -> service.getSchedules().stream().anyMatch(s -> {
      boolean onDay = day == null || (s.getByday() != null
          && List.of(s.getByday().split(",")).stream().anyMatch(code -> code.endsWith(DAYS[day.getValue() - 1])));
      boolean starts = start == null || (s.getOpensAt() != null && !s.getOpensAt().isBefore(start));
      boolean ends = end == null || (s.getClosesAt() != null && !s.getClosesAt().isAfter(end));
      return onDay && starts && ends;
    });
  }

  private static double metres(double lat1, double lon1, double lat2, double lon2) {
    double r = 6_371_008.8;
    double x = Math.toRadians(lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
    double y = Math.toRadians(lat2 - lat1);
    return Math.sqrt(x * x + y * y) * r;  // equirectangular: a different formula, same answer at these scales
  }

  // ------------------------------------------------------------------------------------ single filters

  @Test
  void noFilterListsEveryServiceInOrder() {
    assertEquals(expected(s -> true), actual(Query.all()));
  }

  @Test
  void searchMatchesEveryWordWithoutCaseOrAccents() {
    for (String search : List.of("food", "FOOD bank", "support group", "cafe", "Café", "older people", "help",
        "zzzz", "food zzzz", "St", "advice money")) {
      List<String> expected = expected(searchFor(search));
      assertEquals(expected, actual(Query.builder().search(search).build()), search);
    }
    assertFalse(expected(searchFor("food")).isEmpty(), "the data holds food services");
    assertEquals(List.of("hand-cafe"), actual(Query.builder().search("creme brulee").build()));
    assertEquals(expected(s -> true), actual(Query.builder().search("!!! ...").build()),
        "a search without words narrows nothing");
  }

  @Test
  void taxonomyTermAndTaxonomy() {
    for (TaxonomyTerm term : sample.getTaxonomyTerms()) {
      assertEquals(expected(taggedWith(term.getId())),
          actual(Query.builder().taxonomyTermId(term.getId()).build()), term.getName());
    }
    assertEquals(expected(inTaxonomy(sample.getId())), actual(Query.builder().taxonomyId(sample.getId()).build()));
    assertEquals(List.of("hand-cafe"), actual(Query.builder().taxonomyId("other-taxonomy").build()));
    assertEquals(List.of(), actual(Query.builder().taxonomyTermId("no-such-term").build()));
  }

  @Test
  void aTermMatcherWidensTaxonomyTermIdAndItsAnswersAreNotNarrowedByLaterQueries() {
    DataGenerator generator = DataGenerator.builder().seed(7).build();
    InMemoryDirectory widened = InMemoryDirectory.builder()
        .addAll(generator.services(COUNT))
        .addAll(handWritten())
        .termMatcher(id -> id.equals("refuse") ? fail() : taggedWithOrUnder(id))
        .build();
    int widerSomewhere = 0;
    for (TaxonomyTerm term : sample.getTaxonomyTerms()) {
      Query byTerm = Query.builder().taxonomyTermId(term.getId()).build();
      List<String> expected = expected(taggedWithOrUnder(term.getId()));
      assertEquals(expected, actual(widened, byTerm), term.getName());
      String organization = data.get(0).getOrganizationId();
      assertEquals(expected(taggedWithOrUnder(term.getId()).and(s -> organization.equals(s.getOrganizationId()))),
          actual(widened, Query.builder().taxonomyTermId(term.getId()).organizationId(organization).build()));
      assertEquals(expected, actual(widened, byTerm), "asked again after a narrower query: " + term.getName());
      if (expected.size() > expected(taggedWith(term.getId())).size()) {
        widerSomewhere++;
      }
    }
    assertTrue(widerSomewhere > 0, "the sample taxonomy has categories with types below them");
    InvalidQueryException refused = assertThrows(InvalidQueryException.class,
        () -> widened.services(Query.builder().taxonomyTermId("refuse").build(), PageRequest.of(1, 10)));
    assertEquals("taxonomy_term_id", refused.parameter());
    assertTrue(refused.getMessage().contains("no such term here"), refused.getMessage());
  }

  private static Predicate<Service> fail() {
    throw new IllegalArgumentException("no such term here.");
  }

  /** Tagged with the term, or with a term whose parent it is (what a taxonomy-aware matcher would add). */
  private static Predicate<Service> taggedWithOrUnder(String termId) {
    return service -> attributes(service).stream().anyMatch(a -> termId.equals(a.getTaxonomyTermId())
        || (a.getTaxonomyTerm() != null && termId.equals(a.getTaxonomyTerm().getParentId())));
  }

  @Test
  void organization() {
    Set<String> organizations = data.stream().map(Service::getOrganizationId).collect(Collectors.toSet());
    for (String id : organizations) {
      assertEquals(expected(s -> id.equals(s.getOrganizationId())),
          actual(Query.builder().organizationId(id).build()));
    }
    assertTrue(organizations.size() > 50);
  }

  @Test
  void modifiedAfter() {
    List<OffsetDateTime> times = data.stream().map(Service::getLastModified).filter(t -> t != null).sorted().toList();
    for (OffsetDateTime since : List.of(times.get(0), times.get(times.size() / 2), times.get(times.size() - 1),
        times.get(times.size() - 1).plusSeconds(1), times.get(10).minusNanos(1))) {
      assertEquals(expected(s -> s.getLastModified() != null && !s.getLastModified().isBefore(since)),
          actual(Query.builder().modifiedAfter(since).build()), since.toString());
    }
  }

  /**
   * Records and queries at the ends of what {@code OffsetDateTime} holds (±999,999,999 years, beyond epoch
   * milliseconds): the directory builds, and they sort after (before) every ordinary date.
   */
  @Test
  void modifiedAfterAtTheEndsOfTime() {
    Service ordinary = DataGenerator.builder().seed(3).build().service(0)
        .lastModified(OffsetDateTime.parse("2024-05-01T09:30:00Z"));
    Service future = new Service().id("future").name("Future").status(ordinary.getStatus())
        .lastModified(OffsetDateTime.MAX);
    Service past = new Service().id("past").name("Past").status(ordinary.getStatus()).lastModified(OffsetDateTime.MIN);
    InMemoryDirectory edges = InMemoryDirectory.builder().add(ordinary).add(future).add(past).build();

    assertEquals(List.of(ordinary.getId(), "future"), actual(edges, Query.builder()
        .modifiedAfter(ordinary.getLastModified()).build()));
    assertEquals(List.of("future"), actual(edges, Query.builder().modifiedAfter(OffsetDateTime.MAX).build()));
    assertEquals(List.of(ordinary.getId(), "future", "past"), actual(edges, Query.builder()
        .modifiedAfter(OffsetDateTime.MIN).build()));
  }

  @Test
  void ages() {
    for (int age : new int[] {0, 5, 11, 16, 18, 25, 65, 120}) {
      BigDecimal value = BigDecimal.valueOf(age);
      assertEquals(expected(s -> s.getMinimumAge() != null && s.getMinimumAge().compareTo(value) >= 0),
          actual(Query.builder().minimumAge(age).build()), "minimum_age " + age);
      assertEquals(expected(s -> s.getMaximumAge() != null && s.getMaximumAge().compareTo(value) <= 0),
          actual(Query.builder().maximumAge(age).build()), "maximum_age " + age);
    }
    assertEquals(expected(s -> s.getMinimumAge() != null && s.getMinimumAge().compareTo(new BigDecimal("2.5")) >= 0),
        actual(Query.builder().minimumAge(new BigDecimal("2.5")).build()));
  }

  @Test
  void dayAndTimesApplyToOneSchedule() {
    for (DayOfWeek day : DayOfWeek.values()) {
      assertEquals(expected(openOn(day, null, null)), actual(Query.builder().day(day).build()), day.toString());
    }
    for (LocalTime start : List.of(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(15, 30))) {
      assertEquals(expected(openOn(null, start, null)), actual(Query.builder().startTime(start).build()));
    }
    for (LocalTime end : List.of(LocalTime.of(12, 0), LocalTime.of(17, 0), LocalTime.of(21, 0))) {
      assertEquals(expected(openOn(null, null, end)), actual(Query.builder().endTime(end).build()));
    }
    Query tuesdayMorning = Query.builder().day(DayOfWeek.TUESDAY).startTime(LocalTime.of(9, 0))
        .endTime(LocalTime.of(12, 0)).build();
    assertEquals(expected(openOn(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))), actual(tuesdayMorning));
    assertTrue(actual(Query.builder().day(DayOfWeek.SUNDAY).build()).contains("hand-cafe"), "monthly 2SU counts");
    assertFalse(actual(Query.builder().day(DayOfWeek.SATURDAY).startTime(LocalTime.of(9, 0))
        .endTime(LocalTime.of(12, 0)).build()).contains("hand-split"),
        "Saturday 14:00 and Monday 09:00 are different schedules, not one morning on Saturday");
  }

  @Test
  void randomCombinationsAreTheIntersectionOfTheirFilters() {
    SplittableRandom random = new SplittableRandom(99);
    List<String> organizations = data.stream().map(Service::getOrganizationId).distinct().toList();
    List<OffsetDateTime> times = data.stream().map(Service::getLastModified).filter(t -> t != null).sorted().toList();
    String[] searches = {"food", "support", "group", "help", "club", "advice", "the", "young people"};
    int nonEmpty = 0;
    for (int round = 0; round < 300; round++) {
      Query.Builder query = Query.builder();
      List<Predicate<Service>> filters = new ArrayList<>();
      if (random.nextInt(3) == 0) {
        String search = searches[random.nextInt(searches.length)];
        query.search(search);
        filters.add(searchFor(search));
      }
      if (random.nextInt(3) == 0) {
        String term = sample.getTaxonomyTerms().get(random.nextInt(sample.getTaxonomyTerms().size())).getId();
        query.taxonomyTermId(term);
        filters.add(taggedWith(term));
      }
      if (random.nextInt(4) == 0) {
        String organization = organizations.get(random.nextInt(organizations.size()));
        query.organizationId(organization);
        filters.add(s -> organization.equals(s.getOrganizationId()));
      }
      if (random.nextInt(3) == 0) {
        OffsetDateTime since = times.get(random.nextInt(times.size()));
        query.modifiedAfter(since);
        filters.add(s -> s.getLastModified() != null && !s.getLastModified().isBefore(since));
      }
      if (random.nextInt(3) == 0) {
        int age = random.nextInt(20);
        query.minimumAge(age);
        filters.add(s -> s.getMinimumAge() != null && s.getMinimumAge().compareTo(BigDecimal.valueOf(age)) >= 0);
      }
      if (random.nextInt(3) == 0) {
        int age = 10 + random.nextInt(90);
        query.maximumAge(age);
        filters.add(s -> s.getMaximumAge() != null && s.getMaximumAge().compareTo(BigDecimal.valueOf(age)) <= 0);
      }
      DayOfWeek day = random.nextInt(3) == 0 ? DayOfWeek.of(1 + random.nextInt(7)) : null;
      LocalTime start = random.nextInt(4) == 0 ? LocalTime.of(8 + random.nextInt(8), 0) : null;
      LocalTime end = random.nextInt(4) == 0 ? LocalTime.of(12 + random.nextInt(10), 30) : null;
      if (day != null || start != null || end != null) {
        query.day(day).startTime(start).endTime(end);
        filters.add(openOn(day, start, end));
      }
      Predicate<Service> all = filters.stream().reduce(s -> true, Predicate::and);
      List<String> expected = expected(all);
      assertEquals(expected, actual(query.build()), query.build()::toString);
      if (!expected.isEmpty() && filters.size() >= 2) {
        nonEmpty++;
      }
    }
    assertTrue(nonEmpty > 30, "enough combinations of two or more filters matched something: " + nonEmpty);
  }

  // ------------------------------------------------------------------------------------ locations

  private static List<ServiceAtLocation> links() {
    List<ServiceAtLocation> links = new ArrayList<>();
    for (Service service : data) {
      if (!service.getServiceAtLocations().isEmpty()) {
        links.addAll(service.getServiceAtLocations());
      }
    }
    return links;
  }

  private static List<String> actualLinks(Query query) {
    List<String> ids = new ArrayList<>();
    directory.streamServiceAtLocations(query).forEach(link -> ids.add(link.getId()));
    Results<ServiceAtLocation> page = directory.serviceAtLocations(query, PageRequest.of(1, 10));
    assertEquals(ids.size(), page.totalItems());
    assertEquals(ids.subList(0, Math.min(10, ids.size())), page.items().stream().map(ServiceAtLocation::getId).toList());
    return ids;
  }

  /** Where the data puts a postcode: the mean position of its locations, and its addresses' areas. */
  private static Map.Entry<double[], Set<String>> placeOf(String postcode) {
    double lat = 0;
    double lon = 0;
    int n = 0;
    Set<String> areas = new LinkedHashSet<>();
    for (ServiceAtLocation link : links()) {
      Location location = link.getLocation();
      if (location.getLatitude() == null || location.getAddresses().isEmpty()) {
        continue;
      }
      for (Address address : location.getAddresses()) {
        if (postcode.equals(address.getPostalCode())) {
          lat += location.getLatitude().doubleValue();
          lon += location.getLongitude().doubleValue();
          n++;
          for (String area : new String[] {address.getCity(), address.getStateProvince(), address.getRegion()}) {
            if (area != null) {
              areas.add(area.toLowerCase(Locale.ROOT));
            }
          }
        }
      }
    }
    assertTrue(n > 0, postcode);
    return Map.entry(new double[] {lat / n, lon / n}, areas);
  }

  @Test
  void postcodeAndProximity() {
    List<String> postcodes = links().stream().map(ServiceAtLocation::getLocation)
        .filter(l -> l.getLatitude() != null && !l.getAddresses().isEmpty())
        .map(l -> l.getAddresses().get(0).getPostalCode()).distinct().limit(12).toList();
    int found = 0;
    for (String postcode : postcodes) {
      double[] centre = placeOf(postcode).getKey();
      for (int metres : new int[] {500, 3_000, 20_000, 400_000}) {
        List<String> expected = links().stream().filter(link -> link.getLocation().getLatitude() != null
            && metres(centre[0], centre[1], link.getLocation().getLatitude().doubleValue(),
            link.getLocation().getLongitude().doubleValue()) <= metres).map(ServiceAtLocation::getId).toList();
        String typed = postcode.toLowerCase(Locale.ROOT).replace(" ", "");
        assertEquals(expected, actualLinks(Query.builder().postcode(typed).proximity(metres).build()),
            postcode + " within " + metres);
        found += expected.size();
      }
    }
    assertTrue(found > 100, "proximity searches found locations: " + found);
  }

  @Test
  void postcodeAloneMatchesServiceAreasAndCombinesWithServiceFilters() {
    List<String> postcodes = links().stream().map(ServiceAtLocation::getLocation)
        .filter(l -> l.getLatitude() != null && !l.getAddresses().isEmpty())
        .map(l -> l.getAddresses().get(0).getPostalCode()).distinct().limit(25).toList();
    int matched = 0;
    for (String candidate : postcodes) {
      Set<String> areas = placeOf(candidate).getValue();
      Predicate<Service> covers = s -> s.getServiceAreas().stream()
          .anyMatch(a -> a.getName() != null && areas.contains(a.getName().toLowerCase(Locale.ROOT)));
      List<String> expected = links().stream()
          .filter(link -> covers.test(serviceOf(link)))
          .map(ServiceAtLocation::getId).toList();
      assertEquals(expected, actualLinks(Query.builder().postcode(candidate).build()), candidate);
      matched += expected.isEmpty() ? 0 : 1;
    }
    assertTrue(matched >= 5, "postcodes whose areas some services cover: " + matched);
    String postcode = postcodes.get(0);

    Query both = Query.builder().postcode(postcode).proximity(30_000).search("support").build();
    double[] centre = placeOf(postcode).getKey();
    List<String> near = links().stream().filter(link -> link.getLocation().getLatitude() != null
        && metres(centre[0], centre[1], link.getLocation().getLatitude().doubleValue(),
        link.getLocation().getLongitude().doubleValue()) <= 30_000
        && searchFor("support").test(serviceOf(link)))
        .map(ServiceAtLocation::getId).toList();
    assertEquals(near, actualLinks(both));
  }

  private static Service serviceOf(ServiceAtLocation link) {
    return data.stream().filter(s -> s.getId().equals(link.getServiceId())).findFirst().orElseThrow();
  }

  @Test
  void postcodesThatCannotBePlacedAreRefusedNamingThem() {
    InvalidQueryException shape = assertThrows(InvalidQueryException.class,
        () -> directory.serviceAtLocations(Query.builder().postcode("not a postcode").proximity(10).build(),
            PageRequest.of(1, 5)));
    assertEquals("postcode", shape.parameter());
    InvalidQueryException unknown = assertThrows(InvalidQueryException.class,
        () -> directory.serviceAtLocations(Query.builder().postcode("ZE2 9XX").proximity(10).build(),
            PageRequest.of(1, 5)));
    assertEquals("postcode", unknown.parameter());
    String known = links().get(0).getLocation().getAddresses().get(0).getPostalCode();
    String district = known.substring(0, known.indexOf(' '));
    assertFalse(actualLinks(Query.builder().postcode(district + " 9ZZ").proximity(50_000).build()).isEmpty(),
        "an unknown postcode in a known district is placed at the district");
  }

  @Test
  void serviceAtLocationsFollowTheirServicesFilters() {
    String term = sample.getTaxonomyTerms().get(9).getId();
    Set<String> services = Set.copyOf(expected(taggedWith(term)));
    List<String> expected = links().stream().filter(link -> services.contains(link.getServiceId()))
        .map(ServiceAtLocation::getId).toList();
    assertEquals(expected, actualLinks(Query.builder().taxonomyTermId(term).build()));
  }

  // ------------------------------------------------------------------------------------ the rest

  @Test
  void taxonomyTerms() {
    List<TaxonomyTerm> terms = new ArrayList<>(sample.getTaxonomyTerms());
    terms.addAll(otherTaxonomy().getTaxonomyTerms());
    Map<String, TaxonomyTerm> byId = new LinkedHashMap<>();
    terms.forEach(term -> byId.putIfAbsent(term.getId(), term));
    assertEquals(List.copyOf(byId.keySet()), terms(Query.all()));
    assertEquals(byId.values().stream().filter(t -> t.getParentId() == null).map(TaxonomyTerm::getId).toList(),
        terms(Query.builder().topOnly(true).build()));
    assertEquals(List.copyOf(byId.keySet()), terms(Query.builder().topOnly(false).build()));
    String parent = sample.getTaxonomyTerms().get(0).getId();
    List<String> children = byId.values().stream().filter(t -> parent.equals(t.getParentId()))
        .map(TaxonomyTerm::getId).toList();
    assertFalse(children.isEmpty());
    assertEquals(children, terms(Query.builder().parentId(parent).build()));
    assertEquals(List.of("other-term"), terms(Query.builder().taxonomyId("other-taxonomy").build()));
    assertEquals(byId.values().stream().filter(t -> tokens(t.getName() + " " + t.getDescription() + " "
        + t.getTerm()).contains("food")).map(TaxonomyTerm::getId).toList(), terms(Query.builder().search("Food").build()));
    assertEquals(List.of(), terms(Query.builder().topOnly(true).parentId(parent).build()), "AND: none is both");
  }

  private static List<String> terms(Query query) {
    return directory.taxonomyTerms(query, PageRequest.of(1, 100)).items().stream().map(TaxonomyTerm::getId).toList();
  }

  @Test
  void organizationsAreDistinctAndSearchable() {
    Map<String, Organization> expected = new LinkedHashMap<>();
    data.forEach(service -> expected.putIfAbsent(service.getOrganization().getId(), service.getOrganization()));
    Results<Organization> all = directory.organizations(Query.all(), PageRequest.of(1, 100));
    assertEquals(expected.size(), all.totalItems());
    List<String> ids = directory.streamOrganizations(Query.all()).map(Organization::getId).toList();
    assertEquals(List.copyOf(expected.keySet()), ids);
    List<String> church = expected.values().stream()
        .filter(o -> tokens(o.getName() + " " + o.getDescription()).containsAll(Set.of("church")))
        .map(Organization::getId).toList();
    assertEquals(church, directory.streamOrganizations(Query.builder().search("CHURCH").build())
        .map(Organization::getId).toList());
    Organization one = directory.organization(ids.get(3), false).orElseThrow();
    assertEquals(expected(s -> s.getOrganizationId().equals(ids.get(3))),
        one.getServices().stream().map(Service::getId).toList());
    assertTrue(one.getServices().stream().allMatch(s -> s.getSchedules().isEmpty()), "list items by default");
  }

  @Test
  void taxonomyByIdCarriesItsTerms() {
    Taxonomy found = directory.taxonomy(sample.getId()).orElseThrow();
    assertEquals(sample.getTaxonomyTerms().stream().map(TaxonomyTerm::getId).toList(),
        found.getTaxonomyTerms().stream().map(TaxonomyTerm::getId).toList());
    assertTrue(directory.taxonomies(Query.all(), PageRequest.of(1, 10)).items().stream()
        .allMatch(t -> t.getTaxonomyTerms().isEmpty()), "list items leave the terms out");
    assertTrue(directory.taxonomy("nope").isEmpty());
  }

  @Test
  void duplicateOrMissingIdsAreRefusedAtBuildTime() {
    Service service = handWritten().get(0);
    IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
        () -> InMemoryDirectory.builder().add(service).add(handWritten().get(0)).build());
    assertTrue(duplicate.getMessage().contains("hand-cafe"), duplicate.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> InMemoryDirectory.builder().add(new Service().name("No id")).build());
  }

  @Test
  void scalesToFiftyThousandServicesWithCorrectAnswers() {
    List<Service> many = new ArrayList<>(50_000);
    Map<String, Integer> perOrganization = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      String organization = "org-" + (i % 997);
      perOrganization.merge(organization, 1, Integer::sum);
      many.add(new Service().id("s" + i).name("Service " + i + (i % 10 == 0 ? " foodbank" : ""))
          .status(io.github.oruk.model.ServiceStatus.ACTIVE).organizationId(organization)
          .minimumAge(BigDecimal.valueOf(i % 19))
          .addAttributesItem(new Attribute().id("a" + i).taxonomyTermId("t" + (i % 50)))
          .addSchedulesItem(new Schedule().id("sc" + i).byday(DAYS[i % 7]).opensAt(LocalTime.of(8 + i % 10, 0))
              .closesAt(LocalTime.of(18, 0))));
    }
    InMemoryDirectory big = InMemoryDirectory.of(many);
    Query query = Query.builder().search("foodbank").taxonomyTermId("t10").organizationId("org-10")
        .minimumAge(10).day(DayOfWeek.of(1 + 10 % 7)).build();
    List<String> expected = many.stream().filter(s -> s.getName().endsWith("foodbank")
        && s.getAttributes().get(0).getTaxonomyTermId().equals("t10") && s.getOrganizationId().equals("org-10")
        && s.getMinimumAge().intValue() >= 10 && s.getSchedules().get(0).getByday().equals(DAYS[10 % 7]))
        .map(Service::getId).toList();
    assertEquals(expected, big.streamServices(query).map(Service::getId).toList());
    assertEquals(perOrganization.get("org-5"), (int) big.services(Query.builder().organizationId("org-5").build(),
        PageRequest.of(1, 10)).totalItems());
    assertEquals("s49990", big.services(Query.all(), PageRequest.of(5_000, 10)).items().get(0).getId());
  }

  // ------------------------------------------------------------------------------------ data

  private static Taxonomy otherTaxonomy() {
    return new Taxonomy().id("other-taxonomy").name("Local tags").description("Tags this council uses.")
        .addTaxonomyTermsItem(new TaxonomyTerm().id("other-term").name("Warm space")
            .description("Somewhere warm to spend the day.").taxonomyId("other-taxonomy"));
  }

  /** Services the generator would not make: accents, a monthly Sunday, two schedules on different days. */
  private static List<Service> handWritten() {
    Organization organization = new Organization().id("hand-org").name("Crème Café Collective")
        .description("Runs a café.");
    Service cafe = new Service().id("hand-cafe").name("Crème Brûlée Café").status(io.github.oruk.model.ServiceStatus.ACTIVE)
        .organizationId("hand-org").organization(organization)
        .description("Pâtisserie classes for all ages.")
        .minimumAge(new BigDecimal("2.5"))
        .addAttributesItem(new Attribute().id("hand-attr").linkId("hand-cafe").taxonomyTermId("other-term")
            .taxonomyTerm(new TaxonomyTerm().id("other-term").name("Warm space").description("Somewhere warm to"
                + " spend the day.").taxonomyId("other-taxonomy")))
        .addSchedulesItem(new Schedule().id("hand-sched").byday("2SU").opensAt(LocalTime.of(10, 0))
            .closesAt(LocalTime.of(12, 0)))
        .addServiceAreasItem(new ServiceArea().id("hand-area").name("Nowhere Special"));
    Service split = new Service().id("hand-split").name("Split Sessions").status(io.github.oruk.model.ServiceStatus.ACTIVE)
        .organizationId("hand-org").organization(organization)
        .addSchedulesItem(new Schedule().id("hand-sat").byday("SA").opensAt(LocalTime.of(14, 0))
            .closesAt(LocalTime.of(16, 0)))
        .addSchedulesItem(new Schedule().id("hand-mon").byday("MO").opensAt(LocalTime.of(9, 0))
            .closesAt(LocalTime.of(11, 0)));
    return List.of(cafe, split);
  }
}
