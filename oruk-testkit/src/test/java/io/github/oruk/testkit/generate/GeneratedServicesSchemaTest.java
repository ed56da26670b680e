package io.github.oruk.testkit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.github.oruk.model.json.OrukJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Generated services validate against the published ORUK 3.0 JSON Schemas (read from the shared folder,
 * never copied into the project), with format assertions on, so uuid, email, uri and date-time values
 * are checked too. Skipped when the shared folder is absent.
 */
class GeneratedServicesSchemaTest {

  private static final String SCHEMA_BASE = "https://openreferraluk.org/specifications/3.0/schema/";
  private static final int SERVICES = 200;

  private static SchemaRegistry registry;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * The registry, built on first use. Each test asks for it, so that without the shared folder every
   * test is reported as skipped with the reason (an assumption failing in {@code @BeforeAll} would hide
   * the tests instead).
   */
  private static synchronized SchemaRegistry registry() {
    Path dir = SharedFiles.require("oruk-standard/3.0/schema");
    SharedFiles.require("oruk-standard/3.0/schema/service.json");
    if (registry == null) {
      // The schemas' $refs are absolute web addresses; their text is served from the local copy instead.
      // networknt 2.x fetches nothing remote unless asked to, so an unmapped $ref fails rather than
      // reaching the network.
      registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
          .schemas(iri -> localSchema(dir, iri))
          .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }
    return registry;
  }

  /** The text of a published schema from the shared folder, or null for any other address. */
  private static String localSchema(Path dir, String iri) {
    if (!iri.startsWith(SCHEMA_BASE)) {
      return null;
    }
    String file = iri.substring(SCHEMA_BASE.length());
    if (file.isEmpty() || file.contains("/") || file.contains("\\")) {
      return null;
    }
    try {
      return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Schema schema(String file) {
    return registry().getSchema(SchemaLocation.of(SCHEMA_BASE + file));
  }

  @Test
  void everyGeneratedServiceValidatesAgainstTheServiceSchema() {
    Schema service = schema("service.json");
    DataGenerator generator = DataGenerator.builder().seed(20240601L).build();
    List<String> problems = new ArrayList<>();
    for (int index = 0; index < SERVICES; index++) {
      JsonNode json = OrukJson.lenient().writeTree(generator.service(index));
      for (Error error : service.validate(json)) {
        problems.add("service " + index + ": " + error);
      }
    }
    assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())),
        problems.size() + " schema errors in " + SERVICES + " services");
  }

  @Test
  void servicesFromAnotherSeedValidateToo() {
    Schema service = schema("service.json");
    DataGenerator generator = DataGenerator.builder().seed(-7L).build();
    generator.services(50).forEach(s -> {
      List<Error> errors = service.validate(OrukJson.lenient().writeTree(s));
      assertEquals(List.of(), errors, () -> "service " + s.getId());
    });
  }

  @Test
  void theSampleTaxonomyValidatesAgainstTheTaxonomySchema() {
    JsonNode taxonomy = OrukJson.lenient().writeTree(DataGenerator.builder().build().sampleTaxonomy());
    assertEquals(List.of(), schema("taxonomy.json").validate(taxonomy));
  }

  /** Guards the test itself: the validator must really check formats and follow the mapped $refs. */
  @Test
  void theValidatorRejectsBrokenServices() throws IOException {
    Schema service = schema("service.json");
    ObjectNode json = (ObjectNode) OrukJson.lenient().writeTree(DataGenerator.builder().build().service(0));
    assertTrue(service.validate(json).isEmpty(), "the unbroken service should validate");

    ObjectNode badId = json.deepCopy();
    badId.put("id", "not-a-uuid");
    assertFalse(service.validate(badId).isEmpty(), "a non-UUID id must fail: format assertions are off?");

    ObjectNode badEmail = json.deepCopy();
    badEmail.put("email", "not an email");
    assertFalse(service.validate(badEmail).isEmpty(), "a bad email must fail: format assertions are off?");

    ObjectNode badNested = json.deepCopy();
    ((ObjectNode) badNested.at("/service_at_locations/0/location")).put("location_type", "spaceship");
    assertFalse(service.validate(badNested).isEmpty(), "a bad nested enum must fail: $refs not followed?");

    ObjectNode badTime = (ObjectNode) MAPPER.readTree(OrukJson.lenient().write(DataGenerator.builder().build()
        .service(0)));
    badTime.put("last_modified", "yesterday");
    assertFalse(service.validate(badTime).isEmpty(), "a bad date-time must fail");
  }
}
