package io.github.oruk.testkit.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL cluster of the tests' own, on 127.0.0.1, when the machine has PostgreSQL's server binaries
 * (Debian's {@code postgresql} package puts them in {@code /usr/lib/postgresql/VERSION/bin}). Created once per
 * test JVM in a temporary folder, with {@code fsync} off, and stopped and deleted when the JVM ends. This keeps
 * {@code ./mvnw verify} the whole test command: no database has to be started before it.
 *
 * <p>{@code initdb} refuses to run as root, so as root the cluster belongs to the package's {@code postgres}
 * user.
 *
 * <p>A test that needs PostgreSQL asks for {@link #url()} and, when it is empty, skips with {@link #whyNot()}
 * in its message — or fails instead where the build says PostgreSQL must be there (the project's tests do so
 * when {@code ORUK_REQUIRE_POSTGRES=1}, through their {@code Prerequisite} helper):
 *
 * <pre>{@code
 * String url = ThrowawayPostgres.url().orElse(null);
 * Assumptions.assumeTrue(url != null, "no PostgreSQL: " + ThrowawayPostgres.whyNot());
 * DriverManager.getConnection(url, ThrowawayPostgres.USER, "");
 * }</pre>
 */
public final class ThrowawayPostgres {

  /** The cluster's user (it trusts local connections: no password). */
  public static final String USER = "oruk";


  private static final System.Logger LOG = System.getLogger(ThrowawayPostgres.class.getName());
  private static @Nullable Optional<String> shared;
  private static String whyNot = "";

  private ThrowawayPostgres() {
  }

  /**
   * The JDBC URL of the cluster (database {@code postgres}, user {@link #USER}, no password), started on first
   * use and shared by the JVM's tests; empty when the machine has no PostgreSQL server binaries or the cluster
   * could not start.
   */
  public static synchronized Optional<String> url() {
    Optional<String> url = shared;
    if (url == null) {
      url = start();
      shared = url;
    }
    return url;
  }

  /** Why there is no cluster, for the skip message. */
  public static synchronized String whyNot() {
    return whyNot;
  }

  private static Optional<String> start() {
    Optional<Path> bin = serverBinaries();
    if (bin.isEmpty()) {
      whyNot = "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin";
      return Optional.empty();
    }
    @Nullable Path dir = null;
    try {
      dir = Files.createTempDirectory("oruk-test-pg");
      boolean root = "root".equals(System.getProperty("user.name"));
      if (root) {
        run(List.of("chown", "postgres", dir.toString()), null, 30);
      }
      Path data = dir.resolve("data");
      run(command(root, bin.get().resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "oruk",
          "-E", "UTF8", "--no-sync"), dir.resolve("initdb.log"), 120);
      int port = freePort();
      run(command(root, bin.get().resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
          dir.resolve("server.log").toString(), "-w", "-o",
          "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), null, 60);
      Path cluster = dir;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(root, bin.get(), cluster), "oruk-test-pg-stop"));
      LOG.log(System.Logger.Level.INFO, "throwaway PostgreSQL on 127.0.0.1:{0} in {1}", String.valueOf(port), dir);
      return Optional.of("jdbc:postgresql://127.0.0.1:" + port + "/postgres");
    } catch (IOException | RuntimeException e) {
      whyNot = "could not start a throwaway PostgreSQL (" + e.getMessage() + ")";
      if (dir != null) {
        delete(dir);
      }
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      whyNot = "interrupted while starting PostgreSQL";
      return Optional.empty();
    }
  }

  private static Optional<Path> serverBinaries() {
    Path versions = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(versions)) {
      return Optional.empty();
    }
    try (Stream<Path> each = Files.list(versions)) {
      return each.map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
          .max(Comparator.comparing(ThrowawayPostgres::versionOf));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int versionOf(Path bin) {
    try {
      @Nullable Path version = bin.getParent() == null ? null : bin.getParent().getFileName();
      return version == null ? 0 : Integer.parseInt(version.toString().replaceAll("\\D.*", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** As root, the command runs as {@code postgres} through {@code su}; otherwise as it is. */
  private static List<String> command(boolean root, String... words) {
    if (!root) {
      return List.of(words);
    }
    StringBuilder line = new StringBuilder();
    for (String word : words) {
      line.append(line.length() == 0 ? "" : " ").append('\'').append(word.replace("'", "'\\''")).append('\'');
    }
    return List.of("su", "postgres", "-s", "/bin/sh", "-c", line.toString());
  }

  private static void run(List<String> command, @Nullable Path log, int seconds) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
    Path output = log != null ? log : Files.createTempFile("oruk-test-pg", ".log");
    builder.redirectOutput(output.toFile());
    Process process = builder.start();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(command.get(0) + " did not finish within " + seconds + " s");
    }
    if (process.exitValue() != 0) {
      List<String> lines = Files.readAllLines(output);
      throw new IOException(String.join(" ", command).replaceAll("\\s+", " ") + " exited with "
          + process.exitValue() + ": " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())));
    }
    if (log == null) {
      Files.deleteIfExists(output);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void stop(boolean root, Path bin, Path dir) {
    try {
      run(command(root, bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
          "stop"), null, 60);
    } catch (IOException | InterruptedException e) {
      // the folder goes anyway; a server left running would be found by its port and folder
    }
    delete(dir);
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // best effort: a temporary folder
    }
  }
}
