package io.github.oruk.model.v1;

import static io.github.oruk.model.v1.V1Fixtures.load;
import static io.github.oruk.model.v1.V1Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.Organization;
import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.Upstream;
import io.github.oruk.model.json.OrukJson;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Recognising v1 documents, and never mistaking an ORUK 3.0 document for one. */
class V1DetectionTest {

  @ParameterizedTest
  @ValueSource(strings = {V1Fixtures.RICH, V1Fixtures.SPARSE})
  void v1ServicesAreRecognised(String fixture) {
    ObjectNode service = load(fixture);
    assertTrue(V1Mapper.isV1Service(service));
    assertFalse(V1Mapper.isV1Page(service));
  }

  @ParameterizedTest
  @ValueSource(strings = {V1Fixtures.SPRING_PAGE, V1Fixtures.DRUPAL_PAGE})
  void v1PagesAndTheirServicesAreRecognised(String fixture) {
    ObjectNode page = load(fixture);
    assertTrue(V1Mapper.isV1Page(page));
    assertFalse(V1Mapper.isV1Service(page), "a page is not a service");
    for (JsonNode item : page.get("content")) {
      assertTrue(V1Mapper.isV1Service(item), () -> "not recognised: " + item.path("name"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"content\":[]}",
      "{\"totalElements\":0}",
      "{\"number\":0,\"totalPages\":1}",
      "{\"number\":2,\"first\":false,\"last\":true}"})
  void smallSpringEnvelopesArePages(String json) {
    assertTrue(V1Mapper.isV1Page(parse(json)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{}",
      "{\"number\":3}",
      "{\"contents\":[],\"content\":[]}",
      "{\"total_items\":1,\"totalElements\":1}",
      "{\"page_number\":1,\"number\":1,\"first\":true}",
      "{\"id\":\"x\",\"number\":\"01632 960000\"}"})
  void otherObjectsAreNotPages(String json) {
    assertFalse(V1Mapper.isV1Page(parse(json)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"id\":\"s\",\"name\":\"n\",\"organization\":{\"id\":\"o\",\"url\":\"https://example.org\"}}",
      "{\"id\":\"s\",\"languages\":[{\"id\":\"l\",\"language\":\"Welsh\"}]}",
      "{\"id\":\"s\",\"service_at_locations\":[{\"id\":\"sl\",\"location\":{\"id\":\"l\",\"physical_addresses\":[]}}]}",
      "{\"id\":\"s\",\"service_at_locations\":[{\"id\":\"sl\",\"regular_schedules\":[]}]}",
      "{\"id\":\"s\",\"fundings\":[]}",
      "{\"id\":\"s\",\"attending_access\":null}"})
  void singleV1OnlyPropertiesMarkAService(String json) {
    assertTrue(V1Mapper.isV1Service(parse(json)));
  }

  @Test
  void nonObjectsAreNeither() {
    assertFalse(V1Mapper.isV1Page(null));
    assertFalse(V1Mapper.isV1Service(null));
    assertFalse(V1Mapper.isV1Page(V1Fixtures.JSON.createArrayNode()));
    assertFalse(V1Mapper.isV1Service(V1Fixtures.JSON.getNodeFactory().textNode("regular_schedules")));
  }

  // ------------------------------------------------------------------------------------------- ORUK 3.0

  static Stream<Path> upstreamExamples() throws IOException {
    Path dir = Upstream.require("oruk-standard/3.0/examples");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("upstreamExamples")
  void noPublished3ExampleLooksLikeV1(Path example) throws IOException {
    JsonNode document = V1Fixtures.JSON.readTree(example.toFile());

    assertFalse(V1Mapper.isV1Page(document), () -> example + " was taken for a v1 page");
    assertFalse(V1Mapper.isV1Service(document), () -> example + " was taken for a v1 service");
    for (JsonNode service : serviceLike(document)) {
      assertFalse(V1Mapper.isV1Service(service), () -> "a service in " + example + " was taken for v1: "
          + service.path("id"));
    }
  }

  @Test
  void the3ExamplesWereReallyChecked() throws IOException {
    List<Path> examples = upstreamExamples().toList();
    assertTrue(examples.size() >= 10, () -> "expected the ten published examples, found " + examples);
    int services = 0;
    for (Path example : examples) {
      services += serviceLike(V1Fixtures.JSON.readTree(example.toFile())).size();
    }
    assertTrue(services >= 5, "the examples hold services to check; found " + services);
  }

  /** The document itself and every service inside it: page items, organization services, a nested service. */
  private static List<JsonNode> serviceLike(JsonNode document) {
    List<JsonNode> services = new ArrayList<>();
    collect(document, services);
    return services;
  }

  private static void collect(JsonNode node, List<JsonNode> services) {
    if (node.isObject() && node.has("status") && node.has("name")) {
      services.add(node);
    }
    for (String container : List.of("contents", "services")) {
      for (JsonNode item : node.path(container)) {
        collect(item, services);
      }
    }
    if (node.path("service").isObject()) {
      collect(node.get("service"), services);
    }
  }

  @Test
  void aFully3PopulatedServiceWrittenByTheModelIsNotV1() {
    for (Class<?> type : List.of(Service.class, Organization.class, ServiceAtLocation.class)) {
      JsonNode written = OrukJson.lenient().writeTree(populate(type, 0));
      assertFalse(V1Mapper.isV1Service(written), () -> type.getSimpleName() + " looked like v1: " + written);
      assertFalse(V1Mapper.isV1Page(written), () -> type.getSimpleName() + " looked like a v1 page");
    }
    Service service = (Service) populate(Service.class, 0);
    JsonNode page = OrukJson.lenient().writeTree(Page.of(List.of(service), 1, 10, 1));
    assertFalse(V1Mapper.isV1Page(page));
    assertFalse(V1Mapper.isV1Service(page));
    assertTrue(written(Service.class).has("schedules"), "the populated service really has every list");
  }

  @Test
  void aMappedServiceWrittenAs3IsNoLongerV1() {
    Service service = V1Mapper.readService(load(V1Fixtures.RICH), OrukJson.lenient()).value();
    assertFalse(V1Mapper.isV1Service(OrukJson.lenient().writeTree(service)));
  }

  private static JsonNode written(Class<?> type) {
    return OrukJson.lenient().writeTree(populate(type, 0));
  }

  /**
   * A model object with every property set: text, numbers, dates, the first constant of each enum, and a
   * list of one populated item for each list, down to a few levels (the model nests services inside
   * organizations inside services).
   */
  private static Object populate(Class<?> type, int depth) {
    try {
      Object value = type.getConstructor().newInstance();
      for (Field field : type.getDeclaredFields()) {
        if (field.getAnnotation(JsonProperty.class) == null) {
          continue;
        }
        Object fieldValue = sample(field, depth);
        if (fieldValue != null) {
          String setter = "set" + Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
          Method method = type.getMethod(setter, field.getType());
          method.invoke(value, fieldValue);
        }
      }
      return value;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not populate " + type.getName(), e);
    }
  }

  private static Object sample(Field field, int depth) {
    Class<?> type = field.getType();
    if (type == String.class) {
      return field.getName().endsWith("Id") || field.getName().equals("id")
          ? "3f2504e0-4f89-41d3-9a0c-0305e82c3301" : "sample " + field.getName();
    }
    if (type == BigDecimal.class) {
      return BigDecimal.ONE;
    }
    if (type == LocalDate.class) {
      return LocalDate.of(2024, 5, 1);
    }
    if (type == LocalTime.class) {
      return LocalTime.of(9, 30);
    }
    if (type == OffsetDateTime.class) {
      return OffsetDateTime.of(2024, 5, 1, 9, 30, 0, 0, ZoneOffset.UTC);
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    if (depth >= 3) {
      return null;
    }
    if (type == List.class) {
      Class<?> item = (Class<?>) ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
      return List.of(populate(item, depth + 1));
    }
    if (type.getPackageName().equals("io.github.oruk.model")) {
      return populate(type, depth + 1);
    }
    return null;
  }
}
