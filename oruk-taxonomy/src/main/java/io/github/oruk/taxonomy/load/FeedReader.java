package io.github.oruk.taxonomy.load;

import io.github.oruk.model.Service;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@link FeedTaxonomyLoader} needs from a live ORUK feed: the records of its two taxonomy lists, and its
 * fully nested services. This module reads no feed itself (it does not depend on {@code oruk-client}, so a
 * taxonomy user does not get an HTTP client they did not ask for); whoever has a client supplies one. The
 * {@code oruk} CLI supplies one over {@code oruk-client} ({@code ClientFeedReader}: every page through the
 * client's paging guard, services with {@code full=true}, or fetched one by one when the feed ignores that).
 */
public interface FeedReader {

  /** The feed's base URL, for messages. */
  URI baseUri();

  /**
   * Every record of the feed's {@code /taxonomies}, every page. A feed without the endpoint, or with a broken
   * one, gives none; what went wrong, and what the paging guard saw, is added to {@code notes}, one line each.
   */
  List<Taxonomy> taxonomies(List<String> notes);

  /** Every record of the feed's {@code /taxonomy_terms}, every page; otherwise as {@link #taxonomies}. */
  List<TaxonomyTerm> taxonomyTerms(List<String> notes);

  /**
   * Gives each fully nested service of the feed (with its attributes) to {@code consumer}, one at a time, at
   * most {@code maxServices} ({@link Long#MAX_VALUE} for all).
   *
   * @throws TaxonomyLoadException when the feed's services cannot be read at all
   */
  Summary services(long maxServices, Consumer<Service> consumer) throws TaxonomyLoadException;

  /**
   * What reading the services did.
   *
   * @param services how many services were given to the consumer
   * @param harvested whether each service had to be fetched by id (the feed's list items are not nested)
   * @param complete whether every service the feed listed was read (false when the limit was reached or
   *     some could not be fetched)
   * @param notes what the paging guard and the harvest reported, one line each
   */
  record Summary(long services, boolean harvested, boolean complete, List<String> notes) {
    public Summary {
      notes = List.copyOf(notes);
    }
  }
}
