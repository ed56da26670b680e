/**
 * Many ORUK feeds into one directory: a register of feeds, incremental aggregation with provenance and
 * history, in an H2 file or PostgreSQL, the schema kept by Flyway; de-duplication of services across sources.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.github.oruk.hub {
  requires transitive io.github.oruk.client;
  requires transitive io.github.oruk.validation;
  requires transitive io.github.oruk.server;
  requires io.github.oruk.tabular;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires java.sql;
  requires static org.jspecify;
  // Flyway and the JDBC drivers are automatic modules (names from their jars). The migrations live in
  // oruk-hub/migration, which is no package, so Flyway reads them without this module opening anything.
  requires flyway.core;
  requires com.h2database;
  requires org.postgresql.jdbc;

  exports io.github.oruk.hub;
  exports io.github.oruk.hub.dedup;
  exports io.github.oruk.hub.monitor;
  exports io.github.oruk.hub.page;
  exports io.github.oruk.hub.publish;
  exports io.github.oruk.hub.refresh;
  exports io.github.oruk.hub.register;
  exports io.github.oruk.hub.report;
  exports io.github.oruk.hub.store;
}
