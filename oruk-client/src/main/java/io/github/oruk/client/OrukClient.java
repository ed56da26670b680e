package io.github.oruk.client;

import io.github.oruk.client.paging.FetchedPage;
import io.github.oruk.client.paging.PageSource;
import io.github.oruk.client.paging.PagedRecords;
import io.github.oruk.client.paging.PagingOptions;
import io.github.oruk.model.ApiDetails;
import io.github.oruk.model.Organization;
import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.model.query.Query;
import io.github.oruk.model.v1.PageBase;
import java.lang.System.Logger.Level;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A client for any ORUK feed: typed access to all eleven endpoints, synchronous and asynchronous, paging
 * streams with a page-invariant guard, and legacy v1 feeds read into the ORUK 3.0 model.
 *
 * <pre>{@code
 * OrukClient client = OrukClient.create("https://example.org/api");
 * Page<Service> first = client.services(Query.builder().search("food bank").build()).value();
 * Service one = client.service(first.contents().get(0).getId()).value();
 * client.stream(Service.class, Query.all()).stream().forEach(s -> System.out.println(s.getName()));
 * }</pre>
 *
 * <p>Every request is a GET, so every request may be retried: after a connection failure, a timeout, or a
 * 408, 429, 502, 503 or 504 answer, or a by-id answer for another record, with exponential backoff and full
 * jitter, honouring {@code Retry-After}, within {@link Builder#maxAttempts(int)} and
 * {@link Builder#maxRetryTime(Duration)}. Answers are limited in
 * size, decompressed (gzip, deflate) under the same limit, and read leniently: what the reader repaired or
 * kept aside is in {@link OrukResponse#findings()}. Failures of a request are {@link OrukClientException}s
 * whose messages say what happened and what to try. Mistakes in the call itself (a parameter the endpoint
 * does not take, a blank id, a null query) are {@link IllegalArgumentException}s or
 * {@link NullPointerException}s, thrown at once, before anything is sent, even by the asynchronous methods.
 *
 * <p>Instances are immutable and thread-safe; build one per feed and share it. Asynchronous methods never
 * block the calling thread: an answer on its way is waited for by one of the client's own sender threads (one
 * per request in flight, reused, daemons), and a wait for a politeness slot or a backoff is a timer. Synchronous
 * methods wait on the calling thread and can be interrupted.
 */
public final class OrukClient {

  private static final System.Logger LOG = System.getLogger("io.github.oruk.client");

  private final FeedAddress address;
  private final Transport transport;
  private final FeedReader reader;
  private final String description;

  private OrukClient(Builder builder) {
    this.address = Objects.requireNonNull(builder.address, "address"); // build() has checked it
    HttpClient.Builder http = HttpClient.newBuilder()
        .connectTimeout(builder.connectTimeout)
        .followRedirects(HttpClient.Redirect.NORMAL);
    if (builder.executor != null) {
      http.executor(builder.executor);
    }
    if (builder.proxy != null) {
      http.proxy(builder.proxy);
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    headers.add(new AbstractMap.SimpleImmutableEntry<>("Accept", "application/json"));
    headers.add(new AbstractMap.SimpleImmutableEntry<>("User-Agent", builder.userAgent));
    if (builder.compression) {
      headers.add(new AbstractMap.SimpleImmutableEntry<>("Accept-Encoding", "gzip, deflate"));
    }
    for (Map.Entry<String, String> extra : builder.headers) {
      headers.removeIf(h -> h.getKey().equalsIgnoreCase(extra.getKey()) && h.getKey().equalsIgnoreCase("Accept"));
      headers.add(extra);
    }
    Executor scheduler = builder.executor != null ? builder.executor : ForkJoinPool.commonPool();
    this.transport = new Transport(http.build(), builder.connectTimeout, builder.requestTimeout,
        builder.maxResponseBytes,
        new RetryPolicy(builder.maxAttempts, builder.initialBackoff, builder.maxBackoff, builder.maxRetryTime),
        new HostRateLimiter(builder.maxRequestsPerSecond), headers,
        builder.headers.stream().map(Map.Entry::getValue).toList(), scheduler);
    // maxResponseBytes is the client's one size limit: a codec that would refuse a smaller answer is widened to it.
    OrukJson json = builder.json.maxDocumentBytes() < builder.maxResponseBytes
        ? builder.json.toBuilder().maxDocumentBytes(builder.maxResponseBytes).build()
        : builder.json;
    this.reader = new FeedReader(json, transport::redact);
    this.description = "OrukClient[" + address.base() + "]";
    LOG.log(address.note().startsWith("the given URL is the base") ? Level.DEBUG : Level.INFO,
        "ORUK feed base {0} ({1})", address.base(), address.note());
  }

  /** A client with the default options for the feed at {@code baseUrl} (see {@link Builder#baseUrl}). */
  public static OrukClient create(String baseUrl) {
    return builder(baseUrl).build();
  }

  /** A builder for a client of the feed at {@code baseUrl} (see {@link Builder#baseUrl}). */
  public static Builder builder(String baseUrl) {
    return new Builder().baseUrl(baseUrl);
  }

  /** A builder for a client of the feed at {@code baseUrl} (see {@link Builder#baseUrl(URI)}). */
  public static Builder builder(URI baseUrl) {
    return new Builder().baseUrl(baseUrl);
  }

  /**
   * The base every endpoint is resolved under, ending in '/': the URL given to the builder, without a
   * trailing {@code /services} if it had one. {@code services()} asks for {@code baseUri() + "services"}.
   */
  public URI baseUri() {
    return address.base();
  }

  /** How {@link #baseUri()} was worked out from the URL given, for messages. */
  public String baseUriNote() {
    return address.note();
  }

  @Override
  public String toString() {
    return description;
  }

  // ------------------------------------------------------------------------------------------- endpoints

  /** {@code GET /}: which version and profile of the standard the feed declares. */
  public OrukResponse<ApiDetails> apiDetails() {
    return await(apiDetailsAsync());
  }

  /** {@code GET /}, asynchronously. */
  public CompletableFuture<OrukResponse<ApiDetails>> apiDetailsAsync() {
    URI uri = address.resolve(Endpoint.API_DETAILS, null, "");
    return transport.get(uri, exchange -> reader.record(exchange, ApiDetails.class, "the API details"));
  }

  /** {@code GET /services}: one page of services. */
  public OrukResponse<Page<Service>> services(Query query) {
    return await(servicesAsync(query));
  }

  /** {@code GET /services}, asynchronously. */
  public CompletableFuture<OrukResponse<Page<Service>>> servicesAsync(Query query) {
    return pageAsync(Endpoint.SERVICES, Service.class, query);
  }

  /** {@code GET /services/{id}}: one fully nested service. */
  public OrukResponse<Service> service(String id) {
    return await(serviceAsync(id));
  }

  /** {@code GET /services/{id}}, asynchronously. */
  public CompletableFuture<OrukResponse<Service>> serviceAsync(String id) {
    return recordAsync(Endpoint.SERVICE, Service.class, id, null);
  }

  /** {@code GET /service_at_locations}: one page. */
  public OrukResponse<Page<ServiceAtLocation>> serviceAtLocations(Query query) {
    return await(serviceAtLocationsAsync(query));
  }

  /** {@code GET /service_at_locations}, asynchronously. */
  public CompletableFuture<OrukResponse<Page<ServiceAtLocation>>> serviceAtLocationsAsync(Query query) {
    return pageAsync(Endpoint.SERVICE_AT_LOCATIONS, ServiceAtLocation.class, query);
  }

  /** {@code GET /service_at_locations/{id}}, with its service and location nested. */
  public OrukResponse<ServiceAtLocation> serviceAtLocation(String id) {
    return await(serviceAtLocationAsync(id));
  }

  /** {@code GET /service_at_locations/{id}}, asynchronously. */
  public CompletableFuture<OrukResponse<ServiceAtLocation>> serviceAtLocationAsync(String id) {
    return recordAsync(Endpoint.SERVICE_AT_LOCATION, ServiceAtLocation.class, id, null);
  }

  /** {@code GET /organizations}: one page. */
  public OrukResponse<Page<Organization>> organizations(Query query) {
    return await(organizationsAsync(query));
  }

  /** {@code GET /organizations}, asynchronously. */
  public CompletableFuture<OrukResponse<Page<Organization>>> organizationsAsync(Query query) {
    return pageAsync(Endpoint.ORGANIZATIONS, Organization.class, query);
  }

  /** {@code GET /organizations/{id}}. */
  public OrukResponse<Organization> organization(String id) {
    return await(organizationAsync(id, null));
  }

  /** {@code GET /organizations/{id}} with a query; the endpoint takes only {@code full_service}. */
  public OrukResponse<Organization> organization(String id, Query query) {
    return await(organizationAsync(id, query));
  }

  /** {@code GET /organizations/{id}}, asynchronously. */
  public CompletableFuture<OrukResponse<Organization>> organizationAsync(String id) {
    return organizationAsync(id, null);
  }

  /** {@code GET /organizations/{id}} with a query ({@code full_service}), asynchronously. */
  public CompletableFuture<OrukResponse<Organization>> organizationAsync(String id, @Nullable Query query) {
    return recordAsync(Endpoint.ORGANIZATION, Organization.class, id, query);
  }

  /** {@code GET /taxonomies}: one page. */
  public OrukResponse<Page<Taxonomy>> taxonomies(Query query) {
    return await(taxonomiesAsync(query));
  }

  /** {@code GET /taxonomies}, asynchronously. */
  public CompletableFuture<OrukResponse<Page<Taxonomy>>> taxonomiesAsync(Query query) {
    return pageAsync(Endpoint.TAXONOMIES, Taxonomy.class, query);
  }

  /** {@code GET /taxonomies/{id}}. */
  public OrukResponse<Taxonomy> taxonomy(String id) {
    return await(taxonomyAsync(id));
  }

  /** {@code GET /taxonomies/{id}}, asynchronously. */
  public CompletableFuture<OrukResponse<Taxonomy>> taxonomyAsync(String id) {
    return recordAsync(Endpoint.TAXONOMY, Taxonomy.class, id, null);
  }

  /** {@code GET /taxonomy_terms}: one page. */
  public OrukResponse<Page<TaxonomyTerm>> taxonomyTerms(Query query) {
    return await(taxonomyTermsAsync(query));
  }

  /** {@code GET /taxonomy_terms}, asynchronously. */
  public CompletableFuture<OrukResponse<Page<TaxonomyTerm>>> taxonomyTermsAsync(Query query) {
    return pageAsync(Endpoint.TAXONOMY_TERMS, TaxonomyTerm.class, query);
  }

  /** {@code GET /taxonomy_terms/{id}}. */
  public OrukResponse<TaxonomyTerm> taxonomyTerm(String id) {
    return await(taxonomyTermAsync(id));
  }

  /** {@code GET /taxonomy_terms/{id}}, asynchronously. */
  public CompletableFuture<OrukResponse<TaxonomyTerm>> taxonomyTermAsync(String id) {
    return recordAsync(Endpoint.TAXONOMY_TERM, TaxonomyTerm.class, id, null);
  }

  // ------------------------------------------------------------------------------------------- raw answers

  /**
   * The address the client requests for an endpoint: the base URL, the path (with the id encoded as one
   * segment) and the query string.
   */
  public URI uri(Endpoint endpoint, @Nullable String id, @Nullable Query query) {
    Objects.requireNonNull(endpoint, "endpoint");
    if (endpoint.byId() != (id != null)) {
      throw new IllegalArgumentException(endpoint.path() + (endpoint.byId() ? " needs an id" : " takes no id"));
    }
    String queryString = query == null ? "" : query.requireApplicableTo(endpoint).toQueryString();
    return address.resolve(endpoint, id, queryString);
  }

  /**
   * Sends a GET and returns the answer as it arrived, whatever its status: for validators and diagnostics.
   * Politeness, timeouts, size limits and decompression apply as for every request; only transport
   * failures are retried (an HTTP status is an answer, not a failure).
   *
   * @throws OrukClientException when no answer arrived (timeout, connection failure, body too large)
   */
  public RawResponse fetch(URI uri) {
    return await(fetchAsync(uri));
  }

  /** {@link #fetch(URI)} without blocking. */
  public CompletableFuture<RawResponse> fetchAsync(URI uri) {
    Objects.requireNonNull(uri, "uri");
    return transport.getAny(uri, exchange -> new RawResponse(exchange.requested(), exchange.uri(),
        exchange.status(), exchange.headers(), exchange.body(), exchange.elapsed(), exchange.attempts()));
  }

  // ------------------------------------------------------------------------------------------- paging

  /**
   * Every record of a list endpoint, across all its pages, fetched lazily as the result is read. The
   * endpoint follows from the record type: {@code Service}, {@code ServiceAtLocation}, {@code Organization},
   * {@code Taxonomy} or {@code TaxonomyTerm}. See {@link PagedRecords} for the guard.
   *
   * @throws IllegalArgumentException when the type has no list endpoint, or the endpoint does not take a
   *     parameter the query sets
   */
  public <T> PagedRecords<T> stream(Class<T> recordType, Query query) {
    return stream(recordType, query, PagingOptions.defaults());
  }

  /** {@link #stream(Class, Query)} with an observer, a start page, v1 numbering or a page limit. */
  public <T> PagedRecords<T> stream(Class<T> recordType, Query query, PagingOptions options) {
    Objects.requireNonNull(options, "options");
    Endpoint endpoint = listEndpoint(recordType);
    Query checked = checkList(endpoint, query);
    return PagedRecords.of(new ListSource<>(endpoint, recordType, checked, options.legacyPageBase()),
        idOf(recordType), checked.page(), checked.perPage(), options);
  }

  private final class ListSource<T> implements PageSource<T> {
    private final Endpoint endpoint;
    private final Class<T> type;
    private final Query query;
    private PageBase base;

    ListSource(Endpoint endpoint, Class<T> type, Query query, PageBase base) {
      this.endpoint = endpoint;
      this.type = type;
      this.query = query.page() == null ? query : query.toBuilder().page(null).build();
      this.base = base;
    }

    @Override
    public FetchedPage<T> fetch(@Nullable Integer page) {
      URI uri = address.resolve(endpoint, null, queryString(query, page));
      FetchedPage<T> fetched = await(transport.get(uri,
          exchange -> reader.page(exchange, type, page, base, describe(endpoint))));
      if (fetched.legacyPageBase() != null && fetched.legacyPageBase() != PageBase.DETECT) {
        base = fetched.legacyPageBase();
      }
      return fetched;
    }
  }

  // ------------------------------------------------------------------------------------------- internals

  private <T> CompletableFuture<OrukResponse<Page<T>>> pageAsync(Endpoint endpoint, Class<T> type, Query query) {
    Query checked = checkList(endpoint, query);
    URI uri = address.resolve(endpoint, null, checked.toQueryString());
    return transport.get(uri, exchange -> {
      FetchedPage<T> page = reader.page(exchange, type, checked.page(), PageBase.DETECT, describe(endpoint));
      return new OrukResponse<>(page.page(), page.uri(), page.readFindings(), page.legacyV1(), exchange.attempts());
    });
  }

  private <T> CompletableFuture<OrukResponse<T>> recordAsync(Endpoint endpoint, Class<T> type, String id,
      @Nullable Query query) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(endpoint.path() + " needs an id; got " + (id == null ? "null" : "a blank id"));
    }
    String queryString = "";
    if (query != null) {
      query.requireApplicableTo(endpoint);
      queryString = query.toQueryString();
    }
    URI uri = address.resolve(endpoint, id, queryString);
    String what = "a " + endpoint.recordType().standardName();
    Function<T, String> idOf = idOf(type);
    return transport.get(uri, exchange -> requireAskedFor(reader.record(exchange, type, what), idOf, id, what));
  }

  /**
   * The answer, if it is the record asked for; otherwise a {@link Transport.WrongAnswer}, so that the request
   * is retried and, once no attempt is left, fails with an {@link OrukProtocolException} at {@code /id}.
   * UUIDs are compared regardless of case, as RFC 9562 says they are; other ids exactly.
   */
  private static <T> OrukResponse<T> requireAskedFor(OrukResponse<T> response, Function<T, String> idOf, String id,
      String what) {
    String answered = idOf.apply(response.value());
    if (id.equals(answered) || (answered != null && UUID_SHAPE.matcher(id).matches() && id.equalsIgnoreCase(answered))) {
      return response;
    }
    String seen = answered == null ? "an answer without an id" : what + " with the id '" + answered + "'";
    URI uri = response.uri();
    throw new Transport.WrongAnswer((attempts, why) -> new OrukProtocolException(uri, attempts, "/id", "GET "
        + FeedAddress.redact(uri) + ": asked for " + what + " with the id '" + id + "', got " + seen + why
        + ". A by-id answer must be the record asked for, so this one was not used; the feed, or a cache in front"
        + " of it, is mixing answers up. Tell the feed's publisher.", null));
  }

  private static final java.util.regex.Pattern UUID_SHAPE =
      java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static Query checkList(Endpoint endpoint, Query query) {
    Objects.requireNonNull(query, "query; use Query.all() for no parameters");
    query.requireApplicableTo(endpoint);
    if (query.format() == Query.Format.NDJSON) {
      throw new IllegalArgumentException("format=ndjson is not read by this client; leave format unset (pages are"
          + " read as JSON, and stream(...) walks every page)");
    }
    return query;
  }

  private static String queryString(Query query, @Nullable Integer page) {
    if (page == null) {
      return query.toQueryString();
    }
    if (page >= 1) {
      return query.withPage(page).toQueryString();
    }
    String rest = query.toQueryString();
    return rest.isEmpty() ? "page=" + page : rest + "&page=" + page;
  }

  private static String describe(Endpoint endpoint) {
    return "a page of " + endpoint.recordType().standardName() + " records";
  }

  private static final Map<Class<?>, Endpoint> LIST_ENDPOINTS = Map.of(
      Service.class, Endpoint.SERVICES,
      ServiceAtLocation.class, Endpoint.SERVICE_AT_LOCATIONS,
      Organization.class, Endpoint.ORGANIZATIONS,
      Taxonomy.class, Endpoint.TAXONOMIES,
      TaxonomyTerm.class, Endpoint.TAXONOMY_TERMS);

  private static Endpoint listEndpoint(Class<?> type) {
    Endpoint endpoint = LIST_ENDPOINTS.get(Objects.requireNonNull(type, "recordType"));
    if (endpoint == null) {
      throw new IllegalArgumentException(type.getSimpleName() + " has no list endpoint; stream one of Service,"
          + " ServiceAtLocation, Organization, Taxonomy or TaxonomyTerm");
    }
    return endpoint;
  }

  @SuppressWarnings("unchecked")
  private static <T> Function<T, String> idOf(Class<T> type) {
    Function<?, String> id;
    if (type == Service.class) {
      id = (Service s) -> s.getId();
    } else if (type == ServiceAtLocation.class) {
      id = (ServiceAtLocation s) -> s.getId();
    } else if (type == Organization.class) {
      id = (Organization o) -> o.getId();
    } else if (type == Taxonomy.class) {
      id = (Taxonomy t) -> t.getId();
    } else {
      id = (TaxonomyTerm t) -> t.getId();
    }
    return (Function<T, String>) id;
  }

  /** Waits for a future on the calling thread, rethrowing the client's exception as it is. */
  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new OrukClientException(null, 0, "interrupted while waiting for the feed; the request was cancelled", e);
    } catch (CancellationException e) {
      throw new OrukClientException(null, 0, "the request was cancelled", e);
    } catch (ExecutionException e) {
      Throwable cause = Transport.unwrap(e);
      if (cause instanceof RuntimeException runtime) {
        // The exception was made on another thread; point its stack at the caller, who needs it more.
        runtime.fillInStackTrace();
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new OrukClientException(null, 0, "the request failed: " + cause, cause);
    }
  }

  // ------------------------------------------------------------------------------------------- builder

  /**
   * The options of an {@link OrukClient}. Every option has a default that suits a public feed; only the
   * base URL is required.
   */
  public static final class Builder {

    private static final Set<String> FORBIDDEN_HEADERS = Set.of(
        "connection", "content-length", "expect", "host", "upgrade", "accept-encoding", "user-agent");

    private @Nullable FeedAddress address;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private String userAgent = defaultUserAgent();
    private long maxResponseBytes = OrukJson.DEFAULT_MAX_DOCUMENT_BYTES;
    private double maxRequestsPerSecond;
    // Sized so that a harvest through a feed that fails one request in five (503, 429, resets) loses
    // nothing: ten attempts leave about one record in 10^8 to fail, and their waits (at most 46 s in all)
    // fit in maxRetryTime, so the attempt count, not the clock, is what runs out. See the README.
    private int maxAttempts = 10;
    private Duration initialBackoff = Duration.ofMillis(250);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private Duration maxRetryTime = Duration.ofMinutes(2);
    private boolean compression = true;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private @Nullable Executor executor;
    private @Nullable ProxySelector proxy;
    private OrukJson json = OrukJson.lenient();

    private Builder() {
    }

    /**
     * The feed's address: its base ({@code https://example.org/api}) or its services list
     * ({@code https://example.org/api/services}); a trailing {@code /services} is removed, and
     * {@link OrukClient#baseUri()} says what was used.
     *
     * @throws IllegalArgumentException when it is not an http(s) URL with a host, or has a query, fragment
     *     or user information
     */
    public Builder baseUrl(String baseUrl) {
      this.address = FeedAddress.of(baseUrl);
      return this;
    }

    /** See {@link #baseUrl(String)}. */
    public Builder baseUrl(URI baseUrl) {
      this.address = FeedAddress.of(baseUrl);
      return this;
    }

    /** How long to wait for a connection (default 10 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /** How long one attempt may take, from sending to the last byte of the answer (default 30 s). */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive("requestTimeout", timeout);
      return this;
    }

    /** The User-Agent sent (default {@code oruk-java/VERSION (+https://github.com/oruk/oruk-java)}). */
    public Builder userAgent(String userAgent) {
      this.userAgent = headerValue("User-Agent", userAgent);
      return this;
    }

    /**
     * The largest answer accepted, in bytes, counted as it arrives and again after decompression (default
     * 64 MiB). A larger answer fails with an {@link OrukProtocolException}. The codec's own size limit is raised
     * to match when it is lower.
     */
    public Builder maxResponseBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be at least 1; got " + bytes);
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * Politeness: at most this many requests per second to each host, over all concurrent requests,
     * evenly spaced (default 0: no limit).
     */
    public Builder maxRequestsPerSecond(double perSecond) {
      if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
        throw new IllegalArgumentException("maxRequestsPerSecond must be 0 (no limit) or more; got " + perSecond);
      }
      this.maxRequestsPerSecond = perSecond;
      return this;
    }

    /** The most times one request is sent, the first included (default 10; 1 turns retries off). */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1; got " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * The backoff between attempts: the n-th wait is drawn at random between 0 and
     * {@code min(max, initial * 2^(n-1))} (default 250 ms and 10 s). A {@code Retry-After} from the server
     * takes the place of the drawn wait.
     */
    public Builder backoff(Duration initial, Duration max) {
      Objects.requireNonNull(initial, "initial");
      Objects.requireNonNull(max, "max");
      if (initial.isNegative() || max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("backoff needs 0 <= initial <= max; got " + initial + " and " + max);
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /**
     * The most time one request may take over all its attempts and waits (default 2 minutes). A retry that
     * would end after it, including a {@code Retry-After} longer than what is left, is not made.
     */
    public Builder maxRetryTime(Duration time) {
      Objects.requireNonNull(time, "maxRetryTime");
      if (time.isNegative()) {
        throw new IllegalArgumentException("maxRetryTime cannot be negative; got " + time);
      }
      this.maxRetryTime = time;
      return this;
    }

    /** Whether to ask for gzip or deflate answers and decompress them (default true). */
    public Builder compression(boolean compression) {
      this.compression = compression;
      return this;
    }

    /**
     * An extra header on every request, such as credentials for a feed behind authentication. Header
     * values are never logged and never appear in exception messages. Repeat for several headers.
     *
     * @throws IllegalArgumentException for headers the client manages itself (Host, Accept-Encoding,
     *     User-Agent, ...) or values with line breaks
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        throw new IllegalArgumentException("'" + name + "' is not a valid header name");
      }
      if (FORBIDDEN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("the client sets " + name + " itself"
            + (name.equalsIgnoreCase("user-agent") ? "; use userAgent(...)"
                : name.equalsIgnoreCase("accept-encoding") ? "; use compression(...)" : ""));
      }
      headers.add(new AbstractMap.SimpleImmutableEntry<>(name, headerValue(name, value)));
      return this;
    }

    /**
     * The executor for the HTTP client's work and the client's own asynchronous steps (default: the JDK
     * HTTP client's own pool, and the common fork-join pool for scheduling retries). Answers are waited for on
     * the client's sender threads, never on this executor, so a small one cannot be left without a thread to
     * read them with.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** The proxy to use (default: none, as {@code java.net.http} does). */
    public Builder proxy(ProxySelector proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy");
      return this;
    }

    /**
     * The codec answers are read with (default {@link OrukJson#lenient()}); its nesting and text-length limits
     * ({@link OrukJson.Builder#maxNestingDepth}, {@link OrukJson.Builder#maxStringLength}) are the client's.
     */
    public Builder json(OrukJson json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    /**
     * @throws IllegalStateException when no base URL was given
     */
    public OrukClient build() {
      if (address == null) {
        throw new IllegalStateException("a base URL is needed; use OrukClient.builder(\"https://example.org/api\")");
      }
      return new OrukClient(this);
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive; got " + value);
      }
      return value;
    }

    private static String headerValue(String name, String value) {
      Objects.requireNonNull(value, name);
      if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("the value of " + name + " must not contain line breaks");
      }
      return value;
    }

    private static String defaultUserAgent() {
      String version = OrukClient.class.getPackage().getImplementationVersion();
      return "oruk-java/" + (version == null ? "dev" : version) + " (+https://github.com/oruk/oruk-java)";
    }
  }
}
