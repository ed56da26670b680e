package io.github.oruk.server;

import io.github.oruk.model.ApiDetails;
import io.github.oruk.model.query.Endpoint;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A directory's ORUK 3.0 API: a {@link DirectoryProvider} and the protocol options, ready to be served
 * by an adapter ({@code io.github.oruk.server.jdk.OrukHttpServer} for the JDK's built-in HTTP server, or
 * {@code io.github.oruk.server.servlet.OrukServlet} inside any Jakarta Servlet 6 container).
 *
 * <pre>{@code
 * OrukApi api = OrukApi.builder(new MyDirectory())
 *     .maxPerPage(200)
 *     .throttle(Throttle.perClient(20, 40))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. The provider's capabilities are read once, here.
 */
public final class OrukApi {

  /** Default page size when a request gives no {@code per_page}. */
  public static final int DEFAULT_PER_PAGE = 50;
  /** Default largest page size; larger requests are served this many records (see {@code size}). */
  public static final int DEFAULT_MAX_PER_PAGE = 100;
  /** Default memory budget for the JSON of immutable records (see {@link DirectoryProvider#recordsAreImmutable()}). */
  public static final long DEFAULT_ENCODED_RECORD_CACHE_BYTES = 64L * 1024 * 1024;
  /** Default memory budget for whole list pages (see {@link DirectoryProvider#dataVersion()}). */
  public static final long DEFAULT_PAGE_CACHE_BYTES = 32L * 1024 * 1024;
  /** Default limit on the length of the query string, in characters. */
  public static final int DEFAULT_MAX_QUERY_LENGTH = 4096;

  private final DirectoryProvider provider;
  private final Capabilities capabilities;
  private final int defaultPerPage;
  private final int maxPerPage;
  private final int maxQueryLength;
  private final @Nullable Throttle throttle;
  private final @Nullable URI baseUrl;
  private final boolean trustForwardedHeaders;
  private final String profileUrl;
  private final int notOfferedStatus;
  private final boolean gzip;
  private final String cacheControl;
  private final boolean publishExtensions;
  private final long encodedRecordCacheBytes;
  private final long pageCacheBytes;
  private final Map<String, PathHandler> paths;

  private OrukApi(Builder builder) {
    this.provider = builder.provider;
    Capabilities declared = provider.capabilities();
    this.capabilities = declared == null ? Capabilities.requiredOnly() : declared;
    this.defaultPerPage = builder.defaultPerPage;
    this.maxPerPage = builder.maxPerPage;
    this.maxQueryLength = builder.maxQueryLength;
    this.throttle = builder.throttle;
    this.baseUrl = builder.baseUrl;
    this.trustForwardedHeaders = builder.trustForwardedHeaders;
    this.profileUrl = builder.profileUrl;
    this.notOfferedStatus = builder.notOfferedStatus;
    this.gzip = builder.gzip;
    this.cacheControl = builder.cacheControl;
    this.publishExtensions = builder.publishExtensions;
    this.encodedRecordCacheBytes = builder.encodedRecordCacheBytes;
    this.pageCacheBytes = builder.pageCacheBytes;
    this.paths = Map.copyOf(builder.paths);
    if (defaultPerPage > maxPerPage) {
      throw new IllegalArgumentException("defaultPerPage (" + defaultPerPage + ") cannot be above maxPerPage ("
          + maxPerPage + ")");
    }
  }

  /** Options for serving this provider. */
  public static Builder builder(DirectoryProvider provider) {
    return new Builder(provider);
  }

  /** This provider with the default options. */
  public static OrukApi of(DirectoryProvider provider) {
    return builder(provider).build();
  }

  public DirectoryProvider provider() {
    return provider;
  }

  /** The provider's capabilities, as read when the API was built. */
  public Capabilities capabilities() {
    return capabilities;
  }

  public int defaultPerPage() {
    return defaultPerPage;
  }

  public int maxPerPage() {
    return maxPerPage;
  }

  public int maxQueryLength() {
    return maxQueryLength;
  }

  public Optional<Throttle> throttle() {
    return Optional.ofNullable(throttle);
  }

  /** The public address of the API's root, when fixed by configuration. */
  public Optional<URI> baseUrl() {
    return Optional.ofNullable(baseUrl);
  }

  public boolean trustForwardedHeaders() {
    return trustForwardedHeaders;
  }

  public String profileUrl() {
    return profileUrl;
  }

  /** 404 or 501: the answer for an optional endpoint the provider does not offer. */
  public int notOfferedStatus() {
    return notOfferedStatus;
  }

  public boolean gzip() {
    return gzip;
  }

  /** The {@code Cache-Control} header of successful answers, if any. */
  public Optional<String> cacheControl() {
    return Optional.ofNullable(cacheControl);
  }

  public boolean publishExtensions() {
    return publishExtensions;
  }

  /** Bytes of record JSON kept for providers whose records are immutable. */
  public long encodedRecordCacheBytes() {
    return encodedRecordCacheBytes;
  }

  /** Bytes of whole list pages kept for providers that give a {@linkplain DirectoryProvider#dataVersion version}. */
  public long pageCacheBytes() {
    return pageCacheBytes;
  }

  /** The handlers of paths beside the ORUK endpoints, by their first path segment. */
  public Map<String, PathHandler> paths() {
    return paths;
  }

  /** Options for an {@link OrukApi}. */
  public static final class Builder {
    private final DirectoryProvider provider;
    private int defaultPerPage = DEFAULT_PER_PAGE;
    private int maxPerPage = DEFAULT_MAX_PER_PAGE;
    private int maxQueryLength = DEFAULT_MAX_QUERY_LENGTH;
    private @Nullable Throttle throttle;
    private @Nullable URI baseUrl;
    private boolean trustForwardedHeaders;
    private String profileUrl = ApiDetails.UK_PROFILE_URL;
    private int notOfferedStatus = 501;
    private boolean gzip = true;
    private String cacheControl = "no-cache";
    private boolean publishExtensions;
    private long encodedRecordCacheBytes = DEFAULT_ENCODED_RECORD_CACHE_BYTES;
    private long pageCacheBytes = DEFAULT_PAGE_CACHE_BYTES;
    private final Map<String, PathHandler> paths = new HashMap<>();

    private Builder(DirectoryProvider provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** Page size when a request gives no {@code per_page} (default {@value OrukApi#DEFAULT_PER_PAGE}). */
    public Builder defaultPerPage(int defaultPerPage) {
      this.defaultPerPage = atLeastOne("defaultPerPage", defaultPerPage);
      return this;
    }

    /**
     * Largest page size (default {@value OrukApi#DEFAULT_MAX_PER_PAGE}). A request for more is served this
     * many records per page; {@code size}, {@code total_pages} and {@code last_page} say so.
     */
    public Builder maxPerPage(int maxPerPage) {
      this.maxPerPage = atLeastOne("maxPerPage", maxPerPage);
      return this;
    }

    /** Longest query string accepted, in characters (default {@value OrukApi#DEFAULT_MAX_QUERY_LENGTH}); longer is 414. */
    public Builder maxQueryLength(int maxQueryLength) {
      this.maxQueryLength = atLeastOne("maxQueryLength", maxQueryLength);
      return this;
    }

    /** Rate limiting (default none; null for none). */
    public Builder throttle(@Nullable Throttle throttle) {
      this.throttle = throttle;
      return this;
    }

    /**
     * The public address of the API's root, such as {@code https://directory.example.org/oruk}, for
     * servers behind a reverse proxy. By default it is worked out from each request.
     *
     * @throws IllegalArgumentException when it is not an absolute http(s) URL
     */
    public Builder baseUrl(String baseUrl) {
      if (baseUrl == null) {
        this.baseUrl = null;
        return this;
      }
      try {
        URI uri = new URI(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
            || uri.getRawQuery() != null || uri.getRawFragment() != null) {
          throw new IllegalArgumentException("baseUrl must be an absolute http or https URL without a query; got '"
              + baseUrl + "'");
        }
        this.baseUrl = uri;
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("baseUrl is not a URL: " + e.getMessage(), e);
      }
      return this;
    }

    /**
     * Whether to build the API's own address from {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and
     * {@code X-Forwarded-Prefix} (default false). Only turn it on behind a proxy that sets them.
     */
    public Builder trustForwardedHeaders(boolean trust) {
      this.trustForwardedHeaders = trust;
      return this;
    }

    /** The {@code profile} URL that {@code /} reports (default {@value ApiDetails#UK_PROFILE_URL}). */
    public Builder profileUrl(String profileUrl) {
      this.profileUrl = Objects.requireNonNull(profileUrl, "profileUrl");
      return this;
    }

    /**
     * The status for an optional endpoint the provider does not offer: 501 (default) or 404. The official
     * validator accepts both as "not implemented".
     */
    public Builder notOfferedStatus(int status) {
      if (status != 404 && status != 501) {
        throw new IllegalArgumentException("notOfferedStatus must be 404 or 501; got " + status);
      }
      this.notOfferedStatus = status;
      return this;
    }

    /** Whether to compress answers for clients that accept gzip (default true). */
    public Builder gzip(boolean gzip) {
      this.gzip = gzip;
      return this;
    }

    /** {@code Cache-Control} of successful answers (default {@code no-cache}: revalidate with the ETag); null for none. */
    public Builder cacheControl(String cacheControl) {
      this.cacheControl = cacheControl;
      return this;
    }

    /**
     * Whether records are published with their vendor extensions (properties the standard does not
     * define) (default false: only standard properties).
     */
    public Builder publishExtensions(boolean publishExtensions) {
      this.publishExtensions = publishExtensions;
      return this;
    }

    /**
     * How many bytes of record JSON to keep for reuse when the provider's records are immutable (default
     * 64 MiB; 0 writes every record afresh). Ignored for other providers.
     */
    public Builder encodedRecordCache(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("the cache size cannot be negative; got " + bytes);
      }
      this.encodedRecordCacheBytes = bytes;
      return this;
    }

    /**
     * How many bytes of whole list pages to keep when the provider gives a {@linkplain
     * DirectoryProvider#dataVersion() data version} (default 32 MiB; 0 writes every page afresh). A page asked for
     * again, by the same path and query, is sent from memory until the version changes. When the budget is used
     * up the cache starts again empty: simple, bounded whatever queries clients send, and quickly refilled with
     * the pages people actually ask for. A page's gzip form and, on oruk-server-jetty, its copy outside the heap
     * are kept too once asked for, and count towards the budget. Ignored for providers without a version.
     */
    public Builder pageCache(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("the cache size cannot be negative; got " + bytes);
      }
      this.pageCacheBytes = bytes;
      return this;
    }

    /**
     * Serves {@code handler} at {@code /SEGMENT} and below it (under the API's base path), beside the ORUK
     * endpoints: {@code path("badge", handler)} answers {@code /badge/north.svg}. The segment is lower-case
     * letters, digits, {@code -} and {@code _}, and no ORUK endpoint's (the API's paths are never shadowed).
     *
     * @throws IllegalArgumentException when the segment is not such a name, or is one already given
     */
    public Builder path(String segment, PathHandler handler) {
      Objects.requireNonNull(handler, "handler");
      if (!segment.matches("[a-z0-9_-]+")) {
        throw new IllegalArgumentException("a path segment is lower-case letters, digits, '-' and '_'; got '"
            + segment + "'");
      }
      for (Endpoint endpoint : Endpoint.values()) {
        if (endpoint.path().substring(1).split("/", 2)[0].equals(segment)) {
          throw new IllegalArgumentException("'" + segment + "' is an ORUK endpoint's path; choose another");
        }
      }
      if (paths.putIfAbsent(segment, handler) != null) {
        throw new IllegalArgumentException("'" + segment + "' already has a handler");
      }
      return this;
    }

    /**
     * @throws IllegalArgumentException when the options contradict each other
     */
    public OrukApi build() {
      return new OrukApi(this);
    }

    private static int atLeastOne(String name, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1; got " + value);
      }
      return value;
    }
  }
}
