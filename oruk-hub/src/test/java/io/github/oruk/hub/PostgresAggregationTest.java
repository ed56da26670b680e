package io.github.oruk.hub;

import io.github.oruk.hub.store.HubStore;

/** The aggregation on PostgreSQL, each test in a schema of its own ({@link PostgresSchema}). */
class PostgresAggregationTest extends AggregationContract {

  private final PostgresSchema postgres = new PostgresSchema();

  @Override
  HubStore openStore() throws Exception {
    return postgres.open();
  }
}
