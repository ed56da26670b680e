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
import io.github.oruk.model.json.OrukJson;
import java.io.IOException;
import java.lang.reflect.Method;
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
  void listsAreNeverNullAndAnEmptyListIsAnAbsentOne() {
    Service service = new Service();
    assertEquals(List.of(), service.getSchedules(), "an absent list reads as empty, not null");
    service.getSchedules().add(new Schedule().id(ID));
    service.addSchedulesItem(new Schedule().id("2"));
    assertEquals(List.of(new Schedule().id(ID), new Schedule().id("2")), service.getSchedules(),
        "the empty list is the property's own: adding to it adds to the record");

    Service absent = new Service().id(ID);
    Service empty = new Service().id(ID).contacts(new ArrayList<>());
    Service cleared = new Service().id(ID).contacts(null);
    cleared.getContacts();
    assertEquals(absent, empty);
    assertEquals(absent, cleared);
    assertEquals(absent.hashCode(), empty.hashCode());
    assertEquals(absent.toString(), cleared.toString(), "an empty list is not shown");
    assertNotEquals(absent, new Service().id(ID).addContactsItem(new Contact().id(ID)));
  }

  @Test
  void readingGivesEmptyListsAndWritingLeavesThemOut() {
    String json = "{\"id\":\"" + ID + "\",\"name\":\"Library\",\"contacts\":[]}";
    Service read = OrukJson.lenient().read(json, Service.class).value();
    for (Method getter : Service.class.getMethods()) {
      if (getter.getReturnType() == List.class && getter.getParameterCount() == 0) {
        assertEquals(List.of(), invoke(getter, read), getter.getName() + " of a record read without that list");
      }
    }
    assertEquals("{\"id\":\"" + ID + "\",\"name\":\"Library\"}", OrukJson.strict().writeString(read),
        "empty and absent lists are both left out, as before");
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(getter.getName(), e);
    }
  }

  @Test
  void everyRecordTypeNamesItsModelClass() {
    assertEquals(Service.class, RecordType.SERVICE.modelClass());
    assertEquals("service_at_location", RecordType.SERVICE_AT_LOCATION.standardName());
    assertEquals(RecordType.TAXONOMY_TERM, RecordType.fromName("taxonomy-term").orElseThrow());
  }
}
