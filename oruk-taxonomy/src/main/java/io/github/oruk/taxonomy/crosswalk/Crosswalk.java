package io.github.oruk.taxonomy.crosswalk;

import io.github.oruk.taxonomy.NormalizedTerm;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.TermNormalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Mappings between the concepts of different schemes (a council's local list and the LGA service types,
 * the DfE categories and the LGA list, the LGA needs and service types, ...), and resolution through them.
 * Immutable and thread-safe.
 *
 * <p>A mapping can be followed either way (read backwards, broad and narrow swap). {@link #resolve}
 * follows chains of mappings across any number of schemes, keeping for each counterpart the strongest
 * path, and never loops: a cycle of mappings ends where it started.
 */
public final class Crosswalk {

  /** Default limit on the mappings followed in a row. */
  public static final int DEFAULT_MAX_HOPS = 4;
  /** Default weakest counterpart {@link #resolve} returns. */
  public static final double DEFAULT_MIN_STRENGTH = 0.3;

  private static final Crosswalk EMPTY = new Crosswalk(List.of(), List.of());

  private final List<Mapping> mappings;
  private final Map<String, List<Mapping>> steps;
  private final List<String> problems;

  private Crosswalk(List<Mapping> mappings, List<String> problems) {
    Set<Mapping> unique = new LinkedHashSet<>(mappings);
    this.mappings = List.copyOf(unique);
    this.problems = List.copyOf(problems);
    Map<String, List<Mapping>> both = new HashMap<>();
    for (Mapping mapping : this.mappings) {
      if (mapping.from().equals(mapping.to())) {
        continue;
      }
      both.computeIfAbsent(mapping.from(), key -> new ArrayList<>(2)).add(mapping);
      both.computeIfAbsent(mapping.to(), key -> new ArrayList<>(2)).add(mapping.inverse());
    }
    this.steps = both;
  }

  public static Crosswalk empty() {
    return EMPTY;
  }

  public static Crosswalk of(Collection<Mapping> mappings) {
    return new Crosswalk(List.copyOf(mappings), List.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every mapping, as given (duplicates removed). */
  public List<Mapping> mappings() {
    return mappings;
  }

  public int size() {
    return mappings.size();
  }

  /** Rows that could not be turned into mappings while building, with the reason. */
  public List<String> problems() {
    return problems;
  }

  /** This crosswalk and another together. */
  public Crosswalk merge(Crosswalk other) {
    List<Mapping> all = new ArrayList<>(mappings);
    all.addAll(other.mappings);
    List<String> allProblems = new ArrayList<>(problems);
    allProblems.addAll(other.problems);
    return new Crosswalk(all, allProblems);
  }

  /** The concepts one mapping away, in either direction, strongest first. */
  public List<Counterpart> direct(String uri) {
    List<Counterpart> found = new ArrayList<>();
    for (Mapping step : steps.getOrDefault(uri, List.of())) {
      found.add(new Counterpart(step.to(), step.type(), step.type().strength(), List.of(step)));
    }
    found.sort(ORDER);
    return found;
  }

  /**
   * Every concept reachable through chains of at most {@value #DEFAULT_MAX_HOPS} mappings with a strength
   * of at least {@value #DEFAULT_MIN_STRENGTH}, strongest first; the term itself is not included.
   */
  public List<Counterpart> resolve(String uri) {
    return resolve(uri, DEFAULT_MAX_HOPS, DEFAULT_MIN_STRENGTH, target -> true);
  }

  /** {@link #resolve(String)}, keeping only counterparts that are concepts of {@code target}. */
  public List<Counterpart> resolve(String uri, Scheme target) {
    return resolve(uri, DEFAULT_MAX_HOPS, DEFAULT_MIN_STRENGTH, target::contains);
  }

  /**
   * Every counterpart reachable through chains of at most {@code maxHops} mappings with a strength of at
   * least {@code minStrength}, for which {@code keep} is true (chains may pass through concepts it
   * rejects), strongest first, then fewest hops. For each counterpart only the strongest path is kept.
   */
  public List<Counterpart> resolve(String uri, int maxHops, double minStrength, Predicate<String> keep) {
    Objects.requireNonNull(uri, "uri");
    Map<String, Counterpart> best = new HashMap<>();
    Set<String> done = new HashSet<>();
    done.add(uri);
    PriorityQueue<Counterpart> queue = new PriorityQueue<>(ORDER);
    for (Mapping step : steps.getOrDefault(uri, List.of())) {
      queue.add(new Counterpart(step.to(), step.type(), step.type().strength(), List.of(step)));
    }
    List<Counterpart> found = new ArrayList<>();
    while (!queue.isEmpty()) {
      Counterpart next = queue.poll();
      if (next.strength() < minStrength || !done.add(next.uri())) {
        continue;
      }
      best.put(next.uri(), next);
      if (keep.test(next.uri())) {
        found.add(next);
      }
      if (next.hops() >= maxHops) {
        continue;
      }
      for (Mapping step : steps.getOrDefault(next.uri(), List.of())) {
        if (done.contains(step.to())) {
          continue;
        }
        List<Mapping> path = new ArrayList<>(next.path());
        path.add(step);
        queue.add(new Counterpart(step.to(), next.type().then(step.type()),
            next.strength() * step.type().strength(), path));
      }
    }
    found.sort(ORDER);
    return found;
  }

  private static final Comparator<Counterpart> ORDER = Comparator
      .comparingDouble(Counterpart::strength).reversed()
      .thenComparingInt(Counterpart::hops)
      .thenComparing(Counterpart::uri);

  @Override
  public String toString() {
    return "Crosswalk[" + mappings.size() + " mappings]";
  }

  /**
   * Builds a {@link Crosswalk}. References added as text are normalised first (so a table may use CURIEs,
   * bare codes with a vocabulary, or labels of loaded schemes); rows that do not resolve are left out and
   * listed in {@link Crosswalk#problems()}.
   */
  public static final class Builder {
    private final List<Mapping> mappings = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private TermNormalizer normalizer = TermNormalizer.defaults();

    private Builder() {
    }

    /** Normalises references added as text (default: {@link TermNormalizer#defaults()}). */
    public Builder normalizer(TermNormalizer value) {
      this.normalizer = Objects.requireNonNull(value, "normalizer");
      return this;
    }

    /** Adds a mapping between canonical URIs. */
    public Builder add(Mapping mapping) {
      mappings.add(Objects.requireNonNull(mapping, "mapping"));
      return this;
    }

    public Builder addAll(Collection<Mapping> more) {
      more.forEach(this::add);
      return this;
    }

    /** Adds a mapping between two references in any spelling the normaliser understands. */
    public Builder add(String from, String to, MatchType type) {
      return add(from, null, to, null, type, null);
    }

    /**
     * Adds a mapping between two references, each with the vocabulary its bare code belongs to (may be
     * null); {@code where} names the row in problem messages (may be null).
     *
     * @return this builder; a reference that does not resolve is reported, not thrown
     */
    public Builder add(String from, @Nullable String fromVocabulary, String to, @Nullable String toVocabulary, MatchType type,
        @Nullable String where) {
      NormalizedTerm source = normalizer.normalize(from, fromVocabulary);
      NormalizedTerm target = normalizer.normalize(to, toVocabulary);
      String prefix = where == null ? "" : where + ": ";
      if (!source.isResolved()) {
        problems.add(prefix + "from '" + from + "': " + ((NormalizedTerm.Unresolved) source).message());
      } else if (!target.isResolved()) {
        problems.add(prefix + "to '" + to + "': " + ((NormalizedTerm.Unresolved) target).message());
      } else {
        mappings.add(new Mapping(source.orElseThrow(), target.orElseThrow(), Objects.requireNonNull(type, "type")));
      }
      return this;
    }

    /** Records a row that could not be read. */
    public Builder problem(String message) {
      problems.add(message);
      return this;
    }

    public Crosswalk build() {
      return new Crosswalk(mappings, problems);
    }
  }
}
