package io.github.oruk.tabular;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CSV as spreadsheets write it, parsed and written by jackson-dataformat-csv: quoted cells with separators,
 * doubled quotes and line breaks, CRLF or LF, a UTF-8 byte order mark, and {@code ;} or tab instead of
 * {@code ,} (as spreadsheets in locales with a decimal comma save it), detected from the header line.
 */
final class CsvText {

  private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private CsvText() {
  }

  /** The file's text: UTF-8 when it is (without its byte order mark), else null. */
  static @Nullable String utf8(byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The separator the header line uses most: {@code ,}, {@code ;} or tab, counted outside quotes. */
  static char detectSeparator(String text) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted && c == ',') {
        commas++;
      } else if (!quoted && c == ';') {
        semicolons++;
      } else if (!quoted && c == '\t') {
        tabs++;
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    return tabs > commas ? '\t' : ',';
  }

  /** Every record of the text, header included, as its cells. */
  static List<String[]> parse(String text, char separator) throws IOException {
    List<String[]> rows = new ArrayList<>();
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
    try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class).with(schema).readValues(text)) {
      while (it.hasNextValue()) {
        rows.add(it.nextValue());
      }
    } catch (RuntimeException e) {
      // Jackson's iterator wraps parse errors in a RuntimeException; the cause says where.
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
    return rows;
  }

  /** The rows as CSV (RFC 4180: comma, CRLF, quotes where needed). */
  static String write(List<String[]> rows) {
    StringWriter out = new StringWriter();
    CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n");
    try (SequenceWriter writer = MAPPER.writerFor(String[].class).with(schema).writeValues(out)) {
      for (String[] row : rows) {
        writer.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
