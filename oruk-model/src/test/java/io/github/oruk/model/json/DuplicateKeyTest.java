package io.github.oruk.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.ApiDetails;
import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceStatus;
import io.github.oruk.model.document.Document;
import io.github.oruk.model.document.DocumentReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A property name sent twice in one object: the lenient reader keeps the last value and says where, at every
 * depth and on every path (typed from bytes, as a tree, through the document reader); strict refuses.
 */
class DuplicateKeyTest {

  private static final String ID = "ac148810-d857-441c-9679-408f346de14b";
  private static final String TWICE = "{\"id\":\"" + ID + "\",\"name\":\"Foodbank\",\"status\":\"active\","
      + "\"status\":\"inactive\"}";

  private static List<String> pointers(List<ReadFinding> findings) {
    return findings.stream().filter(f -> f.code() == ReadCode.DUPLICATE_KEY).map(ReadFinding::pointer).toList();
  }

  @Test
  void theLastValueIsKeptAndTheRepeatIsReportedOnEveryPath() {
    ReadResult<Service> typed = OrukJson.lenient().read(TWICE, Service.class);
    List<ReadFinding> treeFindings = new ArrayList<>();
    JsonNode tree = OrukJson.lenient().readTree(TWICE.getBytes(StandardCharsets.UTF_8), treeFindings);
    ReadResult<Document> document = new DocumentReader(OrukJson.lenient()).read(TWICE.getBytes(StandardCharsets.UTF_8));

    assertEquals(ServiceStatus.INACTIVE, typed.value().getStatus());
    assertEquals(List.of("/status"), pointers(typed.findings()));
    assertEquals("inactive", tree.get("status").asText());
    assertEquals(List.of("/status"), pointers(treeFindings));
    assertTrue(treeFindings.get(0).message().contains("\"active\""), treeFindings.get(0).message());
    assertEquals(ServiceStatus.INACTIVE, ((Service) document.value().value()).getStatus());
    assertEquals(List.of("/status"), pointers(document.findings()));
  }

  @Test
  void repeatsAreFoundAtEveryDepth() {
    String json = "{\"id\":\"" + ID + "\",\"name\":\"Foodbank\",\"status\":\"active\","
        + "\"organization\":{\"id\":\"" + ID + "\",\"name\":\"A\",\"name\":\"B\",\"description\":\"d\"},"
        + "\"schedules\":[{\"id\":\"" + ID + "\",\"byday\":\"MO\",\"byday\":\"TU\"}],"
        + "\"pc_metadata\":{\"a\":1,\"a\":2},\"pc_metadata\":{\"b\":[{\"c\":1,\"c\":3}]}}";

    ReadResult<Service> read = OrukJson.lenient().read(json, Service.class);
    List<ReadFinding> treeFindings = new ArrayList<>();
    OrukJson.lenient().readTree(json.getBytes(StandardCharsets.UTF_8), treeFindings);

    assertEquals(List.of("/organization/name", "/schedules/0/byday", "/pc_metadata/a", "/pc_metadata",
        "/pc_metadata/b/0/c"), pointers(read.findings()));
    assertEquals(pointers(read.findings()), pointers(treeFindings));
    assertEquals("B", read.value().getOrganization().getName());
    assertEquals("TU", read.value().getSchedules().get(0).getByday());
    assertEquals(3, read.value().getExtensions().get("pc_metadata").at("/b/0/c").asInt());
    assertFalse(read.value().getExtensions().get("pc_metadata").has("a"), "the earlier extension value is gone");
  }

  @Test
  void theSameNameInDifferentObjectsIsNoRepeat() {
    String json = "{\"id\":\"" + ID + "\",\"name\":\"Foodbank\",\"status\":\"active\",\"organization\":{\"id\":\""
        + ID + "\",\"name\":\"Org\"},\"x\":{\"name\":1},\"schedules\":[{\"byday\":\"MO\"},{\"byday\":\"TU\"}]}";

    assertEquals(List.of(), pointers(OrukJson.lenient().read(json, Service.class).findings()));
    assertEquals(List.of(), pointers(OrukJson.lenient().readPage("{\"contents\":[" + json + "," + json + "]}",
        Service.class).findings()));
  }

  @Test
  void pageEnvelopesAndApiDetailsAreCheckedToo() {
    String page = "{\"total_items\":5,\"contents\":[" + TWICE + "],\"total_items\":1,\"x\":1,\"x\":2}";
    String details = "{\"version\":\"3.0\",\"version\":\"HSDS-UK-3.0\",\"profile\":\"https://example.org/\"}";

    ReadResult<Page<Service>> read = OrukJson.lenient().readPage(page, Service.class);
    ReadResult<ApiDetails> api = OrukJson.lenient().read(details, ApiDetails.class);

    assertEquals(List.of("/contents/0/status", "/total_items", "/x"), pointers(read.findings()));
    assertEquals(1, read.value().totalItems());
    assertEquals(2, read.value().extensions().get("x").asInt());
    assertEquals(List.of("/version"), pointers(api.findings()));
    assertEquals("HSDS-UK-3.0", api.value().version());
  }

  @Test
  void whatTheEarlierValueLeftAsideGoesWithIt() {
    ReadResult<Service> validLast = OrukJson.lenient().read(TWICE.replace("\"active\"", "\"bogus\""), Service.class);
    ReadResult<Service> bogusLast = OrukJson.lenient().read(TWICE.replace("\"inactive\"", "\"bogus\""),
        Service.class);

    assertEquals(ServiceStatus.INACTIVE, validLast.value().getStatus());
    assertFalse(validLast.value().getExtensions().containsKey("status"), () -> "the earlier value kept aside is"
        + " dropped with it: " + validLast.value().getExtensions());
    assertNull(bogusLast.value().getStatus(), "the earlier valid value does not survive a later one kept aside");
    assertEquals("bogus", bogusLast.value().getExtensions().get("status").asText());
  }

  @Test
  void strictReadingRefusesARepeatWithItsCodeAndPointer() {
    OrukReadException typed = assertThrows(OrukReadException.class, () -> OrukJson.strict().read(TWICE, Service.class));
    OrukReadException tree = assertThrows(OrukReadException.class,
        () -> OrukJson.strict().readTree(TWICE.getBytes(StandardCharsets.UTF_8), new ArrayList<>()));

    assertEquals(ReadCode.DUPLICATE_KEY, typed.code());
    assertEquals("/status", typed.pointer());
    assertEquals(ReadCode.DUPLICATE_KEY, tree.code());
    assertEquals("/status", tree.pointer());
  }
}
