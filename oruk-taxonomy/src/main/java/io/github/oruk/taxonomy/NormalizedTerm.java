package io.github.oruk.taxonomy;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link TermNormalizer} made of a term reference: either the canonical URI ({@link Resolved}) or
 * the reason it could not give one ({@link Unresolved}). Never null.
 */
public sealed interface NormalizedTerm permits NormalizedTerm.Resolved, NormalizedTerm.Unresolved {

  /** The reference as given. */
  String input();

  /** Whether a canonical URI was found. */
  boolean isResolved();

  /** The canonical URI, when one was found. */
  Optional<String> uri();

  /**
   * The canonical URI.
   *
   * @throws IllegalStateException with the reason, when the reference could not be resolved
   */
  default String orElseThrow() {
    if (this instanceof Unresolved unresolved) {
      throw new IllegalStateException(unresolved.message());
    }
    return ((Resolved) this).canonicalUri();
  }

  /**
   * A reference turned into its canonical URI.
   *
   * @param input the reference as given
   * @param canonicalUri the canonical term URI
   * @param form how the reference was written
   * @param vocabulary the registered vocabulary, when the URI belongs to one
   * @param id the identifier inside the vocabulary, when known
   * @param concept the concept, when the normaliser has the scheme holding it
   */
  record Resolved(String input, String canonicalUri, Form form, Optional<Vocabulary> vocabulary, Optional<String> id,
      Optional<Concept> concept) implements NormalizedTerm {

    public Resolved {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(canonicalUri, "canonicalUri");
      Objects.requireNonNull(form, "form");
      Objects.requireNonNull(vocabulary, "vocabulary");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(concept, "concept");
    }

    @Override
    public boolean isResolved() {
      return true;
    }

    @Override
    public Optional<String> uri() {
      return Optional.of(canonicalUri);
    }
  }

  /**
   * A reference the normaliser could not turn into a URI.
   *
   * @param input the reference as given
   * @param reason why, as a code
   * @param message why, in words, with what to do about it
   */
  record Unresolved(String input, Reason reason, String message) implements NormalizedTerm {

    public Unresolved {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public boolean isResolved() {
      return false;
    }

    @Override
    public Optional<String> uri() {
      return Optional.empty();
    }
  }

  /** How a resolved reference was written. */
  enum Form {
    /** Already the canonical URI. */
    URI,
    /** Another spelling of the canonical URI ({@code http} for {@code https}, a trailing slash, ...). */
    ALTERNATIVE_URI,
    /** A URI in no registered vocabulary, kept as it is (a URI is its own canonical form). */
    UNREGISTERED_URI,
    /** A CURIE such as {@code esdServiceType:833}. */
    CURIE,
    /** A bare identifier with a vocabulary name, such as {@code 833} in {@code esdServiceTypes}. */
    CODE,
    /** A notation (machine name) found in a loaded scheme, such as {@code 5_a_side}. */
    NOTATION,
    /** A label found in a loaded scheme, such as {@code Care at home}. */
    LABEL
  }

  /** Why a reference could not be resolved. */
  enum Reason {
    /** The reference is empty. */
    EMPTY,
    /** A bare identifier with no vocabulary name, and no default vocabulary configured. */
    NO_VOCABULARY,
    /** A CURIE whose prefix no registered vocabulary has. */
    UNKNOWN_PREFIX,
    /** A vocabulary name no registered vocabulary or loaded scheme has. */
    UNKNOWN_VOCABULARY,
    /** The identifier does not have the vocabulary's form, and no loaded scheme knows it as a notation or label. */
    INVALID_ID,
    /** A placeholder from an example payload, such as {@code http://example.com}. */
    PLACEHOLDER,
    /** The normaliser was told to accept only terms of its loaded schemes, and this one is not in them. */
    UNKNOWN_TERM
  }
}
