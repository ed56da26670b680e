package io.github.oruk.examples.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Where the directory's tables live: an embedded H2 database by default, PostgreSQL (or any database the
 * SQL suits) by JDBC URL. {@link #of} opens a connection per use, which is plenty for an example; put a
 * connection pool (HikariCP, your application server's) in front of a busy production database instead.
 */
public final class Database {

  /** The default: an H2 database in the file {@code ./oruk-directory.mv.db}. */
  public static final String DEFAULT_URL = "jdbc:h2:./oruk-directory";

  private Database() {
  }

  /** A data source for a JDBC URL, such as {@code jdbc:postgresql://localhost/directory}. */
  public static DataSource of(String url, String user, String password) {
    return new UrlDataSource(Objects.requireNonNull(url, "url"), user, password, null);
  }

  /**
   * A data source whose connections first run {@code initSql} (for example
   * {@code SET search_path TO directory}), to keep the tables in a schema of their own.
   */
  public static DataSource of(String url, String user, String password, String initSql) {
    return new UrlDataSource(Objects.requireNonNull(url, "url"), user, password, initSql);
  }

  /** A private in-memory H2 database that lives as long as the JVM (for tests and demonstrations). */
  public static DataSource inMemory(String name) {
    return of("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  /** Creates the example's tables and indexes where they do not exist yet. */
  public static void createSchema(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : schemaStatements()) {
        statement.execute(sql);
      }
    }
  }

  /** The statements of {@code schema.sql}, in order. */
  static List<String> schemaStatements() {
    String text;
    try (InputStream in = Database.class.getResourceAsStream("schema.sql")) {
      if (in == null) {
        throw new IllegalStateException("schema.sql is missing from the jdbc-publisher jar");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        statements.add(current.substring(0, current.lastIndexOf(";")).strip());
        current.setLength(0);
      }
    }
    return statements;
  }

  private static final class UrlDataSource implements DataSource {
    private final String url;
    private final String user;
    private final String password;
    private final String initSql;

    UrlDataSource(String url, String user, String password, String initSql) {
      this.url = url;
      this.user = user;
      this.password = password;
      this.initSql = initSql;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String secret) throws SQLException {
      Connection connection = username == null ? DriverManager.getConnection(url)
          : DriverManager.getConnection(url, username, secret);
      if (initSql != null) {
        try (Statement statement = connection.createStatement()) {
          statement.execute(initSql);
        } catch (SQLException e) {
          connection.close();
          throw e;
        }
      }
      return connection;
    }

    @Override
    public PrintWriter getLogWriter() {
      return DriverManager.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      DriverManager.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
      DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
      return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      if (type.isInstance(this)) {
        return type.cast(this);
      }
      throw new SQLException("not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return type.isInstance(this);
    }
  }
}
