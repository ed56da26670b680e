package io.github.oruk.taxonomy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A taxonomy (a SKOS concept scheme): its concepts, indexed by URI, identifier, notation and label, and
 * its hierarchy, which may be a poly-hierarchy. Immutable and safe to share between threads.
 *
 * <p>Building never fails on bad data. Links are made consistent in both directions, links to missing
 * concepts are dropped, duplicates are dropped, and cycles are kept but detected; each of these is a
 * {@link SchemeProblem} in {@link #problems()}. Every walk of the hierarchy is cycle-safe.
 */
public final class Scheme {

  private final String uri;
  private final String title;
  private final @Nullable String description;
  private final @Nullable String version;
  private final @Nullable String vocabulary;
  private final @Nullable String licence;
  private final List<Concept> concepts;
  private final Map<String, Concept> byUri;
  private final Map<String, Concept> byId;
  private final Map<String, Concept> byNotation;
  private final Map<String, List<Concept>> byLabel;
  private final Map<String, Integer> levels;
  private final List<Concept> topConcepts;
  private final List<SchemeProblem> problems;
  private final List<List<String>> cycles;
  private final int maxDepth;

  private Scheme(Builder builder, List<Concept> concepts, List<SchemeProblem> problems,
      List<List<String>> cycles, Map<String, Integer> levels) {
    this.uri = builder.uri;
    this.title = builder.title == null || builder.title.isBlank() ? builder.uri : builder.title.strip();
    this.description = blankToNull(builder.description);
    this.version = blankToNull(builder.version);
    this.vocabulary = blankToNull(builder.vocabulary);
    this.licence = blankToNull(builder.licence);
    this.concepts = List.copyOf(concepts);
    this.problems = List.copyOf(problems);
    this.cycles = List.copyOf(cycles);
    this.levels = Map.copyOf(levels);
    Map<String, Concept> uris = new HashMap<>(concepts.size() * 2);
    Map<String, Concept> ids = new HashMap<>(concepts.size() * 2);
    Map<String, Concept> notations = new HashMap<>();
    Map<String, List<Concept>> labels = new HashMap<>(concepts.size() * 2);
    List<Concept> tops = new ArrayList<>();
    int depth = 0;
    for (Concept concept : concepts) {
      uris.put(concept.uri(), concept);
      ids.putIfAbsent(concept.id(), concept);
      concept.notation().ifPresent(notation -> notations.putIfAbsent(notation, concept));
      labels.computeIfAbsent(Labels.key(concept.prefLabel()), key -> new ArrayList<>(1)).add(concept);
      if (concept.broader().isEmpty()) {
        tops.add(concept);
      }
      depth = Math.max(depth, levels.getOrDefault(concept.uri(), 1));
    }
    // Alternative labels after every preferred label, so a preferred label always wins a lookup.
    for (Concept concept : concepts) {
      for (String alt : concept.altLabels()) {
        List<Concept> list = labels.computeIfAbsent(Labels.key(alt), key -> new ArrayList<>(1));
        if (!list.contains(concept)) {
          list.add(concept);
        }
      }
    }
    labels.replaceAll((key, list) -> List.copyOf(list));
    this.byUri = uris;
    this.byId = ids;
    this.byNotation = notations;
    this.byLabel = labels;
    this.topConcepts = List.copyOf(tops);
    this.maxDepth = concepts.isEmpty() ? 0 : depth;
  }

  /** A builder for a scheme with the given URI (for a source without one, mint a stable URN). */
  public static Builder builder(String uri) {
    return new Builder(uri);
  }

  /** The scheme's URI. */
  public String uri() {
    return uri;
  }

  /** The scheme's title (its URI when the source gives none). */
  public String title() {
    return title;
  }

  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  /**
   * The vocabulary name feeds use for this scheme's terms, such as the CURIE prefix
   * {@code esdServiceType}, when known.
   */
  public Optional<String> vocabulary() {
    return Optional.ofNullable(vocabulary);
  }

  /** The licence the source declares (a URI or words), when it declares one. */
  public Optional<String> licence() {
    return Optional.ofNullable(licence);
  }

  /** Every concept, in the order of the source. */
  public List<Concept> concepts() {
    return concepts;
  }

  public int size() {
    return concepts.size();
  }

  public boolean contains(String conceptUri) {
    return conceptUri != null && byUri.containsKey(conceptUri);
  }

  /** The concept with this URI (exactly as canonical; use a {@link TermNormalizer} for other spellings). */
  public Optional<Concept> concept(String conceptUri) {
    return conceptUri == null ? Optional.empty() : Optional.ofNullable(byUri.get(conceptUri));
  }

  /** The concept with this identifier inside the scheme ({@code "833"}, a UUID, ...). */
  public Optional<Concept> byId(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id.strip()));
  }

  /** The concept with this notation ({@code "5_a_side"}). */
  public Optional<Concept> byNotation(String notation) {
    return notation == null ? Optional.empty() : Optional.ofNullable(byNotation.get(notation.strip()));
  }

  /**
   * The concept with this label, ignoring case, accents and punctuation: a preferred label before an
   * alternative one, a live concept before a withdrawn one, then the first in source order.
   */
  public Optional<Concept> byLabel(String label) {
    List<Concept> all = conceptsLabelled(label);
    for (Concept concept : all) {
      if (!concept.deprecated()) {
        return Optional.of(concept);
      }
    }
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** Every concept with this label (preferred or alternative), ignoring case, accents and punctuation. */
  public List<Concept> conceptsLabelled(String label) {
    return byLabel.getOrDefault(Labels.key(label), List.of());
  }

  /** Looks a key up as a URI, then an identifier, a notation and finally a label. */
  public Optional<Concept> find(String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    Optional<Concept> found = concept(key.strip());
    if (found.isEmpty()) {
      found = byId(key);
    }
    if (found.isEmpty()) {
      found = byNotation(key);
    }
    return found.isPresent() ? found : byLabel(key);
  }

  /** Concepts without a parent, in source order. */
  public List<Concept> topConcepts() {
    return topConcepts;
  }

  /** The parents of a concept of this scheme. */
  public List<Concept> parents(Concept concept) {
    return resolve(concept.broader());
  }

  /** The children of a concept of this scheme. */
  public List<Concept> children(Concept concept) {
    return resolve(concept.narrower());
  }

  /** All concepts above this one (parents, their parents, ...), nearest first; cycle-safe. */
  public List<Concept> ancestors(Concept concept) {
    return walk(concept, true);
  }

  /** All concepts below this one (children, their children, ...), nearest first; cycle-safe. */
  public List<Concept> descendants(Concept concept) {
    return walk(concept, false);
  }

  /** The top concepts this concept sits under (itself if it is one); several in a poly-hierarchy. */
  public List<Concept> roots(Concept concept) {
    if (concept.broader().isEmpty()) {
      return List.of(concept);
    }
    List<Concept> roots = new ArrayList<>();
    for (Concept ancestor : ancestors(concept)) {
      if (ancestor.broader().isEmpty()) {
        roots.add(ancestor);
      }
    }
    return roots;
  }

  /** The concept's level: 1 for a top concept, otherwise one more than its deepest parent. */
  public int level(Concept concept) {
    return levels.getOrDefault(concept.uri(), 1);
  }

  /** Whether some concept has more than one parent. */
  public boolean isPolyHierarchy() {
    for (Concept concept : concepts) {
      if (concept.hasSeveralParents()) {
        return true;
      }
    }
    return false;
  }

  /** The number of levels: 1 for a flat list, 0 for an empty scheme. */
  public int maxDepth() {
    return maxDepth;
  }

  /** Every problem found while building, in the order found. */
  public List<SchemeProblem> problems() {
    return problems;
  }

  /** Each cycle of {@code broader} links, as the URIs of its members in link order. */
  public List<List<String>> cycles() {
    return cycles;
  }

  /** Counts that describe the scheme's shape. */
  public SchemeStats stats() {
    int[] perLevel = new int[maxDepth];
    int synonyms = 0;
    int poly = 0;
    int deprecated = 0;
    for (Concept concept : concepts) {
      perLevel[level(concept) - 1]++;
      synonyms += concept.altLabels().isEmpty() ? 0 : 1;
      poly += concept.hasSeveralParents() ? 1 : 0;
      deprecated += concept.deprecated() ? 1 : 0;
    }
    List<Integer> levelCounts = new ArrayList<>(perLevel.length);
    for (int count : perLevel) {
      levelCounts.add(count);
    }
    return new SchemeStats(concepts.size(), topConcepts.size(), maxDepth, synonyms, poly, deprecated,
        levelCounts, cycles.size(), problems.size());
  }

  /** A builder holding this scheme's details and concepts, to derive another scheme. */
  public Builder toBuilder() {
    Builder builder = new Builder(uri).title(title).description(description).version(version)
        .vocabulary(vocabulary).licence(licence);
    for (Concept concept : concepts) {
      builder.add(concept);
    }
    return builder;
  }

  @Override
  public String toString() {
    return "Scheme[" + uri + ", " + concepts.size() + " concepts]";
  }

  private List<Concept> resolve(List<String> uris) {
    List<Concept> found = new ArrayList<>(uris.size());
    for (String link : uris) {
      Concept concept = byUri.get(link);
      if (concept != null) {
        found.add(concept);
      }
    }
    return found;
  }

  private List<Concept> walk(Concept start, boolean up) {
    Set<String> seen = new LinkedHashSet<>();
    seen.add(start.uri());
    Deque<Concept> queue = new ArrayDeque<>();
    queue.add(start);
    List<Concept> found = new ArrayList<>();
    while (!queue.isEmpty()) {
      Concept next = queue.poll();
      for (String link : up ? next.broader() : next.narrower()) {
        Concept concept = byUri.get(link);
        if (concept != null && seen.add(link)) {
          found.add(concept);
          queue.add(concept);
        }
      }
    }
    return found;
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** Builds a {@link Scheme}: add concepts in any order, with links declared either way or both. */
  public static final class Builder {
    private final String uri;
    private @Nullable String title;
    private @Nullable String description;
    private @Nullable String version;
    private @Nullable String vocabulary;
    private @Nullable String licence;
    private final Map<String, Concept.Builder> concepts = new LinkedHashMap<>();
    private final Map<String, String> ids = new HashMap<>();
    private final List<SchemeProblem> problems = new ArrayList<>();

    private Builder(String uri) {
      this.uri = Objects.requireNonNull(uri, "uri").strip();
    }

    public Builder title(@Nullable String value) {
      this.title = value;
      return this;
    }

    public Builder description(@Nullable String value) {
      this.description = value;
      return this;
    }

    public Builder version(@Nullable String value) {
      this.version = value;
      return this;
    }

    public Builder vocabulary(@Nullable String value) {
      this.vocabulary = value;
      return this;
    }

    public Builder licence(@Nullable String value) {
      this.licence = value;
      return this;
    }

    /** Adds a concept; a second concept with the same URI or identifier is dropped and reported. */
    public Builder add(Concept concept) {
      return add(concept.toBuilder());
    }

    /** Adds a concept; a second concept with the same URI or identifier is dropped and reported. */
    public Builder add(Concept.Builder concept) {
      String conceptUri = concept.uri();
      if (concepts.containsKey(conceptUri)) {
        problems.add(new SchemeProblem(SchemeProblem.Code.DUPLICATE_CONCEPT,
            "a second concept has the URI " + conceptUri + "; the first was kept", List.of(conceptUri)));
        return this;
      }
      String existing = ids.putIfAbsent(concept.id(), conceptUri);
      if (existing != null) {
        problems.add(new SchemeProblem(SchemeProblem.Code.DUPLICATE_CONCEPT,
            "concepts " + existing + " and " + conceptUri + " share the identifier '" + concept.id()
                + "'; both were kept, a lookup by that identifier finds the first", List.of(existing, conceptUri)));
      }
      concepts.put(conceptUri, concept.scheme(uri));
      return this;
    }

    /** Records a problem seen while reading the source (a skipped row, say), to be reported with the rest. */
    public Builder problem(SchemeProblem problem) {
      problems.add(Objects.requireNonNull(problem, "problem"));
      return this;
    }

    /** Whether a concept with this URI has been added. */
    public boolean contains(String conceptUri) {
      return concepts.containsKey(conceptUri);
    }

    @SuppressWarnings("NullAway") // every concept of the scheme is a key of these maps, filled for all of them above
    public Scheme build() {
      List<SchemeProblem> found = new ArrayList<>(problems);
      Map<String, List<String>> parents = new LinkedHashMap<>();
      Map<String, List<String>> children = new LinkedHashMap<>();
      Map<String, List<String>> related = new LinkedHashMap<>();
      for (String key : concepts.keySet()) {
        parents.put(key, new ArrayList<>(2));
        children.put(key, new ArrayList<>(2));
        related.put(key, new ArrayList<>(0));
      }
      for (Concept.Builder concept : concepts.values()) {
        String child = concept.uri();
        for (String parent : concept.broaderLinks()) {
          link(parent, child, child, "broader", parents, children, found);
        }
      }
      for (Concept.Builder concept : concepts.values()) {
        String parent = concept.uri();
        for (String child : concept.narrowerLinks()) {
          link(parent, child, parent, "narrower", parents, children, found);
        }
        for (String other : concept.relatedLinks()) {
          if (!concepts.containsKey(other)) {
            found.add(new SchemeProblem(SchemeProblem.Code.MISSING_CONCEPT, "concept " + parent
                + " is related to " + other + ", which is not in the scheme; the link was dropped",
                List.of(parent, other)));
          } else if (!other.equals(parent)) {
            addOnce(related.get(parent), other);
            addOnce(related.get(other), parent);
          }
        }
      }
      List<Concept> built = new ArrayList<>(concepts.size());
      for (Concept.Builder concept : concepts.values()) {
        concept.clearLinks();
        parents.get(concept.uri()).forEach(concept::broader);
        children.get(concept.uri()).forEach(concept::narrower);
        related.get(concept.uri()).forEach(concept::related);
        built.add(concept.build());
      }
      Hierarchy hierarchy = new Hierarchy(built, parents);
      List<List<String>> cycles = hierarchy.cycles();
      Map<String, Concept> builtByUri = new HashMap<>();
      built.forEach(concept -> builtByUri.put(concept.uri(), concept));
      for (List<String> cycle : cycles) {
        List<String> labels = new ArrayList<>(cycle.size());
        for (String member : cycle) {
          labels.add("'" + builtByUri.get(member).prefLabel() + "'");
        }
        found.add(new SchemeProblem(SchemeProblem.Code.CYCLE, "broader links form a cycle: "
            + String.join(" -> ", labels) + " -> " + labels.get(0)
            + "; the concepts were kept and every walk of the hierarchy stops where it started", cycle));
      }
      duplicateLabels(built, found);
      return new Scheme(this, built, found, cycles, hierarchy.levels());
    }

    @SuppressWarnings("NullAway") // every concept of the scheme is a key of these maps, filled for all of them above
    private void link(String parent, String child, String declaredBy, String property,
        Map<String, List<String>> parents, Map<String, List<String>> children, List<SchemeProblem> found) {
      String other = declaredBy.equals(child) ? parent : child;
      if (!concepts.containsKey(other)) {
        found.add(new SchemeProblem(SchemeProblem.Code.MISSING_CONCEPT, "concept " + declaredBy + " names "
            + other + " as " + property + ", but the scheme has no such concept; the link was dropped",
            List.of(declaredBy, other)));
        return;
      }
      if (parent.equals(child)) {
        found.add(new SchemeProblem(SchemeProblem.Code.SELF_LINK, "concept " + parent
            + " names itself as " + property + "; the link was dropped", List.of(parent)));
        return;
      }
      addOnce(parents.get(child), parent);
      addOnce(children.get(parent), child);
    }

    private static void duplicateLabels(List<Concept> built, List<SchemeProblem> found) {
      Map<String, List<String>> live = new LinkedHashMap<>();
      for (Concept concept : built) {
        if (!concept.deprecated()) {
          live.computeIfAbsent(Labels.key(concept.prefLabel()), key -> new ArrayList<>(1)).add(concept.uri());
        }
      }
      for (Map.Entry<String, List<String>> entry : live.entrySet()) {
        if (entry.getValue().size() > 1) {
          found.add(new SchemeProblem(SchemeProblem.Code.DUPLICATE_LABEL, entry.getValue().size()
              + " live concepts share the label '" + entry.getKey() + "'; a lookup by that label finds the first",
              entry.getValue()));
        }
      }
    }

    private static void addOnce(List<String> list, String value) {
      if (!list.contains(value)) {
        list.add(value);
      }
    }
  }

  /** Cycle detection (Tarjan's strongly connected components, iterative) and levels. */
  private static final class Hierarchy {
    private final List<Concept> concepts;
    private final Map<String, List<String>> parents;
    private final Map<String, Integer> component = new HashMap<>();
    private final List<List<String>> cycles = new ArrayList<>();

    Hierarchy(List<Concept> concepts, Map<String, List<String>> parents) {
      this.concepts = concepts;
      this.parents = parents;
      findComponents();
    }

    List<List<String>> cycles() {
      return Collections.unmodifiableList(cycles);
    }

    /**
     * Longest path from a top concept. The members of a cycle share one level: one more than the deepest
     * parent of any of them outside the cycle.
     */
    @SuppressWarnings("NullAway") // every concept of the scheme is a key of these maps, filled for all of them above
    Map<String, Integer> levels() {
      Map<Integer, List<String>> externalParents = new HashMap<>();
      for (Concept concept : concepts) {
        Integer own = component.get(concept.uri());
        List<String> outside = externalParents.computeIfAbsent(own, key -> new ArrayList<>(2));
        for (String parent : parents.get(concept.uri())) {
          if (!component.get(parent).equals(own)) {
            outside.add(parent);
          }
        }
      }
      Map<Integer, Integer> componentLevels = new HashMap<>();
      Deque<Integer> stack = new ArrayDeque<>();
      for (Concept concept : concepts) {
        Integer start = component.get(concept.uri());
        if (componentLevels.containsKey(start)) {
          continue;
        }
        stack.push(start);
        while (!stack.isEmpty()) {
          Integer current = stack.peek();
          int level = 1;
          boolean ready = true;
          for (String parent : externalParents.get(current)) {
            Integer known = componentLevels.get(component.get(parent));
            if (known == null) {
              ready = false;
              stack.push(component.get(parent));
            } else {
              level = Math.max(level, known + 1);
            }
          }
          if (ready) {
            stack.pop();
            componentLevels.put(current, level);
          }
        }
      }
      Map<String, Integer> levels = new HashMap<>(concepts.size() * 2);
      for (Concept concept : concepts) {
        levels.put(concept.uri(), componentLevels.get(component.get(concept.uri())));
      }
      return levels;
    }

    @SuppressWarnings("NullAway") // every concept of the scheme is a key of these maps, filled for all of them above
    private void findComponents() {
      Map<String, Integer> index = new HashMap<>();
      Map<String, Integer> low = new HashMap<>();
      Deque<String> members = new ArrayDeque<>();
      Set<String> onStack = new java.util.HashSet<>();
      int counter = 0;
      int components = 0;
      for (Concept start : concepts) {
        if (index.containsKey(start.uri())) {
          continue;
        }
        Deque<Frame> frames = new ArrayDeque<>();
        frames.push(new Frame(start.uri()));
        index.put(start.uri(), counter);
        low.put(start.uri(), counter++);
        members.push(start.uri());
        onStack.add(start.uri());
        while (!frames.isEmpty()) {
          Frame frame = frames.peek();
          List<String> next = parents.get(frame.node);
          if (frame.edge < next.size()) {
            String parent = next.get(frame.edge++);
            if (!index.containsKey(parent)) {
              index.put(parent, counter);
              low.put(parent, counter++);
              members.push(parent);
              onStack.add(parent);
              frames.push(new Frame(parent));
            } else if (onStack.contains(parent)) {
              low.put(frame.node, Math.min(low.get(frame.node), index.get(parent)));
            }
            continue;
          }
          frames.pop();
          if (!frames.isEmpty()) {
            String caller = frames.peek().node;
            low.put(caller, Math.min(low.get(caller), low.get(frame.node)));
          }
          if (low.get(frame.node).equals(index.get(frame.node))) {
            List<String> scc = new ArrayList<>();
            String member;
            do {
              member = members.pop();
              onStack.remove(member);
              component.put(member, components);
              scc.add(member);
            } while (!member.equals(frame.node));
            components++;
            if (scc.size() > 1) {
              cycles.add(cycleOrder(scc));
            }
          }
        }
      }
    }

    /** The members of a strongly connected component in link order, starting from the first in source order. */
    @SuppressWarnings("NullAway") // every concept of the scheme is a key of these maps, filled for all of them above
    private List<String> cycleOrder(List<String> scc) {
      Set<String> inComponent = new java.util.HashSet<>(scc);
      String first = null;
      for (Concept concept : concepts) {
        if (inComponent.contains(concept.uri())) {
          first = concept.uri();
          break;
        }
      }
      // Follow parents inside the component until we come back to a concept we have seen.
      List<String> path = new ArrayList<>();
      Map<String, Integer> position = new HashMap<>();
      String current = first;
      while (!position.containsKey(current)) {
        position.put(current, path.size());
        path.add(current);
        String nextInCycle = null;
        for (String parent : parents.get(current)) {
          if (inComponent.contains(parent)) {
            nextInCycle = parent;
            break;
          }
        }
        current = nextInCycle;
      }
      List<String> cycle = new ArrayList<>(path.subList(position.get(current), path.size()));
      // Report all members: the loop found, then any others of the same component.
      for (String member : scc) {
        if (!cycle.contains(member)) {
          cycle.add(member);
        }
      }
      return List.copyOf(cycle);
    }

    private static final class Frame {
      final String node;
      int edge;

      Frame(String node) {
        this.node = node;
      }
    }
  }
}
