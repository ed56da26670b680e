package io.github.oruk.model.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a file holds its documents: NDJSON (one JSON object a line, as {@code oruk generate} and
 * {@code oruk harvest} write) or one JSON document (a record, a page, an array, the API details). Which
 * document a JSON document is, {@link DocumentReader#detect} says.
 *
 * <pre>{@code
 * if (Layout.of(file) == Layout.NDJSON) { ... one record a line ... }
 * }</pre>
 *
 * <p>The rule, the only one in the SDK (the in-memory server's files, the taxonomy loader and
 * {@code oruk validate} use it):
 * <ol>
 *   <li>a name ending {@code .ndjson} or {@code .jsonl} (any case) is NDJSON, whatever it holds, so that a broken
 *       first line is reported by its line number;</li>
 *   <li>otherwise the file is NDJSON when its first non-blank line (without a byte order mark) is one complete
 *       JSON object and another non-blank line follows it. A valid JSON document never looks like that (only
 *       white space may follow its end), so this never takes a JSON document for NDJSON, whatever its name
 *       (a {@code .json} name does not force JSON: harvested NDJSON is often saved as {@code .json});</li>
 *   <li>everything else is one JSON document, including a single object on a single line: one record read
 *       as a document keeps its kind (an organization stays an organization), and a reader of services gets
 *       the same service either way.</li>
 * </ol>
 * Lines after the second are not looked at: a broken line further down is the reader's to report, with its
 * number, rather than turning the whole file into one unreadable JSON document.
 */
public enum Layout {
  /** One JSON object a line. */
  NDJSON,
  /** One JSON document. */
  JSON;

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  /**
   * The layout of a file, from its name and its first two non-blank lines.
   *
   * @param name the file's name or path, or what the source is called ({@code null} when it has none)
   * @param firstLine the first non-blank line, or {@code null} when the file is blank
   * @param secondLine the next non-blank line, or {@code null} when there is none
   */
  public static Layout of(String name, @Nullable String firstLine, @Nullable String secondLine) {
    if (name != null) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
        return NDJSON;
      }
    }
    return firstLine != null && secondLine != null && isOneObject(firstLine) ? NDJSON : JSON;
  }

  /** The layout of content held in memory. */
  public static Layout of(String name, byte[] content) {
    String[] lines = new String[2];
    int found = 0;
    for (int start = 0; start < content.length && found < 2; ) {
      int end = start;
      while (end < content.length && content[end] != '\n') {
        end++;
      }
      String line = new String(content, start, end - start, StandardCharsets.UTF_8);
      if (!isBlank(line)) {
        lines[found++] = line;
      }
      start = end + 1;
    }
    return of(name, lines[0], lines[1]);
  }

  /** The layout of a file, reading no further than its second non-blank line. */
  public static Layout of(Path file) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = nextNonBlank(reader);
      String second = first == null ? null : nextNonBlank(reader);
      return of(file.toString(), first, second);
    }
  }

  /** The next line that is not blank, or {@code null} at the end. */
  private static @Nullable String nextNonBlank(BufferedReader reader) throws IOException {
    for (String line; (line = reader.readLine()) != null; ) {
      if (!isBlank(line)) {
        return line;
      }
    }
    return null;
  }

  /** Whether a line holds nothing but white space (and perhaps a byte order mark). */
  public static boolean isBlank(String line) {
    return withoutByteOrderMark(line).isBlank();
  }

  /** The line without a leading byte order mark. */
  public static String withoutByteOrderMark(String line) {
    return line.startsWith(BYTE_ORDER_MARK) ? line.substring(1) : line;
  }

  /** Whether a line is one JSON object and nothing more. */
  private static boolean isOneObject(String line) {
    String text = withoutByteOrderMark(line).strip();
    if (!text.startsWith("{") || !text.endsWith("}")) {
      return false;
    }
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }
}
