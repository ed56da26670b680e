package io.github.oruk.model.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Query} is written by hand, so this test holds it to the spec document: one component per query
 * parameter the document declares (named as the wire name in camelCase), of the Java type the parameter's
 * schema calls for, with the schema's minimum enforced, and nothing extra (apart from {@code extras}, the
 * documented way out for vendors' parameters). Adding a parameter to the document fails here until
 * {@code Query} and {@link Parameter} have it.
 */
class QuerySpecTest {

  private static Map<String, JsonNode> specParameters;

  @BeforeAll
  static void load() throws IOException {
    JsonNode spec = new YAMLMapper().readTree(Path.of("src/main/spec/oruk-3.0.yaml").toFile());
    specParameters = new LinkedHashMap<>();
    spec.path("components").path("parameters").forEach(parameter -> {
      if (parameter.path("in").asText().equals("query")) {
        specParameters.put(parameter.path("name").asText(), parameter.path("schema"));
      }
    });
    // Parameters written inline in an operation count as much as shared ones.
    spec.path("paths").forEach(path -> path.forEach(operation -> operation.path("parameters").forEach(parameter -> {
      if (parameter.path("in").asText().equals("query")) {
        specParameters.put(parameter.path("name").asText(), parameter.path("schema"));
      }
    })));
  }

  @Test
  void everySpecParameterIsAComponentAndNothingElseIs() {
    Set<String> expected = specParameters.keySet().stream().map(QuerySpecTest::camel)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> components = Arrays.stream(Query.class.getRecordComponents()).map(RecordComponent::getName)
        .filter(name -> !name.equals("extras")).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, components);
    assertEquals(new TreeSet<>(specParameters.keySet()),
        Arrays.stream(Parameter.values()).map(Parameter::wireName).collect(Collectors.toCollection(TreeSet::new)));
  }

  @Test
  void everyComponentHasTheTypeItsSchemaCallsFor() {
    for (Map.Entry<String, JsonNode> parameter : specParameters.entrySet()) {
      assertEquals(javaType(parameter.getKey(), parameter.getValue()), component(parameter.getKey()).getType(),
          parameter.getKey());
    }
  }

  @Test
  void enumeratedValuesAreExactlyTheSpecsValues() {
    List<String> formats = Arrays.stream(Query.Format.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList();
    assertEquals(values(specParameters.get("format")), formats);
    for (String code : values(specParameters.get("day"))) {
      Query query = Query.parse(Endpoint.SERVICES, "day=" + code);
      assertEquals(code, query.toWire().get(Parameter.DAY), "a day code reads and writes back as itself");
    }
    assertEquals(DayOfWeek.values().length, values(specParameters.get("day")).size());
  }

  /** The schema's minimum is the builder's: one below is refused, the minimum itself is accepted. */
  @Test
  void minimumsOfTheSchemaAreEnforced() throws ReflectiveOperationException {
    for (Map.Entry<String, JsonNode> parameter : specParameters.entrySet()) {
      JsonNode minimum = parameter.getValue().path("minimum");
      if (minimum.isMissingNode()) {
        continue;
      }
      Class<?> type = component(parameter.getKey()).getType();
      Method setter = Query.Builder.class.getMethod(camel(parameter.getKey()), type);
      Object lowest = type == Integer.class ? (Object) minimum.asInt() : minimum.decimalValue();
      Object below = type == Integer.class ? (Object) (minimum.asInt() - 1)
          : minimum.decimalValue().subtract(BigDecimal.ONE);
      assertNotNull(((Query.Builder) setter.invoke(Query.builder(), lowest)).build(), parameter.getKey());
      Query.Builder tooLow = (Query.Builder) setter.invoke(Query.builder(), below);
      assertThrows(IllegalArgumentException.class, tooLow::build, parameter.getKey() + " = " + below);
    }
  }

  /** Reading a parameter sets its own component and no other (the parser's wiring matches the names). */
  @Test
  void eachParameterSetsItsOwnComponent() throws ReflectiveOperationException {
    for (Parameter parameter : Parameter.values()) {
      Query query = Query.parseValue(parameter, sample(specParameters.get(parameter.wireName())),
          parameter.wireName());
      for (RecordComponent component : Query.class.getRecordComponents()) {
        Object value = component.getAccessor().invoke(query);
        if (component.getName().equals("extras")) {
          assertEquals(List.of(), value);
        } else if (component.getName().equals(camel(parameter.wireName()))) {
          assertNotNull(value, parameter.wireName());
        } else {
          assertNull(value, parameter.wireName() + " set " + component.getName());
        }
      }
      assertEquals(Set.of(parameter), query.parameters());
    }
  }

  private static RecordComponent component(String wireName) {
    return Arrays.stream(Query.class.getRecordComponents()).filter(c -> c.getName().equals(camel(wireName)))
        .findFirst().orElseThrow(() -> new AssertionError("Query has no component for " + wireName));
  }

  private static Class<?> javaType(String name, JsonNode schema) {
    String format = schema.path("format").asText("");
    return switch (schema.path("type").asText()) {
      case "integer" -> Integer.class;
      case "number" -> BigDecimal.class;
      case "boolean" -> Boolean.class;
      case "string" -> switch (format) {
        case "date-time" -> OffsetDateTime.class;
        case "time-of-day" -> LocalTime.class;
        default -> schema.has("enum") ? enumType(name) : String.class;
      };
      default -> fail(name + ": a schema type this test does not know: " + schema);
    };
  }

  /** The two enumerations: the day codes are days of the week, the formats Query's own enum. */
  private static Class<?> enumType(String name) {
    return switch (name) {
      case "day" -> DayOfWeek.class;
      case "format" -> Query.Format.class;
      default -> fail(name + " is an enumeration the test does not know; give Query a type for it");
    };
  }

  private static String sample(JsonNode schema) {
    if (schema.has("enum")) {
      return schema.path("enum").path(0).asText();
    }
    return switch (schema.path("type").asText() + "/" + schema.path("format").asText("")) {
      case "integer/" -> "2";
      case "number/" -> "2.5";
      case "boolean/" -> "true";
      case "string/date-time" -> "2024-05-01T09:30:00Z";
      case "string/time-of-day" -> "09:30";
      default -> "x";
    };
  }

  private static List<String> values(JsonNode schema) {
    return java.util.stream.StreamSupport.stream(schema.path("enum").spliterator(), false).map(JsonNode::asText)
        .toList();
  }

  private static String camel(String wireName) {
    StringBuilder camel = new StringBuilder();
    boolean upper = false;
    for (char c : wireName.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return camel.toString();
  }
}
