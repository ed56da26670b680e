package io.github.oruk.taxonomy.load;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A taxonomy source could not be read at all: not found, not in a format the loader reads, or missing
 * what every record needs. Its message names the source, what was expected and what was found. (Problems
 * with single records do not throw; they are reported on the loaded scheme.)
 */
public class TaxonomyLoadException extends IOException {

  private static final long serialVersionUID = 1L;

  /** What kind of failure, so that a caller can add its own advice (a command-line tool, its option names). */
  public enum Reason {
    /** The source is in a format no loader here reads (XML, a spreadsheet, ...); the message lists those read. */
    UNSUPPORTED_FORMAT,
    /** A CSV file whose identifier and label columns could not be guessed from its header: give a {@link CsvLayout}. */
    UNKNOWN_COLUMNS,
    /** Anything else: not found, unreadable, or missing what every record needs. */
    OTHER
  }

  private final String source;
  private final Reason reason;

  public TaxonomyLoadException(String source, String message) {
    this(source, Reason.OTHER, message);
  }

  public TaxonomyLoadException(String source, Reason reason, String message) {
    super(source + ": " + message);
    this.source = source;
    this.reason = reason;
  }

  public TaxonomyLoadException(String source, @Nullable String message, Throwable cause) {
    super(source + ": " + message, cause);
    this.source = source;
    this.reason = Reason.OTHER;
  }

  /** What kind of failure this is. */
  public Reason reason() {
    return reason;
  }

  /** The file, URL or other source that could not be read. */
  public String source() {
    return source;
  }
}
