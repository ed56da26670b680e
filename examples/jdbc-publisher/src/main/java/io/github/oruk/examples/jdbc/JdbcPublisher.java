package io.github.oruk.examples.jdbc;

import io.github.oruk.server.OrukApi;
import io.github.oruk.server.jetty.OrukJettyServer;
import io.github.oruk.server.memory.ServiceFile;
import io.github.oruk.tabular.TabularPackage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs the example: creates the tables if needed, imports a package, a spreadsheet or ORUK JSON/NDJSON if asked,
 * and publishes the database as an ORUK 3.0 API until stopped.
 *
 * <pre>
 * java -jar jdbc-publisher.jar --import services.csv                  # H2 file ./oruk-directory.mv.db
 * java -jar jdbc-publisher.jar --import directory.zip                  # an HSDS Tabular Data Package
 * java -jar jdbc-publisher.jar --url jdbc:postgresql://localhost/directory --user oruk   # password: ORUK_DB_PASSWORD
 * </pre>
 *
 * <p>Exit codes: 0 stopped normally, 1 the import or the server failed (the reason is printed, one problem a
 * line, never a stack trace), 2 usage error.
 */
public final class JdbcPublisher {

  /** Held here: java.util.logging keeps loggers only weakly, and a collected one forgets its level. */
  private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");

  private JdbcPublisher() {
  }

  public static void main(String[] args) throws InterruptedException {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the example as {@link #main} does, printing to {@code out} and {@code err}; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    String url = Database.DEFAULT_URL;
    String user = null;
    String host = "127.0.0.1";
    String baseUrl = null;
    int port = 8080;
    Path importFile = null;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        out.println(usage());
        return 0;
      }
      if (i + 1 >= args.length) {
        return usageError(err, "option " + option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--url" -> url = value;
        case "--user" -> user = value;
        case "--host" -> host = value;
        case "--port" -> {
          try {
            port = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            return usageError(err, "--port must be a number from 0 to 65535; got '" + value + "'");
          }
        }
        case "--base-url" -> baseUrl = value;
        case "--import" -> importFile = Path.of(value);
        default -> {
          return usageError(err, "unknown option " + option);
        }
      }
    }
    String password = System.getenv("ORUK_DB_PASSWORD");
    OrukJettyServer server;
    try {
      DataSource dataSource = Database.of(url, user, password == null ? "" : password);
      Database.createSchema(dataSource);
      if (importFile != null) {
        int count = importFile(dataSource, importFile, err);
        err.printf(Locale.ROOT, "imported %d services from %s%n", count, importFile);
      }
      server = start(dataSource, baseUrl, host, port);
    } catch (CsvImportException e) {
      List<String> problems = e.problems();
      if (problems.size() == 1) {
        err.println("jdbc-publisher: " + importFile + ": " + problems.get(0));
      } else {
        err.println("jdbc-publisher: " + importFile + ": " + problems.size() + " problems, nothing imported:");
        problems.forEach(problem -> err.println("  " + problem));
      }
      return 1;
    } catch (NoSuchFileException e) {
      err.println("jdbc-publisher: no such file: " + e.getFile());
      return 1;
    } catch (IOException | SQLException | RuntimeException e) {
      err.println("jdbc-publisher: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "jdbc-publisher-shutdown"));
    out.println("listening on " + server.uri());
    server.awaitStop();
    return 0;
  }

  /**
   * Serves the tables on Jetty with its default limits ({@code oruk-server-jetty}), so that clients that
   * stall or stop reading cannot keep others waiting. Jetty's start and stop lines are left out of the
   * output unless a logging configuration file asks for them.
   */
  static OrukJettyServer start(DataSource dataSource, String baseUrl, String host, int port) throws IOException {
    if (System.getProperty("java.util.logging.config.file") == null) {
      JETTY.setLevel(Level.WARNING);
    }
    return OrukJettyServer.builder(api(dataSource, baseUrl)).host(host).port(port).start();
  }

  /**
   * The API over the tables, publishing the one extension they hold: services' telephone numbers (see
   * {@link JdbcDirectory}).
   */
  static OrukApi api(DataSource dataSource, String baseUrl) {
    return OrukApi.builder(new JdbcDirectory(dataSource)).baseUrl(baseUrl).publishExtensions(true).build();
  }

  /**
   * Imports an HSDS Tabular Data Package (a folder holding {@code services.csv} or {@code datapackage.json},
   * or a {@code .zip}), a spreadsheet ({@code .csv}) or ORUK services ({@code .ndjson}, {@code .json}) into
   * the tables, the services in one transaction. A package's findings, and its rows that no service leads to
   * (which are not imported), are printed on {@code err}, one a line (see {@link PackageImport}).
   *
   * @return how many services were imported
   * @throws CsvImportException listing every problem of a spreadsheet that cannot be imported (nothing is)
   */
  public static int importFile(DataSource dataSource, Path file, PrintStream err) throws IOException, SQLException {
    DirectoryWriter writer = new DirectoryWriter(dataSource);
    if (TabularPackage.isPackage(file)) {
      return PackageImport.run(writer, file, err);
    }
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      CsvImport.Sheet sheet;
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        sheet = new CsvImport().read(reader);
      }
      if (!sheet.categories().getTaxonomyTerms().isEmpty()) {
        writer.insert(sheet.categories());
      }
      writer.insert(sheet.services());
      return sheet.services().size();
    }
    ServiceFile services = ServiceFile.read(file);
    writer.insert(services.services());
    return services.services().size();
  }

  private static String usage() {
    return String.join("\n",
        "Publishes a relational ORUK directory as an ORUK 3.0 API.",
        "",
        "  --url JDBC_URL     database (default " + Database.DEFAULT_URL + ", an H2 file here)",
        "  --user NAME        database user; the password comes from ORUK_DB_PASSWORD",
        "  --import FILE      import first: a Tabular Data Package (a folder or .zip), a spreadsheet (.csv)",
        "                     or ORUK services (.ndjson, .json)",
        "  --port P           port (default 8080; 0 picks a free one)",
        "  --host H           address to listen on (default 127.0.0.1)",
        "  --base-url URL     public address, when behind a reverse proxy",
        "",
        "Spreadsheet columns: " + String.join(", ", CsvImport.columnNames()),
        "(services-template.csv, beside the example's README, shows each one.)");
  }

  private static int usageError(PrintStream err, String message) {
    err.println("jdbc-publisher: " + message + "; see --help");
    return 2;
  }
}
