package io.github.oruk.model.json;

import io.github.oruk.model.diagnostic.Diagnostic;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing a reader noticed, repaired or kept aside.
 *
 * @param code what kind of finding it is
 * @param pointer where, as a JSON Pointer (RFC 6901) into the document; {@code ""} is the whole document
 * @param message what was expected, what was seen, and what was done about it
 * @param recordId the id of the record the finding is about, where the pointer cannot lead to it: a record
 *     left out of a page ({@link ReadCode#RECORD_LEFT_OUT}) is not in the result to be looked up, so its id
 *     (when the reader could find it) is given here. Null otherwise.
 */
public record ReadFinding(ReadCode code, String pointer, String message, @Nullable String recordId) {

  public ReadFinding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /** A finding located by its pointer alone. */
  public ReadFinding(ReadCode code, String pointer, String message) {
    this(code, pointer, message, null);
  }

  /** The finding as the project's one diagnostic type, with its code's registered severity and fix. */
  public Diagnostic diagnostic() {
    return Diagnostic.of(code.code(), pointer, message);
  }

  /** The finding as one line: {@code CODE<TAB>pointer<TAB>message} ({@link Diagnostic#toLine()}). */
  public String toLine() {
    return diagnostic().toLine();
  }

  @Override
  public String toString() {
    return toLine();
  }
}
