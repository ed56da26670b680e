package io.github.oruk.server;

import io.github.oruk.model.Organization;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.model.query.InvalidQueryException;
import io.github.oruk.model.query.Query;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The one interface a directory implements to publish an ORUK 3.0 API. The SDK does the protocol:
 * routing, parsing and checking every query parameter, paging maths, the page envelope, {@code /},
 * {@code /openapi.json}, errors, CORS, caching headers, compression and NDJSON. The provider only finds
 * records.
 *
 * <pre>{@code
 * class MyDirectory implements DirectoryProvider {
 *   public Capabilities capabilities() {
 *     return Capabilities.builder().services(Parameter.SEARCH).build();
 *   }
 *   public Results<Service> services(Query query, PageRequest page) {
 *     return database.findServices(query.search(), page.offset(), page.perPage());  // items + total
 *   }
 *   public Optional<Service> service(String id) {
 *     return database.findService(id);
 *   }
 * }
 * }</pre>
 *
 * <p><b>Queries.</b> Each list method receives the request's parsed, typed query. The SDK has already
 * refused every parameter the provider's {@link #capabilities()} do not declare, so each parameter that
 * is set must be applied, and parameters combine with AND. {@code page} and {@code per_page} in the query
 * are what the client sent; use the {@link PageRequest}, whose page size is clamped to the server's
 * maximum. {@code minimal} is done by the SDK (it trims whatever the provider returns); {@code full} and
 * {@code full_service} ask for fully nested records, which the provider builds (see {@link Views}).
 *
 * <p><b>Errors.</b> A provider may throw {@link InvalidQueryException} (answered with 400 naming the
 * parameter, e.g. for a postcode it cannot locate) or {@link DirectoryUnavailableException} (503). Any
 * other exception is logged and answered with a plain 500 JSON error that reveals nothing.
 *
 * <p>Methods are called concurrently from many threads. The optional endpoints' methods are only called
 * when {@link #capabilities()} offers them; their defaults throw {@link UnsupportedOperationException},
 * which the SDK answers with 501.
 */
public interface DirectoryProvider {

  /**
   * The optional endpoints and the parameters this provider supports. Called once, when the API is
   * built. The default is {@link Capabilities#requiredOnly()}.
   */
  default Capabilities capabilities() {
    return Capabilities.requiredOnly();
  }

  /**
   * Whether the record objects this provider returns are never changed afterwards (an immutable snapshot
   * in memory, a cache of finished records). The SDK then keeps the JSON it writes for each record object
   * and reuses it when the same object is returned again, within {@link OrukApi.Builder#encodedRecordCache
   * a memory budget}. Default false: every record is written afresh.
   */
  default boolean recordsAreImmutable() {
    return false;
  }

  /**
   * A value that stays equal (by {@code equals}) for as long as every answer this provider would give stays the
   * same, and is different once its data may have changed; null (the default) when it cannot say. With a
   * version, the SDK keeps the list pages it wrote, within {@link OrukApi.Builder#pageCache a memory budget},
   * and sends the same bytes again for the same request until the version changes, without asking the provider.
   * An immutable snapshot returns one constant; a provider over a database may return what changes with it (a
   * revision number, a last-modified time), and must then be cheap to call, as it is asked on every list request.
   */
  default @Nullable Object dataVersion() {
    return null;
  }

  /** One page of the services matching the query ({@code /services}). */
  Results<Service> services(Query query, PageRequest page);

  /** The fully nested service with this identifier ({@code /services/{id}}), or empty. */
  Optional<Service> service(String id);

  /**
   * Every service matching the query, for {@code format=ndjson}. The SDK closes the stream. The default
   * pages through {@link #services(Query, PageRequest)}; override it to stream from a cursor.
   */
  default Stream<Service> streamServices(Query query) {
    return Results.streamAll(page -> services(query, page), STREAM_PAGE_SIZE);
  }

  /** One page of service-at-locations ({@code /service_at_locations}). */
  default Results<ServiceAtLocation> serviceAtLocations(Query query, PageRequest page) {
    throw notOffered(Endpoint.SERVICE_AT_LOCATIONS);
  }

  /** A fully nested service-at-location, with its location and its service ({@code /service_at_locations/{id}}). */
  default Optional<ServiceAtLocation> serviceAtLocation(String id) {
    throw notOffered(Endpoint.SERVICE_AT_LOCATION);
  }

  /** Every service-at-location matching the query, for {@code format=ndjson}. */
  default Stream<ServiceAtLocation> streamServiceAtLocations(Query query) {
    return Results.streamAll(page -> serviceAtLocations(query, page), STREAM_PAGE_SIZE);
  }

  /** One page of organizations ({@code /organizations}). */
  default Results<Organization> organizations(Query query, PageRequest page) {
    throw notOffered(Endpoint.ORGANIZATIONS);
  }

  /**
   * An organization with its services ({@code /organizations/{id}}): list items of its services, or fully
   * nested services when {@code fullService} is true.
   */
  default Optional<Organization> organization(String id, boolean fullService) {
    throw notOffered(Endpoint.ORGANIZATION);
  }

  /** Every organization matching the query, for {@code format=ndjson}. */
  default Stream<Organization> streamOrganizations(Query query) {
    return Results.streamAll(page -> organizations(query, page), STREAM_PAGE_SIZE);
  }

  /** One page of taxonomies ({@code /taxonomies}). */
  default Results<Taxonomy> taxonomies(Query query, PageRequest page) {
    throw notOffered(Endpoint.TAXONOMIES);
  }

  /** A taxonomy with its terms ({@code /taxonomies/{id}}). */
  default Optional<Taxonomy> taxonomy(String id) {
    throw notOffered(Endpoint.TAXONOMY);
  }

  /** Every taxonomy matching the query, for {@code format=ndjson}. */
  default Stream<Taxonomy> streamTaxonomies(Query query) {
    return Results.streamAll(page -> taxonomies(query, page), STREAM_PAGE_SIZE);
  }

  /** One page of taxonomy terms ({@code /taxonomy_terms}). */
  default Results<TaxonomyTerm> taxonomyTerms(Query query, PageRequest page) {
    throw notOffered(Endpoint.TAXONOMY_TERMS);
  }

  /** One taxonomy term ({@code /taxonomy_terms/{id}}). */
  default Optional<TaxonomyTerm> taxonomyTerm(String id) {
    throw notOffered(Endpoint.TAXONOMY_TERM);
  }

  /** Every taxonomy term matching the query, for {@code format=ndjson}. */
  default Stream<TaxonomyTerm> streamTaxonomyTerms(Query query) {
    return Results.streamAll(page -> taxonomyTerms(query, page), STREAM_PAGE_SIZE);
  }

  /** Page size the default {@code stream...} methods fetch with. */
  int STREAM_PAGE_SIZE = 500;

  private static UnsupportedOperationException notOffered(Endpoint endpoint) {
    return new UnsupportedOperationException("this provider does not implement " + endpoint.path());
  }
}
