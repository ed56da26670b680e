package io.github.oruk.hub;

import io.github.oruk.hub.store.HubStore;

/** Clusters, decisions and the merged view on PostgreSQL, each test in a schema of its own. */
class PostgresClusterTest extends ClusterContract {

  private final PostgresSchema postgres = new PostgresSchema();

  @Override
  HubStore openStore() throws Exception {
    return postgres.open();
  }
}
