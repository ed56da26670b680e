package io.github.oruk.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.document.Document;
import io.github.oruk.model.document.DocumentReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One record of a page that breaks the nesting or text-length limit costs only itself: it is left out and
 * reported, with its id and position, and the rest of the page is read with their own positions. The document
 * as a whole stays bounded.
 */
class LeftOutRecordTest {

  private static final String BAD_ID = "bad00000-0000-4000-8000-000000000002";

  private static String service(String id, String extra) {
    return "{\"id\":\"" + id + "\",\"name\":\"S\",\"status\":\"active\"" + extra + "}";
  }

  private static String deep(int levels) {
    return ",\"pc_tree\":" + "[".repeat(levels) + "]".repeat(levels);
  }

  /** A page of three services, the second with a vendor value 150 levels deep; the third's id is not a UUID. */
  private static final String PAGE = "{\"total_items\":3,\"size\":3,\"contents\":[\n"
      + service("00000000-0000-4000-8000-000000000001", "") + ",\n"
      + service(BAD_ID, deep(150)) + ",\n"
      + service("third", "") + "]}";

  @Test
  void theDeepRecordIsLeftOutAndTheOthersAreReadWhereTheyStand() {
    ReadResult<Page<Service>> typed = OrukJson.lenient().readPage(PAGE, Service.class);
    List<ReadFinding> treeFindings = new ArrayList<>();
    JsonNode tree = OrukJson.lenient().readTree(PAGE.getBytes(StandardCharsets.UTF_8), treeFindings);
    ReadResult<Page<Service>> fromTree = OrukJson.lenient().readPage(tree, Service.class);

    assertEquals(List.of("00000000-0000-4000-8000-000000000001", "third"),
        typed.value().contents().stream().map(Service::getId).toList());
    ReadFinding leftOut = typed.findings(ReadCode.RECORD_LEFT_OUT).get(0);
    assertEquals("/contents/1", leftOut.pointer());
    assertEquals(BAD_ID, leftOut.recordId());
    assertTrue(leftOut.message().contains("nested 153 levels deep") && leftOut.message().contains("limit of 100")
        && leftOut.message().contains("maxNestingDepth"), leftOut.message());
    assertEquals("/contents/2/id", typed.findings(ReadCode.NON_UUID_ID).get(0).pointer(),
        "the records after it keep their positions");
    assertEquals(List.of(), typed.findings(ReadCode.NULL_VALUE), "the gap is not reported as a null that was sent");

    assertEquals(3, tree.get("contents").size());
    assertTrue(tree.get("contents").get(1).isNull(), "a placeholder keeps the positions: " + tree.get("contents"));
    assertEquals(List.of(ReadCode.RECORD_LEFT_OUT), treeFindings.stream().map(ReadFinding::code).toList());
    assertEquals(2, fromTree.value().contents().size());
    assertEquals(List.of(), fromTree.findings(ReadCode.NULL_VALUE));
  }

  @Test
  void documentReaderAndStrictReadingSayTheSame() {
    ReadResult<Document> document = new DocumentReader(OrukJson.lenient()).read(PAGE.getBytes(StandardCharsets.UTF_8));
    OrukReadException strict = assertThrows(OrukReadException.class,
        () -> OrukJson.strict().readPage(PAGE, Service.class));

    assertEquals(2, ((Page<?>) document.value().value()).contents().size());
    assertEquals(1, document.findings().stream().filter(f -> f.code() == ReadCode.RECORD_LEFT_OUT).count());
    assertEquals(ReadCode.RECORD_LEFT_OUT, strict.code());
    assertEquals("/contents/1", strict.pointer());
  }

  @Test
  void aTextOverTheLengthLimitLeavesOutItsRecordOnly() {
    OrukJson json = OrukJson.builder().maxStringLength(1_000).build();
    String page = "{\"contents\":[" + service(BAD_ID, ",\"description\":\"" + "é".repeat(1_001) + "\"") + ","
        + service("00000000-0000-4000-8000-000000000001", ",\"description\":\"" + "é".repeat(1_000) + "\"") + "]}";

    ReadResult<Page<Service>> read = json.readPage(page, Service.class);

    assertEquals(List.of("00000000-0000-4000-8000-000000000001"),
        read.value().contents().stream().map(Service::getId).toList());
    ReadFinding leftOut = read.findings(ReadCode.RECORD_LEFT_OUT).get(0);
    assertEquals("/contents/0", leftOut.pointer());
    assertTrue(leftOut.message().contains("text of 1,001 characters") && leftOut.message().contains("maxStringLength"),
        leftOut.message());
  }

  @Test
  void theDocumentItselfStaysBounded() {
    String deepEnvelope = "{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + ",\"contents\":["
        + service(BAD_ID, deep(150)) + "]}";
    String tenThousandInARecord = "{\"contents\":[" + service(BAD_ID, deep(10_000)) + "]}";

    OrukReadException envelope = assertThrows(OrukReadException.class,
        () -> OrukJson.lenient().readPage(deepEnvelope, Service.class));
    ReadResult<Page<Service>> record = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> OrukJson.lenient().readPage(tenThousandInARecord, Service.class));
    OrukReadException single = assertThrows(OrukReadException.class,
        () -> OrukJson.lenient().read(service(BAD_ID, deep(150)), Service.class));

    assertTrue(envelope.getMessage().contains("nesting limit"), envelope.getMessage());
    assertEquals(0, record.value().contents().size());
    assertEquals(BAD_ID, record.findings(ReadCode.RECORD_LEFT_OUT).get(0).recordId());
    assertNull(single.code(), "a record read on its own is the whole document: refused, as before");
  }
}
