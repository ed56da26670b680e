package io.github.oruk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata the processor writes into the jar, which IDEs read to complete and explain the
 * properties: every property is there, with its type, a description and its default.
 */
class ConfigurationMetadataTest {

  @Test
  void everyPropertyIsDescribedForIdes() throws Exception {
    JsonNode metadata;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("META-INF/spring-configuration-metadata.json, written by spring-boot-configuration-processor")
          .isNotNull();
      metadata = new ObjectMapper().readTree(in);
    }
    Map<String, JsonNode> properties = new HashMap<>();
    metadata.get("properties").forEach(property -> properties.put(property.get("name").asText(), property));
    assertThat(properties).containsOnlyKeys("oruk.server.path", "oruk.server.error-pages",
        "oruk.server.throttle.rate", "oruk.server.throttle.burst", "oruk.client.base-url",
        "oruk.client.max-requests-per-second", "oruk.client.request-timeout", "oruk.health.feeds",
        "oruk.health.timeout");
    properties.forEach((name, property) ->
        assertThat(property.path("description").asText()).as(name + " has a description").isNotBlank());
    assertThat(properties.get("oruk.server.path").get("defaultValue").asText()).isEqualTo("/");
    assertThat(properties.get("oruk.client.request-timeout").get("type").asText()).isEqualTo("java.time.Duration");
    assertThat(properties.get("oruk.health.feeds").get("type").asText()).isEqualTo("java.util.List<java.lang.String>");
  }
}
