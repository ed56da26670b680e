package io.github.oruk.taxonomy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Several loaded schemes looked at together: a concept is found by its URI whatever scheme holds it.
 * Immutable. When two schemes hold the same concept URI (two lists drawing on one vocabulary), the
 * scheme added first answers.
 */
public final class SchemeSet implements Iterable<Scheme> {

  private static final SchemeSet EMPTY = new SchemeSet(List.of());

  private final List<Scheme> schemes;
  private final Map<String, Scheme> byUri;
  private final Map<String, Scheme> byConcept;

  private SchemeSet(Collection<Scheme> schemes) {
    Map<String, Scheme> unique = new LinkedHashMap<>();
    for (Scheme scheme : schemes) {
      unique.putIfAbsent(scheme.uri(), scheme);
    }
    this.schemes = List.copyOf(unique.values());
    this.byUri = unique;
    Map<String, Scheme> concepts = new HashMap<>();
    for (Scheme scheme : this.schemes) {
      for (Concept concept : scheme.concepts()) {
        concepts.putIfAbsent(concept.uri(), scheme);
      }
    }
    this.byConcept = concepts;
  }

  public static SchemeSet empty() {
    return EMPTY;
  }

  public static SchemeSet of(Scheme... schemes) {
    return new SchemeSet(List.of(schemes));
  }

  public static SchemeSet of(Collection<Scheme> schemes) {
    return new SchemeSet(schemes);
  }

  /** This set with another scheme added (a scheme with a URI already present is ignored). */
  public SchemeSet with(Scheme scheme) {
    List<Scheme> all = new ArrayList<>(schemes);
    all.add(scheme);
    return new SchemeSet(all);
  }

  public List<Scheme> schemes() {
    return schemes;
  }

  public boolean isEmpty() {
    return schemes.isEmpty();
  }

  /** The scheme with this URI. */
  public Optional<Scheme> scheme(@Nullable String uri) {
    return Optional.ofNullable(uri == null ? null : byUri.get(uri.strip()));
  }

  /**
   * The scheme with this URI, title or vocabulary name (names compared ignoring case, spacing and a
   * plural {@code s}).
   */
  public Optional<Scheme> named(@Nullable String name) {
    Optional<Scheme> exact = scheme(name);
    if (exact.isPresent() || name == null) {
      return exact;
    }
    String key = Labels.vocabularyKey(name);
    for (Scheme scheme : schemes) {
      if (Labels.vocabularyKey(scheme.title()).equals(key)
          || scheme.vocabulary().map(Labels::vocabularyKey).filter(key::equals).isPresent()) {
        return Optional.of(scheme);
      }
    }
    return Optional.empty();
  }

  /** The concept with this canonical URI, in whichever scheme holds it. */
  public Optional<Concept> concept(String uri) {
    Scheme scheme = uri == null ? null : byConcept.get(uri);
    return scheme == null ? Optional.empty() : scheme.concept(uri);
  }

  /** The scheme holding the concept with this URI. */
  public Optional<Scheme> schemeOf(String conceptUri) {
    return Optional.ofNullable(conceptUri == null ? null : byConcept.get(conceptUri));
  }

  /** The total number of distinct concept URIs. */
  public int conceptCount() {
    return byConcept.size();
  }

  @Override
  public Iterator<Scheme> iterator() {
    return schemes.iterator();
  }

  @Override
  public String toString() {
    return "SchemeSet" + schemes;
  }
}
