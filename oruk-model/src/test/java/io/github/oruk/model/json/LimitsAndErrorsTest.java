package io.github.oruk.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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

    assertTrue(refused.getMessage().contains("safety limit"), refused.getMessage());
    assertTrue(streamed.getMessage().contains("larger than the limit of 1000 bytes"), streamed.getMessage());
    assertNull(refused.code(), "unreadable, not a strict-mode refusal");
  }

  @Test
  void deepNestingIsRefused() {
    String deep = SERVICE.replace("}", ",\"pc\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");

    OrukReadException refused = assertThrows(OrukReadException.class,
        () -> OrukJson.lenient().read(deep, Service.class));

    assertTrue(refused.getMessage().contains("nesting"), refused.getMessage());
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
