package io.github.oruk.examples.jdbc;

import io.github.oruk.model.Prerequisite;
import io.github.oruk.testkit.postgres.ThrowawayPostgres;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The JDBC provider on PostgreSQL: the one {@code ORUK_TEST_PG_URL} names (with {@code ORUK_TEST_PG_USER}
 * and {@code ORUK_TEST_PG_PASSWORD} if needed), or else the test kit's {@link ThrowawayPostgres} when the machine has the
 * server binaries; skipped, saying why, when there is neither, or failed instead where {@code ORUK_REQUIRE_POSTGRES}
 * is set (as {@code .ci/run} does: the CI machine has the binaries). The tables go into a schema of their own,
 * dropped afterwards, so the database's other contents are never touched.
 */
class PostgresDirectoryTest extends JdbcDirectoryContract {

  private final String schema = "oruk_jdbc_test_" + Long.toHexString(System.nanoTime());
  private DataSource admin;

  @Override
  DataSource dataSource() throws Exception {
    String url = System.getenv("ORUK_TEST_PG_URL");
    String user = System.getenv("ORUK_TEST_PG_USER");
    if (url == null || url.isBlank()) {
      url = ThrowawayPostgres.url().orElse(null);
      user = ThrowawayPostgres.USER;
      Prerequisite.require(url != null, "no PostgreSQL for the JDBC example's PostgreSQL run: ORUK_TEST_PG_URL is"
          + " not set and " + ThrowawayPostgres.whyNot(), Prerequisite.POSTGRES);
    }
    String password = System.getenv("ORUK_TEST_PG_PASSWORD");
    admin = Database.of(url, user, password == null ? "" : password);
    try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
    return Database.of(url, user, password == null ? "" : password, "SET search_path TO " + schema);
  }

  @Override
  boolean sortsLikeJava() {
    return false;
  }

  @Override
  void dropDatabase() throws Exception {
    if (admin != null) {
      try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }
}
