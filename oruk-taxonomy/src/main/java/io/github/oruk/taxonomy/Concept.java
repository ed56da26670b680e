package io.github.oruk.taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One term of a taxonomy (a SKOS concept): an immutable value.
 *
 * <p>Links to other concepts ({@code broader}, {@code narrower}, {@code related}) are by URI. Inside a
 * {@link Scheme} they are complete and consistent: a link declared only one way (a {@code broader} with no
 * matching {@code narrower}, as real files have) is present both ways, and links to concepts the scheme
 * does not hold are left out and reported as a {@link SchemeProblem}.
 *
 * @param uri the canonical URI, the concept's key everywhere in this library
 * @param id the identifier inside its scheme as the source gives it ({@code "833"}, a UUID, ...)
 * @param scheme URI of the scheme the concept belongs to
 * @param prefLabel the preferred label
 * @param altLabels synonyms and other labels; empty when there are none
 * @param notation a code or machine name ({@code "5_a_side"}), when the source has one
 * @param definition what the concept means, when the source says
 * @param broader URIs of the parents (more than one in a poly-hierarchy)
 * @param narrower URIs of the children
 * @param related URIs of associated concepts in the same scheme
 * @param deprecated whether the source marks it as withdrawn (the LGSL's {@code Discontinued})
 */
public record Concept(String uri, String id, String scheme, String prefLabel, List<String> altLabels,
    Optional<String> notation, Optional<String> definition, List<String> broader, List<String> narrower,
    List<String> related, boolean deprecated) {

  public Concept {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(prefLabel, "prefLabel");
    altLabels = List.copyOf(altLabels);
    notation = blankToEmpty(notation);
    definition = blankToEmpty(definition);
    broader = List.copyOf(broader);
    narrower = List.copyOf(narrower);
    related = List.copyOf(related);
  }

  /** A builder for a concept with the given URI, local id and preferred label. */
  public static Builder builder(@Nullable String uri, String id, String prefLabel) {
    return new Builder(uri, id, prefLabel);
  }

  /** A builder holding this concept's values, to change some of them. */
  public Builder toBuilder() {
    Builder builder = new Builder(uri, id, prefLabel).scheme(scheme).notation(notation.orElse(null))
        .definition(definition.orElse(null)).deprecated(deprecated);
    builder.altLabels.addAll(altLabels);
    builder.broader.addAll(broader);
    builder.narrower.addAll(narrower);
    builder.related.addAll(related);
    return builder;
  }

  /** Whether the concept has more than one parent. */
  public boolean hasSeveralParents() {
    return broader.size() > 1;
  }

  /** The preferred label followed by the alternative labels. */
  public List<String> labels() {
    List<String> all = new ArrayList<>(1 + altLabels.size());
    all.add(prefLabel);
    all.addAll(altLabels);
    return all;
  }

  private static Optional<String> blankToEmpty(Optional<String> value) {
    return value == null ? Optional.empty() : value.map(String::strip).filter(text -> !text.isEmpty());
  }

  /** Builds a {@link Concept}; links may be added one at a time and in any order. */
  public static final class Builder {
    private String uri;
    private String id;
    private String prefLabel;
    private String scheme = "";
    private @Nullable String notation;
    private @Nullable String definition;
    private boolean deprecated;
    private final List<String> altLabels = new ArrayList<>();
    private final List<String> broader = new ArrayList<>();
    private final List<String> narrower = new ArrayList<>();
    private final List<String> related = new ArrayList<>();

    private Builder(@Nullable String uri, String id, String prefLabel) {
      this.uri = Objects.requireNonNull(uri, "uri");
      this.id = Objects.requireNonNull(id, "id");
      this.prefLabel = Objects.requireNonNull(prefLabel, "prefLabel");
    }

    public Builder uri(String value) {
      this.uri = Objects.requireNonNull(value, "uri");
      return this;
    }

    public Builder id(String value) {
      this.id = Objects.requireNonNull(value, "id");
      return this;
    }

    public Builder prefLabel(String value) {
      this.prefLabel = Objects.requireNonNull(value, "prefLabel");
      return this;
    }

    /** The scheme's URI (a {@link Scheme.Builder} sets it on every concept it is given). */
    public Builder scheme(String value) {
      this.scheme = value == null ? "" : value;
      return this;
    }

    public Builder notation(@Nullable String value) {
      this.notation = value;
      return this;
    }

    public Builder definition(@Nullable String value) {
      this.definition = value;
      return this;
    }

    public Builder deprecated(boolean value) {
      this.deprecated = value;
      return this;
    }

    /** Adds a synonym; blank values and repeats of an existing label are ignored. */
    public Builder altLabel(@Nullable String label) {
      if (label != null && !label.isBlank()) {
        String key = Labels.key(label);
        boolean known = Labels.key(prefLabel).equals(key);
        for (String existing : altLabels) {
          known |= Labels.key(existing).equals(key);
        }
        if (!known) {
          altLabels.add(label.strip());
        }
      }
      return this;
    }

    /** Adds a parent by URI (repeats are ignored). */
    public Builder broader(String parentUri) {
      addOnce(broader, parentUri);
      return this;
    }

    /** Adds a child by URI (repeats are ignored). */
    public Builder narrower(String childUri) {
      addOnce(narrower, childUri);
      return this;
    }

    /** Adds an associated concept by URI (repeats are ignored). */
    public Builder related(String relatedUri) {
      addOnce(related, relatedUri);
      return this;
    }

    /** Removes every parent, child and related link (used when links are rebuilt). */
    Builder clearLinks() {
      broader.clear();
      narrower.clear();
      related.clear();
      return this;
    }

    String uri() {
      return uri;
    }

    String id() {
      return id;
    }

    List<String> broaderLinks() {
      return broader;
    }

    List<String> narrowerLinks() {
      return narrower;
    }

    List<String> relatedLinks() {
      return related;
    }

    public Concept build() {
      return new Concept(uri, id, scheme, prefLabel, altLabels, Optional.ofNullable(notation),
          Optional.ofNullable(definition), broader, narrower, related, deprecated);
    }

    private static void addOnce(List<String> list, String value) {
      if (value != null && !value.isBlank() && !list.contains(value.strip())) {
        list.add(value.strip());
      }
    }
  }
}
