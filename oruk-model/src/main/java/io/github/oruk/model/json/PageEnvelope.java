package io.github.oruk.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one writer of the ORUK page envelope: {@code total_items}, {@code total_pages}, {@code page_number},
 * {@code size}, {@code first_page}, {@code last_page}, {@code empty}, in that order, then {@code contents}.
 * The codec's {@code Page} serializer writes through it, and so do publishers that keep their records'
 * JSON already encoded (the SDK's server, the test kit's fake feed): they write the envelope around those
 * bytes without parsing or encoding the records again.
 *
 * <pre>{@code
 * byte[] body = PageEnvelope.write(Page.of(encodedRecords, 2, 50, 120));   // Page<byte[]>
 * }</pre>
 *
 * <p>The bytes are those {@link OrukJson#write(Object)} gives for the same page with the records as objects
 * (compact, no extensions), so a publisher can switch between the two without its answers changing.
 */
public final class PageEnvelope {

  /** The envelope's properties, in the order they are written. */
  private static final String[] NAMES = {"total_items", "total_pages", "page_number", "size", "first_page",
      "last_page", "empty"};
  private static final int SIZE = 3;
  private static final int EMPTY = 6;
  private static final byte[] CONTENTS = ",\"contents\":[".getBytes(StandardCharsets.UTF_8);

  private PageEnvelope() {
  }

  /**
   * The page as JSON, its {@code contents} being the records' JSON as given, each one complete JSON value.
   * The envelope is {@link Page#complete() completed}; {@code size} and {@code empty} follow from the records.
   */
  public static byte[] write(Page<byte[]> page) {
    return write(opening(page), page.contents());
  }

  /**
   * The envelope's properties as JSON, from the opening brace to the value of {@code empty}, without what
   * follows: <code>{"total_items":120,...,"empty":false</code>. A publisher that tags its answers can checksum this
   * and its records' JSON instead of the whole body; {@link #write(byte[], List)} completes it.
   */
  public static byte[] opening(Page<?> page) {
    // Numbers and flags only, so their text is their JSON: no generator, whose setting up cost the server a
    // few microseconds a page (benchmarks/RESULTS.md, "Measured paths that issue #14 moved").
    Object[] values = values(page.complete());
    StringBuilder json = new StringBuilder(160).append('{');
    for (int i = 0; i < NAMES.length; i++) {
      json.append(i == 0 ? "\"" : ",\"").append(NAMES[i]).append("\":").append(values[i]);
    }
    return json.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** A whole page: an {@link #opening(Page)}, then {@code contents} holding {@code records}, each as given. */
  public static byte[] write(byte[] opening, List<byte[]> records) {
    int size = opening.length + CONTENTS.length + 2 + Math.max(0, records.size() - 1);
    for (byte[] record : records) {
      size += record.length;
    }
    byte[] body = new byte[size];
    System.arraycopy(opening, 0, body, 0, opening.length);
    int at = opening.length;
    System.arraycopy(CONTENTS, 0, body, at, CONTENTS.length);
    at += CONTENTS.length;
    for (int i = 0; i < records.size(); i++) {
      if (i > 0) {
        body[at++] = ',';
      }
      byte[] record = records.get(i);
      System.arraycopy(record, 0, body, at, record.length);
      at += record.length;
    }
    body[at++] = ']';
    body[at] = '}';
    return body;
  }

  /**
   * Starts the page's object and writes its seven envelope properties, completed. An envelope value the page
   * was read without, but whose raw value {@code extensions} holds (a feed sent it in a form the model could
   * not take), is written back as sent; {@code size} and {@code empty} always follow from the records.
   */
  static void writeStart(JsonGenerator gen, Page<?> page, Map<String, JsonNode> extensions) throws IOException {
    Object[] read = values(page);
    Object[] completed = values(page.complete());
    gen.writeStartObject(page);
    for (int i = 0; i < NAMES.length; i++) {
      gen.writeFieldName(NAMES[i]);
      if (i != SIZE && i != EMPTY && read[i] == null && extensions.containsKey(NAMES[i])) {
        gen.writeTree(extensions.get(NAMES[i]));
      } else if (completed[i] instanceof Integer number) {
        gen.writeNumber(number);
      } else {
        gen.writeBoolean((Boolean) completed[i]);
      }
    }
  }

  /** The page's envelope values, as {@link #NAMES} lists them. */
  private static Object[] values(Page<?> page) {
    return new Object[] {page.totalItems(), page.totalPages(), page.pageNumber(), page.size(), page.firstPage(),
        page.lastPage(), page.empty()};
  }
}
