package io.github.oruk.examples.jdbc;

import io.github.oruk.server.OrukApi;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.server.memory.ServiceFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Runs the example: creates the tables if needed, imports a spreadsheet (or ORUK JSON/NDJSON) if asked,
 * and publishes the database as an ORUK 3.0 API until stopped.
 *
 * <pre>
 * java -jar jdbc-publisher.jar --import services.csv                  # H2 file ./oruk-directory.mv.db
 * java -jar jdbc-publisher.jar --url jdbc:postgresql://localhost/directory --user oruk   # password: ORUK_DB_PASSWORD
 * </pre>
 */
public final class JdbcPublisher {

  private JdbcPublisher() {
  }

  public static void main(String[] args) throws Exception {
    String url = Database.DEFAULT_URL;
    String user = null;
    String host = "127.0.0.1";
    String baseUrl = null;
    int port = 8080;
    Path importFile = null;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        usage();
        return;
      }
      if (i + 1 >= args.length) {
        fail("option " + option + " needs a value; see --help");
      }
      String value = args[++i];
      switch (option) {
        case "--url" -> url = value;
        case "--user" -> user = value;
        case "--host" -> host = value;
        case "--port" -> port = Integer.parseInt(value);
        case "--base-url" -> baseUrl = value;
        case "--import" -> importFile = Path.of(value);
        default -> fail("unknown option " + option + "; see --help");
      }
    }
    String password = System.getenv("ORUK_DB_PASSWORD");
    DataSource dataSource = Database.of(url, user, password == null ? "" : password);
    Database.createSchema(dataSource);
    if (importFile != null) {
      int count = importFile(dataSource, importFile);
      System.err.printf(Locale.ROOT, "imported %d services from %s%n", count, importFile);
    }
    OrukApi api = OrukApi.builder(new JdbcDirectory(dataSource)).baseUrl(baseUrl).build();
    OrukHttpServer server = OrukHttpServer.builder(api).host(host).port(port).start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "jdbc-publisher-shutdown"));
    System.out.println("listening on " + server.uri());
    server.awaitStop();
  }

  /**
   * Imports a spreadsheet ({@code .csv}) or ORUK services ({@code .ndjson}, {@code .json}) into the
   * tables, in one transaction.
   *
   * @return how many services were imported
   */
  public static int importFile(DataSource dataSource, Path file) throws IOException, SQLException {
    DirectoryWriter writer = new DirectoryWriter(dataSource);
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      CsvImport.Sheet sheet;
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        sheet = new CsvImport().read(reader);
      }
      if (sheet.categories().getTaxonomyTerms() != null) {
        writer.insert(sheet.categories());
      }
      writer.insert(sheet.services());
      return sheet.services().size();
    }
    ServiceFile services = ServiceFile.read(file);
    writer.insert(services.services());
    return services.services().size();
  }

  private static void usage() {
    System.out.println(String.join("\n",
        "Publishes a relational ORUK directory as an ORUK 3.0 API.",
        "",
        "  --url JDBC_URL     database (default " + Database.DEFAULT_URL + ", an H2 file here)",
        "  --user NAME        database user; the password comes from ORUK_DB_PASSWORD",
        "  --import FILE      import a spreadsheet (.csv) or ORUK services (.ndjson, .json) first",
        "  --port P           port (default 8080; 0 picks a free one)",
        "  --host H           address to listen on (default 127.0.0.1)",
        "  --base-url URL     public address, when behind a reverse proxy",
        "",
        "Spreadsheet columns: " + String.join(", ", CsvImport.columnNames())));
  }

  private static void fail(String message) {
    System.err.println("jdbc-publisher: " + message);
    System.exit(2);
  }
}
