package io.github.oruk.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Documents that cannot be read fail fast, with a message that says what and where. */
class LimitsAndErrorsTest {

  private static final String SERVICE = "{\"id\":\"ac148810-d857-441c-9679-408f346de14b\",\"name\":\"A\",\"status\":\"active\"}";

  @Test
  void documentsLargerThanTheLimitAreRefused() {
    OrukJson small = OrukJson.builder().maxDocumentBytes(1_000).build();
    String big = SERVICE.replace("\"A\"", "\"" + "a".repeat(2_000) + "\"");

    OrukReadException refused = assertThrows(OrukReadException.class, () -> small.read(big, Service.class));
    OrukReadException streamed = assertThrows(OrukReadException.class,
        () -> small.read(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)), Service.class));

    assertEquals("the document is larger than 1,000 bytes, the size limit. If it is genuine, raise the limit with"
        + " OrukJson.builder().maxDocumentBytes(...).", refused.getMessage());
    assertEquals(refused.getMessage(), streamed.getMessage());
    assertNull(refused.code(), "unreadable, not a strict-mode refusal");
  }

  @Test
  void deepNestingIsRefused() {
    String deep = SERVICE.replace("}", ",\"pc\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");

    OrukReadException refused = assertThrows(OrukReadException.class,
        () -> OrukJson.lenient().read(deep, Service.class));

    assertTrue(refused.getMessage().matches("the document nests objects and arrays more than 100 levels deep \\(at"
        + " line 1, column \\d+\\), the nesting limit; ORUK documents need about 20\\. If it is genuine, raise the"
        + " limit with OrukJson\\.builder\\(\\)\\.maxNestingDepth\\(\\.\\.\\.\\)\\."), refused.getMessage());
  }

  @Test
  void eachLimitIsNamedWithItsValueAndTheSettingThatChangesIt() {
    OrukJson shortTexts = OrukJson.builder().maxStringLength(40).build();
    OrukJson shallow = OrukJson.builder().maxNestingDepth(5).build();

    String text = assertThrows(OrukReadException.class,
        () -> shortTexts.read(SERVICE.replace("\"A\"", "\"" + "a".repeat(41) + "\""), Service.class)).getMessage();
    String nesting = assertThrows(OrukReadException.class,
        () -> shallow.read(SERVICE.replace("}", ",\"pc\":[[[[[]]]]]}"), Service.class)).getMessage();
    String nan = assertThrows(OrukReadException.class,
        () -> OrukJson.lenient().read(SERVICE.replace("}", ",\"pc\":NaN}"), Service.class)).getMessage();

    assertTrue(text.startsWith("a text value (at line 1, column ") && text.contains("longer than 40 characters, the"
        + " text-length limit") && text.endsWith("OrukJson.builder().maxStringLength(...)."), text);
    assertTrue(nesting.contains("more than 5 levels deep") && nesting.contains("maxNestingDepth"), nesting);
    for (String message : List.of(text, nesting, nan)) {
      assertFalse(message.contains("StreamReadConstraints") || message.contains("JsonReadFeature"), message);
    }
    assertFalse(text.contains("levels") || text.contains("bytes"), "only the limit that was hit: " + text);
    assertTrue(nan.startsWith("not valid JSON at line 1, column ") && nan.endsWith("Non-standard token 'NaN'"), nan);
  }

  @Test
  void brokenJsonSaysWhere() {
    OrukReadException refused = assertThrows(OrukReadException.class,
        () -> OrukJson.lenient().read("{\"id\":\"x\",\n\"name\": oops}", Service.class));

    assertTrue(refused.getMessage().contains("line 2"), refused.getMessage());
  }

  @Test
  void htmlErrorPagesAreRecognised() {
    OrukReadException refused = assertThrows(OrukReadException.class,
        () -> OrukJson.lenient().readPage("  <!DOCTYPE html><title>502 Bad Gateway</title>", Service.class));

    assertTrue(refused.getMessage().contains("looks like HTML"), refused.getMessage());
  }

  @Test
  void theWrongShapeAtTheTopIsRefusedWithWhatWasExpected() {
    OrukReadException array = assertThrows(OrukReadException.class,
        () -> OrukJson.lenient().readPage("[" + SERVICE + "]", Service.class));
    OrukReadException empty = assertThrows(OrukReadException.class,
        () -> OrukJson.lenient().read("   ", Service.class));

    assertEquals("expected a JSON object for a page of service records, found an array at line 1, column 1.",
        array.getMessage());
    assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
  }

  @Test
  void trailingContentIsRefused() {
    OrukReadException refused = assertThrows(OrukReadException.class,
        () -> OrukJson.lenient().read(SERVICE + " {}", Service.class));
    assertTrue(refused.getMessage().contains("not valid JSON"), refused.getMessage());
  }

  @Test
  void strictReadingRefusesDuplicateKeys() {
    String duplicated = SERVICE.replace("}", ",\"name\":\"B\"}");
    assertEquals("B", OrukJson.lenient().read(duplicated, Service.class).value().getName());
    assertThrows(OrukReadException.class, () -> OrukJson.strict().read(duplicated, Service.class));
  }

  @Test
  void pagesWithoutContentsReadAsEmpty() {
    ReadResult<Page<Service>> read = OrukJson.lenient().readPage("{\"total_items\":0}", Service.class);
    assertEquals(0, read.value().contents().size());
    assertEquals(0, read.value().totalItems());
  }
}
