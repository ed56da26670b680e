package io.github.oruk.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A row no service leads to (a taxonomy no term names, a location no service is delivered at, a row whose
 * foreign key names nothing), kept so that nothing is lost: writing the package back writes it again. The rows
 * nested in it (a location's addresses) are inside its values, as in a record.
 *
 * @param table the table's name, such as {@code location} or {@code meta_table_description}
 * @param file the file it was read from
 * @param row its row in that file (the header is row 1)
 * @param values its cells and nested rows, by column name, in the file's order
 */
public record UnlinkedRow(String table, String file, int row, Map<String, JsonNode> values) {

  public UnlinkedRow {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(file, "file");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
