package io.github.oruk.taxonomy.crosswalk;

import io.github.oruk.taxonomy.Concept;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.SchemeSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Query expansion over loaded schemes and a crosswalk: what a search for one term should also find.
 * Immutable and thread-safe; every walk is cycle-safe.
 *
 * <ul>
 *   <li>{@link #narrower}: the term and everything below it in its own scheme;</li>
 *   <li>{@link #expand}: that, plus every concept of any scheme that means the same or something narrower
 *       (mapped {@code EXACT}, {@code CLOSE} or {@code NARROW}, followed transitively), and everything below
 *       those. Broader and related matches are not followed: they would widen the search;</li>
 *   <li>{@link #fanOut}: the LGA model, where needs and circumstances are not used to tag services but are
 *       mapped centrally to service types: the service types a need (or any need below it) maps to.</li>
 * </ul>
 */
public final class TermExpander {

  private static final Set<MatchType> WITHIN = Collections.unmodifiableSet(
      EnumSet.of(MatchType.EXACT, MatchType.CLOSE, MatchType.NARROW));

  private final SchemeSet schemes;
  private final Crosswalk crosswalk;

  private TermExpander(SchemeSet schemes, Crosswalk crosswalk) {
    this.schemes = Objects.requireNonNull(schemes, "schemes");
    this.crosswalk = Objects.requireNonNull(crosswalk, "crosswalk");
  }

  public static TermExpander of(SchemeSet schemes, Crosswalk crosswalk) {
    return new TermExpander(schemes, crosswalk);
  }

  public SchemeSet schemes() {
    return schemes;
  }

  public Crosswalk crosswalk() {
    return crosswalk;
  }

  /** The term and all its descendants in the scheme that holds it (just the term if no loaded scheme does). */
  public Set<String> narrower(String uri) {
    Set<String> found = new LinkedHashSet<>();
    found.add(uri);
    Optional<Scheme> scheme = schemes.schemeOf(uri);
    if (scheme.isPresent()) {
      Concept concept = scheme.get().concept(uri).orElseThrow();
      for (Concept below : scheme.get().descendants(concept)) {
        found.add(below.uri());
      }
    }
    return found;
  }

  /**
   * The term, its descendants, and every concept in any scheme mapped to one of them as the same or
   * narrower (transitively), with their descendants, in the order found.
   */
  public Set<String> expand(String uri) {
    Set<String> found = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(uri);
    while (!queue.isEmpty()) {
      String next = queue.poll();
      if (found.contains(next)) {
        continue;
      }
      for (String below : narrower(next)) {
        if (found.add(below)) {
          for (Counterpart counterpart : crosswalk.direct(below)) {
            if (WITHIN.contains(counterpart.type()) && !found.contains(counterpart.uri())) {
              queue.add(counterpart.uri());
            }
          }
        }
      }
    }
    return found;
  }

  /**
   * The concepts of {@code target} that the term, or any term below it in its scheme, maps to through the
   * crosswalk (any match type, transitively), strongest first; each target appears once, with its
   * strongest path.
   */
  public List<Counterpart> fanOut(String uri, Scheme target) {
    Objects.requireNonNull(target, "target");
    Map<String, Counterpart> best = new HashMap<>();
    for (String source : narrower(uri)) {
      for (Counterpart counterpart : crosswalk.resolve(source, target)) {
        Counterpart known = best.get(counterpart.uri());
        if (known == null || counterpart.strength() > known.strength()
            || counterpart.strength() == known.strength() && counterpart.hops() < known.hops()) {
          best.put(counterpart.uri(), counterpart);
        }
      }
    }
    List<Counterpart> found = new ArrayList<>(best.values());
    found.sort((a, b) -> {
      int byStrength = Double.compare(b.strength(), a.strength());
      return byStrength != 0 ? byStrength : a.uri().compareTo(b.uri());
    });
    return found;
  }
}
