package io.github.oruk.model.json;

import java.util.Objects;

/**
 * One thing a reader noticed, repaired or kept aside.
 *
 * @param code what kind of finding it is
 * @param pointer where, as a JSON Pointer (RFC 6901) into the document; {@code ""} is the whole document
 * @param message what was expected, what was seen, and what was done about it
 */
public record ReadFinding(ReadCode code, String pointer, String message) {

  public ReadFinding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /** The finding as one line: {@code CODE<TAB>pointer<TAB>message}. */
  public String toLine() {
    return code.code() + '\t' + pointer + '\t' + message;
  }

  @Override
  public String toString() {
    return toLine();
  }
}
