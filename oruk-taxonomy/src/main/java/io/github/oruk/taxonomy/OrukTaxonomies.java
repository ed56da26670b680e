package io.github.oruk.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Conversion between {@link Scheme}/{@link Concept} and the ORUK {@code taxonomy} and
 * {@code taxonomy_term} records.
 *
 * <p>To ORUK: term ids must be UUIDs, so a concept whose own id is a UUID keeps it and any other gets a
 * name-based UUID of its URI (stable across runs and machines). {@code term_uri} is the concept URI,
 * {@code term} its notation (or id), {@code taxonomy} the scheme's vocabulary name (or title), and
 * {@code description} its definition, or its label when it has none (ORUK requires one). ORUK gives a
 * term one parent: the first parent goes in {@code parent_id} and any others in the extension
 * {@value #ADDITIONAL_PARENTS}, which {@link #fromTaxonomy} reads back, so a poly-hierarchy survives a
 * round trip.
 *
 * <p>From ORUK: each term's URI is what the {@link TermNormalizer} makes of it ({@code term_uri}, or its
 * code with its vocabulary); a term it cannot place gets {@code urn:uuid:{id}}. The concept keeps the
 * ORUK id as its id, so converting back gives the same ids.
 */
public final class OrukTaxonomies {

  /** The extension that carries a term's second and further parents. */
  public static final String ADDITIONAL_PARENTS = "additional_parent_ids";

  private OrukTaxonomies() {
  }

  /** The whole scheme as an ORUK taxonomy with its terms (the UK {@code taxonomy_terms} property). */
  public static Taxonomy toTaxonomy(Scheme scheme) {
    Taxonomy taxonomy = new Taxonomy()
        .id(taxonomyId(scheme))
        .name(scheme.title())
        .description(scheme.description().orElse(scheme.title()))
        .uri(scheme.uri());
    scheme.version().ifPresent(taxonomy::version);
    for (Concept concept : scheme.concepts()) {
      taxonomy.addTaxonomyTermsItem(toTerm(scheme, concept));
    }
    return taxonomy;
  }

  /** One concept of a scheme as an ORUK taxonomy term. */
  public static TaxonomyTerm toTerm(Scheme scheme, Concept concept) {
    TaxonomyTerm term = new TaxonomyTerm()
        .id(termId(concept))
        .name(concept.prefLabel())
        .description(concept.definition().orElse(concept.prefLabel()))
        .taxonomy(scheme.vocabulary().orElse(scheme.title()))
        .taxonomyId(taxonomyId(scheme))
        .termUri(concept.uri())
        .term(concept.notation().orElse(concept.id()));
    List<Concept> parents = scheme.parents(concept);
    if (!parents.isEmpty()) {
      term.parentId(termId(parents.get(0)));
      if (parents.size() > 1) {
        ArrayNode more = JsonNodeFactory.instance.arrayNode();
        for (Concept parent : parents.subList(1, parents.size())) {
          more.add(termId(parent));
        }
        term.putExtension(ADDITIONAL_PARENTS, more);
      }
    }
    return term;
  }

  /** The ORUK id of a concept: its own id if that is a UUID, otherwise a name-based UUID of its URI. */
  public static String termId(Concept concept) {
    if (Vocabulary.IdSyntax.UUID.accepts(concept.id())) {
      return concept.id().toLowerCase(java.util.Locale.ROOT);
    }
    return nameUuid("oruk-java:term:" + concept.uri());
  }

  /** The ORUK id of a scheme: the UUID of a {@code urn:uuid:} URI, otherwise a name-based UUID of its URI. */
  public static String taxonomyId(Scheme scheme) {
    String uri = scheme.uri();
    if (uri.regionMatches(true, 0, "urn:uuid:", 0, 9) && Vocabulary.IdSyntax.UUID.accepts(uri.substring(9))) {
      return uri.substring(9).toLowerCase(java.util.Locale.ROOT);
    }
    return nameUuid("oruk-java:taxonomy:" + uri);
  }

  /** An ORUK taxonomy (with its {@code taxonomy_terms}) as a scheme, with the default normaliser. */
  public static Scheme fromTaxonomy(Taxonomy taxonomy) {
    return fromTaxonomy(taxonomy, TermNormalizer.defaults());
  }

  /** An ORUK taxonomy (with its {@code taxonomy_terms}) as a scheme. */
  @SuppressWarnings("NullAway") // a value that is not isBlank(...) is not null
  public static Scheme fromTaxonomy(Taxonomy taxonomy, TermNormalizer normalizer) {
    String uri = !isBlank(taxonomy.getUri()) ? taxonomy.getUri().strip()
        : !isBlank(taxonomy.getId()) ? "urn:uuid:" + taxonomy.getId().strip()
        : "urn:oruk-java:taxonomy:" + slug(taxonomy.getName());
    Scheme.Builder builder = Scheme.builder(uri).title(taxonomy.getName())
        .description(taxonomy.getDescription()).version(taxonomy.getVersion());
    List<TaxonomyTerm> terms = taxonomy.getTaxonomyTerms();
    return addTerms(builder, terms, normalizer).build();
  }

  /**
   * Loose ORUK terms (from {@code /taxonomy_terms}, or embedded in attributes) as a scheme.
   *
   * @param schemeUri the URI to give the scheme
   * @param title its title
   */
  public static Scheme fromTerms(String schemeUri, String title, Collection<TaxonomyTerm> terms,
      TermNormalizer normalizer) {
    return addTerms(Scheme.builder(schemeUri).title(title), terms, normalizer).build();
  }

  /** Adds terms to a scheme builder; parents are linked by ORUK id among the given terms. */
  @SuppressWarnings("NullAway") // a value that is not isBlank(...) is not null
  static Scheme.Builder addTerms(Scheme.Builder builder, Collection<TaxonomyTerm> terms, TermNormalizer normalizer) {
    java.util.Set<String> usedUris = new java.util.HashSet<>();
    Map<String, TaxonomyTerm> unique = new LinkedHashMap<>();
    Map<String, String> uriOf = new HashMap<>();
    String vocabulary = null;
    for (TaxonomyTerm term : terms) {
      if (isBlank(term.getId()) || isBlank(firstNonBlank(term.getName(), term.getTerm()))) {
        builder.problem(new SchemeProblem(SchemeProblem.Code.SKIPPED_RECORD, "a taxonomy term without "
            + (isBlank(term.getId()) ? "an id" : "a name") + " was skipped: " + term, List.of()));
        continue;
      }
      if (unique.putIfAbsent(term.getId().strip(), term) != null) {
        continue;
      }
      NormalizedTerm normalized = normalizer.normalize(term);
      String uri = normalized.uri().orElse(null);
      if (uri == null || !usedUris.add(uri)) {
        // Unplaceable, or a second ORUK term for the same concept: keep it apart under its own id.
        uri = "urn:uuid:" + term.getId().strip();
        usedUris.add(uri);
      }
      uriOf.put(term.getId().strip(), uri);
      if (vocabulary == null && normalized instanceof NormalizedTerm.Resolved resolved) {
        vocabulary = resolved.vocabulary().map(Vocabulary::prefix).orElse(null);
      }
    }
    if (vocabulary != null) {
      builder.vocabulary(vocabulary);
    }
    for (TaxonomyTerm term : unique.values()) {
      String id = term.getId().strip();
      String name = firstNonBlank(term.getName(), term.getTerm());
      Concept.Builder concept = Concept.builder(uriOf.get(id), id, name.strip())
          .definition(term.getDescription());
      if (!isBlank(term.getTerm()) && !term.getTerm().strip().equals(name.strip())) {
        concept.notation(term.getTerm().strip());
      }
      List<String> parentIds = new ArrayList<>();
      if (!isBlank(term.getParentId())) {
        parentIds.add(term.getParentId().strip());
      }
      JsonNode more = term.hasExtensions() ? term.getExtensions().get(ADDITIONAL_PARENTS) : null;
      if (more != null && more.isArray()) {
        more.forEach(node -> parentIds.add(node.asText()));
      }
      for (String parentId : parentIds) {
        String parentUri = uriOf.get(parentId);
        concept.broader(parentUri != null ? parentUri : "urn:uuid:" + parentId);
      }
      builder.add(concept);
    }
    return builder;
  }

  static String nameUuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  static String slug(@Nullable String text) {
    String key = Labels.key(text == null ? "" : text).replace(' ', '-');
    return key.isEmpty() ? "unnamed" : key;
  }

  private static boolean isBlank(@Nullable String text) {
    return text == null || text.isBlank();
  }

  private static String firstNonBlank(@Nullable String... values) {
    for (String value : values) {
      if (!isBlank(value)) {
        return value;
      }
    }
    return "";
  }
}
