package io.github.oruk.taxonomy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the read-only upstream taxonomy files are. Surefire passes {@code oruk.shared.dir}; without it,
 * {@code ../shared} beside the checkout is tried (the module directory is two levels below it). The
 * project ships none of these files; tests that need them are skipped, saying why, when they are absent.
 */
public final class SharedFiles {

  private SharedFiles() {
  }

  public static Path sharedDir() {
    String configured = System.getProperty("oruk.shared.dir");
    Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    return dir.toAbsolutePath().normalize();
  }

  /** A file in the shared folder; skips the calling test, saying why, when it is not there. */
  public static Path require(String relative) {
    Path path = sharedDir().resolve(relative);
    assumeTrue(Files.exists(path), () -> "skipped: upstream taxonomy file not found at " + path
        + " (set -Doruk.shared.dir or put the shared folder beside the checkout)");
    return path;
  }

  public static final String OPENACTIVE = "taxonomies/openactive/activity-list.jsonld";
  public static final String ACCESSIBILITY = "taxonomies/openactive/accessibility-support.jsonld";
  public static final String LGSL = "taxonomies/lga-esd/englishAndWelshServices-all.csv";
  public static final String DFE = "taxonomies/dfe-family-hubs/service-categories.csv";
  public static final String OPEN_ELIGIBILITY = "taxonomies/openeligibility/taxonomy.csv";
}
