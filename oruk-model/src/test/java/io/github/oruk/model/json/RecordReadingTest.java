package io.github.oruk.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The record reader finds every property wherever it comes: it looks ahead in the standard's order and
 * falls back to a lookup, so order, gaps, unknown names in between and repeats must not matter.
 */
class RecordReadingTest {

  private static final String ID = "ac148810-d857-441c-9679-408f346de14b";
  private static final String ORG = "d9d5c6f5-4a1b-4bb4-9b4c-3f0a1a7e2b11";

  @Test
  void propertiesInAnyOrderWithGapsAndUnknownNamesAreAllRead() {
    String inOrder = "{\"id\":\"" + ID + "\",\"organization_id\":\"" + ORG + "\",\"name\":\"Foodbank\","
        + "\"email\":\"a@example.org\",\"status\":\"active\",\"alert\":\"Closed Monday\"}";
    String shuffled = "{\"alert\":\"Closed Monday\",\"status\":\"active\",\"x_first\":1,\"name\":\"Foodbank\","
        + "\"email\":\"a@example.org\",\"x_second\":[2],\"id\":\"" + ID + "\",\"organization_id\":\"" + ORG + "\"}";
    Service expected = OrukJson.lenient().read(inOrder, Service.class).value();
    ReadResult<Service> read = OrukJson.lenient().read(shuffled, Service.class);
    Service actual = read.value();
    assertEquals(expected.getId(), actual.getId());
    assertEquals(expected.getOrganizationId(), actual.getOrganizationId());
    assertEquals("Foodbank", actual.getName());
    assertEquals("a@example.org", actual.getEmail());
    assertEquals(ServiceStatus.ACTIVE, actual.getStatus());
    assertEquals("Closed Monday", actual.getAlert());
    assertEquals(List.of("x_first", "x_second"), List.copyOf(actual.getExtensions().keySet()));
    assertEquals(List.of("/x_first", "/x_second"),
        read.findings(ReadCode.EXTENSION_PROPERTY).stream().map(ReadFinding::pointer).toList());
  }

  @Test
  void aRepeatedPropertyKeepsItsLastValueAsJacksonDid() {
    Service read = OrukJson.lenient().read("{\"id\":\"" + ID + "\",\"name\":\"First\",\"status\":\"active\","
        + "\"name\":\"Second\"}", Service.class).value();
    assertEquals("Second", read.getName());
  }

  @Test
  void aPropertyNamedExtensionsIsKeptNotDropped() {
    ReadResult<Service> read = OrukJson.lenient().read("{\"id\":\"" + ID + "\",\"name\":\"Foodbank\","
        + "\"status\":\"active\",\"extensions\":{\"a\":1}}", Service.class);
    JsonNode kept = read.value().getExtensions().get("extensions");
    assertEquals(1, kept.get("a").asInt());
    assertEquals(1, read.findings(ReadCode.EXTENSION_PROPERTY).size());
  }

  @Test
  void anEmptyObjectAndNestedRecordsInAPageAreRead() {
    String json = "{\"total_items\":2,\"contents\":[{},{\"name\":\"B\",\"organization\":{\"name\":\"Org\","
        + "\"services\":[{\"name\":\"Inner\"}]}}]}";
    Page<Service> page = OrukJson.lenient().readPage(json, Service.class).value();
    assertEquals(2, page.contents().size());
    assertNull(page.contents().get(0).getName());
    Service second = page.contents().get(1);
    assertEquals("Org", second.getOrganization().getName());
    assertEquals("Inner", second.getOrganization().getServices().get(0).getName());
    assertTrue(second.getExtensions().isEmpty());
  }
}
