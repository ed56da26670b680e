package io.github.oruk.examples.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A WHERE clause built from fixed SQL fragments and values that are only ever bound as statement
 * parameters: nothing a client sends becomes SQL text.
 */
final class Where {

  private final List<String> clauses = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();

  /** Adds a condition; every {@code ?} in {@code sql} takes the next value. */
  Where and(String sql, Object... parameters) {
    clauses.add(sql);
    values.addAll(List.of(parameters));
    return this;
  }

  /** {@code " WHERE a AND b"}, or {@code ""} when there is no condition. */
  String sql() {
    return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
  }

  List<Object> values() {
    return values;
  }

  /** Binds the values from parameter 1, then {@code more} after them; returns the next index. */
  int bind(PreparedStatement statement, Object... more) throws SQLException {
    int index = 1;
    for (Object value : values) {
      set(statement, index++, value);
    }
    for (Object value : more) {
      set(statement, index++, value);
    }
    return index;
  }

  private static void set(PreparedStatement statement, int index, Object value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.NULL);
    } else {
      statement.setObject(index, value);
    }
  }

  /** A LIKE pattern matching text that contains {@code word}, with LIKE's own characters escaped. */
  static String containing(String word) {
    String escaped = word.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
