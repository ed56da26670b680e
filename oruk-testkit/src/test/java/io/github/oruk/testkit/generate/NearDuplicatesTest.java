package io.github.oruk.testkit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.testkit.generate.LabelledSet.Labelled;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

  private static final List<Service> BASE = DataGenerator.builder().seed(5).asOf(LocalDate.of(2026, 12, 1)).build()
      .services(600).toList();
  private static final OrukJson JSON = OrukJson.builder().keepExtensions(true).build();

  @Test
  void theSameSeedGivesTheSameSetAndTheInputIsNotChanged() {
    byte[] before = JSON.write(BASE.get(0));
    NearDuplicates injector = NearDuplicates.builder().seed(3).build();

    LabelledSet one = injector.inject(BASE);
    LabelledSet two = injector.inject(BASE);

    assertEquals(one, two);
    assertNotEquals(one.records(), NearDuplicates.builder().seed(4).build().inject(BASE).records());
    assertEquals(new String(before), new String(JSON.write(BASE.get(0))), "the caller's service is unchanged");
  }

  @Test
  void everyRecordIsInItsSourceWithAnIdOfItsOwnAndTheGroundTruthGroupsTheCopies() {
    LabelledSet set = NearDuplicates.builder().seed(3).sources("council", "nhs", "vcs").build().inject(BASE);

    assertEquals(List.of("council", "nhs", "vcs"), List.copyOf(set.sources().keySet()));
    assertEquals(set.size(), set.sources().values().stream().mapToInt(List::size).sum());
    Set<String> ids = new HashSet<>();
    Map<Integer, List<Labelled>> byEntity = new HashMap<>();
    for (Labelled record : set.records()) {
      assertTrue(ids.add(record.id()), "ids are unique across the set: " + record.id());
      assertTrue(set.sources().get(record.source()).stream().anyMatch(s -> record.id().equals(s.getId())));
      byEntity.computeIfAbsent(record.entity(), e -> new ArrayList<>()).add(record);
    }
    assertEquals(BASE.size(), byEntity.size(), "every service is an entity");
    long inThree = byEntity.values().stream().filter(copies -> copies.stream().map(Labelled::source).distinct()
        .count() == 3).count();
    long inOne = byEntity.values().stream().filter(copies -> copies.size() == 1).count();
    assertTrue(inThree > 60 && inOne > 200, inThree + " in three sources, " + inOne + " in one");
    assertTrue(byEntity.values().stream().anyMatch(copies -> copies.stream().map(Labelled::source).distinct()
        .count() < copies.size()), "some service is twice in one source");
    int expected = byEntity.values().stream().mapToInt(copies -> copies.size() * (copies.size() - 1) / 2).sum();
    assertEquals(expected, set.duplicatePairs().size());
    for (int[] pair : set.duplicatePairs()) {
      assertEquals(set.records().get(pair[0]).entity(), set.records().get(pair[1]).entity());
    }
  }

  @Test
  void copiesCarryTheVariationsTheySay() {
    LabelledSet set = NearDuplicates.builder().seed(3).build().inject(BASE);
    Map<Integer, Service> first = new HashMap<>();
    EnumSet<Variation> seen = EnumSet.noneOf(Variation.class);
    for (Labelled record : set.records()) {
      Service service = find(set, record);
      if (record.variations().isEmpty()) {
        first.putIfAbsent(record.entity(), service);
        continue;
      }
      seen.addAll(record.variations());
      Service original = first.get(record.entity());
      assertNotNull(original, "the first record of an entity comes first");
      if (record.variations().contains(Variation.NAME_TYPO)) {
        assertNotEquals(original.getName(), service.getName());
      }
      if (record.variations().contains(Variation.PHONE_FORMAT) && !phone(service).isEmpty()) {
        assertNotEquals(phone(original), phone(service), "written another way");
        assertEquals(digits(phone(original)).substring(1), tail(digits(phone(service))), "the same number");
      }
      if (record.variations().contains(Variation.PHONE_MOVED) && !phone(service).isEmpty()) {
        assertTrue(service.getExtensions().get("phones") == null, "no longer on the service");
      }
    }
    assertEquals(EnumSet.allOf(Variation.class), seen, "every variation occurs");
  }

  @Test
  void branchesShareTheirOrganizationsNumberAndSiteButNotTheirTown() {
    LabelledSet set = NearDuplicates.builder().seed(3).build().inject(BASE);
    Map<Integer, Set<String>> phones = new HashMap<>();
    Map<Integer, Set<String>> towns = new HashMap<>();
    Map<Integer, Set<Integer>> entities = new HashMap<>();
    for (Labelled record : set.records()) {
      if (record.branch() && record.variations().isEmpty()) {
        Service service = find(set, record);
        phones.computeIfAbsent(record.family(), f -> new HashSet<>()).add(phone(service));
        towns.computeIfAbsent(record.family(), f -> new HashSet<>())
            .add(JSON.writeTree(service).findValue("addresses").get(0).get("city").asText());
        entities.computeIfAbsent(record.family(), f -> new HashSet<>()).add(record.entity());
      }
    }
    assertTrue(phones.size() >= 10, phones.size() + " families");
    for (int family : phones.keySet()) {
      assertEquals(1, phones.get(family).size(), "one number for the family: " + phones.get(family));
      assertTrue(entities.get(family).size() >= 3, "three branches or more");
      assertEquals(entities.get(family).size(), towns.get(family).size(), "each in its own town");
    }
  }

  @Test
  void phoneFormatsTyposAndWordOrderAreWhatPeopleWrite() {
    SplittableRandom random = new SplittableRandom(1);
    Set<String> formats = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      formats.add(NearDuplicates.reformatPhone("0117 496 0123", random));
    }
    assertEquals(Set.of("01174960123", "+44 117 496 0123", "+44 (0)117 496 0123", "(0117) 4960123",
        "0044 117 4960123", "0117-4960123"), formats);
    assertEquals("Food Bank Oakfield", NearDuplicates.reorder("Oakfield Food Bank", new SplittableRandom(2))
        .replace(",", ""));
    String typo = NearDuplicates.typo("Oakfield Food Bank", new SplittableRandom(3));
    assertNotEquals("Oakfield Food Bank", typo);
    assertEquals('O', typo.charAt(0));
    assertThrows(IllegalArgumentException.class, () -> NearDuplicates.builder().sources("a", "a"));
  }

  private static Service find(LabelledSet set, Labelled record) {
    return set.sources().get(record.source()).stream().filter(s -> record.id().equals(s.getId())).findFirst()
        .orElseThrow();
  }

  /** The first phone number wherever it is held (service, location or contact). */
  private static String phone(Service service) {
    JsonNode tree = JSON.writeTree(service);
    List<JsonNode> found = tree.findValues("phones");
    return found.isEmpty() ? "" : found.get(0).get(0).get("number").asText();
  }

  private static String digits(String phone) {
    return phone.replaceAll("[^0-9]", "");
  }

  /** The national number without its leading 0 or 44. */
  private static String tail(String digits) {
    String d = digits.startsWith("0044") ? digits.substring(4) : digits.startsWith("44") ? digits.substring(2) : digits;
    return d.startsWith("0") ? d.substring(1) : d;
  }
}
