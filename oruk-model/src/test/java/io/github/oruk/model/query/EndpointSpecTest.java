package io.github.oruk.model.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Endpoint and Parameter enums say exactly what the spec document says. */
class EndpointSpecTest {

  private static JsonNode spec;

  @BeforeAll
  static void load() throws IOException {
    spec = new YAMLMapper().readTree(Path.of("src/main/spec/oruk-3.0.yaml").toFile());
  }

  @Test
  void everyOperationOfTheSpecIsAnEndpointAndViceVersa() {
    Set<String> specPaths = new TreeSet<>();
    spec.path("paths").fieldNames().forEachRemaining(specPaths::add);
    Set<String> ours = java.util.Arrays.stream(Endpoint.values()).map(Endpoint::path)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(specPaths, ours);
  }

  @Test
  void operationIdsTagsAndParametersMatch() {
    for (Endpoint endpoint : Endpoint.values()) {
      JsonNode operation = spec.path("paths").path(endpoint.path()).path("get");
      assertTrue(operation.isObject(), () -> "the spec has no GET operation for " + endpoint.path());
      assertEquals(operation.path("operationId").asText(), endpoint.operationId(), endpoint.path());
      assertEquals(endpoint.required() ? "required" : "optional", operation.path("tags").path(0).asText(),
          endpoint.path());
      Set<String> specParameters = new TreeSet<>();
      for (JsonNode parameter : operation.path("parameters")) {
        JsonNode resolved = resolve(parameter);
        if (resolved.path("in").asText().equals("query")) {
          specParameters.add(resolved.path("name").asText());
        }
      }
      Set<String> ours = endpoint.parameters().stream().map(Parameter::wireName)
          .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(specParameters, ours, endpoint.path());
    }
  }

  @Test
  void ukExtensionsAreMarkedInBoth() {
    for (Parameter parameter : Parameter.values()) {
      JsonNode declared = spec.path("components").path("parameters").path(parameter.wireName());
      assertEquals(parameter.wireName(), declared.path("name").asText());
      assertEquals(parameter.ukExtension(), declared.path("x-oruk-uk-extension").asBoolean(false),
          parameter.wireName());
    }
  }

  private static JsonNode resolve(JsonNode parameter) {
    String ref = parameter.path("$ref").asText("");
    return ref.isEmpty() ? parameter
        : spec.path("components").path("parameters").path(ref.substring(ref.lastIndexOf('/') + 1));
  }
}
