package io.github.oruk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The generated classes carry the spec's constraints and behave as value-like beans. */
class GeneratedModelTest {

  private static final String ID = "ac148810-d857-441c-9679-408f346de14b";

  @Test
  void everyGeneratedMemberHasItsDocumentation() throws IOException {
    // IDE users read these comments from the sources jar; a property that only refers to another schema takes
    // its words from that schema, through a link.
    Path generated = Path.of("target/generated-sources/openapi/src/main/java");
    assertTrue(Files.isDirectory(generated), generated + " is missing: run the build of oruk-model");
    List<String> empty = new ArrayList<>();
    try (Stream<Path> files = Files.walk(generated)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).strip().matches("/\\*\\*\\s*\\*/")) {
            empty.add(file.getFileName() + ":" + (i + 1));
          }
        }
      }
    }
    assertEquals(List.of(), empty, "generated members with an empty comment");
  }

  @Test
  void requiredPropertiesAreCheckedByBeanValidationIncludingNestedRecords() {
    Service service = new Service().id(ID).status(ServiceStatus.ACTIVE)
        .organization(new Organization().id(ID))
        .addServiceAtLocationsItem(new ServiceAtLocation().id(ID).location(new Location().id(ID)));

    Set<String> violations;
    try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
      Validator validator = factory.getValidator();
      violations = validator.validate(service).stream()
          .map(ConstraintViolation::getPropertyPath).map(Object::toString)
          .collect(Collectors.toCollection(TreeSet::new));
    }

    assertEquals(Set.of("name", "organization.name", "organization.description",
        "serviceAtLocations[0].location.locationType"), violations);
  }

  @Test
  void equalityCoversPropertiesAndExtensions() {
    Service one = new Service().id(ID).name("A");
    Service two = new Service().id(ID).name("A");
    assertEquals(one, two);
    assertEquals(one.hashCode(), two.hashCode());

    two.putExtension("pc_metadata", TextNode.valueOf("x"));
    assertNotEquals(one, two);
    assertTrue(two.toString().contains("pc_metadata"), two.toString());
  }

  @Test
  void enumerationsUseTheStandardsSpelling() {
    assertEquals("temporarily closed", ServiceStatus.TEMPORARILY_CLOSED.value());
    assertEquals(ServiceStatus.TEMPORARILY_CLOSED, ServiceStatus.fromValue("temporarily closed"));
    IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
        () -> ServiceStatus.fromValue("open"));
    assertTrue(wrong.getMessage().contains("active"), wrong.getMessage());
  }

  @Test
  void listsStayAbsentUntilUsed() {
    Service service = new Service();
    assertEquals(null, service.getSchedules());
    service.addSchedulesItem(new Schedule().id(ID));
    assertEquals(List.of(new Schedule().id(ID)), service.getSchedules());
  }

  @Test
  void everyRecordTypeNamesItsModelClass() {
    assertEquals(Service.class, RecordType.SERVICE.modelClass());
    assertEquals("service_at_location", RecordType.SERVICE_AT_LOCATION.standardName());
    assertEquals(RecordType.TAXONOMY_TERM, RecordType.fromName("taxonomy-term").orElseThrow());
  }
}
