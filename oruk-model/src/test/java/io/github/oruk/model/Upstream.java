package io.github.oruk.model;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the read-only upstream reference files are ({@code ../shared}, beside the checkout). Tests that need
 * them call {@link #require(String)}, which skips the test with a message on a bare clone without them, and
 * fails it where {@value Prerequisite#SHARED} is set (see {@link Prerequisite}). The other modules' tests reach
 * this class through oruk-model's test jar.
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

  /** A path inside the shared folder; skips (or, where required, fails) the calling test when it is not there. */
  public static Path require(String relative) {
    Path path = sharedDir().resolve(relative);
    Prerequisite.require(Files.exists(path), "upstream reference files not found at " + path
        + " (they live beside the checkout in ../shared; -Doruk.shared.dir=DIR points elsewhere)", Prerequisite.SHARED);
    return path;
  }
}
