package io.github.oruk.testkit.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.ReadResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The written JSON follows the ORUK conventions: no nulls or empty values, identifiers that are UUIDs and
 * agree with each other, and a clean round trip through the reader.
 */
class GeneratedJsonShapeTest {

  private static final int SERVICES = 300;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static DataGenerator generator;
  private static List<byte[]> lines;
  private static List<JsonNode> trees;

  @BeforeAll
  static void generate() throws IOException {
    generator = DataGenerator.builder().seed(606).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    generator.writeNdjson(SERVICES, out);
    lines = NdjsonLines.split(out.toByteArray());
    trees = new ArrayList<>();
    for (byte[] line : lines) {
      trees.add(MAPPER.readTree(line));
    }
  }

  @Test
  void writesOneServicePerLine() {
    assertEquals(SERVICES, lines.size());
    for (JsonNode tree : trees) {
      assertTrue(tree.isObject() && tree.hasNonNull("id") && tree.hasNonNull("name") && tree.hasNonNull("status"));
    }
  }

  @Test
  void neverWritesNullOrEmptyValues() {
    List<String> problems = new ArrayList<>();
    for (int index = 0; index < trees.size(); index++) {
      int service = index;
      JsonWalk.walk(trees.get(index), (pointer, node) -> {
        if (node.isNull()) {
          problems.add(service + pointer + ": null");
        } else if (node.isArray() && node.isEmpty()) {
          problems.add(service + pointer + ": []");
        } else if (node.isObject() && node.isEmpty()) {
          problems.add(service + pointer + ": {}");
        } else if (node.isTextual() && node.asText().isBlank()) {
          problems.add(service + pointer + ": blank text");
        }
      });
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void readsBackWithoutFindingsAndWritesTheSameBytes() {
    for (int index = 0; index < lines.size(); index++) {
      byte[] line = lines.get(index);
      ReadResult<Service> lenient = OrukJson.lenient().read(line, Service.class);
      assertEquals(List.of(), lenient.findings(), "service " + index);
      assertArrayEquals(line, OrukJson.lenient().write(lenient.value()), "service " + index + " changed");
      assertEquals(List.of(), OrukJson.strict().read(line, Service.class).findings());
    }
  }

  @Test
  void identifiersAreUuidsAndRecordIdsUseTheVersion4Layout() {
    Set<String> termIds = new HashSet<>();
    generator.sampleTaxonomy().getTaxonomyTerms().forEach(term -> termIds.add(term.getId()));
    String taxonomyId = generator.sampleTaxonomy().getId();
    List<String> problems = new ArrayList<>();
    for (JsonNode tree : trees) {
      JsonWalk.walk(tree, (pointer, node) -> {
        String name = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (!(name.equals("id") || name.endsWith("_id"))) {
          return;
        }
        String value = node.asText();
        if (!isUuid(value)) {
          problems.add(pointer + " is not a UUID: " + value);
        } else if (termIds.contains(value) || value.equals(taxonomyId)) {
          return; // fixed, name-based ids of the sample vocabulary
        } else if (value.charAt(14) != '4' || "89ab".indexOf(value.charAt(19)) < 0) {
          problems.add(pointer + " is not in the version-4 layout: " + value);
        }
      });
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void recordIdsAreUniqueAcrossTheFeed() {
    Map<String, String> seen = new HashMap<>();
    List<String> clashes = new ArrayList<>();
    for (int index = 0; index < trees.size(); index++) {
      int service = index;
      JsonWalk.walk(trees.get(index), (pointer, node) -> {
        if (!pointer.endsWith("/id") && !pointer.equals("/id")) {
          return;
        }
        String shape = JsonWalk.shape(pointer);
        if (shape.startsWith("/organization") || shape.contains("taxonomy_term")) {
          return; // shared on purpose
        }
        String previous = seen.put(node.asText(), service + pointer);
        if (previous != null) {
          clashes.add(node.asText() + " at " + previous + " and " + service + pointer);
        }
      });
    }
    assertEquals(List.of(), clashes);
  }

  @Test
  void foreignKeysPointAtTheRecordsThatHoldThem() {
    for (JsonNode service : trees) {
      String id = service.get("id").asText();
      assertEquals(service.get("organization").get("id"), service.get("organization_id"));
      for (String list : List.of("schedules", "service_areas", "languages", "funding", "cost_options",
          "contacts", "service_at_locations")) {
        for (JsonNode item : service.path(list)) {
          assertEquals(id, item.get("service_id").asText(), list + " of " + id);
        }
      }
      Set<String> linkIds = new HashSet<>();
      for (JsonNode link : service.get("service_at_locations")) {
        linkIds.add(link.get("id").asText());
        JsonNode location = link.get("location");
        assertEquals(location.get("id"), link.get("location_id"));
        for (String list : List.of("addresses", "accessibility")) {
          for (JsonNode item : location.path(list)) {
            assertEquals(location.get("id"), item.get("location_id"), list + " of location " + location.get("id"));
          }
        }
      }
      for (JsonNode schedule : service.path("schedules")) {
        if (schedule.has("service_at_location_id")) {
          assertTrue(linkIds.contains(schedule.get("service_at_location_id").asText()));
        }
      }
      for (JsonNode attribute : service.get("attributes")) {
        assertEquals(id, attribute.get("link_id").asText());
        assertEquals(attribute.get("taxonomy_term").get("id"), attribute.get("taxonomy_term_id"));
      }
      for (JsonNode identifier : service.get("organization").path("organization_identifiers")) {
        assertEquals(service.get("organization_id"), identifier.get("organization_id"));
      }
    }
  }

  @Test
  void lastModifiedHasMillisecondsInUtc() {
    int withMillis = 0;
    int total = 0;
    for (JsonNode service : trees) {
      if (service.has("last_modified")) {
        String text = service.get("last_modified").asText();
        assertTrue(text.endsWith("Z"), text);
        total++;
        withMillis += text.length() == "2024-01-01T00:00:00.000Z".length() ? 1 : 0;
      }
    }
    assertTrue(withMillis > total * 0.95, withMillis + " of " + total + " have milliseconds");
  }

  private static boolean isUuid(String text) {
    if (text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
