package io.github.oruk.taxonomy.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.taxonomy.Concept;
import io.github.oruk.taxonomy.NormalizedTerm;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.SchemeProblem;
import io.github.oruk.taxonomy.TermNormalizer;
import io.github.oruk.taxonomy.Vocabulary;
import io.github.oruk.taxonomy.crosswalk.MatchType;
import io.github.oruk.taxonomy.crosswalk.Mapping;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads lists in the JSON format of the LG Inform Plus ("esd") web service, which publishes the LGA lists
 * ORUK recommends (service types, needs, circumstances) and the mappings between them:
 *
 * <pre>{@code
 * {"list": {"identifier": "needs", "label": "Needs", "uri": "http://id.esd.org.uk/list/needs",
 *   "items": [{"identifier": "69", "label": "Social inclusion", "uri": "http://id.esd.org.uk/need/69",
 *              "description": "...", "parents": [{"identifier": "12", "uri": "..."}],
 *              "mappings": {"services": [{"identifier": "242", "label": "..."}]}}]}}
 * }</pre>
 *
 * <p>Items may also nest their children ({@code children} or {@code items}). An item without a
 * {@code uri} gets one from the list's vocabulary (the {@code needs} list makes
 * {@code http://id.esd.org.uk/need/{id}}). {@link #readMappings} reads the {@code mappings} of each item,
 * and the mapping endpoint's answer ({@code /lists/mapping?from=needs&to=services}), whose items list their
 * targets under {@code mappings}.
 *
 * <p>{@link #fetch} gets a list from the web service with {@code java.net.http}; some of its methods need
 * a signed application key, which goes in the URL you pass.
 */
public final class EsdListLoader {

  private final TermNormalizer normalizer;
  private final Duration timeout;

  private EsdListLoader(TermNormalizer normalizer, Duration timeout) {
    this.normalizer = normalizer;
    this.timeout = timeout;
  }

  public static EsdListLoader defaults() {
    return new EsdListLoader(TermNormalizer.defaults(), Duration.ofSeconds(30));
  }

  public EsdListLoader withNormalizer(TermNormalizer value) {
    return new EsdListLoader(Objects.requireNonNull(value, "normalizer"), timeout);
  }

  /** How long a {@link #fetch} may take in all (default 30 seconds). */
  public EsdListLoader withTimeout(Duration value) {
    return new EsdListLoader(normalizer, Objects.requireNonNull(value, "timeout"));
  }

  /**
   * The URL of a list with its items and mappings on an esd web service, such as
   * {@code https://webservices.esd.org.uk/lists/needs/verbose}.
   */
  public static URI verboseListUrl(URI base, String listId) {
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    return URI.create(root + "lists/" + URLEncoder.encode(listId, StandardCharsets.UTF_8) + "/verbose");
  }

  /** The mapping table between two lists on an esd web service: {@code /lists/mapping?from=needs&to=services}. */
  public static URI mappingUrl(URI base, String fromList, String toList) {
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    return URI.create(root + "lists/mapping?from=" + URLEncoder.encode(fromList, StandardCharsets.UTF_8) + "&to="
        + URLEncoder.encode(toList, StandardCharsets.UTF_8));
  }

  /** Gets and reads a list. */
  public Scheme fetch(URI url) throws IOException {
    return read(HttpFetch.get(url, timeout, "application/json"), url.toString());
  }

  /** Gets and reads a mapping table; see {@link #readMappings}. */
  public List<Mapping> fetchMappings(URI url, String fromVocabulary, String toVocabulary) throws IOException {
    return readMappings(HttpFetch.get(url, timeout, "application/json"), url.toString(), fromVocabulary, toVocabulary);
  }

  public Scheme load(Path file) throws IOException {
    return read(Files.readAllBytes(file), file.toString());
  }

  /** Reads a list; {@code source} names it in messages. */
  public Scheme read(byte[] json, String source) throws TaxonomyLoadException {
    JsonNode list = list(SkosLoader.parse(json, source), source);
    String identifier = text(list, "identifier");
    String listUri = text(list, "uri");
    Optional<Vocabulary> vocabulary = listVocabulary(listUri, identifier);
    String schemeUri = listUri != null ? listUri
        : identifier != null ? "http://id.esd.org.uk/list/" + identifier
        : "urn:oruk-java:scheme:" + SkosLoader.slug(source);
    Scheme.Builder scheme = Scheme.builder(schemeUri)
        .title(firstNonNull(text(list, "label"), identifier))
        .description(text(list, "description"))
        .version(text(list, "modified"))
        .licence(text(list, "rights"));
    vocabulary.ifPresent(v -> scheme.vocabulary(v.prefix()));
    JsonNode items = list.get("items");
    if (items == null || !items.isArray()) {
      throw new TaxonomyLoadException(source, "the list has no 'items' array; expected {\"list\": {\"items\": [...]}}");
    }
    addItems(scheme, items, null, vocabulary, schemeUri, source);
    return scheme.build();
  }

  /**
   * Reads the mappings of a list or a mapping table: each item's {@code mappings} (an array of targets, or
   * an object of arrays keyed by target list) become {@link MatchType#RELATED} mappings, unless an entry
   * names its own type ({@code "type": "exact"}). Identifiers without URIs are placed with the vocabularies
   * named here (prefixes or names the registry knows, such as {@code esdNeed} and {@code esdServiceType});
   * for an object of arrays, the key names the target vocabulary when it is a known list ({@code services}).
   */
  public List<Mapping> readMappings(byte[] json, String source, String fromVocabulary, String toVocabulary)
      throws TaxonomyLoadException {
    JsonNode list = list(SkosLoader.parse(json, source), source);
    Optional<Vocabulary> from = fromVocabulary == null
        ? listVocabulary(text(list, "uri"), text(list, "identifier"))
        : normalizer.registry().vocabulary(fromVocabulary);
    Optional<Vocabulary> to = toVocabulary == null ? Optional.empty() : normalizer.registry().vocabulary(toVocabulary);
    JsonNode items = list.get("items");
    List<Mapping> mappings = new ArrayList<>();
    if (items != null && items.isArray()) {
      collectMappings(items, from, to, mappings, source);
    }
    return mappings;
  }

  private void collectMappings(JsonNode items, Optional<Vocabulary> from, Optional<Vocabulary> to,
      List<Mapping> mappings, String source) throws TaxonomyLoadException {
    for (JsonNode item : items) {
      String fromUri = itemUri(item, from, null);
      if (fromUri == null) {
        continue;
      }
      JsonNode targets = item.get("mappings");
      if (targets != null && targets.isArray()) {
        addTargets(fromUri, targets, to, mappings);
      } else if (targets != null && targets.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> lists = targets.fields();
        while (lists.hasNext()) {
          Map.Entry<String, JsonNode> entry = lists.next();
          Optional<Vocabulary> keyed = normalizer.registry().vocabulary(entry.getKey());
          addTargets(fromUri, entry.getValue(), keyed.isPresent() ? keyed : to, mappings);
        }
      }
      for (String nested : new String[] {"children", "items"}) {
        if (item.has(nested) && item.get(nested).isArray()) {
          collectMappings(item.get(nested), from, to, mappings, source);
        }
      }
    }
  }

  private void addTargets(String fromUri, JsonNode targets, Optional<Vocabulary> to, List<Mapping> mappings) {
    if (!targets.isArray()) {
      return;
    }
    for (JsonNode target : targets) {
      String toUri = itemUri(target, to, null);
      if (toUri != null && !toUri.equals(fromUri)) {
        MatchType type = MatchType.parse(firstNonNull(text(target, "type"), text(target, "mappingType")))
            .orElse(MatchType.RELATED);
        mappings.add(new Mapping(fromUri, toUri, type));
      }
    }
  }

  private void addItems(Scheme.Builder scheme, JsonNode items, @Nullable String parentUri, Optional<Vocabulary> vocabulary,
      String schemeUri, String source) {
    int index = 0;
    for (JsonNode item : items) {
      index++;
      String id = text(item, "identifier");
      String label = text(item, "label");
      String uri = itemUri(item, vocabulary, schemeUri);
      if (id == null || label == null || uri == null) {
        scheme.problem(new SchemeProblem(SchemeProblem.Code.SKIPPED_RECORD, source + ": item " + index
            + (parentUri == null ? "" : " under " + parentUri) + " has no "
            + (id == null ? "identifier" : label == null ? "label" : "usable URI") + " and was skipped", List.of()));
        continue;
      }
      Concept.Builder concept = Concept.builder(uri, id, label)
          .definition(firstNonNull(text(item, "description"), text(item, "definition")))
          .deprecated(isWithdrawn(item));
      for (String synonyms : new String[] {"synonyms", "alternativeLabels", "altLabels"}) {
        JsonNode values = item.get(synonyms);
        if (values != null && values.isArray()) {
          values.forEach(value -> concept.altLabel(value.isTextual() ? value.asText() : text(value, "label")));
        }
      }
      if (parentUri != null) {
        concept.broader(parentUri);
      }
      JsonNode parents = item.get("parents");
      if (parents != null && parents.isArray()) {
        for (JsonNode parent : parents) {
          String parentLink = itemUri(parent, vocabulary, schemeUri);
          if (parentLink != null) {
            concept.broader(parentLink);
          }
        }
      }
      scheme.add(concept);
      for (String nested : new String[] {"children", "items"}) {
        JsonNode children = item.get(nested);
        if (children != null && children.isArray()) {
          addItems(scheme, children, uri, vocabulary, schemeUri, source);
        }
      }
    }
  }

  /** An item's canonical URI: its {@code uri}, or its identifier placed in the vocabulary, or under the list. */
  private @Nullable String itemUri(JsonNode item, Optional<Vocabulary> vocabulary, @Nullable String schemeUri) {
    String uri = text(item, "uri");
    if (uri != null) {
      NormalizedTerm normalized = normalizer.normalize(uri);
      return normalized.uri().orElse(uri);
    }
    String id = text(item, "identifier");
    if (id == null) {
      return null;
    }
    if (vocabulary.isPresent()) {
      return vocabulary.get().idSyntax().accepts(id) ? vocabulary.get().uri(id) : null;
    }
    return schemeUri == null ? null : schemeUri + "#" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  private Optional<Vocabulary> listVocabulary(@Nullable String listUri, @Nullable String identifier) {
    Optional<Vocabulary> vocabulary = normalizer.registry().vocabulary(listUri);
    return vocabulary.isPresent() ? vocabulary : normalizer.registry().vocabulary(identifier);
  }

  private static JsonNode list(JsonNode root, String source) throws TaxonomyLoadException {
    JsonNode list = root.get("list");
    if (list != null && list.isObject()) {
      return list;
    }
    if (root.has("items")) {
      return root;
    }
    throw new TaxonomyLoadException(source, "not an esd list: expected {\"list\": {\"items\": [...]}}");
  }

  private static boolean isWithdrawn(JsonNode item) {
    String status = text(item, "status");
    if (status != null && !status.equalsIgnoreCase("live") && !status.equalsIgnoreCase("active")) {
      return true;
    }
    JsonNode deprecated = item.get("deprecated");
    return deprecated != null && deprecated.asBoolean(false);
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  private static @Nullable String firstNonNull(@Nullable String first, @Nullable String second) {
    return first != null ? first : second;
  }
}
