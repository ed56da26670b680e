package io.github.oruk.taxonomy.load;

import io.github.oruk.model.Service;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.taxonomy.OrukTaxonomies;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.TermNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The taxonomies of a live ORUK feed, read through a {@link FeedReader}: its {@code /taxonomies} and
 * {@code /taxonomy_terms} (every page), or, when it publishes no terms there, the terms embedded in its
 * services' attributes (so at most {@code maxServices} services are read).
 *
 * <pre>{@code
 * FeedReader feed = ...;      // the oruk CLI's ClientFeedReader, over oruk-client
 * FeedTaxonomyLoader.Result result = FeedTaxonomyLoader.of(feed).load();
 * result.schemes();   // one per taxonomy
 * result.source();    // ENDPOINTS or SERVICES
 * result.notes();     // why it fell back, what the paging guard saw
 * }</pre>
 */
public final class FeedTaxonomyLoader {

  private final FeedReader feed;
  private final TermNormalizer normalizer;
  private final long maxServices;

  private FeedTaxonomyLoader(FeedReader feed, TermNormalizer normalizer, long maxServices) {
    this.feed = feed;
    this.normalizer = normalizer;
    this.maxServices = maxServices;
  }

  public static FeedTaxonomyLoader of(FeedReader feed) {
    return new FeedTaxonomyLoader(Objects.requireNonNull(feed, "feed"), TermNormalizer.defaults(), Long.MAX_VALUE);
  }

  public FeedTaxonomyLoader withNormalizer(TermNormalizer value) {
    return new FeedTaxonomyLoader(feed, Objects.requireNonNull(value, "normalizer"), maxServices);
  }

  /** When the terms must come from the services: read at most this many (default: all). */
  public FeedTaxonomyLoader withMaxServices(long value) {
    if (value < 1) {
      throw new IllegalArgumentException("maxServices must be at least 1; got " + value);
    }
    return new FeedTaxonomyLoader(feed, normalizer, value);
  }

  /** Where the terms came from. */
  public enum Source {
    /** The feed's {@code /taxonomies} and {@code /taxonomy_terms}. */
    ENDPOINTS,
    /** The taxonomy terms embedded in the attributes of the feed's services. */
    SERVICES
  }

  /**
   * The feed's taxonomies.
   *
   * @param schemes one per taxonomy, largest first
   * @param source where the terms came from
   * @param notes what happened on the way, one line each (an endpoint the feed lacks, paging findings,
   *     services that could not be read)
   */
  public record Result(List<Scheme> schemes, Source source, List<String> notes) {
    public Result {
      schemes = List.copyOf(schemes);
      notes = List.copyOf(notes);
    }
  }

  /**
   * Reads the feed's taxonomies.
   *
   * @throws TaxonomyLoadException when the feed cannot be read at all, or holds no taxonomy term anywhere
   */
  public Result load() throws TaxonomyLoadException {
    List<String> notes = new ArrayList<>();
    List<Taxonomy> taxonomies = feed.taxonomies(notes);
    List<TaxonomyTerm> terms = feed.taxonomyTerms(notes);
    boolean embeddedInTaxonomies = taxonomies.stream().anyMatch(t -> !t.getTaxonomyTerms().isEmpty()
        && !t.getTaxonomyTerms().isEmpty());
    if (!terms.isEmpty() || embeddedInTaxonomies) {
      return new Result(fromEndpoints(taxonomies, terms, notes), Source.ENDPOINTS, notes);
    }
    notes.add("the feed publishes no taxonomy terms at /taxonomy_terms or /taxonomies; the terms were gathered"
        + " from its services' attributes");
    Map<String, TaxonomyTerm> embedded = new LinkedHashMap<>();
    FeedReader.Summary summary = feed.services(maxServices, service -> collect(service, embedded));
    notes.add("read " + summary.services() + " services" + (summary.complete() ? "" : " (not the whole feed)"));
    notes.addAll(summary.notes());
    List<Scheme> schemes = ServiceTermsLoader.defaults().withNormalizer(normalizer).fromTerms(embedded.values());
    if (schemes.isEmpty()) {
      throw new TaxonomyLoadException(feed.baseUri().toString(), "the feed has no taxonomy terms: none at "
          + "/taxonomy_terms or /taxonomies, and none in the attributes of " + summary.services() + " services");
    }
    return new Result(schemes, Source.SERVICES, notes);
  }

  private List<Scheme> fromEndpoints(List<Taxonomy> taxonomies, List<TaxonomyTerm> terms, List<String> notes) {
    Map<String, List<TaxonomyTerm>> byTaxonomy = new LinkedHashMap<>();
    Map<String, Taxonomy> known = new LinkedHashMap<>();
    for (Taxonomy taxonomy : taxonomies) {
      if (taxonomy.getId() != null) {
        known.putIfAbsent(taxonomy.getId().strip(), taxonomy);
      }
    }
    List<TaxonomyTerm> loose = new ArrayList<>();
    for (TaxonomyTerm term : terms) {
      String taxonomyId = term.getTaxonomyId() == null ? null : term.getTaxonomyId().strip();
      if (taxonomyId != null && known.containsKey(taxonomyId)) {
        byTaxonomy.computeIfAbsent(taxonomyId, key -> new ArrayList<>()).add(term);
      } else {
        loose.add(term);
      }
    }
    List<Scheme> schemes = new ArrayList<>();
    for (Map.Entry<String, Taxonomy> entry : known.entrySet()) {
      Taxonomy record = entry.getValue();
      List<TaxonomyTerm> all = new ArrayList<>();
      if (!record.getTaxonomyTerms().isEmpty()) {
        all.addAll(record.getTaxonomyTerms());
      }
      all.addAll(byTaxonomy.getOrDefault(entry.getKey(), List.of()));
      if (all.isEmpty()) {
        notes.add("taxonomy '" + record.getName() + "' (" + entry.getKey() + ") has no terms");
        continue;
      }
      Taxonomy copy = new Taxonomy().id(record.getId()).name(record.getName()).description(record.getDescription())
          .uri(record.getUri()).version(record.getVersion()).taxonomyTerms(all);
      schemes.add(OrukTaxonomies.fromTaxonomy(copy, normalizer));
    }
    if (!loose.isEmpty()) {
      schemes.addAll(ServiceTermsLoader.defaults().withNormalizer(normalizer).fromTerms(loose));
    }
    schemes.sort((a, b) -> Integer.compare(b.size(), a.size()));
    return schemes;
  }

  private static void collect(Service service, Map<String, TaxonomyTerm> terms) {
    if (service.getAttributes().isEmpty()) {
      return;
    }
    service.getAttributes().forEach(attribute -> {
      TaxonomyTerm term = attribute.getTaxonomyTerm();
      if (term != null && term.getId() != null) {
        terms.putIfAbsent(term.getTaxonomy() + "\u0000" + term.getTaxonomyId() + "\u0000" + term.getId().strip(), term);
      }
    });
  }
}
