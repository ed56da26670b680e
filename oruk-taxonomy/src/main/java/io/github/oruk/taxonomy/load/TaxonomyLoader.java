package io.github.oruk.taxonomy.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.model.document.Layout;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.OrukReadException;
import io.github.oruk.taxonomy.OrukTaxonomies;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.TermNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Loads a taxonomy from a file or URL in whatever format it is in, worked out from the name and the
 * content: SKOS JSON-LD, an esd list, CSV (columns guessed from the header, or the {@link CsvLayout} you
 * give), an ORUK {@code taxonomy} (with {@code taxonomy_terms}) or page of {@code taxonomy_terms} or
 * {@code taxonomies}, or ORUK services (NDJSON or a page), whose embedded terms are gathered.
 *
 * <p>A URL that turns out to be an ORUK feed (its {@code /} API details, or a page of one of its lists) is
 * read as a feed with {@link FeedTaxonomyLoader}, through the {@link FeedReader} given to
 * {@link Builder#feedReader}: every page of {@code /taxonomies} and {@code /taxonomy_terms}, or the terms in its
 * services when it has none. Without one, such a URL is an error that says so.
 */
public final class TaxonomyLoader {

  private static final OrukJson JSON = OrukJson.lenient();
  private static final System.Logger LOG = System.getLogger(TaxonomyLoader.class.getName());

  private final TermNormalizer normalizer;
  private final @Nullable CsvLayout csvLayout;
  private final Duration timeout;
  private final @Nullable Function<URI, ? extends FeedReader> feedReader;
  private final long maxServices;

  private TaxonomyLoader(Builder builder) {
    this.normalizer = builder.normalizer;
    this.csvLayout = builder.csvLayout;
    this.timeout = builder.timeout;
    this.feedReader = builder.feedReader;
    this.maxServices = builder.maxServices;
  }

  public static TaxonomyLoader defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The formats this loader reads. */
  public enum Format {
    SKOS_JSON_LD, ESD_JSON, CSV, ORUK_JSON, ORUK_SERVICES
  }

  /** The file's main (or largest) scheme. */
  public Scheme load(Path file) throws IOException {
    return loadAll(file).get(0);
  }

  /** Every scheme in the file (a SKOS document or a set of services may hold several), main first. */
  public List<Scheme> loadAll(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
    if (Layout.of(file) == Layout.NDJSON) {
      try (Stream<Service> services = ServiceFiles.stream(file)) {
        return nonEmpty(ServiceTermsLoader.defaults().withNormalizer(normalizer).fromServices(services),
            file.toString());
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    return readAll(Files.readAllBytes(file), file.toString());
  }

  /** The main scheme of the document at a URL (fetched with {@code java.net.http}). */
  public Scheme load(URI url) throws IOException {
    return loadAll(url).get(0);
  }

  /**
   * Every scheme of the document at a URL; an ORUK feed's base URL (or one of its list URLs) gives the feed's
   * taxonomies ({@link FeedTaxonomyLoader}).
   */
  public List<Scheme> loadAll(URI url) throws IOException {
    HttpFetch.Response response = HttpFetch.fetch(url, timeout,
        "application/ld+json, application/json;q=0.9, text/csv;q=0.8, */*;q=0.5");
    String name = url.getPath() == null ? url.toString() : url.getPath();
    if (response.contentType().toLowerCase(Locale.ROOT).contains("csv") && !name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
      name = name + ".csv";
    }
    String lowerPath = name.toLowerCase(Locale.ROOT);
    boolean file = lowerPath.endsWith(".json") || lowerPath.endsWith(".jsonld") || lowerPath.endsWith(".ndjson")
        || lowerPath.endsWith(".csv");
    if (!file && looksLikeJson(response.body())) {
      JsonNode root = SkosLoader.parse(response.body(), url.toString());
      if (isOrukFeed(root)) {
        return loadFeed(url);
      }
    }
    return readAll(response.body(), url.toString(), name);
  }

  /** The taxonomies of an ORUK feed, with the notes of how they were read on the logger at INFO. */
  private List<Scheme> loadFeed(URI url) throws TaxonomyLoadException {
    URI base = feedBase(url);
    if (feedReader == null) {
      throw new TaxonomyLoadException(url.toString(), "this is a live ORUK feed, and this loader was given no way to"
          + " read one: pass TaxonomyLoader.builder().feedReader(...) a FeedReader (the oruk CLI has one over"
          + " oruk-client), or load a file of the feed's taxonomy terms instead");
    }
    FeedReader feed;
    try {
      feed = feedReader.apply(base);
    } catch (IllegalArgumentException e) {
      throw new TaxonomyLoadException(url.toString(), e.getMessage(), e);
    }
    FeedTaxonomyLoader loader = FeedTaxonomyLoader.of(feed).withNormalizer(normalizer);
    if (maxServices != Long.MAX_VALUE) {
      loader = loader.withMaxServices(maxServices);
    }
    FeedTaxonomyLoader.Result result = loader.load();
    result.notes().forEach(note -> LOG.log(System.Logger.Level.INFO, "{0}: {1}", base, note));
    return result.schemes();
  }

  /** An ORUK feed's {@code /} (API details) or a page of one of its lists. */
  static boolean isOrukFeed(JsonNode root) {
    if (!root.isObject()) {
      return false;
    }
    if (root.has("openapi_url") || root.has("version") && root.has("profile") && !root.has("list")) {
      return true;
    }
    return root.has("contents") && (root.has("total_items") || root.has("page_number") || root.has("total_pages"))
        || root.has("content") && root.has("totalElements");
  }

  /** The feed's base: a list endpoint's URL without the endpoint and the query. */
  static URI feedBase(URI url) {
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    for (String endpoint : new String[] {"/services", "/taxonomy_terms", "/taxonomies", "/service_at_locations",
        "/organizations"}) {
      if (path.endsWith(endpoint)) {
        path = path.substring(0, path.length() - endpoint.length());
        break;
      }
    }
    return URI.create(url.getScheme() + "://" + url.getRawAuthority() + path);
  }

  /** Every scheme in a document; {@code source} names it in messages (and its extension hints at the format). */
  public List<Scheme> readAll(byte[] bytes, String source) throws TaxonomyLoadException {
    return readAll(bytes, source, source);
  }

  /** One sentence naming every format the loader reads; ends messages about a source it cannot read. */
  static final String SUPPORTED_FORMATS = "The taxonomy loader reads SKOS JSON-LD (.jsonld, or .json with "
      + "@context), CSV with a header row (.csv or .tsv; the columns are guessed from the header or can be named), "
      + "the LG Inform Plus (esd) JSON list and mapping format, ORUK JSON (a taxonomy with its terms, or a page of "
      + "taxonomies or of taxonomy terms), ORUK services (JSON or NDJSON, whose terms are gathered), and a live "
      + "ORUK feed's URL; the format is worked out from the name and the content.";

  /** Endings of formats that are sometimes used for taxonomies but that no loader here reads. */
  private static final Map<String, String> UNSUPPORTED = Map.ofEntries(Map.entry("xml", "XML"),
      Map.entry("rdf", "RDF/XML"), Map.entry("owl", "OWL"), Map.entry("ttl", "Turtle"), Map.entry("nt", "N-Triples"),
      Map.entry("n3", "Notation3"), Map.entry("xlsx", "Excel"), Map.entry("xls", "Excel"),
      Map.entry("ods", "OpenDocument spreadsheet"), Map.entry("html", "HTML"), Map.entry("htm", "HTML"),
      Map.entry("pdf", "PDF"), Map.entry("zip", "ZIP"), Map.entry("docx", "Word"), Map.entry("yaml", "YAML"),
      Map.entry("yml", "YAML"));

  /**
   * The format of a document, from its name and its first bytes.
   *
   * @throws TaxonomyLoadException with {@link TaxonomyLoadException.Reason#UNSUPPORTED_FORMAT} for XML, RDF,
   *     Turtle, spreadsheets and other formats no loader here reads (by name or, for markup and binary files,
   *     by content); the message lists the formats that are read
   */
  public static Format detect(byte[] bytes, String name) throws TaxonomyLoadException {
    return detect(bytes, name, name);
  }

  private static Format detect(byte[] bytes, String name, String source) throws TaxonomyLoadException {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv") || lower.endsWith(".tsv")) {
      return Format.CSV;
    }
    if (lower.endsWith(".jsonld")) {
      return Format.SKOS_JSON_LD;
    }
    if (!looksLikeJson(bytes)) {
      String unsupported = unsupportedFormat(bytes, lower);
      if (unsupported != null) {
        throw new TaxonomyLoadException(source, TaxonomyLoadException.Reason.UNSUPPORTED_FORMAT, "this looks like "
            + unsupported + ", which the taxonomy loader does not read; convert it to one of the formats it reads. "
            + SUPPORTED_FORMATS);
      }
      return Format.CSV;
    }
    JsonNode root = SkosLoader.parse(bytes, name);
    return detect(root);
  }

  private List<Scheme> readAll(byte[] bytes, String source, String name) throws TaxonomyLoadException {
    Format format = detect(bytes, name, source);
    switch (format) {
      case CSV:
        CsvLoader csv = csvLayout == null ? CsvLoader.detecting() : CsvLoader.of(csvLayout);
        return List.of(csv.withNormalizer(normalizer).read(bytes, source));
      case SKOS_JSON_LD:
        return SkosLoader.builder().normalizer(normalizer).build().readAll(bytes, source);
      case ESD_JSON:
        return List.of(EsdListLoader.defaults().withNormalizer(normalizer).read(bytes, source));
      case ORUK_SERVICES:
        return nonEmpty(ServiceTermsLoader.defaults().withNormalizer(normalizer)
            .fromServices(ServiceFiles.read(bytes, source).stream()), source);
      default:
        return readOruk(SkosLoader.parse(bytes, source), source);
    }
  }

  private List<Scheme> readOruk(JsonNode root, String source) throws TaxonomyLoadException {
    try {
      if (root.has("contents")) {
        JsonNode contents = root.get("contents");
        JsonNode first = contents.isArray() && contents.size() > 0 ? contents.get(0) : null;
        if (first != null && isTerm(first)) {
          Page<TaxonomyTerm> page = JSON.readPage(root, TaxonomyTerm.class).value();
          return List.of(OrukTaxonomies.fromTerms("urn:oruk-java:scheme:" + SkosLoader.slug(source),
              SkosLoader.slug(source), page.contents(), normalizer));
        }
        Page<Taxonomy> page = JSON.readPage(root, Taxonomy.class).value();
        List<Scheme> schemes = new ArrayList<>();
        for (Taxonomy taxonomy : page.contents()) {
          schemes.add(OrukTaxonomies.fromTaxonomy(taxonomy, normalizer));
        }
        return nonEmpty(schemes, source);
      }
      if (root.isArray()) {
        List<TaxonomyTerm> terms = new ArrayList<>();
        for (JsonNode item : root) {
          terms.add(JSON.read(item, TaxonomyTerm.class).value());
        }
        return List.of(OrukTaxonomies.fromTerms("urn:oruk-java:scheme:" + SkosLoader.slug(source),
            SkosLoader.slug(source), terms, normalizer));
      }
      return List.of(OrukTaxonomies.fromTaxonomy(JSON.read(root, Taxonomy.class).value(), normalizer));
    } catch (OrukReadException e) {
      throw new TaxonomyLoadException(source, "not an ORUK taxonomy or page of taxonomy terms: " + e.getMessage(), e);
    }
  }

  private static Format detect(JsonNode root) {
    if (root.isObject()) {
      JsonNode list = root.get("list");
      if (list != null && list.has("items")) {
        return Format.ESD_JSON;
      }
      if (root.has("@context") || root.has("@graph") || root.has("concept") || root.has("hasTopConcept")
          || typeIs(root, "ConceptScheme") || typeIs(root, "Concept")) {
        return Format.SKOS_JSON_LD;
      }
      if (root.has("contents")) {
        JsonNode contents = root.get("contents");
        JsonNode first = contents.isArray() && contents.size() > 0 ? contents.get(0) : null;
        if (first != null && isService(first)) {
          return Format.ORUK_SERVICES;
        }
        return Format.ORUK_JSON;
      }
      if (isService(root)) {
        return Format.ORUK_SERVICES;
      }
      return Format.ORUK_JSON;
    }
    JsonNode first = root.size() > 0 ? root.get(0) : null;
    if (first != null && isService(first)) {
      return Format.ORUK_SERVICES;
    }
    if (first != null && (first.has("prefLabel") || typeIs(first, "Concept") || first.has("@id"))) {
      return Format.SKOS_JSON_LD;
    }
    return Format.ORUK_JSON;
  }

  private static boolean isService(JsonNode node) {
    return node.has("organization") || node.has("service_at_locations") || node.has("attributes")
        && node.has("name") && !node.has("taxonomy_terms");
  }

  private static boolean isTerm(JsonNode node) {
    return !node.has("taxonomy_terms") && (node.has("term_uri") || node.has("parent_id") || node.has("term")
        || node.has("taxonomy_id") || node.has("taxonomy") || node.has("code"));
  }

  private static boolean typeIs(JsonNode node, String type) {
    for (String key : new String[] {"type", "@type"}) {
      JsonNode value = node.get(key);
      if (value != null && value.isTextual() && JsonLd.localName(value.asText()).equals(type)) {
        return true;
      }
    }
    return false;
  }

  /** The name of a format no loader here reads, from the file's ending or its first bytes; null otherwise. */
  private static @Nullable String unsupportedFormat(byte[] bytes, String lowerName) {
    String path = lowerName.contains("?") ? lowerName.substring(0, lowerName.indexOf('?')) : lowerName;
    int dot = path.lastIndexOf('.');
    if (dot >= 0 && dot > path.lastIndexOf('/')) {
      String known = UNSUPPORTED.get(path.substring(dot + 1));
      if (known != null) {
        return known;
      }
    }
    if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
        || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
      return "UTF-16 text (save it as UTF-8)";
    }
    int i = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB ? 3 : 0;
    while (i < bytes.length && Character.isWhitespace(bytes[i])) {
      i++;
    }
    if (i < bytes.length && bytes[i] == '<') {
      return "XML or HTML";
    }
    for (int j = 0; j < Math.min(bytes.length, 1024); j++) {
      if (bytes[j] == 0) {
        return "a binary file (a spreadsheet, an archive, ...)";
      }
    }
    return null;
  }

  private static boolean looksLikeJson(byte[] bytes) {
    int i = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB ? 3 : 0;
    while (i < bytes.length && Character.isWhitespace(bytes[i])) {
      i++;
    }
    return i < bytes.length && (bytes[i] == '{' || bytes[i] == '[');
  }

  private static List<Scheme> nonEmpty(List<Scheme> schemes, String source) throws TaxonomyLoadException {
    if (schemes.isEmpty()) {
      throw new TaxonomyLoadException(source, "no taxonomy terms found");
    }
    return schemes;
  }

  /** Builds a {@link TaxonomyLoader}. */
  public static final class Builder {
    private TermNormalizer normalizer = TermNormalizer.defaults();
    private @Nullable CsvLayout csvLayout;
    private Duration timeout = Duration.ofSeconds(30);
    private @Nullable Function<URI, ? extends FeedReader> feedReader;
    private long maxServices = Long.MAX_VALUE;

    private Builder() {
    }

    /**
     * How to read a live ORUK feed, given its base URL (default: none, and a feed's URL is an error that says
     * so). This module has no HTTP client of its own for feeds; the oruk CLI gives one over oruk-client, with
     * whatever headers, politeness limits and timeouts the client was built with.
     */
    public Builder feedReader(Function<URI, ? extends FeedReader> value) {
      this.feedReader = Objects.requireNonNull(value, "feedReader");
      return this;
    }

    /** For a feed without taxonomy endpoints: read the terms of at most this many services (default all). */
    public Builder maxServices(long value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxServices must be at least 1; got " + value);
      }
      this.maxServices = value;
      return this;
    }

    /** Makes and canonicalises term URIs (default: {@link TermNormalizer#defaults()}). */
    public Builder normalizer(TermNormalizer value) {
      this.normalizer = Objects.requireNonNull(value, "normalizer");
      return this;
    }

    /** The layout of CSV files (default: guessed from each file's header). */
    public Builder csvLayout(CsvLayout value) {
      this.csvLayout = value;
      return this;
    }

    /** How long fetching a URL may take (default 30 seconds). */
    public Builder timeout(Duration value) {
      this.timeout = Objects.requireNonNull(value, "timeout");
      return this;
    }

    public TaxonomyLoader build() {
      return new TaxonomyLoader(this);
    }
  }
}
