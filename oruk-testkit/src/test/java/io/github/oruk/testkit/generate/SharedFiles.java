package io.github.oruk.testkit.generate;

import io.github.oruk.model.Upstream;
import java.nio.file.Path;

/**
 * Where the read-only upstream reference files are: oruk-model's {@link Upstream}, which skips a test that
 * needs a missing file, or fails it where {@code ORUK_REQUIRE_SHARED} is set (as in CI).
 */
final class SharedFiles {

  private SharedFiles() {
  }

  static Path sharedDir() {
    return Upstream.sharedDir();
  }

  /** A path inside the shared folder; skips the calling test, saying why, when it is not there. */
  static Path require(String relative) {
    return Upstream.require(relative);
  }
}
