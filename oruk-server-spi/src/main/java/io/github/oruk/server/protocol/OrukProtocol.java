package io.github.oruk.server.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.ApiDetails;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.model.query.InvalidQueryException;
import io.github.oruk.model.query.Parameter;
import io.github.oruk.model.query.Query;
import io.github.oruk.server.Capabilities;
import io.github.oruk.server.DirectoryProvider;
import io.github.oruk.server.DirectoryUnavailableException;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.PageRequest;
import io.github.oruk.server.PathHandler;
import io.github.oruk.server.Results;
import io.github.oruk.server.Views;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The ORUK 3.0 protocol, independent of any HTTP server: a {@link ProtocolRequest} in, a
 * {@link ProtocolResponse} out. Both adapters in this module use it; another server (Netty, Vert.x, ...)
 * needs only to copy requests in and responses out.
 *
 * <p>It routes the eleven endpoints and {@code /openapi.json}; parses every query with
 * {@link Query#parse(Endpoint, String)} and refuses what it cannot understand or what the provider does
 * not support; computes the page envelope; answers every failure with a JSON error
 * ({@code {"status":400,"error":"invalid_parameter","parameter":"per_page","message":"…"}}); and adds
 * {@code Access-Control-Allow-Origin: *} to every response, {@code ETag}/304, gzip, HEAD, CORS preflight,
 * 405, 414 and (when configured) 429 throttling. It never reveals a stack trace: an unexpected provider
 * failure is logged through {@code System.Logger} ({@code io.github.oruk.server}) and answered with a plain
 * 500 JSON error. That includes an {@link Error} such as {@link StackOverflowError}, {@link AssertionError},
 * {@link OutOfMemoryError} or a {@link LinkageError}: the failing request's stack and memory are released as
 * it unwinds, and the next request is served as usual (a publisher who would rather restart on running out
 * of memory runs the JVM with {@code -XX:+ExitOnOutOfMemoryError}, which acts where the error is thrown,
 * before this class sees it). Only errors that say the JVM itself is broken or that the thread is being
 * killed — {@link InternalError}, {@link UnknownError} and {@code ThreadDeath} — are logged and thrown on,
 * since no answer made after them can be trusted; see {@link #handle}.
 *
 * <p>Thread-safe; create one per {@link OrukApi} and share it.
 */
public final class OrukProtocol {

  /** Media type of JSON answers and errors. */
  public static final String JSON = "application/json; charset=utf-8";
  /** Media type of {@code format=ndjson} answers. */
  public static final String NDJSON = "application/x-ndjson";

  private static final System.Logger LOG = System.getLogger("io.github.oruk.server");
  private static final int MAX_PATH_LENGTH = 2048;
  private static final int MAX_ID_LENGTH = 1024;
  private static final String ALLOW = "GET, HEAD, OPTIONS";
  private static final String PATHS = "/, /openapi.json, " + java.util.Arrays.stream(Endpoint.values())
      .filter(endpoint -> endpoint != Endpoint.API_DETAILS).map(Endpoint::path).collect(Collectors.joining(", "));

  private final OrukApi api;
  private final DirectoryProvider provider;
  private final Capabilities capabilities;
  private final OrukJson json;
  private final @Nullable TokenBuckets buckets;
  private final RecordEncoder encoder;
  private final @Nullable PageCache pages;
  private final OpenApiDocument openApi = new OpenApiDocument();
  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<String, Endpoint> lists = new LinkedHashMap<>();

  public OrukProtocol(OrukApi api) {
    this.api = api;
    this.provider = api.provider();
    this.capabilities = api.capabilities();
    this.json = api.publishExtensions() ? OrukJson.builder().keepExtensions(true).build() : OrukJson.lenient();
    this.buckets = api.throttle().map(throttle -> new TokenBuckets(throttle, System::nanoTime)).orElse(null);
    this.encoder = new RecordEncoder(json, provider.recordsAreImmutable() ? api.encodedRecordCacheBytes() : 0);
    this.pages = api.pageCacheBytes() > 0 ? new PageCache(api.pageCacheBytes()) : null;
    for (Endpoint endpoint : Endpoint.values()) {
      if (endpoint.list()) {
        lists.put(endpoint.path().substring(1), endpoint);
      }
    }
  }

  /** The API this protocol serves. */
  public OrukApi api() {
    return api;
  }

  /**
   * Answers one request. It throws only an error that says the JVM itself is failing or the thread is being
   * killed ({@link InternalError}, {@link UnknownError}, {@code ThreadDeath}), after logging it; everything
   * else, {@link StackOverflowError} and {@link OutOfMemoryError} included, is a JSON answer.
   */
  public ProtocolResponse handle(ProtocolRequest request) {
    Map<String, String> headers = commonHeaders();
    ProtocolResponse response;
    try {
      response = route(request, headers);
    } catch (ProtocolException e) {
      response = error(e, headers);
    } catch (RuntimeException | Error e) {
      throwIfFatal(e, request.method() + " " + request.path());
      LOG.log(Level.ERROR, () -> "oruk-server: failed to answer " + request.method() + " " + request.path(), e);
      response = error(new ProtocolException(500, "internal_error", null,
          "The server failed to answer this request; the failure has been logged."), headers);
    }
    if (request.method().equals("HEAD") && response.body() != null) {
      return new ProtocolResponse(response.status(), response.headers(), null);
    }
    return response;
  }

  /**
   * A JSON error answer with every common header, for failures an adapter detects before the protocol
   * sees the request (a container error page, a server shutting down).
   *
   * @param status the HTTP status, 400 to 599
   * @param code a stable machine-readable code, such as {@code unavailable}
   * @param message what happened and what to do
   */
  public ProtocolResponse errorResponse(int status, String code, String message) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an error status is between 400 and 599; got " + status);
    }
    return error(new ProtocolException(status, code, null, message), commonHeaders());
  }

  /** A 503 answer, for a server that is shutting down. */
  public ProtocolResponse unavailable(String message) {
    return errorResponse(503, "unavailable", message);
  }

  /**
   * The JSON error answer for a request that the server in front of the protocol refused before the
   * protocol saw it, knowing only the status it chose (and perhaps its reason): a request line or header
   * it could not parse, a request line or headers over its size limit, a container's error page. The code
   * follows from the status ({@code bad_request}, {@code uri_too_long}, {@code headers_too_large}, ...),
   * so every adapter answers the same refusal with the same body.
   *
   * @param status the status the server chose; anything outside 400 to 599 is answered as 500
   * @param reason the server's own short reason, such as {@code Ambiguous URI empty segment}, or null
   */
  public ProtocolResponse refused(int status, @Nullable String reason) {
    int code = status >= 400 && status <= 599 ? status : 500;
    String error = switch (code) {
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 408 -> "request_timeout";
      case 414 -> "uri_too_long";
      case 431 -> "headers_too_large";
      case 501 -> "not_implemented";
      case 503 -> "unavailable";
      case 505 -> "http_version_not_supported";
      default -> code < 500 ? "bad_request" : "internal_error";
    };
    String advice = switch (code) {
      case 414 -> " The request line is longer than this server reads; shorten the query.";
      case 431 -> " The request headers are larger than this server reads; send fewer or shorter headers.";
      case 404 -> " ORUK 3.0 paths are " + PATHS + ".";
      case 405 -> " This API answers " + ALLOW + ".";
      case 505 -> " Send HTTP/1.1.";
      default -> code < 500 ? " Send a well-formed HTTP/1.1 GET request." : "";
    };
    // A server's reason for a 5xx may describe its own failure; only a refusal's reason is for the client.
    String why = reason == null || reason.isBlank() || code >= 500 ? "" : ": " + printable(reason, 100);
    return errorResponse(code, error, (code < 500 ? "The server refused this request (HTTP " : "The server could not "
        + "answer this request (HTTP ") + code + why + ")." + advice);
  }

  // ------------------------------------------------------------------------------------------- routing

  private ProtocolResponse route(ProtocolRequest request, Map<String, String> headers) {
    if (buckets != null && !request.method().equals("OPTIONS")) {
      long wait = buckets.acquire(request.clientAddress());
      if (wait > 0) {
        // Rounded up without overflow: a bucket that refills very slowly may ask for Long.MAX_VALUE ns.
        long seconds = Math.max(1, wait / 1_000_000_000L + (wait % 1_000_000_000L == 0 ? 0 : 1));
        throw new ProtocolException(429, "too_many_requests", null, "Too many requests; try again in "
            + seconds + (seconds == 1 ? " second." : " seconds."), Map.of("Retry-After", Long.toString(seconds)));
      }
    }
    switch (request.method()) {
      case "GET", "HEAD" -> {
        // served below
      }
      case "OPTIONS" -> {
        return preflight(request, headers);
      }
      default -> throw new ProtocolException(405, "method_not_allowed", null, "This API is read-only: it answers "
          + ALLOW + ", not " + printable(request.method(), 20) + ".", Map.of("Allow", ALLOW));
    }
    if (request.path().length() > MAX_PATH_LENGTH) {
      throw new ProtocolException(414, "uri_too_long", null, "The request path is longer than "
          + MAX_PATH_LENGTH + " characters.");
    }
    if (request.rawQuery() != null && request.rawQuery().length() > api.maxQueryLength()) {
      throw new ProtocolException(414, "query_too_long", null, "The query string has "
          + request.rawQuery().length() + " characters; this server accepts at most " + api.maxQueryLength() + ".");
    }
    List<String> segments = RequestPath.segments(request.path());
    if (segments.isEmpty()) {
      parse(Endpoint.API_DETAILS, request.rawQuery());
      ApiDetails details = new ApiDetails(ApiDetails.UK_3_0, api.profileUrl(),
          BaseAddress.of(api, request) + "/openapi.json");
      return ok(request, headers, json.write(details));
    }
    PathHandler handler = api.paths().get(segments.get(0));
    if (handler != null) {
      if (segments.size() == 1 && handler.folder() && !request.path().endsWith("/")) {
        // Relative to the request's own path, so it holds behind any mount point or proxy prefix.
        headers.put("Location", segments.get(0) + "/" + (request.rawQuery() == null ? "" : "?" + request.rawQuery()));
        headers.put("Content-Length", "0");
        return new ProtocolResponse(308, headers, null);
      }
      return answer(request, headers, handler, segments.subList(1, segments.size()));
    }
    if (segments.size() == 1 && segments.get(0).equals("openapi.json")) {
      parse(Endpoint.API_DETAILS, request.rawQuery());
      return ok(request, headers, openApi.forBase(BaseAddress.of(api, request)));
    }
    Endpoint list = segments.size() <= 2 ? lists.get(segments.get(0)) : null;
    if (list == null) {
      throw new ProtocolException(404, "not_found", null, "There is nothing at "
          + printable(request.path(), 100) + ". ORUK 3.0 paths are " + PATHS + ".");
    }
    Endpoint endpoint = segments.size() == 1 ? list : byId(list);
    if (!capabilities.offers(endpoint)) {
      throw new ProtocolException(api.notOfferedStatus(), "not_implemented", null,
          "This directory does not offer the optional endpoint " + endpoint.path() + ".");
    }
    if (!endpoint.byId()) {
      // A page kept for this very query was parsed and checked when it was written; the query's meaning
      // depends only on its text and on this API, so the kept answer stands without parsing it again.
      ProtocolResponse kept = kept(request, headers, endpoint);
      if (kept != null) {
        return kept;
      }
    }
    Query query = parse(endpoint, request.rawQuery());
    checkSupported(endpoint, query);
    if (endpoint.byId()) {
      return record(request, headers, endpoint, segments.get(1), query);
    }
    return list(request, headers, endpoint, query);
  }

  private static Endpoint byId(Endpoint list) {
    for (Endpoint endpoint : Endpoint.values()) {
      if (endpoint.byId() && endpoint.listEndpoint() == list) {
        return endpoint;
      }
    }
    throw new IllegalStateException("no by-id endpoint for " + list);
  }

  private static Query parse(Endpoint endpoint, @Nullable String rawQuery) {
    try {
      return Query.parse(endpoint, rawQuery);
    } catch (InvalidQueryException e) {
      throw new ProtocolException(400, "invalid_parameter", e.parameter(), e.getMessage());
    }
  }

  /** Refuses parameters the provider does not support, and combinations that contradict each other. */
  private void checkSupported(Endpoint endpoint, Query query) {
    for (Parameter parameter : query.parameters()) {
      if (Boolean.FALSE.equals(booleanValue(query, parameter))) {
        continue;  // false asks for the default, which every provider gives
      }
      if (!capabilities.supports(endpoint, parameter)) {
        List<String> supported = capabilities.parameters(endpoint).stream().map(Parameter::wireName).toList();
        throw new ProtocolException(400, "unsupported_parameter", parameter.wireName(), "This directory does not"
            + " support '" + parameter.wireName() + "' on " + endpoint.path() + ", so it cannot apply it; "
            + (supported.isEmpty() ? "it supports no query parameters there." : "it supports "
            + String.join(", ", supported) + ".") + " Leave it out to get unfiltered results.");
      }
    }
    if (Boolean.TRUE.equals(query.minimal()) && Boolean.TRUE.equals(query.full())) {
      throw new ProtocolException(400, "invalid_parameter", "full",
          "minimal=true and full=true ask for opposite shapes of record; give one of them.");
    }
    if (query.proximity() != null && query.postcode() == null) {
      throw new ProtocolException(400, "invalid_parameter", "proximity",
          "proximity is a distance from a postcode; give postcode too.");
    }
    if (query.format() == Query.Format.NDJSON && (query.page() != null || query.perPage() != null)) {
      throw new ProtocolException(400, "invalid_parameter", query.page() != null ? "page" : "per_page",
          "format=ndjson returns every matching record without paging; leave out page and per_page.");
    }
  }

  private static @Nullable Boolean booleanValue(Query query, Parameter parameter) {
    return switch (parameter) {
      case MINIMAL -> query.minimal();
      case FULL -> query.full();
      case FULL_SERVICE -> query.fullService();
      case TOP_ONLY -> query.topOnly();
      default -> null;
    };
  }

  // ------------------------------------------------------------------------------------------- answers

  private ProtocolResponse list(ProtocolRequest request, Map<String, String> headers, Endpoint endpoint, Query query) {
    if (query.format() == Query.Format.NDJSON) {
      return ndjson(request, headers, endpoint, query);
    }
    PageCache cache = pages;
    Object version = cache == null ? null : call(endpoint, provider::dataVersion);
    int perPage = query.perPage() == null ? api.defaultPerPage() : Math.min(query.perPage(), api.maxPerPage());
    int number = query.page() == null ? 1 : query.page();
    PageRequest pageRequest = PageRequest.of(number, perPage);
    Results<?> results = call(endpoint, () -> switch (endpoint) {
      case SERVICES -> provider.services(query, pageRequest);
      case SERVICE_AT_LOCATIONS -> provider.serviceAtLocations(query, pageRequest);
      case ORGANIZATIONS -> provider.organizations(query, pageRequest);
      case TAXONOMIES -> provider.taxonomies(query, pageRequest);
      case TAXONOMY_TERMS -> provider.taxonomyTerms(query, pageRequest);
      default -> throw new IllegalStateException("not a list endpoint: " + endpoint);
    });
    if (results == null) {
      throw providerBug(endpoint, "returned null instead of Results");
    }
    List<?> items = results.items();
    if (items.size() > perPage) {
      throw providerBug(endpoint, "returned " + items.size() + " records for a page of " + perPage);
    }
    long total = results.totalItems();
    long least = pageRequest.offset() + items.size();
    if (!items.isEmpty() && total < least) {
      long reported = total;
      LOG.log(Level.WARNING, () -> "oruk-server: " + endpoint.path() + " reported " + reported
          + " records in total but returned records up to number " + least + "; publishing " + least);
      total = least;
    }
    if (total > Integer.MAX_VALUE) {
      throw providerBug(endpoint, "reported " + total + " records, more than a page envelope can count");
    }
    boolean madeHere = endpoint == Endpoint.SERVICES && Boolean.TRUE.equals(query.minimal());
    List<?> shaped = items;
    if (madeHere) {
      List<Object> copies = new ArrayList<>(items.size());
      for (Object item : items) {
        copies.add(shape(endpoint, query, item));
      }
      shaped = copies;
    }
    RecordEncoder.Tagged page = encoder.page(shaped, number, perPage, total, !madeHere);
    if (cache != null && version != null) {
      cache.put(version, pageKey(endpoint, request), page);
    }
    return ok(request, headers, page.body(), page.tag());
  }

  /**
   * The page kept for this request, answered as {@link #list} would answer it, or null: a provider whose data has
   * a version gets its pages sent again as written, until the version changes.
   */
  private @Nullable ProtocolResponse kept(ProtocolRequest request, Map<String, String> headers, Endpoint endpoint) {
    PageCache cache = pages;
    Object version = cache == null ? null : call(endpoint, provider::dataVersion);
    PageCache.Kept page = cache == null || version == null ? null : cache.get(version, pageKey(endpoint, request));
    return page == null ? null : ok(request, headers, page);
  }

  private static String pageKey(Endpoint endpoint, ProtocolRequest request) {
    return endpoint.path() + "?" + (request.rawQuery() == null ? "" : request.rawQuery());
  }

  private ProtocolResponse record(ProtocolRequest request, Map<String, String> headers, Endpoint endpoint, String id,
      Query query) {
    String name = endpoint.recordType().standardName().replace('_', ' ');
    if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
      throw new ProtocolException(404, "not_found", null, "There is no " + name + " with the id '"
          + printable(id, 100) + "'.");
    }
    boolean fullService = Boolean.TRUE.equals(query.fullService());
    Optional<?> found = call(endpoint, () -> switch (endpoint) {
      case SERVICE -> provider.service(id);
      case SERVICE_AT_LOCATION -> provider.serviceAtLocation(id);
      case ORGANIZATION -> provider.organization(id, fullService);
      case TAXONOMY -> provider.taxonomy(id);
      case TAXONOMY_TERM -> provider.taxonomyTerm(id);
      default -> throw new IllegalStateException("not a by-id endpoint: " + endpoint);
    });
    if (found == null) {
      throw providerBug(endpoint, "returned null instead of an Optional");
    }
    if (found.isEmpty()) {
      throw new ProtocolException(404, "not_found", null, "There is no " + name + " with the id '"
          + printable(id, 100) + "'.");
    }
    RecordEncoder.Tagged record = encoder.record(found.get());
    return ok(request, headers, record.body(), record.tag());
  }

  private ProtocolResponse ndjson(ProtocolRequest request, Map<String, String> headers, Endpoint endpoint,
      Query query) {
    Stream<?> stream = call(endpoint, () -> switch (endpoint) {
      case SERVICES -> provider.streamServices(query);
      case SERVICE_AT_LOCATIONS -> provider.streamServiceAtLocations(query);
      case ORGANIZATIONS -> provider.streamOrganizations(query);
      case TAXONOMIES -> provider.streamTaxonomies(query);
      case TAXONOMY_TERMS -> provider.streamTaxonomyTerms(query);
      default -> throw new IllegalStateException("not a list endpoint: " + endpoint);
    });
    if (stream == null) {
      throw providerBug(endpoint, "returned a null stream");
    }
    Iterator<?> iterator;
    try {
      // Fetching the first record here lets a failure still be answered with a proper error status.
      iterator = call(endpoint, stream::iterator);
      Iterator<?> started = iterator;
      call(endpoint, started::hasNext);
    } catch (RuntimeException | Error e) {
      stream.close();
      throw e;
    }
    boolean gzip = api.gzip() && ContentCoding.acceptsGzip(request.headers().first("Accept-Encoding"));
    headers.put("Content-Type", NDJSON);
    api.cacheControl().ifPresent(value -> headers.put("Cache-Control", value));
    if (api.gzip()) {
      headers.put("Vary", "Accept-Encoding");
    }
    if (gzip) {
      headers.put("Content-Encoding", "gzip");
    }
    if (request.method().equals("HEAD")) {
      stream.close();
      return new ProtocolResponse(200, headers, null);
    }
    Iterator<?> records = iterator;
    ProtocolResponse.Body body = new ProtocolResponse.Body() {
      @Override
      public long length() {
        return -1;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        try (stream) {
          // Sync-flushed gzip, so that the lines sent before a failure can be decoded.
          GZIPOutputStream compressed = gzip ? ContentCoding.gzipStream(out, true) : null;
          OutputStream buffered = new BufferedOutputStream(compressed != null ? compressed : out, 1 << 16);
          OutputStream lines = new FilterOutputStream(buffered) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
              buffered.write(bytes, offset, length);
            }

            @Override
            public void flush() {
              // The codec flushes after every record; lines go out when the buffer fills, or below.
            }
          };
          while (true) {
            Object record;
            try {
              if (!records.hasNext()) {
                break;
              }
              record = shape(endpoint, query, records.next());
            } catch (RuntimeException | Error e) {
              throwIfFatal(e, endpoint.path() + "?format=ndjson");
              // Every line written so far is whole: send them, then cut the answer short.
              buffered.flush();
              throw failedPartWay(e);
            }
            json.write(record, lines);
            buffered.write('\n');
          }
          buffered.flush();
          if (compressed != null) {
            compressed.finish();
          }
        } catch (RuntimeException | Error e) {
          throwIfFatal(e, endpoint.path() + "?format=ndjson");
          throw failedPartWay(e);
        }
      }

      /**
       * What the adapter is given to abort the answer with: it must cut the connection (the chunked body
       * never ended), so that the client sees a failed transfer, not a short answer that looks complete.
       */
      private IOException failedPartWay(Throwable e) {
        LOG.log(Level.ERROR, () -> "oruk-server: " + endpoint.path() + "?format=ndjson failed part-way;"
            + " aborting the response", e);
        return new IOException("the directory failed part-way through the NDJSON answer", e);
      }
    };
    return new ProtocolResponse(200, headers, body);
  }

  /** The item as the query asks for it: {@code minimal} is done here, whatever the provider returned. */
  private static Object shape(Endpoint endpoint, Query query, Object item) {
    if (item == null) {
      throw new IllegalStateException("the directory returned a null record for " + endpoint.path());
    }
    if (endpoint == Endpoint.SERVICES && Boolean.TRUE.equals(query.minimal()) && item instanceof Service service) {
      return Views.minimal(service);
    }
    return item;
  }

  private ProtocolResponse preflight(ProtocolRequest request, Map<String, String> headers) {
    headers.put("Access-Control-Allow-Methods", ALLOW);
    String requested = request.headers().first("Access-Control-Request-Headers");
    if (requested != null && requested.matches("[A-Za-z0-9!#$%&'*+.^_`|~, -]{1,1000}")) {
      headers.put("Access-Control-Allow-Headers", requested);
    }
    headers.put("Access-Control-Max-Age", "86400");
    headers.put("Allow", ALLOW);
    return new ProtocolResponse(204, headers, null);
  }

  /** A {@link PathHandler}'s answer, with the common headers; its absence is the API's 404. */
  private static ProtocolResponse answer(ProtocolRequest request, Map<String, String> headers, PathHandler handler,
      List<String> segments) {
    PathHandler.Answer answer = handler.answer(List.copyOf(segments)).orElseThrow(() -> new ProtocolException(404,
        "not_found", null, "There is nothing at " + printable(request.path(), 100) + "."));
    headers.put("Content-Type", answer.contentType());
    headers.putAll(answer.headers());
    headers.put("Content-Length", Integer.toString(answer.body().length));
    return new ProtocolResponse(200, headers, ProtocolResponse.Body.of(answer.body()));
  }

  private ProtocolResponse ok(ProtocolRequest request, Map<String, String> headers, byte[] body) {
    return ok(request, headers, body, EntityTags.of(body));
  }

  private ProtocolResponse ok(ProtocolRequest request, Map<String, String> headers, byte[] body, String tag) {
    Boolean gzip = negotiate(request, headers, body.length, tag);
    if (gzip == null) {
      return new ProtocolResponse(304, headers, null);
    }
    return sent(headers, ProtocolResponse.Body.of(gzip ? ContentCoding.gzip(body) : body));
  }

  /** A kept page's answer: its gzip form made once, and its plain bytes also as a buffer outside the heap. */
  private ProtocolResponse ok(ProtocolRequest request, Map<String, String> headers, PageCache.Kept page) {
    Boolean gzip = negotiate(request, headers, page.body().length, page.tag());
    if (gzip == null) {
      return new ProtocolResponse(304, headers, null);
    }
    if (gzip) {
      return sent(headers, ProtocolResponse.Body.of(page.gzipped()));
    }
    return sent(headers, ProtocolResponse.fixed(page.body(), page::direct));
  }

  /**
   * Puts the headers of a JSON answer with this entity tag, and decides its coding: true for gzip, false for
   * none, or null when the request's {@code If-None-Match} matches (the answer is then a 304 with these headers).
   */
  private @Nullable Boolean negotiate(ProtocolRequest request, Map<String, String> headers, int length, String tag) {
    boolean gzip = api.gzip() && length >= ContentCoding.MIN_GZIP_BYTES
        && ContentCoding.acceptsGzip(request.headers().first("Accept-Encoding"));
    headers.put("Content-Type", JSON);
    api.cacheControl().ifPresent(value -> headers.put("Cache-Control", value));
    if (api.gzip()) {
      headers.put("Vary", "Accept-Encoding");
    }
    headers.put("ETag", gzip ? EntityTags.gzip(tag) : tag);
    if (EntityTags.matches(request.headers().first("If-None-Match"), tag)) {
      headers.remove("Content-Type");
      return null;
    }
    if (gzip) {
      headers.put("Content-Encoding", "gzip");
    }
    return gzip;
  }

  private static ProtocolResponse sent(Map<String, String> headers, ProtocolResponse.Body body) {
    headers.put("Content-Length", Long.toString(body.length()));
    return new ProtocolResponse(200, headers, body);
  }

  private ProtocolResponse error(ProtocolException e, Map<String, String> headers) {
    ObjectNode body = mapper.createObjectNode();
    body.put("status", e.status());
    body.put("error", e.code());
    if (e.parameter() != null) {
      body.put("parameter", e.parameter());
    }
    body.put("message", e.getMessage());
    byte[] bytes;
    try {
      bytes = mapper.writeValueAsBytes(body);
    } catch (IOException impossible) {
      bytes = ("{\"status\":" + e.status() + ",\"error\":\"" + e.code() + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    headers.put("Content-Type", JSON);
    headers.put("Cache-Control", "no-store");
    headers.putAll(e.headers());
    headers.put("Content-Length", Integer.toString(bytes.length));
    return new ProtocolResponse(e.status(), headers, ProtocolResponse.Body.of(bytes));
  }

  private static Map<String, String> commonHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Access-Control-Allow-Origin", "*");
    headers.put("Access-Control-Expose-Headers", "ETag, Retry-After");
    headers.put("X-Content-Type-Options", "nosniff");
    return headers;
  }

  // ------------------------------------------------------------------------------------------- provider calls

  /** Calls the provider, turning what it throws into the right answer. */
  private static <T> T call(Endpoint endpoint, Supplier<T> work) {
    try {
      return work.get();
    } catch (ProtocolException e) {
      throw e;
    } catch (InvalidQueryException e) {
      throw new ProtocolException(400, "invalid_parameter", e.parameter(), e.getMessage());
    } catch (DirectoryUnavailableException e) {
      Map<String, String> retry = e.retryAfter()
          .map(delay -> Map.of("Retry-After", Long.toString(Math.max(1, delay.toSeconds()))))
          .orElse(Map.of());
      LOG.log(Level.WARNING, () -> "oruk-server: " + endpoint.path() + " unavailable: " + e.getMessage());
      throw new ProtocolException(503, "unavailable", null, "The directory is unavailable: " + e.getMessage(), retry);
    } catch (UnsupportedOperationException e) {
      LOG.log(Level.WARNING, () -> "oruk-server: the provider's capabilities offer " + endpoint.path()
          + " but it does not implement it: " + e.getMessage());
      throw new ProtocolException(501, "not_implemented", null,
          "This directory does not implement " + endpoint.path() + ".");
    } catch (RuntimeException | Error e) {
      throwIfFatal(e, endpoint.path());
      LOG.log(Level.ERROR, () -> "oruk-server: the provider failed on " + endpoint.path(), e);
      throw new ProtocolException(500, "internal_error", null,
          "The directory failed to answer this request; the failure has been logged.");
    }
  }

  /**
   * Throws on, after logging, an error that no answer should be made after: {@link InternalError} and
   * {@link UnknownError} (the JVM itself is failing) and {@code ThreadDeath} (the thread is being killed).
   * {@link StackOverflowError} and {@link OutOfMemoryError}, the other {@link VirtualMachineError}s, are
   * limits the failing request hit; its stack and memory are released as it unwinds, so they are answered.
   */
  @SuppressWarnings("removal")
  private static void throwIfFatal(Throwable failure, String what) {
    if (failure instanceof InternalError || failure instanceof UnknownError || failure instanceof ThreadDeath) {
      LOG.log(Level.ERROR, () -> "oruk-server: the JVM failed while answering " + what + "; not answering", failure);
      throw (Error) failure;
    }
  }

  private static ProtocolException providerBug(Endpoint endpoint, String what) {
    LOG.log(Level.ERROR, () -> "oruk-server: the provider " + what + " for " + endpoint.path());
    return new ProtocolException(500, "internal_error", null,
        "The directory gave an inconsistent answer; the failure has been logged.");
  }

  /** Text from the request, safe and short enough to quote back in a message. */
  private static String printable(String text, int max) {
    StringBuilder clean = new StringBuilder(Math.min(text.length(), max + 1));
    for (int i = 0; i < text.length() && clean.length() < max; i++) {
      char c = text.charAt(i);
      clean.append(Character.isISOControl(c) ? '?' : c);
    }
    if (text.length() > max) {
      clean.append('…');
    }
    return clean.toString();
  }
}
