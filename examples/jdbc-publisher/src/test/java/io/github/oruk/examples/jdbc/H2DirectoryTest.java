package io.github.oruk.examples.jdbc;

import javax.sql.DataSource;

/** The JDBC provider on the embedded H2 database, the example's default. */
class H2DirectoryTest extends JdbcDirectoryContract {

  @Override
  DataSource dataSource() {
    return Database.inMemory("contract" + System.nanoTime());
  }

  @Override
  boolean sortsLikeJava() {
    return true;
  }
}
