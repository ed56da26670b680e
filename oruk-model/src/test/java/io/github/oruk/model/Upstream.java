package io.github.oruk.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the read-only upstream reference files are ({@code ../shared/oruk-standard}). Tests that need
 * them call {@link #require(String)}, which skips the test with a message on a fresh clone without them.
 */
public final class Upstream {

  private Upstream() {
  }

  /** The shared folder: the {@code oruk.shared.dir} system property, else {@code ../shared} of the checkout. */
  public static Path sharedDir() {
    String configured = System.getProperty("oruk.shared.dir");
    Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    return dir.toAbsolutePath().normalize();
  }

  /** A path inside the shared folder; skips the calling test when it is not there. */
  public static Path require(String relative) {
    Path path = sharedDir().resolve(relative);
    assumeTrue(Files.exists(path), () -> "skipped: upstream reference files not found at " + path
        + " (they live beside the checkout in ../shared; CI always has them)");
    return path;
  }
}
