package io.github.oruk.testkit.generate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the read-only upstream reference files are. Surefire passes {@code oruk.shared.dir}; without it,
 * {@code ../shared} beside the checkout is tried (the module directory is two levels below it).
 */
final class SharedFiles {

  private SharedFiles() {
  }

  static Path sharedDir() {
    String configured = System.getProperty("oruk.shared.dir");
    Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    return dir.toAbsolutePath().normalize();
  }

  /** A path inside the shared folder; skips the calling test, saying why, when it is not there. */
  static Path require(String relative) {
    Path path = sharedDir().resolve(relative);
    assumeTrue(Files.exists(path), () -> "skipped: upstream reference files not found at " + path
        + " (set -Doruk.shared.dir or put them in ../shared beside the checkout)");
    return path;
  }
}
