package io.github.oruk.taxonomy;

import io.github.oruk.model.diagnostic.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * Something wrong with a taxonomy that was loaded anyway: reported, never thrown.
 *
 * @param code what kind of problem
 * @param message what was seen, where, and what the library did about it
 * @param concepts URIs of the concepts concerned, in a meaningful order (a cycle lists its members in
 *     the order the links run); may be empty
 */
public record SchemeProblem(Code code, String message, List<String> concepts) {

  public SchemeProblem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    concepts = List.copyOf(concepts);
  }

  /** The kinds of problem, each with a stable code for reports. */
  public enum Code {
    /** Following {@code broader} links leads back to the start. */
    CYCLE("ORUK-TAXO-001"),
    /** A {@code broader}, {@code narrower} or {@code related} link names a concept the scheme does not hold. */
    MISSING_CONCEPT("ORUK-TAXO-002"),
    /** Two records share an identifier or URI; the first was kept. */
    DUPLICATE_CONCEPT("ORUK-TAXO-003"),
    /** A record could not be read as a concept (no identifier, no label, ...) and was skipped. */
    SKIPPED_RECORD("ORUK-TAXO-004"),
    /** A concept is its own parent; the link was dropped. */
    SELF_LINK("ORUK-TAXO-005"),
    /** Two live concepts share a label, so a lookup by that label is ambiguous. */
    DUPLICATE_LABEL("ORUK-TAXO-006");

    private final String id;

    Code(String id) {
      this.id = id;
    }

    /** The stable code, such as {@code ORUK-TAXO-001}. */
    public String id() {
      return id;
    }
  }

  /** The problem as the project's one diagnostic type, located at its first concept. */
  public Diagnostic diagnostic() {
    return Diagnostic.of(code.id(), concepts.isEmpty() ? "" : concepts.get(0), message);
  }

  /** One line: {@code CODE<TAB>first concept<TAB>message} ({@link Diagnostic#toLine()}). */
  public String toLine() {
    return diagnostic().toLine();
  }
}
