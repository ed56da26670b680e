package io.github.oruk.taxonomy.load;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.taxonomy.Concept;
import io.github.oruk.taxonomy.NormalizedTerm;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.SchemeProblem;
import io.github.oruk.taxonomy.TermNormalizer;
import io.github.oruk.taxonomy.Vocabulary;
import io.github.oruk.taxonomy.crosswalk.MatchType;
import io.github.oruk.taxonomy.crosswalk.Mapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads SKOS concept schemes written as JSON-LD, such as the OpenActive Activity List.
 *
 * <p>Accepts a {@code ConceptScheme} node holding a {@code concept} (or {@code hasTopConcept}) array, a
 * {@code @graph} of concept nodes, or concepts nested under each other; property keys compacted
 * ({@code prefLabel}), prefixed ({@code skos:prefLabel}) or as full IRIs; labels as text, language-tagged
 * values or language maps (the preferred language, English by default, is taken when there is a choice).
 * Concept URIs in a registered vocabulary are normalised (OpenActive's {@code http} spelling becomes the
 * canonical {@code https}). Reads {@code prefLabel}, {@code altLabel}, {@code hiddenLabel},
 * {@code definition} (or {@code scopeNote}), {@code notation}, {@code identifier}, {@code broader},
 * {@code narrower}, {@code related}, {@code inScheme}, {@code topConceptOf} and {@code owl:deprecated};
 * the mapping properties ({@code exactMatch} and so on) are read by {@link #readMappings}.
 */
public final class SkosLoader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] MATCHES = {"exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch"};

  private final TermNormalizer normalizer;
  private final String language;
  private final @Nullable String schemeUri;

  private SkosLoader(Builder builder) {
    this.normalizer = builder.normalizer;
    this.language = builder.language;
    this.schemeUri = builder.schemeUri;
  }

  /** English labels, the default term normaliser. */
  public static SkosLoader defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The file's main scheme (the first {@code ConceptScheme}, or one made for concepts that name none). */
  public Scheme load(Path file) throws IOException {
    return read(Files.readAllBytes(file), file.toString());
  }

  /** The document's main scheme; {@code source} names it in messages. */
  public Scheme read(byte[] json, String source) throws TaxonomyLoadException {
    return readAll(json, source).get(0);
  }

  /** Every scheme of the document, the main one first. */
  @SuppressWarnings("NullAway") // conceptScheme answers one of the keys of schemes
  public List<Scheme> readAll(byte[] json, String source) throws TaxonomyLoadException {
    JsonNode document = parse(json, source);
    JsonLd ld = new JsonLd(document, language);
    Nodes nodes = new Nodes(ld);
    nodes.visit(document, null);
    if (nodes.concepts.isEmpty()) {
      throw new TaxonomyLoadException(source, "no SKOS concepts found; expected a ConceptScheme with a concept"
          + " array, or a @graph of Concept nodes with an id and a prefLabel");
    }
    Map<String, Scheme.Builder> schemes = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, JsonNode>> scheme : nodes.schemes.entrySet()) {
      schemes.put(scheme.getKey(), schemeBuilder(ld, scheme.getKey(), scheme.getValue()));
    }
    String main = schemeUri != null ? schemeUri
        : !schemes.isEmpty() ? schemes.keySet().iterator().next()
        : "urn:oruk-java:scheme:" + slug(source);
    if (!schemes.containsKey(main)) {
      Map<String, Scheme.Builder> reordered = new LinkedHashMap<>();
      reordered.put(main, Scheme.builder(main).title(main));
      reordered.putAll(schemes);
      schemes = reordered;
    }
    Map<String, String> canonical = new HashMap<>();
    for (Map.Entry<String, NodeInScheme> entry : nodes.concepts.entrySet()) {
      NodeInScheme node = entry.getValue();
      String uri = canonical(entry.getKey(), canonical);
      Map<String, JsonNode> p = node.properties;
      String label = ld.text(p.get("prefLabel"));
      if (label == null) {
        label = ld.text(p.get("label"));
      }
      String target = conceptScheme(ld, node, schemes, main);
      Scheme.Builder scheme = schemes.get(target);
      if (label == null) {
        scheme.problem(new SchemeProblem(SchemeProblem.Code.SKIPPED_RECORD, "concept " + uri
            + " has no prefLabel and was skipped", List.of(uri)));
        continue;
      }
      String notation = ld.text(p.get("notation"));
      String identifier = ld.text(p.get("identifier"));
      String id = identifier != null ? identifier : notation != null ? notation : tail(uri);
      String definition = ld.text(p.get("definition"));
      if (definition == null) {
        definition = ld.text(p.get("scopeNote"));
      }
      Concept.Builder concept = Concept.builder(uri, id, label).notation(notation).definition(definition)
          .deprecated(isTrue(p.get("deprecated")));
      ld.texts(p.get("altLabel"), false).forEach(concept::altLabel);
      ld.texts(p.get("hiddenLabel"), false).forEach(concept::altLabel);
      ld.references(p.get("broader")).forEach(link -> concept.broader(canonical(link, canonical)));
      ld.references(p.get("narrower")).forEach(link -> concept.narrower(canonical(link, canonical)));
      ld.references(p.get("related")).forEach(link -> concept.related(canonical(link, canonical)));
      scheme.add(concept);
    }
    List<Scheme> built = new ArrayList<>(schemes.size());
    for (Scheme.Builder scheme : schemes.values()) {
      Scheme candidate = scheme.build();
      if (candidate.size() > 0 || candidate.uri().equals(main)) {
        built.add(candidate);
      }
    }
    return built;
  }

  /** The SKOS mapping properties of every concept in the document, with canonical URIs. */
  public List<Mapping> readMappings(byte[] json, String source) throws TaxonomyLoadException {
    JsonNode document = parse(json, source);
    JsonLd ld = new JsonLd(document, language);
    Nodes nodes = new Nodes(ld);
    nodes.visit(document, null);
    Map<String, String> canonical = new HashMap<>();
    List<Mapping> mappings = new ArrayList<>();
    for (Map.Entry<String, NodeInScheme> entry : nodes.concepts.entrySet()) {
      String from = canonical(entry.getKey(), canonical);
      for (String property : MATCHES) {
        MatchType type = MatchType.parse(property).orElseThrow();
        for (String to : ld.references(entry.getValue().properties.get(property))) {
          mappings.add(new Mapping(from, canonical(to, canonical), type));
        }
      }
    }
    return mappings;
  }

  /** The mapping properties of a file's concepts. */
  public List<Mapping> loadMappings(Path file) throws IOException {
    return readMappings(Files.readAllBytes(file), file.toString());
  }

  private Scheme.Builder schemeBuilder(JsonLd ld, String uri, Map<String, JsonNode> p) {
    String title = firstText(ld, p, "title", "prefLabel", "name", "label");
    Scheme.Builder builder = Scheme.builder(uri).title(title)
        .description(firstText(ld, p, "description", "definition", "scopeNote"))
        .version(firstText(ld, p, "version", "versionInfo", "modified"))
        .licence(firstText(ld, p, "license", "licence", "rights"));
    normalizer.registry().vocabulary(uri).map(Vocabulary::prefix).ifPresent(builder::vocabulary);
    return builder;
  }

  private String conceptScheme(JsonLd ld, NodeInScheme node, Map<String, Scheme.Builder> schemes, String main) {
    for (String property : new String[] {"inScheme", "topConceptOf"}) {
      for (String reference : ld.references(node.properties.get(property))) {
        if (schemes.containsKey(reference)) {
          return reference;
        }
      }
    }
    return node.scheme != null && schemes.containsKey(node.scheme) ? node.scheme : main;
  }

  private String canonical(String uri, Map<String, String> cache) {
    return cache.computeIfAbsent(uri, key -> {
      NormalizedTerm normalized = normalizer.normalize(key);
      if (normalized instanceof NormalizedTerm.Resolved resolved && resolved.vocabulary().isPresent()) {
        return resolved.canonicalUri();
      }
      return key;
    });
  }

  private static @Nullable String firstText(JsonLd ld, Map<String, JsonNode> p, String... names) {
    for (String name : names) {
      String text = ld.text(p.get(name));
      if (text != null) {
        return text;
      }
    }
    return null;
  }

  private static boolean isTrue(@Nullable JsonNode value) {
    if (value == null) {
      return false;
    }
    if (value.isObject() && value.has("@value")) {
      value = value.get("@value");
    }
    return value.isBoolean() ? value.booleanValue() : "true".equalsIgnoreCase(value.asText());
  }

  static String tail(String uri) {
    int cut = Math.max(uri.lastIndexOf('#'), Math.max(uri.lastIndexOf('/'), uri.lastIndexOf(':')));
    String tail = cut >= 0 && cut < uri.length() - 1 ? uri.substring(cut + 1) : uri;
    return tail;
  }

  static String slug(String source) {
    String name = source.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    int dot = name.indexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    String key = io.github.oruk.taxonomy.Labels.key(name).replace(' ', '-');
    return key.isEmpty() ? "unnamed" : key;
  }

  static JsonNode parse(byte[] json, String source) throws TaxonomyLoadException {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !(node.isObject() || node.isArray())) {
        throw new TaxonomyLoadException(source, "expected a JSON object or array, found "
            + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
      }
      return node;
    } catch (JacksonException e) {
      throw new TaxonomyLoadException(source, "not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() : ""), e);
    } catch (IOException e) {
      throw new TaxonomyLoadException(source, "could not be read: " + e.getMessage(), e);
    }
  }

  /** A concept node, with the scheme whose {@code concept} array held it, if any. */
  private static final class NodeInScheme {
    final Map<String, JsonNode> properties;
    final @Nullable String scheme;

    NodeInScheme(Map<String, JsonNode> properties, @Nullable String scheme) {
      this.properties = properties;
      this.scheme = scheme;
    }
  }

  /** Finds scheme and concept nodes anywhere in the document. */
  private static final class Nodes {
    final JsonLd ld;
    final Map<String, Map<String, JsonNode>> schemes = new LinkedHashMap<>();
    final Map<String, NodeInScheme> concepts = new LinkedHashMap<>();

    Nodes(JsonLd ld) {
      this.ld = ld;
    }

    void visit(JsonNode node, @Nullable String scheme) {
      if (node.isArray()) {
        for (JsonNode item : node) {
          visit(item, scheme);
        }
        return;
      }
      if (!node.isObject()) {
        return;
      }
      Map<String, JsonNode> p = JsonLd.properties(node);
      List<String> types = JsonLd.types(p);
      String id = ld.id(p);
      String inside = scheme;
      if (types.contains("ConceptScheme") && id != null) {
        schemes.putIfAbsent(id, p);
        inside = id;
      } else if (id != null && (types.contains("Concept") || types.isEmpty() && p.containsKey("prefLabel"))) {
        concepts.putIfAbsent(id, new NodeInScheme(p, scheme));
      }
      for (Map.Entry<String, JsonNode> field : p.entrySet()) {
        JsonNode value = field.getValue();
        if (!field.getKey().equals("@context") && (value.isObject() || value.isArray())) {
          visit(value, inside);
        }
      }
    }
  }

  /** Builds a {@link SkosLoader}. */
  public static final class Builder {
    private TermNormalizer normalizer = TermNormalizer.defaults();
    private String language = "en";
    private @Nullable String schemeUri;

    private Builder() {
    }

    /** Canonicalises concept URIs (default: {@link TermNormalizer#defaults()}). */
    public Builder normalizer(TermNormalizer value) {
      this.normalizer = Objects.requireNonNull(value, "normalizer");
      return this;
    }

    /** The language to take labels in when a concept has several (default {@code en}; null for any). */
    public Builder language(String value) {
      this.language = value;
      return this;
    }

    /** The URI of the main scheme, for documents that declare none (or to choose among several). */
    public Builder schemeUri(String value) {
      this.schemeUri = value;
      return this;
    }

    public SkosLoader build() {
      return new SkosLoader(this);
    }
  }
}
