/**
 * Example: a directory kept in a relational database (H2 embedded by default, PostgreSQL by JDBC URL)
 * published as an ORUK 3.0 API through the server SPI. {@link io.github.oruk.examples.jdbc.JdbcDirectory}
 * is the provider; {@link io.github.oruk.examples.jdbc.CsvImport} loads the flat spreadsheet councils
 * keep, and {@code PackageImport} the standard's Tabular Data Package; {@link io.github.oruk.examples.jdbc.JdbcPublisher} runs it all.
 */
package io.github.oruk.examples.jdbc;
