package io.github.oruk.hub;

import io.github.oruk.hub.store.HubStore;
import io.github.oruk.model.Prerequisite;
import io.github.oruk.testkit.postgres.ThrowawayPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A schema of its own in the test kit's throwaway PostgreSQL ({@code currentSchema} in the URL, as a shared
 * database would have it), made on the first {@link #open()}. Skips the test, saying why, when the machine has no
 * PostgreSQL binaries; fails it instead when {@code ORUK_REQUIRE_POSTGRES} is set.
 */
final class PostgresSchema {

  private String schema;

  /** A store in the schema; the same database on every call. */
  HubStore open() throws Exception {
    String url = ThrowawayPostgres.url().orElse(null);
    Prerequisite.require(url != null, "no PostgreSQL for oruk-hub's PostgreSQL run: " + ThrowawayPostgres.whyNot(),
        Prerequisite.POSTGRES);
    if (schema == null) {
      schema = "hub_" + Long.toHexString(System.nanoTime());
      try (Connection connection = DriverManager.getConnection(url, ThrowawayPostgres.USER, "");
          Statement statement = connection.createStatement()) {
        statement.execute("create schema " + schema);
      }
    }
    return HubStore.open(url + "?currentSchema=" + schema + "&user=" + ThrowawayPostgres.USER);
  }
}
