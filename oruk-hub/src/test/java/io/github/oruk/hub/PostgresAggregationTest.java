package io.github.oruk.hub;

import io.github.oruk.hub.store.HubStore;
import io.github.oruk.model.Prerequisite;
import io.github.oruk.testkit.postgres.ThrowawayPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The aggregation on PostgreSQL: the test kit's throwaway cluster, each test in a schema of its own
 * ({@code currentSchema} in the URL, as a shared database would have it). Skipped, saying why, when the machine
 * has no PostgreSQL binaries; failed instead when {@code ORUK_REQUIRE_POSTGRES} is set.
 */
class PostgresAggregationTest extends AggregationContract {

  private String schema;

  @Override
  HubStore openStore() throws Exception {
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
