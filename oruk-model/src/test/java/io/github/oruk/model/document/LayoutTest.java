package io.github.oruk.model.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.model.Page;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.ReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one NDJSON-or-JSON rule, on the cases the three rules it replaced handled (the in-memory server's
 * first-line parse, the taxonomy loader's two object-shaped lines, {@code oruk validate}'s "every line an
 * object"), including those where they disagreed.
 */
class LayoutTest {

  private static final String A = "{\"id\":\"a\",\"name\":\"A\"}";
  private static final String B = "{\"id\":\"b\",\"name\":\"B\"}";

  @TempDir
  Path dir;

  /** The layout by the in-memory route and by the file route, which must agree. */
  private Layout layout(String name, String content) throws IOException {
    Layout inMemory = Layout.of(name, content.getBytes(StandardCharsets.UTF_8));
    Layout fromFile = Layout.of(Files.writeString(dir.resolve(name), content));
    assertEquals(inMemory, fromFile, "the two routes disagree on " + name);
    return inMemory;
  }

  @Test
  void oneObjectALineIsNdjsonWhateverTheBlankLinesAndLineEnds() throws IOException {
    assertEquals(Layout.NDJSON, layout("plain", A + "\n" + B + "\n"));
    assertEquals(Layout.NDJSON, layout("spaced", "\n  \n" + A + "\r\n\r\n" + B + "\r\n"));
    assertEquals(Layout.NDJSON, layout("indented", "  " + A + "  \n\t" + B));
  }

  @Test
  void documentsThatSpanLinesAreJson() throws IOException {
    ObjectMapper pretty = new ObjectMapper();
    String object = pretty.writerWithDefaultPrettyPrinter().writeValueAsString(pretty.readTree(A));
    assertEquals(Layout.JSON, layout("pretty", object));
    assertEquals(Layout.JSON, layout("array", "[\n" + A + ",\n" + B + "\n]"));
    assertEquals(Layout.JSON, layout("page", "{\"contents\": [\n" + A + "\n]}"));
    // object-shaped (starts with '{', ends with '}') but not complete: the old shape tests took it for a line
    assertEquals(Layout.JSON, layout("nested", "{\"id\":\"a\",\"organization\":{\"id\":\"o\"}\n,\"name\":\"A\"}"));
    assertEquals(Layout.JSON, layout("empty", ""));
    assertEquals(Layout.JSON, layout("blank", "\n \n"));
  }

  /** The server read a lone line as NDJSON, the other two as a document: one document it is. */
  @Test
  void aSingleObjectOnASingleLineIsOneDocument() throws IOException {
    assertEquals(Layout.JSON, layout("one", A + "\n"));
    assertEquals(Layout.JSON, layout("one-page", "{\"contents\":[" + A + "," + B + "]}"));
  }

  /** {@code oruk validate} did not strip a byte order mark, and so read such NDJSON as one broken document. */
  @Test
  void aByteOrderMarkDoesNotHideNdjson() throws IOException {
    assertEquals(Layout.NDJSON, layout("bom", "\uFEFF" + A + "\n" + B + "\n"));
  }

  /**
   * {@code oruk validate} wanted every line to be an object, so one broken line turned NDJSON into one
   * unreadable document; the other two looked at the start only. The start decides, so the broken line is
   * reported by its number.
   */
  @Test
  void aBrokenLineFurtherDownDoesNotChangeTheLayout() throws IOException {
    assertEquals(Layout.NDJSON, layout("broken", A + "\n" + B + "\n{\"id\": \n" + A + "\n"));
    assertEquals(Layout.NDJSON, layout("second-broken", A + "\n{\"id\": \n"));
    assertEquals(Layout.JSON, layout("first-broken", "{\"id\": \n" + A + "\n"));
  }

  /**
   * The name ending {@code .ndjson} or {@code .jsonl} wins (any case); the taxonomy loader also took a
   * {@code .json} name as JSON, but two object lines are never one JSON document, so the content decides.
   */
  @Test
  void theNameSaysNdjsonButNotJson() throws IOException {
    String pretty = "{\n  \"id\": \"a\"\n}\n";
    assertEquals(Layout.NDJSON, layout("services.ndjson", pretty));
    assertEquals(Layout.NDJSON, layout("SERVICES.JSONL", pretty));
    assertEquals(Layout.NDJSON, layout("one.ndjson", A));
    assertEquals(Layout.NDJSON, layout("harvest.json", A + "\n" + B + "\n"));
    assertEquals(Layout.JSON, layout("services.json", pretty));
    assertEquals(Layout.JSON, Layout.of(null, A, null));
  }

  /** Which document: a page or one service, 3.0 or legacy v1, by the same detector as {@link DocumentReader}. */
  @Test
  void readsServicesOrAPageOfThemFromATree() throws IOException {
    DocumentReader reader = new DocumentReader(OrukJson.lenient());
    ObjectMapper mapper = new ObjectMapper();
    ReadResult<Document> page = reader.read(mapper.readTree("{\"contents\":[" + A + "," + B + "]}"),
        RecordType.SERVICE);
    assertEquals(2, ((Page<?>) page.value().value()).contents().size());
    ReadResult<Document> v1 = reader.read(mapper.readTree("{\"content\":[" + A + "],\"totalElements\":1}"),
        RecordType.SERVICE);
    assertEquals(true, v1.value().legacyV1());
    assertEquals("a", ((Service) ((Page<?>) v1.value().value()).contents().get(0)).getId());
    ReadResult<Document> one = reader.read(mapper.readTree(A), RecordType.SERVICE);
    assertEquals("A", ((Service) one.value().value()).getName());
  }
}
