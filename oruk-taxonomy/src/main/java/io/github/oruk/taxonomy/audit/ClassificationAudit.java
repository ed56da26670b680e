package io.github.oruk.taxonomy.audit;

import io.github.oruk.model.Attribute;
import io.github.oruk.model.Service;
import io.github.oruk.model.diagnostic.Diagnostic;
import io.github.oruk.taxonomy.Concept;
import io.github.oruk.taxonomy.NormalizedTerm;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.SchemeSet;
import io.github.oruk.taxonomy.TermNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Over-classification: providers tag their services with every type that might apply, which makes them
 * turn up in every search. The LGA model asks for a few service types per service. This audit reports a
 * service that
 *
 * <ul>
 *   <li>{@link Code#TOO_MANY_TYPES}: carries more than {@code maxTypes} service types;</li>
 *   <li>{@link Code#UNRELATED_BRANCHES}: carries types from more than {@code maxBranches} unrelated branches
 *       of one hierarchical scheme (types whose top concepts differ; flat lists have no branches and are not
 *       checked);</li>
 *   <li>{@link Code#REDUNDANT_BROADER}: carries a type and also one of its ancestors, which adds nothing
 *       for a search that expands to narrower terms.</li>
 * </ul>
 *
 * <p>Service types are the terms that are concepts of the given schemes; with no scheme, every distinct
 * term the normaliser resolves counts (and only the count is checked). Immutable and thread-safe.
 */
public final class ClassificationAudit {

  /** What is wrong, with a stable code for reports. */
  public enum Code {
    TOO_MANY_TYPES("ORUK-TAXA-001"),
    UNRELATED_BRANCHES("ORUK-TAXA-002"),
    REDUNDANT_BROADER("ORUK-TAXA-003");

    private final String id;

    Code(String id) {
      this.id = id;
    }

    /** The stable code, such as {@code ORUK-TAXA-001}. */
    public String id() {
      return id;
    }
  }

  /**
   * One over-classified service.
   *
   * @param code what is wrong
   * @param serviceId the service's id
   * @param serviceName its name
   * @param message what was seen and what to do
   * @param terms URIs of the terms concerned
   */
  public record Finding(Code code, String serviceId, String serviceName, String message, List<String> terms) {
    public Finding {
      Objects.requireNonNull(code, "code");
      serviceId = serviceId == null ? "" : serviceId;
      serviceName = serviceName == null ? "" : serviceName;
      Objects.requireNonNull(message, "message");
      terms = List.copyOf(terms);
    }

    /** The finding as the project's one diagnostic type, located at the service's id. */
    public Diagnostic diagnostic() {
      return Diagnostic.of(code.id(), serviceId, message);
    }

    /** {@code CODE<TAB>service id<TAB>message} ({@link Diagnostic#toLine()}). */
    public String toLine() {
      return diagnostic().toLine();
    }
  }

  private final SchemeSet schemes;
  private final TermNormalizer normalizer;
  private final int maxTypes;
  private final int maxBranches;

  private ClassificationAudit(Builder builder) {
    this.schemes = builder.schemes;
    this.normalizer = builder.normalizer != null ? builder.normalizer
        : TermNormalizer.builder().schemes(builder.schemes).build();
    this.maxTypes = builder.maxTypes;
    this.maxBranches = builder.maxBranches;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int maxTypes() {
    return maxTypes;
  }

  /** The findings for one service; empty when it is classified sparingly. */
  @SuppressWarnings("NullAway") // Finding turns a null service id or name into ""
  public List<Finding> check(Service service) {
    List<Attribute> attributes = service.getAttributes();
    if (attributes == null || attributes.isEmpty()) {
      return List.of();
    }
    Set<String> types = new LinkedHashSet<>();
    for (Attribute attribute : attributes) {
      if (attribute.getTaxonomyTerm() == null) {
        continue;
      }
      NormalizedTerm normalized = normalizer.normalize(attribute.getTaxonomyTerm());
      if (normalized.isResolved() && (schemes.isEmpty() || schemes.concept(normalized.orElseThrow()).isPresent())) {
        types.add(normalized.orElseThrow());
      }
    }
    List<Finding> findings = new ArrayList<>();
    String id = service.getId();
    String name = service.getName();
    if (types.size() > maxTypes) {
      findings.add(new Finding(Code.TOO_MANY_TYPES, id, name, "tagged with " + types.size()
          + " service types (" + labels(types) + "); tag a service with at most " + maxTypes
          + " that best describe what it does", new ArrayList<>(types)));
    }
    Map<Scheme, List<Concept>> byScheme = new LinkedHashMap<>();
    for (String uri : types) {
      schemes.schemeOf(uri).ifPresent(scheme ->
          byScheme.computeIfAbsent(scheme, key -> new ArrayList<>()).add(scheme.concept(uri).orElseThrow()));
    }
    for (Map.Entry<Scheme, List<Concept>> entry : byScheme.entrySet()) {
      Scheme scheme = entry.getKey();
      List<Concept> concepts = entry.getValue();
      redundant(scheme, concepts, id, name, findings);
      if (scheme.maxDepth() > 1) {
        branches(scheme, concepts, id, name, findings);
      }
    }
    return findings;
  }

  @SuppressWarnings("NullAway") // Finding turns a null service id or name into ""
  private void redundant(Scheme scheme, List<Concept> concepts, @Nullable String id, @Nullable String name, List<Finding> findings) {
    Set<String> tagged = new HashSet<>();
    concepts.forEach(concept -> tagged.add(concept.uri()));
    for (Concept concept : concepts) {
      for (Concept ancestor : scheme.ancestors(concept)) {
        if (tagged.contains(ancestor.uri())) {
          findings.add(new Finding(Code.REDUNDANT_BROADER, id, name, "tagged with '" + concept.prefLabel()
              + "' and with its broader term '" + ancestor.prefLabel() + "'; keep only the narrower one",
              List.of(concept.uri(), ancestor.uri())));
        }
      }
    }
  }

  @SuppressWarnings("NullAway") // Finding turns a null service id or name into ""
  private void branches(Scheme scheme, List<Concept> concepts, @Nullable String id, @Nullable String name, List<Finding> findings) {
    // Group the types that share a top concept (union-find over their roots).
    Map<String, String> parent = new HashMap<>();
    Map<String, List<String>> rootsOf = new HashMap<>();
    for (Concept concept : concepts) {
      List<String> roots = new ArrayList<>();
      scheme.roots(concept).forEach(root -> roots.add(root.uri()));
      rootsOf.put(concept.uri(), roots);
      for (String root : roots) {
        parent.putIfAbsent(root, root);
      }
      for (int i = 1; i < roots.size(); i++) {
        union(parent, roots.get(0), roots.get(i));
      }
    }
    Map<String, List<Concept>> groups = new LinkedHashMap<>();
    for (Concept concept : concepts) {
      List<String> roots = rootsOf.get(concept.uri());
      if (roots.isEmpty()) {
        continue;
      }
      groups.computeIfAbsent(find(parent, roots.get(0)), key -> new ArrayList<>()).add(concept);
    }
    if (groups.size() > maxBranches) {
      List<String> described = new ArrayList<>();
      List<String> uris = new ArrayList<>();
      for (List<Concept> group : groups.values()) {
        List<String> labels = new ArrayList<>();
        for (Concept concept : group) {
          labels.add("'" + concept.prefLabel() + "'");
          uris.add(concept.uri());
        }
        String top = scheme.roots(group.get(0)).get(0).prefLabel();
        described.add(top + ": " + String.join(", ", labels));
      }
      findings.add(new Finding(Code.UNRELATED_BRANCHES, id, name, "tagged with service types from "
          + groups.size() + " unrelated branches of " + scheme.title() + " (" + String.join("; ", described)
          + "); check that each really describes this service", uris));
    }
  }

  @SuppressWarnings("NullAway") // every root is a key of parent (the union-find), filled for all of them above
  private static String find(Map<String, String> parent, String node) {
    String root = node;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    return root;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String rootA = find(parent, a);
    String rootB = find(parent, b);
    if (!rootA.equals(rootB)) {
      parent.put(rootB, rootA);
    }
  }

  private String labels(Set<String> uris) {
    List<String> labels = new ArrayList<>();
    for (String uri : uris) {
      labels.add("'" + schemes.concept(uri).map(Concept::prefLabel).orElse(uri) + "'");
    }
    return String.join(", ", labels);
  }

  /** Builds a {@link ClassificationAudit}. */
  public static final class Builder {
    private SchemeSet schemes = SchemeSet.empty();
    private @Nullable TermNormalizer normalizer;
    private int maxTypes = 3;
    private int maxBranches = 1;

    private Builder() {
    }

    /** The service-type schemes; only their concepts count as service types. */
    public Builder schemes(SchemeSet value) {
      this.schemes = Objects.requireNonNull(value, "schemes");
      return this;
    }

    public Builder schemes(Scheme... value) {
      return schemes(SchemeSet.of(value));
    }

    /** Normalises the services' terms (default: the default registry with the schemes). */
    public Builder normalizer(TermNormalizer value) {
      this.normalizer = Objects.requireNonNull(value, "normalizer");
      return this;
    }

    /** The most service types a service may carry before it is reported (default 3). */
    public Builder maxTypes(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxTypes must be at least 1; got " + value);
      }
      this.maxTypes = value;
      return this;
    }

    /** The most unrelated branches of one scheme a service's types may come from (default 1). */
    public Builder maxBranches(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxBranches must be at least 1; got " + value);
      }
      this.maxBranches = value;
      return this;
    }

    public ClassificationAudit build() {
      return new ClassificationAudit(this);
    }
  }
}
