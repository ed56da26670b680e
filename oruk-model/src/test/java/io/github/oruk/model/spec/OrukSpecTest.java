package io.github.oruk.model.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class OrukSpecTest {

  @Test
  void theJsonDocumentSaysWhatTheYamlSays() throws IOException {
    JsonNode yaml = new YAMLMapper().readTree(OrukSpec.yaml());
    JsonNode json = new ObjectMapper().readTree(OrukSpec.json());

    assertEquals("3.0.3", json.path("openapi").asText());
    assertEquals(yaml.path("paths").size(), json.path("paths").size());
    assertEquals(yaml.at("/components/schemas/Service/required"), json.at("/components/schemas/Service/required"));
    // The JSON spells out OpenAPI defaults (style, explode, required: false); the content is the same.
    assertEquals(yaml.at("/components/parameters/day/schema"), json.at("/components/parameters/day/schema"));
    assertEquals(yaml.at("/paths/~1taxonomy_terms/get/operationId"), json.at("/paths/~1taxonomy_terms/get/operationId"));
  }
}
