package io.github.oruk.taxonomy;

import io.github.oruk.model.Upstream;
import java.nio.file.Path;

/**
 * Where the read-only upstream taxonomy files are: oruk-model's {@link Upstream}, which skips a test that needs
 * a missing file, saying why, or fails it where {@code ORUK_REQUIRE_SHARED} is set (as in CI). The project ships
 * none of these files.
 */
public final class SharedFiles {

  private SharedFiles() {
  }

  public static Path sharedDir() {
    return Upstream.sharedDir();
  }

  /** A file in the shared folder; skips (or, where required, fails) the calling test when it is not there. */
  public static Path require(String relative) {
    return Upstream.require(relative);
  }

  public static final String OPENACTIVE = "taxonomies/openactive/activity-list.jsonld";
  public static final String ACCESSIBILITY = "taxonomies/openactive/accessibility-support.jsonld";
  public static final String LGSL = "taxonomies/lga-esd/englishAndWelshServices-all.csv";
  public static final String DFE = "taxonomies/dfe-family-hubs/service-categories.csv";
  public static final String OPEN_ELIGIBILITY = "taxonomies/openeligibility/taxonomy.csv";
}
