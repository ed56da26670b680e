package io.github.oruk.model.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.ApiDetails;
import io.github.oruk.model.Page;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.Upstream;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.ReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentReaderTest {

  private static final String ID = "ac148810-d857-441c-9679-408f346de14b";
  private final DocumentReader reader = new DocumentReader(OrukJson.lenient());

  @Test
  void recognisesEveryPublishedExample() throws IOException {
    Path dir = Upstream.require("oruk-standard/3.0/examples");
    Map<String, RecordType> expected = Map.of(
        "service", RecordType.SERVICE,
        "organization", RecordType.ORGANIZATION,
        "service_at_location", RecordType.SERVICE_AT_LOCATION,
        "taxonomy", RecordType.TAXONOMY,
        "taxonomy_term", RecordType.TAXONOMY_TERM);
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString().replace(".json", "");
        ReadResult<Document> read = reader.read(Files.readAllBytes(file));
        assertEquals(expected.get(name.replaceAll("_(full|list)$", "")), read.value().type(), name);
        assertEquals(name.endsWith("_list"), read.value().page(), name);
        assertFalse(read.value().legacyV1(), name);
      }
    }
  }

  @Test
  void recognisesRecordsByTheirDistinctiveProperties() {
    assertEquals(RecordType.LOCATION, type("{\"id\":\"" + ID + "\",\"location_type\":\"physical\",\"latitude\":51.4}"));
    assertEquals(RecordType.SCHEDULE, type("{\"id\":\"" + ID + "\",\"freq\":\"WEEKLY\",\"byday\":\"MO\"}"));
    assertEquals(RecordType.ADDRESS, type("{\"id\":\"" + ID + "\",\"address_1\":\"1 High St\",\"city\":\"Bath\","
        + "\"state_province\":\"Somerset\",\"postal_code\":\"BA1 1AA\",\"country\":\"GB\",\"address_type\":\"postal\"}"));
    assertEquals(RecordType.SERVICE, type("{\"id\":\"" + ID + "\",\"name\":\"A\",\"status\":\"active\"}"));
  }

  @Test
  void readsApiDetails() {
    ReadResult<Document> read = reader.read(("{\"version\":\"HSDS-UK-3.0\",\"profile\":\"https://example.org/p\","
        + "\"openapi_url\":\"https://example.org/openapi.json\"}").getBytes(StandardCharsets.UTF_8));
    assertEquals(RecordType.API_DETAILS, read.value().type());
    assertEquals("HSDS-UK-3.0", ((ApiDetails) read.value().value()).version());
  }

  @Test
  void anEmptyPageIsReadAsServices() {
    ReadResult<Document> read = reader.read("{\"contents\":[]}".getBytes(StandardCharsets.UTF_8));
    assertTrue(read.value().page());
    assertEquals(0, ((Page<?>) read.value().value()).contents().size());
  }

  private RecordType type(String json) {
    return reader.read(json.getBytes(StandardCharsets.UTF_8)).value().type();
  }
}
