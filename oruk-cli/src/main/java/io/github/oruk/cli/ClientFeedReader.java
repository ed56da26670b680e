package io.github.oruk.cli;

import io.github.oruk.client.OrukClient;
import io.github.oruk.client.OrukClientException;
import io.github.oruk.client.OrukHttpException;
import io.github.oruk.client.harvest.HarvestFailure;
import io.github.oruk.client.harvest.HarvestOptions;
import io.github.oruk.client.harvest.HarvestReport;
import io.github.oruk.client.harvest.Harvester;
import io.github.oruk.client.paging.PagedRecords;
import io.github.oruk.client.paging.PagingFinding;
import io.github.oruk.model.Service;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.model.query.Query;
import io.github.oruk.taxonomy.load.FeedReader;
import io.github.oruk.taxonomy.load.TaxonomyLoadException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A live feed for oruk-taxonomy, read with oruk-client: the taxonomy lists page by page through the client's
 * paging guard, and the fully nested services. List items of {@code /services} usually carry only a service's
 * own properties, so the services are first asked for with {@code full=true}; when the feed ignores that (its
 * first item has nothing nested), each service is harvested from {@code /services/{id}} with the client's
 * {@link Harvester} instead. oruk-taxonomy takes this as a {@link FeedReader} so that it need not depend on the
 * client.
 */
final class ClientFeedReader implements FeedReader {

  private static final System.Logger LOG = System.getLogger(ClientFeedReader.class.getName());

  private final OrukClient client;
  private final int perPage;

  /** Records per list page asked for: 100. */
  ClientFeedReader(OrukClient client) {
    this(client, 100);
  }

  ClientFeedReader(OrukClient client, int perPage) {
    if (perPage < 1) {
      throw new IllegalArgumentException("perPage must be at least 1; got " + perPage);
    }
    this.client = Objects.requireNonNull(client, "client");
    this.perPage = perPage;
  }

  /** The feed at {@code base}, with the client's defaults. */
  static ClientFeedReader of(URI base) {
    return new ClientFeedReader(OrukClient.builder(base).build());
  }

  @Override
  public URI baseUri() {
    return client.baseUri();
  }

  @Override
  public List<Taxonomy> taxonomies(List<String> notes) {
    return list(Taxonomy.class, "/taxonomies", notes);
  }

  @Override
  public List<TaxonomyTerm> taxonomyTerms(List<String> notes) {
    return list(TaxonomyTerm.class, "/taxonomy_terms", notes);
  }

  /** Every record of a list endpoint; a feed without the endpoint (or with a broken one) gives none, noted. */
  private <T> List<T> list(Class<T> type, String endpoint, List<String> notes) {
    List<T> records = new ArrayList<>();
    PagedRecords<T> pages;
    try {
      pages = client.stream(type, Query.builder().perPage(perPage).build());
      pages.forEach(records::add);
    } catch (OrukHttpException e) {
      notes.add("the feed has no usable " + endpoint + " (HTTP " + e.status() + ")");
      return List.of();
    } catch (OrukClientException e) {
      notes.add("could not read " + endpoint + ": " + e.getMessage());
      return List.of();
    }
    pages.summary().findings().forEach(finding -> notes.add(finding.toLine()));
    return records;
  }

  @Override
  public Summary services(long maxServices, Consumer<Service> consumer) throws TaxonomyLoadException {
    if (maxServices < 1) {
      throw new IllegalArgumentException("maxServices must be at least 1; got " + maxServices);
    }
    List<String> notes = new ArrayList<>();
    PagedRecords<Service> full;
    Iterator<Service> iterator;
    Service first;
    try {
      full = client.stream(Service.class, Query.builder().full(true).perPage(perPage).build());
      iterator = full.iterator();
      if (!iterator.hasNext()) {
        full.summary().findings().forEach(finding -> notes.add(finding.toLine()));
        return new Summary(0, false, true, notes);
      }
      first = iterator.next();
    } catch (OrukClientException e) {
      throw new TaxonomyLoadException(client.baseUri().toString(), "could not list /services: " + e.getMessage(), e);
    }
    if (!isNested(first)) {
      LOG.log(System.Logger.Level.INFO, "{0} ignores full=true; fetching each service by id", client.baseUri());
      notes.add("the feed's list items are not nested (full=true is not supported), so each service was fetched"
          + " from /services/{id}");
      return harvest(maxServices, consumer, notes);
    }
    long count = 0;
    boolean limited = false;
    try {
      consumer.accept(first);
      count++;
      while (iterator.hasNext()) {
        if (count >= maxServices) {
          limited = true;
          break;
        }
        consumer.accept(iterator.next());
        count++;
      }
    } catch (OrukClientException e) {
      notes.add("listing stopped after " + count + " services: " + e.getMessage());
      limited = true;
    }
    boolean complete = !limited;
    if (!limited) {
      for (PagingFinding finding : full.summary().findings()) {
        notes.add(finding.toLine());
      }
      complete = full.summary().complete();
    }
    return new Summary(count, false, complete, notes);
  }

  private Summary harvest(long maxServices, Consumer<Service> consumer, List<String> notes)
      throws TaxonomyLoadException {
    HarvestOptions.Builder options = HarvestOptions.builder().perPage(perPage);
    if (maxServices != Long.MAX_VALUE) {
      options.maxPages((int) Math.max(1, Math.min(Integer.MAX_VALUE, (maxServices + perPage - 1) / perPage)));
    }
    long[] count = {0};
    HarvestReport report;
    try {
      report = new Harvester(client).harvest(options.build(), service -> {
        if (count[0] < maxServices) {
          consumer.accept(service);
          count[0]++;
        }
      });
    } catch (IOException | OrukClientException e) {
      throw new TaxonomyLoadException(client.baseUri().toString(), "could not harvest the services: " + e.getMessage(), e);
    }
    if (report.outcome() == HarvestReport.Outcome.UNREADABLE) {
      throw new TaxonomyLoadException(client.baseUri().toString(), report.summaryLine());
    }
    notes.add(report.summaryLine());
    for (HarvestFailure failure : report.failed()) {
      notes.add(failure.toLine());
    }
    report.findings().forEach(finding -> notes.add(finding.toLine()));
    boolean complete = report.outcome() == HarvestReport.Outcome.COMPLETE && count[0] == report.delivered();
    return new Summary(count[0], true, complete, notes);
  }

  /** Whether a list item is fully nested: it carries something only the by-id view has. */
  static boolean isNested(Service service) {
    return !service.getAttributes().isEmpty() || !service.getServiceAtLocations().isEmpty()
        || !service.getContacts().isEmpty() || !service.getSchedules().isEmpty();
  }
}
