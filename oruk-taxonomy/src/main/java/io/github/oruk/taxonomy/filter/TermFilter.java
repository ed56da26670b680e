package io.github.oruk.taxonomy.filter;

import io.github.oruk.model.Attribute;
import io.github.oruk.model.Service;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.taxonomy.Concept;
import io.github.oruk.taxonomy.NormalizedTerm;
import io.github.oruk.taxonomy.OrukTaxonomies;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.SchemeSet;
import io.github.oruk.taxonomy.TermNormalizer;
import io.github.oruk.taxonomy.crosswalk.Crosswalk;
import io.github.oruk.taxonomy.crosswalk.TermExpander;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * "Services tagged with this term or anything narrower, in any mapped scheme": a plain
 * {@code Predicate<Service>}, so it filters a client's service stream ({@code stream.filter(filter)}) and
 * the server's in-memory store alike. Immutable and thread-safe.
 *
 * <p>The wanted terms are expanded once, when the filter is built ({@link TermExpander#expand}). A service
 * matches when one of its attributes' taxonomy terms normalises to one of them, whichever spelling the
 * feed used; when an attribute carries only a {@code taxonomy_term_id}, that id is compared with the ORUK
 * ids of the wanted concepts ({@link OrukTaxonomies#termId}, which is what this library writes).
 */
public final class TermFilter implements Predicate<Service> {

  private final Set<String> uris;
  private final Set<String> orukIds;
  private final TermNormalizer normalizer;
  private final @Nullable Set<String> linkTypes;

  private TermFilter(Set<String> uris, Set<String> orukIds, TermNormalizer normalizer, @Nullable Set<String> linkTypes) {
    this.uris = Set.copyOf(uris);
    this.orukIds = Set.copyOf(orukIds);
    this.normalizer = normalizer;
    this.linkTypes = linkTypes == null ? null : Set.copyOf(linkTypes);
  }

  /** A filter for one or more terms, each in any spelling; see {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The canonical URIs a service's terms are compared with (the wanted terms, expanded). */
  public Set<String> uris() {
    return uris;
  }

  @Override
  public boolean test(Service service) {
    List<Attribute> attributes = service == null ? null : service.getAttributes();
    if (attributes == null) {
      return false;
    }
    for (Attribute attribute : attributes) {
      if (linkTypes != null && (attribute.getLinkType() == null || !linkTypes.contains(attribute.getLinkType()))) {
        continue;
      }
      TaxonomyTerm term = attribute.getTaxonomyTerm();
      if (term != null) {
        NormalizedTerm normalized = normalizer.normalize(term);
        if (normalized.isResolved() && uris.contains(normalized.orElseThrow())) {
          return true;
        }
      }
      String termId = attribute.getTaxonomyTermId();
      if (termId != null && orukIds.contains(termId)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "TermFilter[" + uris.size() + " terms]";
  }

  /** Builds a {@link TermFilter}. */
  public static final class Builder {
    private final List<String[]> wanted = new ArrayList<>();
    private SchemeSet schemes = SchemeSet.empty();
    private Crosswalk crosswalk = Crosswalk.empty();
    private @Nullable TermNormalizer normalizer;
    private boolean expand = true;
    private @Nullable Set<String> linkTypes;

    private Builder() {
    }

    /** A wanted term: a URI, a CURIE, or (with loaded schemes) a notation or label in a named vocabulary. */
    public Builder term(String reference) {
      return term(reference, null);
    }

    /** A wanted term given as a code of a vocabulary ({@code "833"}, {@code "esdServiceTypes"}). */
    public Builder term(String reference, @Nullable String vocabulary) {
      wanted.add(new String[] {Objects.requireNonNull(reference, "reference"), vocabulary});
      return this;
    }

    /** Several wanted terms: a service with any of them matches. */
    public Builder terms(Collection<String> references) {
      references.forEach(this::term);
      return this;
    }

    /** The schemes that give terms their narrower terms (and labels to resolve). */
    public Builder schemes(SchemeSet value) {
      this.schemes = Objects.requireNonNull(value, "schemes");
      return this;
    }

    public Builder schemes(Scheme... value) {
      return schemes(SchemeSet.of(value));
    }

    /** Mappings to other schemes whose equivalent and narrower terms also match. */
    public Builder crosswalk(Crosswalk value) {
      this.crosswalk = Objects.requireNonNull(value, "crosswalk");
      return this;
    }

    /** Normalises the wanted terms and the services' terms (default: the default registry with these schemes). */
    public Builder normalizer(TermNormalizer value) {
      this.normalizer = Objects.requireNonNull(value, "normalizer");
      return this;
    }

    /** Whether narrower and mapped terms match too (default true); false matches the terms exactly. */
    public Builder expand(boolean value) {
      this.expand = value;
      return this;
    }

    /** Only attributes with one of these {@code link_type} values count (default: every attribute). */
    public Builder linkTypes(Set<String> value) {
      this.linkTypes = value == null ? null : new HashSet<>(value);
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the reference and the reason, when a wanted term cannot be
     *     normalised (a filter that silently matched nothing would hide the mistake)
     */
    public TermFilter build() {
      if (wanted.isEmpty()) {
        throw new IllegalArgumentException("a term filter needs at least one term");
      }
      TermNormalizer used = normalizer != null ? normalizer
          : TermNormalizer.builder().schemes(schemes).build();
      TermExpander expander = TermExpander.of(schemes, crosswalk);
      Set<String> uris = new LinkedHashSet<>();
      for (String[] reference : wanted) {
        NormalizedTerm normalized = used.normalize(reference[0], reference[1]);
        if (normalized instanceof NormalizedTerm.Unresolved unresolved) {
          throw new IllegalArgumentException("cannot filter on '" + reference[0] + "': " + unresolved.message());
        }
        String uri = normalized.orElseThrow();
        uris.addAll(expand ? expander.expand(uri) : Set.of(uri));
      }
      Set<String> ids = new HashSet<>();
      for (String uri : uris) {
        schemes.concept(uri).map(TermFilter::orukId).ifPresent(ids::add);
      }
      return new TermFilter(uris, ids, used, linkTypes);
    }
  }

  private static String orukId(Concept concept) {
    return OrukTaxonomies.termId(concept);
  }
}
