package io.github.oruk.examples.jdbc;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as spreadsheets save it (RFC 4180): comma-separated, fields in double quotes may hold commas,
 * line breaks and doubled quotes, lines end with CRLF or LF, and a UTF-8 byte order mark is skipped.
 */
final class CsvReader {

  /** One record with the line it starts on (1 for the header). */
  record Row(int line, List<String> fields) {
  }

  private CsvReader() {
  }

  /**
   * Every record, blank lines skipped.
   *
   * @throws CsvImportException when a quoted field is never closed, or text follows a closing quote
   */
  static List<Row> read(Reader reader) throws IOException {
    StringBuilder all = new StringBuilder();
    char[] buffer = new char[8192];
    for (int n; (n = reader.read(buffer)) > 0; ) {
      all.append(buffer, 0, n);
    }
    String text = all.length() > 0 && all.charAt(0) == '\uFEFF' ? all.substring(1) : all.toString();
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int rowStart = 1;
    int i = 0;
    while (i <= text.length()) {
      char c = i < text.length() ? text.charAt(i) : '\n';
      boolean end = i == text.length();
      if (c == '"' && field.length() == 0) {
        int quoteLine = line;
        i++;
        while (true) {
          if (i >= text.length()) {
            throw new CsvImportException(List.of("line " + quoteLine + ": a quoted field is never closed"));
          }
          char q = text.charAt(i);
          if (q == '"') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (q == '\n') {
            line++;
          }
          field.append(q);
          i++;
        }
        if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
          throw new CsvImportException(List.of("line " + line + ": text after a closing quote; a field holding"
              + " quotes must be quoted as a whole, with each quote inside doubled"));
        }
        continue;
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        boolean blank = fields.size() == 1 && fields.get(0).isBlank();
        if (!blank) {
          rows.add(new Row(rowStart, List.copyOf(fields)));
        }
        fields.clear();
        line++;
        rowStart = line;
        if (end) {
          break;
        }
      } else {
        field.append(c);
      }
      i++;
    }
    return rows;
  }
}
