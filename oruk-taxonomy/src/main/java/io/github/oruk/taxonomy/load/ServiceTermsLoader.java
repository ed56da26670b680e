package io.github.oruk.taxonomy.load;

import io.github.oruk.model.Attribute;
import io.github.oruk.model.Service;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.taxonomy.Labels;
import io.github.oruk.taxonomy.OrukTaxonomies;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.TermNormalizer;
import io.github.oruk.taxonomy.Vocabulary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds schemes from the taxonomy terms embedded in services' attributes, for feeds that publish no
 * {@code /taxonomies} or {@code /taxonomy_terms}. One scheme per taxonomy the terms name: by the URI in
 * {@code taxonomy}, the registered vocabulary it names ({@code esdServiceTypes} gives the LGA list), the
 * {@code taxonomy_id}, or the name itself. Each distinct term (by ORUK id) becomes one concept; parents are
 * linked when the parent term is also seen.
 */
public final class ServiceTermsLoader {

  private final TermNormalizer normalizer;

  private ServiceTermsLoader(TermNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  public static ServiceTermsLoader defaults() {
    return new ServiceTermsLoader(TermNormalizer.defaults());
  }

  public ServiceTermsLoader withNormalizer(TermNormalizer value) {
    return new ServiceTermsLoader(Objects.requireNonNull(value, "normalizer"));
  }

  /** One scheme per taxonomy named by the services' attribute terms, largest first. */
  public List<Scheme> fromServices(Stream<Service> services) {
    // Each term once (by its taxonomy and id), so memory grows with the vocabulary, not the feed.
    Map<String, TaxonomyTerm> terms = new LinkedHashMap<>();
    services.forEach(service -> {
      if (service.getAttributes().isEmpty()) {
        return;
      }
      for (Attribute attribute : service.getAttributes()) {
        TaxonomyTerm term = attribute.getTaxonomyTerm();
        if (term != null && term.getId() != null) {
          terms.putIfAbsent(term.getTaxonomy() + "\u0000" + term.getTaxonomyId() + "\u0000" + term.getId().strip(), term);
        }
      }
    });
    return fromTerms(terms.values());
  }

  /**
   * Loose ORUK taxonomy terms (from attributes, or a feed's {@code /taxonomy_terms} without taxonomy records)
   * as one scheme per taxonomy they name, largest first; each term (by ORUK id) once.
   */
  public List<Scheme> fromTerms(Collection<TaxonomyTerm> terms) {
    Map<String, Group> groups = new LinkedHashMap<>();
    for (TaxonomyTerm term : terms) {
      if (term == null || term.getId() == null) {
        continue;
      }
      String schemeUri = schemeUri(term);
      groups.computeIfAbsent(schemeUri, uri -> new Group(uri, title(term))).add(term);
    }
    List<Scheme> schemes = new ArrayList<>(groups.size());
    for (Group group : groups.values()) {
      schemes.add(OrukTaxonomies.fromTerms(group.uri, group.title, group.terms.values(), normalizer));
    }
    schemes.sort((a, b) -> Integer.compare(b.size(), a.size()));
    return schemes;
  }

  private String schemeUri(TaxonomyTerm term) {
    String taxonomy = term.getTaxonomy() == null ? "" : term.getTaxonomy().strip();
    if (taxonomy.startsWith("http://") || taxonomy.startsWith("https://") || taxonomy.startsWith("urn:")) {
      return taxonomy;
    }
    Optional<Vocabulary> vocabulary = normalizer.registry().vocabulary(taxonomy);
    if (vocabulary.isPresent()) {
      return vocabulary.get().listUris().isEmpty() ? "urn:oruk-java:vocabulary:" + vocabulary.get().prefix()
          : vocabulary.get().listUris().get(0);
    }
    if (term.getTaxonomyId() != null && !term.getTaxonomyId().isBlank()) {
      return "urn:uuid:" + term.getTaxonomyId().strip();
    }
    String key = Labels.key(taxonomy).replace(' ', '-');
    return "urn:oruk-java:vocabulary:" + (key.isEmpty() ? "unnamed" : key);
  }

  private String title(TaxonomyTerm term) {
    String taxonomy = term.getTaxonomy();
    if (taxonomy != null && !taxonomy.isBlank()) {
      return normalizer.registry().vocabulary(taxonomy).map(Vocabulary::label).orElse(taxonomy.strip());
    }
    return "Terms without a taxonomy name";
  }

  private static final class Group {
    final String uri;
    final String title;
    final Map<String, TaxonomyTerm> terms = new LinkedHashMap<>();

    Group(String uri, String title) {
      this.uri = uri;
      this.title = title;
    }

    @SuppressWarnings("NullAway") // fromTerms skips the terms without an id
    void add(TaxonomyTerm term) {
      terms.putIfAbsent(term.getId().strip(), term);
    }
  }
}
