package io.github.oruk.hub.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.oruk.model.Address;
import io.github.oruk.model.Location;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

  private static final Deduplicator DEFAULTS = Deduplicator.builder().build();

  @Test
  void theSameServiceWrittenDifferentlyInTwoSourcesIsAMatch() {
    Service council = service("c1", "St Mary's Centre & Food Bank", "0117 496 0123", "BS1 5QH", "12 Church Road",
        51.4545, -2.5879).url("https://www.stmarys.example.org/food-bank");
    Service nhs = service("n9", "Saint Marys Ctr and Foodbank", null, "bs15qh", "12 Church Rd", 51.4547, -2.5881)
        .url("http://stmarys.example.org/food-bank/");
    placeOf(nhs).putExtension("phones", phones("+44 (0)117 496 0123")); // the phone on the location this time

    DedupResult result = DEFAULTS.run(List.of(new Source("council", List.of(council)), new Source("nhs", List.of(nhs))));

    assertEquals(1, result.pairs().size(), result.toString());
    Pair pair = result.pairs().get(0);
    assertEquals(new RecordKey("council", "c1"), pair.a());
    assertEquals(new RecordKey("nhs", "n9"), pair.b());
    assertEquals(Decision.MATCH, pair.decision(), pair.toString());
    assertEquals(List.of(new Cluster(List.of(pair.a(), pair.b()))), result.clusters());
  }

  @Test
  void branchesOfOneCharitySharingItsNationalNumberAndSiteAreNotMatches() {
    String[][] towns = {{"Leeds", "LS1 4AP", "53.800", "-1.549"}, {"Bradford", "BD1 1HY", "53.795", "-1.759"},
        {"Bristol", "BS1 4DJ", "51.454", "-2.588"}, {"York", "YO1 7HH", "53.960", "-1.082"}};
    List<Service> branches = new ArrayList<>();
    for (String[] town : towns) {
      branches.add(service(town[0], "Citizens Advice " + town[0], "0808 157 0192", town[1], "1 Market Street",
          Double.parseDouble(town[2]), Double.parseDouble(town[3]))
          .url("https://www.citizensadvice.example.org.uk/").email("advice@citizensadvice.example.org.uk"));
      // The same branches again, written another way.
      branches.add(service(town[0] + "-2", "CAB " + town[0], "08081570192", town[1], "1 Market St",
          Double.parseDouble(town[2]), Double.parseDouble(town[3])).url("https://citizensadvice.example.org.uk"));
    }

    DedupResult result = DEFAULTS.run(List.of(new Source("one", branches)));

    List<Pair> matches = result.matches();
    assertEquals(towns.length, matches.size(), "each branch matches its own second record only: " + matches);
    for (Pair match : matches) {
      assertEquals(match.a().id() + "-2", match.b().id(), match.toString());
    }
  }

  @Test
  void branchesWithOneNameAreToldApartByTheirPlaces() {
    Service leeds = service("l", "Citizens Advice", "0808 157 0192", "LS1 4AP", "1 Market Street", 53.800, -1.549)
        .url("https://www.citizensadvice.example.org.uk/").email("advice@citizensadvice.example.org.uk");
    Service york = service("y", "Citizens Advice", "0808 157 0192", "YO1 7HH", "1 Market Street", 53.960, -1.082)
        .url("https://www.citizensadvice.example.org.uk/").email("advice@citizensadvice.example.org.uk");

    assertEquals(List.of(), DEFAULTS.run(List.of(new Source("s", List.of(leeds, york)))).pairs(),
        "one name, one number, one site, one inbox; but 150 km apart");
  }

  @Test
  void aSharedPhoneAloneIsNotEnoughWhenNamesDiffer() {
    Service a = service("a", "Oakfield Food Bank", "0117 496 0555", null, null, Double.NaN, Double.NaN);
    Service b = service("b", "Ashwood Youth Club", "0117 496 0555", null, null, Double.NaN, Double.NaN);

    assertEquals(List.of(), DEFAULTS.run(List.of(new Source("s", List.of(a, b)))).pairs());
  }

  @Test
  void pairsWithinOneSourceAreReportedAndClustersJoinThroughMatches() {
    Service first = service("1", "Brookfield Lunch Club", "0161 496 0111", "M14 5RT", "3 Mill Lane", 53.45, -2.22);
    Service second = service("2", "Brookfield Lunch Club", "0161 4960111", "M14 5RT", "3 Mill Ln", 53.45, -2.22);
    Service third = service("3", "Lunch Club, Brookfeild", "+44 161 496 0111", "M145RT", "3 Mill Lane", 53.4501, -2.2201);

    DedupResult result = DEFAULTS.run(List.of(new Source("a", List.of(first, second)), new Source("b", List.of(third))));

    assertEquals(List.of("a/1-a/2", "a/1-b/3", "a/2-b/3"), result.pairs().stream()
        .map(pair -> pair.a().source() + "/" + pair.a().id() + "-" + pair.b().source() + "/" + pair.b().id())
        .toList(), "every pair, in order of a then b");
    assertTrue(result.pairs().stream().allMatch(pair -> pair.decision() == Decision.MATCH), result.toString());
    assertEquals(1, result.clusters().size());
    assertEquals(3, result.clusters().get(0).members().size());
  }

  @Test
  void reviewSitsBetweenTheThresholdsAndTheOutputIsTheSameEveryRun() {
    // The same name, but nothing else to compare: review, not match.
    Service a = service("a", "Elmbridge Wellbeing Hub", null, null, null, Double.NaN, Double.NaN);
    Service b = service("b", "Elmbridge Wellbeing Hub", null, null, null, Double.NaN, Double.NaN);
    List<Source> sources = List.of(new Source("x", List.of(a)), new Source("y", List.of(b)));

    DedupResult result = DEFAULTS.run(sources);

    assertEquals(1, result.pairs().size());
    assertEquals(Decision.REVIEW, result.pairs().get(0).decision(), result.toString());
    assertEquals(List.of(), result.clusters(), "reviews make no clusters");
    assertEquals(0.725, result.pairs().get(0).score(), 1e-9, "the name's 0.45, and half of each other weight");
    assertEquals(Decision.MATCH, Deduplicator.builder().matchThreshold(0.7).build().run(sources).pairs().get(0)
        .decision());
    assertEquals(result, DEFAULTS.run(sources));
  }

  @Test
  void aWordSharedByManyRecordsMakesNoBlockLargerThanTheCap() {
    List<Service> services = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      services.add(service("s" + i, "Community Food Bank " + i, null, null, null, Double.NaN, Double.NaN));
    }
    services.add(service("dup", "Community Food Bank 7", null, null, null, Double.NaN, Double.NaN));
    List<Profile> profiles = services.stream().map(s -> Profile.of(new RecordKey("s", s.getId()), s)).toList();
    Map<String, Integer> frequency = profiles.stream().flatMap(p -> p.name().stream())
        .collect(Collectors.toMap(word -> word, word -> 1, Integer::sum));

    int[][] blocks = Blocking.blocks(profiles, frequency, 50);

    assertTrue(blocks.length > 0);
    for (int[] block : blocks) {
      assertTrue(block.length <= 50, "a block of " + block.length);
    }
    DedupResult result = Deduplicator.builder().maxBlockSize(50).build().run(List.of(new Source("s", services)));
    assertTrue(result.pairs().stream().anyMatch(pair -> pair.a().id().equals("s7") && pair.b().id().equals("dup")),
        "the rare word 7 still blocks the two: " + result.pairs());
  }

  @Test
  void withoutBlockingEveryPairIsScored() {
    List<Service> same = List.of(
        service("1", "Alder Lane Allotments", null, null, null, Double.NaN, Double.NaN),
        service("2", "Alder Lane Allotments", null, null, null, Double.NaN, Double.NaN),
        service("3", "Alder Lane Allotments", null, null, null, Double.NaN, Double.NaN));
    List<Source> sources = List.of(new Source("s", same));

    assertEquals(List.of(), Deduplicator.builder().maxBlockSize(2).build().run(sources).pairs(),
        "every key is shared by three records, more than the cap");
    assertEquals(3, Deduplicator.builder().maxBlockSize(2).blocking(false).build().run(sources).pairs().size());
  }

  @Test
  void settingsOutOfRangeAreRefusedWithWhatToDo() {
    IllegalArgumentException above = assertThrows(IllegalArgumentException.class,
        () -> Deduplicator.builder().matchThreshold(0.6).reviewThreshold(0.7).build());
    assertTrue(above.getMessage().contains("review threshold (0.7) must not be above the match threshold (0.6)"),
        above.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Deduplicator.builder().matchThreshold(1.5));
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> DEFAULTS.run(List.of(new Source("a", List.of()), new Source("a", List.of()))));
    assertTrue(twice.getMessage().contains("two sources are called 'a'"), twice.getMessage());
  }

  @Test
  void servicesWithoutAnIdAreNamedByTheirPosition() {
    Service a = service(null, "Thornwell Youth Project", "0113 496 0777", "LS6 2AB", "4 Oak Road", 53.81, -1.56);
    Service b = service(null, "Thornwell Youth Project", "0113 496 0777", "LS6 2AB", "4 Oak Road", 53.81, -1.56);

    Pair pair = DEFAULTS.run(List.of(new Source("f", List.of(a, b)))).pairs().get(0);

    assertEquals(new RecordKey("f", "#1"), pair.a());
    assertEquals(new RecordKey("f", "#2"), pair.b());
  }

  // ------------------------------------------------------------------------------------------------ helpers

  static Service service(String id, String name, String phone, String postcode, String street, double latitude,
      double longitude) {
    Service service = new Service().id(id).name(name);
    if (phone != null) {
      service.putExtension("phones", phones(phone));
    }
    if (postcode != null || !Double.isNaN(latitude)) {
      Location location = new Location().id(id + "-l").name(name);
      if (!Double.isNaN(latitude)) {
        location.latitude(BigDecimal.valueOf(latitude)).longitude(BigDecimal.valueOf(longitude));
      }
      if (postcode != null) {
        location.addAddressesItem(new Address().address1(street).city("Town").postalCode(postcode).country("GB"));
      }
      service.addServiceAtLocationsItem(new ServiceAtLocation().id(id + "-sl").location(location));
    } else {
      service.addServiceAtLocationsItem(new ServiceAtLocation().id(id + "-sl").location(new Location().name("Online")));
    }
    return service;
  }

  static Location placeOf(Service service) {
    return service.getServiceAtLocations().get(0).getLocation();
  }

  static com.fasterxml.jackson.databind.node.ArrayNode phones(String number) {
    com.fasterxml.jackson.databind.node.ArrayNode list = JsonNodeFactory.instance.arrayNode();
    list.addObject().put("number", number);
    return list;
  }
}
