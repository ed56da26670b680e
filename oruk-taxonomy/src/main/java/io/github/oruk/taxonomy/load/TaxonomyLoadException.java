package io.github.oruk.taxonomy.load;

import java.io.IOException;

/**
 * A taxonomy source could not be read at all: not found, not in a format the loader reads, or missing
 * what every record needs. Its message names the source, what was expected and what was found. (Problems
 * with single records do not throw; they are reported on the loaded scheme.)
 */
public class TaxonomyLoadException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String source;

  public TaxonomyLoadException(String source, String message) {
    super(source + ": " + message);
    this.source = source;
  }

  public TaxonomyLoadException(String source, String message, Throwable cause) {
    super(source + ": " + message, cause);
    this.source = source;
  }

  /** The file, URL or other source that could not be read. */
  public String source() {
    return source;
  }
}
