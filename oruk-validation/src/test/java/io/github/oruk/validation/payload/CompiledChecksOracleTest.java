package io.github.oruk.validation.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.Upstream;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.OrukReadException;
import io.github.oruk.testkit.generate.DataGenerator;
import io.github.oruk.testkit.generate.Quirk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The oracle: the compiled checks and networknt, each on the same derived schemas, must find the same violations —
 * the same (pointer, keyword) pairs, as many times each, and at the same schema locations — in every document, in
 * both variants. The documents are
 * records of every type and pages of every listed type, cut from generated services with every quirk at a high
 * rate, and then mutated at random (a property dropped, a value of the wrong type, a bad format or enumeration
 * value, extra nesting, nulls, huge and fractional numbers, empty strings, arrays where objects go, ...). Every
 * document is read by the engine's own reader, so the trees have the number types the engine gives the checkers.
 *
 * <p>Seeded: a failure names the seed and the document, and prints it. {@code -Doruk.oracle.documents=100000} runs
 * more; {@code -Doruk.oracle.seed=N} another sequence. A difference that is meant is listed in the README
 * ("Payload checks") and in {@link #DEVIATIONS}.
 */
class CompiledChecksOracleTest {

  /** Keeps numbers as written ({@code 1.0}, {@code 1e400}), so that only the engine's reader decides their type. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();
  private static final OrukJson READER = OrukJson.lenient();
  private static final int DOCUMENTS = Integer.getInteger("oruk.oracle.documents", 10_000);
  private static final long SEED = Long.getLong("oruk.oracle.seed", 19L);
  /** Documented differences between the two checkers; none so far. */
  private static final List<String> DEVIATIONS = List.of();

  /** Values a mutation puts in place of another: every JSON type, and the edges of each format and number. */
  private static final List<String> VALUES = List.of(
      "\"\"", "\" \"", "\"x\"", "\"not-a-uuid\"", "\"3fa85f64-5717-4562-b3fc-2c963f66afa6\"",
      "\"3FA85F64-5717-4562-B3FC-2C963F66AFA6\"", "\"3fa85f6457174562b3fc2c963f66afa6\"",
      "\"{3fa85f64-5717-4562-b3fc-2c963f66afa6}\"", "\"3fa85f64-5717-4562-b3fc-2c963f66afa\"",
      "\"2026-12-01\"", "\"2026-02-30\"", "\"2026-13-01\"", "\"01/12/2026\"", "\"2026-12-01T09:30:00Z\"",
      "\"2026-12-01T09:30:00\"", "\"2026-12-01T09:30:00+01:00\"", "\"2026-12-01t09:30:00z\"",
      "\"2026-12-01T24:00:00Z\"", "\"2026-12-31T23:59:60Z\"", "\"2026-12-01 09:30:00Z\"", "\"yesterday\"",
      "\"https://example.org/services/1\"", "\"www.example.org/no scheme\"", "\"https://example.org/a b\"",
      "\"mailto:someone@example.org\"", "\"urn:isbn:0451450523\"", "\"//example.org\"", "\"http://[::1]:80/\"",
      "\"http://exa mple.org\"", "\"someone@example.org\"", "\"someone@example\"", "\"someone@@example.org\"",
      "\"some one@example.org\"", "\"someone@[127.0.0.1]\"", "\"active\"", "\"ACTIVE\"", "\"temporarily closed\"",
      "\"physical\"", "\"virtual\"", "\"WEEKLY\"", "\"weekly\"", "\"09:30\"", "\"9:30\"", "\"09:30:00\"",
      "\"09:30:00Z\"", "\"09:30:00+01:00\"", "\"24:00\"", "\"09:30\\n\"", "\"09:30:00.123456789\"",
      "\"09:30:00.1234567890\"", "\"MO,TU\"", "\"\\u00e9t\\u00e9\"", "\"caf\\u00e9@example.org\"",
      "0", "-0", "1", "-1", "2", "0.5", "-0.5", "1.0", "-0.0", "2.5", "1E2", "1e-7", "1e400", "-1e400", "1e-400",
      "9223372036854775807", "9223372036854775808", "-9223372036854775809",
      "123456789012345678901234567890", "-123456789012345678901234567890", "18446744073709551616",
      "true", "false", "null", "[]", "{}", "[null]", "[1]", "[\"x\"]", "{\"id\":\"x\"}", "[{}]");

  /** Properties with a pattern, a minimum or an enumeration (in some schema). */
  private static final List<String> FOCUS = List.of("page_number", "total_items", "total_pages", "size", "opens_at",
      "closes_at", "status", "freq", "location_type", "address_type");

  @Test
  void compiledChecksFindWhatNetworkntFinds() {
    Tally tally = agree(bases(), DOCUMENTS, SEED);
    // The documents must exercise every keyword the schemas use, and both verdicts, or the agreement says little.
    for (String keyword : List.of("type", "required", "format", "enum", "pattern", "minimum")) {
      assertTrue(tally.keywords.getOrDefault(keyword, 0) >= 20, "too few '" + keyword + "' violations: "
          + tally.keywords);
    }
    assertTrue(tally.failing > tally.checked / 4 && tally.failing < tally.checked * 9 / 10,
        tally.failing + " of " + tally.checked + " checks found violations; both verdicts must be well represented");
    assertTrue(tally.unreadable < DOCUMENTS / 20, tally.unreadable + " documents could not be read");
  }

  /** The published examples (records and list pages of each listed type), as they are and mutated. */
  @Test
  void compiledChecksFindWhatNetworkntFindsInThePublishedExamples() throws IOException {
    Path examples = Upstream.require("oruk-standard/3.0/examples");
    List<Document> bases = new ArrayList<>();
    for (RecordType type : List.of(RecordType.SERVICE, RecordType.ORGANIZATION, RecordType.SERVICE_AT_LOCATION,
        RecordType.TAXONOMY, RecordType.TAXONOMY_TERM)) {
      String name = type.standardName();
      Path record = examples.resolve(name + (Files.exists(examples.resolve(name + "_full.json")) ? "_full.json"
          : ".json"));
      bases.add(new Document(type, false, tree(Files.readAllBytes(record))));
      bases.add(new Document(type, true, tree(Files.readAllBytes(examples.resolve(name + "_list.json")))));
    }
    Tally tally = agree(bases, DOCUMENTS / 5, SEED + 1);
    assertTrue(tally.failing > 0 && tally.failing < tally.checked, tally.failing + " of " + tally.checked);
  }

  /** What the documents held: how many checks were made, how many found violations, of which keywords. */
  private static final class Tally {
    final Map<String, Integer> keywords = new TreeMap<>();
    int checked;
    int failing;
    int unreadable;
  }

  /** Runs {@code count} documents (the bases, mutated) through both checkers in both variants; fails on a difference. */
  private static Tally agree(List<Document> bases, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Tally tally = new Tally();
    for (int k = 0; k < count; k++) {
      Document base = bases.get(random.nextInt(bases.size()));
      JsonNode tree = base.tree.deepCopy();
      int mutations = random.nextInt(10) < 2 ? 0 : 1 + random.nextInt(3);
      for (int m = 0; m < mutations; m++) {
        tree = mutate(tree, random);
      }
      byte[] bytes = bytes(tree);
      JsonNode document;
      try {
        document = READER.readTree(bytes, new ArrayList<>());
      } catch (OrukReadException e) {
        tally.unreadable++;
        continue;
      }
      for (SchemaVariant variant : SchemaVariant.values()) {
        List<String> expected = pairs(NetworkntPayloadValidator.of(variant).validate(base.type, base.page, document));
        List<String> actual = pairs(CompiledPayloadValidator.of(variant).validate(base.type, base.page, document));
        if (!expected.equals(actual) && !DEVIATIONS.contains(base.definition() + " " + expected + " " + actual)) {
          fail("document " + k + " of seed " + seed + " (" + base.definition() + ", " + variant
              + "): networknt found " + expected + " but the compiled checks found " + actual
              + "\n" + new String(bytes, StandardCharsets.UTF_8));
        }
        tally.checked++;
        if (!expected.isEmpty()) {
          tally.failing++;
        }
        for (String pair : expected) {
          tally.keywords.merge(pair.substring(pair.lastIndexOf(' ') + 1), 1, Integer::sum);
        }
      }
    }
    return tally;
  }

  @Test
  void theSwitchChoosesTheCheckerAndRefusesAnUnknownOne() {
    String before = System.getProperty(PayloadValidator.IMPLEMENTATION_PROPERTY);
    try {
      System.clearProperty(PayloadValidator.IMPLEMENTATION_PROPERTY);
      assertEquals(CompiledPayloadValidator.class, PayloadValidator.of(SchemaVariant.STRICT).getClass());
      System.setProperty(PayloadValidator.IMPLEMENTATION_PROPERTY, "networknt");
      assertEquals(NetworkntPayloadValidator.class, PayloadValidator.of(SchemaVariant.PARITY).getClass());
      System.setProperty(PayloadValidator.IMPLEMENTATION_PROPERTY, "ajv");
      IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> PayloadValidator.of(SchemaVariant.STRICT));
      assertTrue(refused.getMessage().contains("compiled") && refused.getMessage().contains("networknt"),
          refused.getMessage());
    } finally {
      if (before == null) {
        System.clearProperty(PayloadValidator.IMPLEMENTATION_PROPERTY);
      } else {
        System.setProperty(PayloadValidator.IMPLEMENTATION_PROPERTY, before);
      }
    }
  }

  /** A document to mutate: a record of a type, or a page of records of a type. */
  private record Document(RecordType type, boolean page, JsonNode tree) {
    String definition() {
      return DerivedSchemas.definition(type, page);
    }
  }

  /**
   * (pointer, schema location, keyword) of each violation, sorted, repeats kept. The issue asks for the same
   * pointers and keywords; the schema locations agree too, so they are held to it as well.
   */
  private static List<String> pairs(List<SchemaViolation> violations) {
    return violations.stream().map(v -> v.pointer() + " " + v.schemaLocation() + " " + v.keyword()).sorted().toList();
  }

  /**
   * Records of every type (nested records cut out of generated services, found by walking them with the schema),
   * and pages of 0 to 3 records of every listed type.
   */
  private static List<Document> bases() {
    DataGenerator generator = DataGenerator.builder().seed(SEED).asOf(LocalDate.of(2026, 12, 1))
        .quirks(EnumSet.allOf(Quirk.class)).quirkRate(0.6).build();
    JsonNode schemas = tree(DerivedSchemas.document(SchemaVariant.STRICT).getBytes(StandardCharsets.UTF_8))
        .get("$defs");
    Map<String, RecordType> types = new HashMap<>();
    for (RecordType type : RecordType.values()) {
      types.put(DerivedSchemas.definition(type, false), type);
    }
    Map<RecordType, List<JsonNode>> records = new EnumMap<>(RecordType.class);
    for (int k = 0; k < 60; k++) {
      collect(tree(generator.serviceJson(k)), "Service", schemas, types, records);
    }
    collect(tree(bytes(JSON.valueToTree(generator.sampleTaxonomy()))), "Taxonomy", schemas, types, records);
    records.computeIfAbsent(RecordType.PHONE, t -> new ArrayList<>()).add(tree(
        "{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"number\":\"01234 567890\",\"languages\":[]}"));
    records.computeIfAbsent(RecordType.API_DETAILS, t -> new ArrayList<>()).add(tree(
        "{\"version\":\"HSDS-UK-3.0\",\"profile\":\"https://example.org/profile\","
            + "\"openapi_url\":\"https://example.org/openapi.json\"}"));
    records.computeIfAbsent(RecordType.ORGANIZATION_IDENTIFIER, t -> new ArrayList<>()).add(tree(
        "{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"identifier_type\":\"charity\",\"identifier\":\"123\"}"));
    List<Document> bases = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(SEED);
    for (RecordType type : RecordType.values()) {
      List<JsonNode> found = records.getOrDefault(type, List.of());
      assertTrue(!found.isEmpty(), "no " + type + " record to start from");
      found.stream().limit(40).forEach(record -> bases.add(new Document(type, false, record)));
      boolean listed = !type.equals(RecordType.API_DETAILS);
      try {
        DerivedSchemas.definition(type, true);
      } catch (IllegalArgumentException notListed) {
        listed = false;
      }
      for (int p = 0; listed && p < 20; p++) {
        int size = random.nextInt(4);
        ObjectNode page = JSON.createObjectNode();
        page.put("total_items", 120).put("total_pages", 40).put("page_number", 1 + random.nextInt(40))
            .put("size", size).put("first_page", false).put("last_page", false).put("empty", size == 0);
        ArrayNode contents = page.putArray("contents");
        for (int i = 0; i < size; i++) {
          contents.add(found.get(random.nextInt(found.size())).deepCopy());
        }
        bases.add(new Document(type, true, page));
      }
    }
    return bases;
  }

  /** Every object that the schema says is a record of some type, by type, walking schema and instance together. */
  private static void collect(JsonNode node, String definition, JsonNode schemas, Map<String, RecordType> types,
      Map<RecordType, List<JsonNode>> records) {
    RecordType type = types.get(definition);
    if (type == null || !node.isObject()) {
      return;
    }
    records.computeIfAbsent(type, t -> new ArrayList<>()).add(node);
    JsonNode properties = schemas.path(definition).path("properties");
    node.properties().forEach(property -> {
      JsonNode schema = properties.path(property.getKey());
      JsonNode ref = schema.has("items") ? schema.get("items").path("$ref") : schema.path("$ref");
      if (ref.isTextual()) {
        String target = ref.asText().substring("#/$defs/".length());
        if (property.getValue().isArray()) {
          property.getValue().forEach(item -> collect(item, target, schemas, types, records));
        } else {
          collect(property.getValue(), target, schemas, types, records);
        }
      }
    });
  }

  /** The tree with one random change at a random place (the root included). */
  private static JsonNode mutate(JsonNode root, SplittableRandom random) {
    List<JsonNode> containers = new ArrayList<>();
    containers(root, containers);
    if (random.nextInt(4) == 0) {
      // The few properties with a pattern, a minimum or an enumeration would rarely be hit by chance alone.
      List<JsonNode> focused = containers.stream()
          .filter(c -> FOCUS.stream().anyMatch(c::has)).toList();
      if (!focused.isEmpty()) {
        ObjectNode object = (ObjectNode) focused.get(random.nextInt(focused.size()));
        List<String> names = FOCUS.stream().filter(object::has).toList();
        object.set(names.get(random.nextInt(names.size())), value(random));
        return root;
      }
    }
    JsonNode parent = containers.get(random.nextInt(containers.size()));
    int operation = random.nextInt(10);
    if (parent.isObject()) {
      ObjectNode object = (ObjectNode) parent;
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      if (names.isEmpty() || operation == 0) {
        object.set(random.nextBoolean() ? "extension_" + random.nextInt(3) : "id", value(random));
        return root;
      }
      String name = names.get(random.nextInt(names.size()));
      JsonNode child = object.get(name);
      switch (operation) {
        case 1, 2 -> object.remove(name);
        case 3 -> object.set(name, wrap(child, random));
        case 4 -> object.set(name, edit(child, random));
        default -> object.set(name, value(random));
      }
    } else {
      ArrayNode array = (ArrayNode) parent;
      if (array.isEmpty() || operation == 0) {
        array.add(random.nextBoolean() ? value(random) : JSON.createObjectNode());
        return root;
      }
      int index = random.nextInt(array.size());
      switch (operation) {
        case 1 -> array.remove(index);
        case 2 -> array.removeAll();
        case 3 -> array.set(index, wrap(array.get(index), random));
        case 4 -> array.set(index, edit(array.get(index), random));
        default -> array.set(index, value(random));
      }
    }
    if (random.nextInt(20) == 0 && root.isObject()) {
      return JSON.createArrayNode().add(root);     // an array where the document's object goes
    }
    return root;
  }

  private static void containers(JsonNode node, List<JsonNode> found) {
    if (node.isContainerNode()) {
      found.add(node);
      node.forEach(child -> containers(child, found));
    }
  }

  private static JsonNode value(SplittableRandom random) {
    return tree(VALUES.get(random.nextInt(VALUES.size())));
  }

  /** Extra nesting: the value in an array, or under a property of an object. */
  private static JsonNode wrap(JsonNode value, SplittableRandom random) {
    return random.nextBoolean() ? JSON.createArrayNode().add(value) : JSON.createObjectNode().set("value", value);
  }

  /** A small change to a string (its case, a line end, a cut) or to a number (its sign, a fraction). */
  private static JsonNode edit(JsonNode value, SplittableRandom random) {
    if (value.isTextual()) {
      String text = value.textValue();
      return JSON.getNodeFactory().textNode(switch (random.nextInt(4)) {
        case 0 -> text.toUpperCase(java.util.Locale.ROOT);
        case 1 -> text + "\n";
        case 2 -> text.isEmpty() ? " " : text.substring(0, text.length() - 1);
        default -> " " + text;
      });
    }
    if (value.isNumber()) {
      String text = value.toString();
      boolean plain = !text.contains(".") && !text.contains("e") && !text.contains("E");
      return tree(switch (random.nextInt(3)) {
        case 0 -> text.startsWith("-") ? text.substring(1) : "-" + text;
        case 1 -> plain ? text + ".5" : text + "1";
        default -> plain ? text + "e30" : text;
      });
    }
    return value(random);
  }

  private static JsonNode tree(String json) {
    return tree(json.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode tree(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(JsonNode tree) {
    try {
      return JSON.writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
