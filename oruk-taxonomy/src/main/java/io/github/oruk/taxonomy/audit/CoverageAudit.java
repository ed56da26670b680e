package io.github.oruk.taxonomy.audit;

import io.github.oruk.model.Attribute;
import io.github.oruk.model.Service;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.taxonomy.Concept;
import io.github.oruk.taxonomy.NormalizedTerm;
import io.github.oruk.taxonomy.OrukTaxonomies;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.SchemeSet;
import io.github.oruk.taxonomy.TermNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Coverage of a feed's tagging: services per term, terms of the loaded schemes no service uses, services
 * with no term, and the share tagged with a recognised scheme. Feed it services one at a time
 * ({@link #add}), so a feed of any size is audited in one pass without keeping the services; then ask for
 * the {@link #report()}. Not thread-safe; use one audit per thread.
 */
public final class CoverageAudit {

  private final SchemeSet schemes;
  private final TermNormalizer normalizer;
  private final Map<String, Concept> byOrukId = new HashMap<>();
  private final Map<String, long[]> termCounts = new LinkedHashMap<>();
  private final Map<String, String> termLabels = new HashMap<>();
  private final Map<String, long[]> unrecognisedCounts = new LinkedHashMap<>();
  private final Map<String, String> unrecognisedReasons = new HashMap<>();
  private final List<String> untagged = new ArrayList<>();
  private long services;
  private long tagged;
  private long recognised;

  private CoverageAudit(SchemeSet schemes, TermNormalizer normalizer) {
    this.schemes = schemes;
    this.normalizer = normalizer;
    for (Scheme scheme : schemes) {
      for (Concept concept : scheme.concepts()) {
        byOrukId.putIfAbsent(OrukTaxonomies.termId(concept), concept);
        byOrukId.putIfAbsent(concept.id(), concept);
      }
    }
  }

  /** An audit against these schemes (may be empty: then any term of a registered vocabulary is recognised). */
  public static CoverageAudit of(SchemeSet schemes) {
    return of(schemes, TermNormalizer.builder().schemes(schemes).build());
  }

  /** An audit against these schemes, normalising the feed's terms with this normaliser. */
  public static CoverageAudit of(SchemeSet schemes, TermNormalizer normalizer) {
    return new CoverageAudit(Objects.requireNonNull(schemes, "schemes"), Objects.requireNonNull(normalizer, "normalizer"));
  }

  /** Audits a whole stream of services. */
  public static CoverageReport run(Stream<Service> services, SchemeSet schemes) {
    CoverageAudit audit = of(schemes);
    services.forEach(audit::add);
    return audit.report();
  }

  /** Counts one service. */
  public void add(Service service) {
    services++;
    Set<String> terms = new HashSet<>(4);
    Set<String> unknown = new HashSet<>(2);
    boolean anyTerm = false;
    boolean anyRecognised = false;
    List<Attribute> attributes = service.getAttributes();
    for (Attribute attribute : attributes) {
      TaxonomyTerm term = attribute.getTaxonomyTerm();
      if (term == null) {
        String id = attribute.getTaxonomyTermId();
        if (id == null || id.isBlank()) {
          continue;
        }
        anyTerm = true;
        Concept concept = byOrukId.get(id.strip());
        if (concept != null) {
          anyRecognised = true;
          terms.add(concept.uri());
          termLabels.putIfAbsent(concept.uri(), concept.prefLabel());
        } else {
          String key = "taxonomy_term_id " + id.strip();
          unknown.add(key);
          unrecognisedReasons.putIfAbsent(key, "only a taxonomy_term_id, which is not the id of a loaded concept");
        }
        continue;
      }
      anyTerm = true;
      NormalizedTerm normalized = normalizer.normalize(term);
      if (normalized instanceof NormalizedTerm.Resolved resolved) {
        String uri = resolved.canonicalUri();
        Optional<Concept> concept = schemes.concept(uri);
        terms.add(uri);
        termLabels.putIfAbsent(uri, concept.map(Concept::prefLabel).orElse(label(term, uri)));
        boolean known = concept.isPresent() || schemes.isEmpty() && resolved.vocabulary().isPresent();
        if (known) {
          anyRecognised = true;
        } else {
          unknown.add(uri);
          unrecognisedReasons.putIfAbsent(uri, schemes.isEmpty() ? "not in a registered vocabulary"
              : "not a concept of the loaded schemes");
        }
      } else {
        NormalizedTerm.Unresolved unresolved = (NormalizedTerm.Unresolved) normalized;
        String key = reference(term);
        unknown.add(key);
        unrecognisedReasons.putIfAbsent(key, unresolved.reason() + ": " + unresolved.message());
      }
    }
    for (String uri : terms) {
      termCounts.computeIfAbsent(uri, key -> new long[1])[0]++;
    }
    for (String key : unknown) {
      unrecognisedCounts.computeIfAbsent(key, k -> new long[1])[0]++;
    }
    if (anyTerm) {
      tagged++;
    } else {
      untagged.add(service.getId() == null ? "(service without an id, #" + services + ")" : service.getId());
    }
    if (anyRecognised) {
      recognised++;
    }
  }

  /** The report on everything added so far. */
  public CoverageReport report() {
    List<TermUse> uses = new ArrayList<>(termCounts.size());
    for (Map.Entry<String, long[]> entry : termCounts.entrySet()) {
      String uri = entry.getKey();
      uses.add(new TermUse(uri, termLabels.getOrDefault(uri, uri), schemes.schemeOf(uri).map(Scheme::uri),
          entry.getValue()[0]));
    }
    uses.sort((a, b) -> a.services() != b.services() ? Long.compare(b.services(), a.services())
        : a.label().compareToIgnoreCase(b.label()));
    List<SchemeCoverage> coverage = new ArrayList<>();
    for (Scheme scheme : schemes) {
      List<String> unused = new ArrayList<>();
      for (Concept concept : scheme.concepts()) {
        if (!termCounts.containsKey(concept.uri())) {
          unused.add(concept.uri());
        }
      }
      coverage.add(new SchemeCoverage(scheme.uri(), scheme.title(), scheme.size(), scheme.size() - unused.size(),
          unused));
    }
    List<UnrecognisedTerm> unrecognised = new ArrayList<>();
    for (Map.Entry<String, long[]> entry : unrecognisedCounts.entrySet()) {
      unrecognised.add(new UnrecognisedTerm(entry.getKey(), unrecognisedReasons.get(entry.getKey()),
          entry.getValue()[0]));
    }
    unrecognised.sort((a, b) -> Long.compare(b.services(), a.services()));
    return new CoverageReport(services, tagged, recognised, uses, coverage, untagged, unrecognised);
  }

  private static String label(TaxonomyTerm term, String uri) {
    if (term.getName() != null && !term.getName().isBlank()) {
      return term.getName().strip();
    }
    return term.getTerm() != null && !term.getTerm().isBlank() ? term.getTerm().strip() : uri;
  }

  private static String reference(TaxonomyTerm term) {
    String value = firstNonBlank(term.getTermUri(), term.getTerm(), term.getName(), term.getId());
    String vocabulary = term.getTaxonomy();
    return vocabulary == null || vocabulary.isBlank() ? value : value + " [" + vocabulary.strip() + "]";
  }

  private static String firstNonBlank(@Nullable String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return "(empty term)";
  }
}
