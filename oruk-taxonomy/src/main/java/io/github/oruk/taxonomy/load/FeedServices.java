package io.github.oruk.taxonomy.load;

import io.github.oruk.client.OrukClient;
import io.github.oruk.client.OrukClientException;
import io.github.oruk.client.harvest.HarvestFailure;
import io.github.oruk.client.harvest.HarvestOptions;
import io.github.oruk.client.harvest.HarvestReport;
import io.github.oruk.client.harvest.Harvester;
import io.github.oruk.client.paging.PagedRecords;
import io.github.oruk.client.paging.PagingFinding;
import io.github.oruk.model.Service;
import io.github.oruk.model.query.Query;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The fully nested services of a live feed, with their attributes, through {@code oruk-client}. List items
 * of {@code /services} usually carry only a service's own properties, so this first asks for
 * {@code /services?full=true}; when the feed ignores that (its first page has no nested properties), it
 * harvests each service from {@code /services/{id}} with the client's {@link Harvester} instead.
 */
public final class FeedServices {

  private static final System.Logger LOG = System.getLogger(FeedServices.class.getName());

  private final OrukClient client;
  private final int perPage;
  private final long maxServices;

  private FeedServices(OrukClient client, int perPage, long maxServices) {
    this.client = client;
    this.perPage = perPage;
    this.maxServices = maxServices;
  }

  /** Every service of the feed, 100 per page. */
  public static FeedServices of(OrukClient client) {
    return new FeedServices(Objects.requireNonNull(client, "client"), 100, Long.MAX_VALUE);
  }

  /** Stop after this many services (a sample of a large feed). */
  public FeedServices withMaxServices(long value) {
    if (value < 1) {
      throw new IllegalArgumentException("maxServices must be at least 1; got " + value);
    }
    return new FeedServices(client, perPage, value);
  }

  /** Services per list page asked for (default 100). */
  public FeedServices withPerPage(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("perPage must be at least 1; got " + value);
    }
    return new FeedServices(client, value, maxServices);
  }

  /**
   * What reading the services did.
   *
   * @param services how many services were given to the consumer
   * @param harvested whether each service had to be fetched by id ({@code full=true} was not honoured)
   * @param complete whether every service the feed listed was read (false when the limit was reached or
   *     some could not be fetched)
   * @param notes what the paging guard and the harvest reported, one line each
   */
  public record Summary(long services, boolean harvested, boolean complete, List<String> notes) {
    public Summary {
      notes = List.copyOf(notes);
    }
  }

  /**
   * Gives each fully nested service to {@code consumer}, one at a time.
   *
   * @throws TaxonomyLoadException when the feed cannot be read at all
   */
  public Summary forEach(Consumer<Service> consumer) throws TaxonomyLoadException {
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
      return harvest(consumer, notes);
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

  private Summary harvest(Consumer<Service> consumer, List<String> notes) throws TaxonomyLoadException {
    HarvestOptions options = HarvestOptions.defaults().withPerPage(perPage);
    if (maxServices != Long.MAX_VALUE) {
      options = options.withMaxPages((int) Math.max(1, Math.min(Integer.MAX_VALUE, (maxServices + perPage - 1) / perPage)));
    }
    long[] count = {0};
    HarvestReport report;
    try {
      report = new Harvester(client).harvest(options, service -> {
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
    return service.getAttributes() != null || service.getServiceAtLocations() != null
        || service.getContacts() != null || service.getSchedules() != null;
  }
}
