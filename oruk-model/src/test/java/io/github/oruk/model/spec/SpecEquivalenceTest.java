package io.github.oruk.model.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.oruk.model.Upstream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project's spec document states the same entities as the published ORUK 3.0 schema files: the
 * same properties, types, formats, enumerations, references and required lists. Every difference must
 * be listed in KNOWN-DEVIATIONS.md; a listed deviation that no longer exists fails too, so the list
 * stays true.
 */
class SpecEquivalenceTest {

  private static final Path SPEC = Path.of("src/main/spec/oruk-3.0.yaml");
  private static final Path DEVIATIONS = Path.of("KNOWN-DEVIATIONS.md");
  private static final String UPSTREAM_REF = "https://openreferraluk.org/specifications/3.0/schema/";
  /** A row of the machine-checked table: | `entity.property` | aspect | upstream | ours | reason | */
  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z_]+(?:\\.[a-z_]+)?)`\\s*\\|\\s*([a-z]+)\\s*\\|");

  private static JsonNode schemas;

  @BeforeAll
  static void loadSpec() throws IOException {
    schemas = new YAMLMapper().readTree(SPEC.toFile()).path("components").path("schemas");
  }

  /** Entity schemas of the published set; lists, packages and the compiled copy are not entities. */
  static List<Path> upstreamEntities() throws IOException {
    Path dir = Upstream.require("oruk-standard/3.0/schema");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> {
        String name = f.getFileName().toString();
        return name.endsWith(".json") && !name.endsWith("_list.json") && !name.endsWith("_package.json")
            && !name.equals("service_with_definitions.json");
      }).sorted().toList();
    }
  }

  @Test
  void everyUpstreamEntityHasTheSameShapeExceptListedDeviations() throws IOException {
    Set<String> found = new TreeSet<>();
    for (Path file : upstreamEntities()) {
      String entity = file.getFileName().toString().replace(".json", "");
      JsonNode upstream = new ObjectMapper().readTree(file.toFile());
      JsonNode ours = schemas.get(componentName(entity));
      if (ours == null) {
        found.add(key(entity, null, "entity"));
        continue;
      }
      compareEntity(entity, upstream, ours, found);
    }
    Set<String> listed = listedDeviations();

    Set<String> unlisted = new TreeSet<>(found);
    unlisted.removeAll(listed);
    Set<String> stale = new TreeSet<>(listed);
    stale.removeAll(found);
    assertTrue(unlisted.isEmpty(), () -> "differences from the published schemas that KNOWN-DEVIATIONS.md"
        + " does not list (fix the spec or list them with a reason):\n  " + String.join("\n  ", unlisted));
    assertTrue(stale.isEmpty(), () -> "KNOWN-DEVIATIONS.md lists differences that no longer exist:\n  "
        + String.join("\n  ", stale));
  }

  @Test
  void theComparisonNoticesAChangedRequiredList() throws IOException {
    // Guard against a comparison that can never fail: a doctored copy of our service must differ.
    Path service = upstreamEntities().stream()
        .filter(f -> f.getFileName().toString().equals("service.json")).findFirst().orElseThrow();
    JsonNode upstream = new ObjectMapper().readTree(service.toFile());
    com.fasterxml.jackson.databind.node.ObjectNode doctored = schemas.get("Service").deepCopy();
    doctored.putArray("required").add("id");
    Set<String> found = new TreeSet<>();
    compareEntity("service", upstream, doctored, found);
    assertTrue(found.contains("service required"), found::toString);
  }

  @Test
  void pageEnvelopeHasTheUpstreamTypes() throws IOException {
    Path list = Upstream.require("oruk-standard/3.0/schema/service_list.json");
    JsonNode upstream = new ObjectMapper().readTree(list.toFile()).path("allOf").path(0).path("properties");
    JsonNode ours = schemas.path("PageEnvelope").path("properties");
    List<String> differences = new ArrayList<>();
    for (Iterator<String> names = upstream.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!upstream.get(name).path("type").equals(ours.path(name).path("type"))) {
        differences.add(name + ": upstream " + upstream.get(name).path("type") + ", ours " + ours.path(name).path("type"));
      }
    }
    assertEquals(7, upstream.size(), "the published envelope has seven properties");
    assertEquals(upstream.size(), ours.size(), "same envelope properties");
    assertEquals(List.of(), differences);
  }

  private static void compareEntity(String entity, JsonNode upstream, JsonNode ours, Set<String> found) {
    JsonNode upstreamProperties = upstream.path("properties");
    JsonNode ourProperties = ours.path("properties");
    Set<String> names = new TreeSet<>();
    upstreamProperties.fieldNames().forEachRemaining(names::add);
    ourProperties.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode theirs = upstreamProperties.get(name);
      JsonNode mine = ourProperties.get(name);
      if (theirs == null || mine == null) {
        found.add(key(entity, name, "property"));
        continue;
      }
      mine = resolveEnum(mine);
      compareAspect(entity, name, "type", typeOf(theirs), typeOf(mine), found);
      compareAspect(entity, name, "format", theirs.path("format").asText(""), mine.path("format").asText(""), found);
      compareAspect(entity, name, "enum", theirs.path("enum").toString(), mine.path("enum").toString(), found);
      compareAspect(entity, name, "pattern", theirs.path("pattern").asText(""), mine.path("pattern").asText(""), found);
      compareAspect(entity, name, "ref", target(theirs), target(mine), found);
    }
    Set<String> upstreamRequired = new TreeSet<>();
    upstream.path("required").forEach(r -> upstreamRequired.add(r.asText()));
    Set<String> ourRequired = new TreeSet<>();
    ours.path("required").forEach(r -> ourRequired.add(r.asText()));
    if (!upstreamRequired.equals(ourRequired)) {
      found.add(key(entity, null, "required"));
    }
  }

  private static void compareAspect(String entity, String property, String aspect, String theirs, String mine,
      Set<String> found) {
    if (!theirs.equals(mine)) {
      found.add(key(entity, property, aspect));
    }
  }

  /** Our enumerations are shared components; compare their content, not the reference. */
  private static JsonNode resolveEnum(JsonNode property) {
    String ref = property.path("$ref").asText("");
    if (ref.startsWith("#/components/schemas/")) {
      JsonNode target = schemas.get(ref.substring("#/components/schemas/".length()));
      if (target != null && target.has("enum")) {
        return target;
      }
    }
    return property;
  }

  private static String typeOf(JsonNode property) {
    if (property.has("$ref")) {
      return "object";
    }
    return property.path("type").asText("");
  }

  /** The entity a property (or its array items) refers to, in upstream file-name terms. */
  private static String target(JsonNode property) {
    JsonNode node = property.has("items") ? property.get("items") : property;
    String ref = node.path("$ref").asText("");
    if (ref.startsWith(UPSTREAM_REF)) {
      return ref.substring(UPSTREAM_REF.length()).replace(".json", "");
    }
    if (ref.startsWith("#/components/schemas/")) {
      return snakeCase(ref.substring("#/components/schemas/".length()));
    }
    return "";
  }

  private static String key(String entity, String property, String aspect) {
    return (property == null ? entity : entity + "." + property) + " " + aspect;
  }

  static String componentName(String entity) {
    StringBuilder name = new StringBuilder();
    for (String part : entity.split("_")) {
      name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return name.toString();
  }

  private static String snakeCase(String component) {
    return component.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  private static Set<String> listedDeviations() throws IOException {
    Set<String> listed = new TreeSet<>();
    for (String line : Files.readAllLines(DEVIATIONS)) {
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        listed.add(row.group(1) + " " + row.group(2));
      }
    }
    return listed;
  }
}
