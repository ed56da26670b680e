package io.github.oruk.hub.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One table of the report: the numbers behind a chart, as the HTML table, the CSV and the JSON all show them, so
 * that the three cannot disagree. A cell is a string, an integer, or null (a value the feeds did not give).
 *
 * @param name the file name without its extension, such as {@code services-by-type}
 * @param caption the table's caption
 * @param columns the column names, as in the CSV header and the JSON properties
 * @param headings the column headings people read
 * @param rows the rows
 */
record Dataset(String name, String caption, List<String> columns, List<String> headings,
    List<List<@Nullable Object>> rows) {

  private static final ObjectMapper JSON = new ObjectMapper();

  Dataset {
    columns = List.copyOf(columns);
    headings = List.copyOf(headings);
    List<List<@Nullable Object>> copies = new ArrayList<>();
    rows.forEach(row -> copies.add(java.util.Collections.unmodifiableList(new ArrayList<>(row))));
    rows = List.copyOf(copies);
  }

  /**
   * The table as CSV (RFC 4180, CRLF line ends, a header line). A text cell that a spreadsheet would take for a
   * formula (it starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a
   * leading {@code '}: feed text is never run, in a spreadsheet either.
   */
  String csv() {
    StringBuilder csv = new StringBuilder();
    csv.append(String.join(",", columns)).append("\r\n");
    for (List<@Nullable Object> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          csv.append(',');
        }
        Object cell = row.get(i);
        if (cell instanceof String text) {
          csv.append(field(text));
        } else if (cell != null) {
          csv.append(cell);
        }
      }
      csv.append("\r\n");
    }
    return csv.toString();
  }

  private static String field(String text) {
    String value = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  /** The table as JSON: an array of objects, one a row, the columns as properties, numbers as numbers. */
  String json() {
    ArrayNode array = JSON.createArrayNode();
    for (List<@Nullable Object> row : rows) {
      ObjectNode object = array.addObject();
      for (int i = 0; i < columns.size(); i++) {
        Object cell = row.get(i);
        if (cell instanceof Integer number) {
          object.put(columns.get(i), number);
        } else if (cell instanceof Double number) {
          object.put(columns.get(i), number);
        } else {
          object.put(columns.get(i), cell == null ? null : cell.toString());
        }
      }
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always writes", e);
    }
  }
}
