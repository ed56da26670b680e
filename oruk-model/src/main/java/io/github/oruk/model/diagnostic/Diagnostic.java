package io.github.oruk.model.diagnostic;

import java.util.Objects;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * One thing the project noticed, in the one shape every finding type is built on: the reader's
 * {@code ReadFinding}, the validator's {@code Finding}, the client's {@code PagingFinding}, the harvester's
 * {@code HarvestFailure}, the taxonomy's {@code SchemeProblem} and audit findings each give theirs as
 * {@code diagnostic()}, and each writes its line with {@link #line(String...)}.
 *
 * @param code the stable code, registered in {@link DiagnosticCodes}, such as {@code ORUK-READ-002}
 * @param severity how much it matters
 * @param pointer where, as precisely as the source knows: a JSON Pointer into a document, {@code url#pointer}
 *     for a response of a live feed, a concept's URI or a service's id; {@code ""} for the whole
 * @param message what was expected, what was seen, and what was done about it
 * @param fix how to put it right; {@code ""} when there is nothing to add to the message
 */
public record Diagnostic(String code, Severity severity, String pointer, String message, String fix) {

  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    pointer = pointer == null ? "" : pointer;
    fix = fix == null ? "" : fix;
  }

  /**
   * A diagnostic with its code's default severity and fix, from the registry.
   *
   * @throws IllegalArgumentException when the code is not registered in {@link DiagnosticCodes}
   */
  @SuppressWarnings("NullAway") // the record turns a null pointer into ""
  public static Diagnostic of(String code, @Nullable String pointer, String message) {
    DiagnosticCode registered = DiagnosticCodes.require(code);
    return new Diagnostic(code, registered.severity(), pointer, message, registered.fix());
  }

  /** The diagnostic as one line: {@code CODE<TAB>pointer<TAB>message} (see {@link #line(String...)}). */
  public String toLine() {
    return line(code, pointer, message);
  }

  /**
   * The project's one line format: the fields joined by tabs, with every tab and line break inside a field
   * turned into a space, so that one diagnostic is always one line that {@code cut -f} splits into the
   * same fields, whatever a feed put into a value that a message quotes.
   */
  public static String line(@Nullable String... fields) {
    StringJoiner line = new StringJoiner("\t");
    for (String field : fields) {
      line.add(field == null ? "" : field.replace('\t', ' ').replace('\r', ' ').replace('\n', ' '));
    }
    return line.toString();
  }

  @Override
  public String toString() {
    return toLine();
  }
}
