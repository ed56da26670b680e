package io.github.oruk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the {@code ./oruk} launcher's class-data archive: the launcher runs this once after each
 * build of {@code oruk.jar}, under {@code -XX:ArchiveClassesAtExit}, and every later command starts with {@code
 * -XX:SharedArchiveFile}, so the JVM maps the classes these commands load (picocli, Jackson, the model, the
 * schema validator, the rules) from the archive instead of reading, checking and parsing them from the jar
 * again each time. It runs the commands people run most, on a few generated services in a temporary folder, with
 * their output thrown away; a command that fails here fails the training (exit 1), and the launcher then goes on
 * without an archive.
 */
public final class StartupTraining {

  private StartupTraining() {
  }

  /** Runs the training; exit 0 when every command succeeded. */
  public static void main(String[] args) throws IOException {
    int failed = run(Files.createTempDirectory("oruk-training"));
    System.exit(failed == 0 ? 0 : 1);
  }

  /** Runs each training command in the folder (deleted afterwards); returns how many failed. */
  static int run(Path folder) throws IOException {
    try {
      String data = folder.resolve("services.ndjson").toString();
      String pkg = folder.resolve("package").toString();
      List<String[]> commands = new ArrayList<>();
      commands.add(new String[] {"generate", "--services", "40", "--seed", "1", "--quirks", "all",
          "--out", folder.toString()});
      commands.add(new String[] {"validate", data});
      commands.add(new String[] {"validate", "--format", "json", data});
      commands.add(new String[] {"validate", "--profile", "parity", "--format", "html", data});
      commands.add(new String[] {"convert", "--to", "tabular", "--out", pkg, data});
      commands.add(new String[] {"validate", pkg});
      commands.add(new String[] {"serve", "--data", data, "--port", "0", "--no-wait"});
      int failed = 0;
      PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
      for (String[] command : commands) {
        int code = Oruk.run(command, nowhere, nowhere);
        // validate exits 1 for a feed that fails, which the quirky services do: only usage errors and worse count.
        if (code > 1) {
          System.err.println("oruk startup training: '" + String.join(" ", command) + "' exited " + code);
          failed++;
        }
      }
      return failed;
    } finally {
      delete(folder);
    }
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
