package io.github.oruk.taxonomy.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Just enough JSON-LD to read SKOS as publishers write it: compacted ({@code prefLabel}), prefixed
 * ({@code skos:prefLabel}) or with full IRIs as keys; values as strings, {@code @value} objects,
 * language maps or arrays; references as strings or {@code @id} objects; compact IRIs expanded with the
 * prefixes of an inline {@code @context}. A remote {@code @context} is not fetched.
 */
final class JsonLd {

  private final Map<String, String> prefixes;
  private final String language;

  JsonLd(JsonNode document, String language) {
    this.language = language;
    this.prefixes = new HashMap<>();
    collectPrefixes(document.get("@context"));
  }

  /** The local name of a property key: {@code skos:prefLabel} and its full IRI both give {@code prefLabel}. */
  static String localName(String key) {
    if (key.startsWith("@")) {
      return key;
    }
    int cut = Math.max(key.lastIndexOf('#'), Math.max(key.lastIndexOf('/'), key.lastIndexOf(':')));
    return cut >= 0 ? key.substring(cut + 1) : key;
  }

  /** The properties of a node by local name (the first key with a given local name wins). */
  static Map<String, JsonNode> properties(JsonNode node) {
    Map<String, JsonNode> properties = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      properties.putIfAbsent(localName(field.getKey()), field.getValue());
    }
    return properties;
  }

  /** The node's id ({@code @id} or {@code id}), expanded. */
  @Nullable String id(Map<String, JsonNode> properties) {
    JsonNode id = properties.get("@id");
    if (id == null) {
      id = properties.get("id");
    }
    return id != null && id.isTextual() ? expand(id.asText()) : null;
  }

  /** The node's types, as local names. */
  static List<String> types(Map<String, JsonNode> properties) {
    List<String> types = new ArrayList<>(1);
    for (String key : new String[] {"@type", "type"}) {
      JsonNode type = properties.get(key);
      if (type == null) {
        continue;
      }
      if (type.isArray()) {
        type.forEach(item -> types.add(localName(item.asText())));
      } else if (type.isTextual()) {
        types.add(localName(type.asText()));
      }
    }
    return types;
  }

  /** One text value, in the preferred language when there is a choice. */
  @Nullable String text(@Nullable JsonNode value) {
    List<String> all = texts(value, true);
    return all.isEmpty() ? null : all.get(0);
  }

  /**
   * The text values in the preferred language (or with no language); with {@code fallback}, any language
   * when none of those is present.
   */
  List<String> texts(@Nullable JsonNode value, boolean fallback) {
    List<String> preferred = new ArrayList<>();
    List<String> others = new ArrayList<>();
    collect(value, null, preferred, others);
    if (preferred.isEmpty() && fallback) {
      return others;
    }
    return preferred;
  }

  /** References (strings, {@code @id} objects or nested nodes), expanded. */
  List<String> references(@Nullable JsonNode value) {
    List<String> references = new ArrayList<>();
    if (value == null || value.isNull()) {
      return references;
    }
    if (value.isArray()) {
      value.forEach(item -> references.addAll(references(item)));
    } else if (value.isTextual()) {
      references.add(expand(value.asText()));
    } else if (value.isObject()) {
      JsonNode id = value.has("@id") ? value.get("@id") : value.get("id");
      if (id != null && id.isTextual()) {
        references.add(expand(id.asText()));
      }
    }
    return references;
  }

  /** A compact IRI ({@code oa:abc}) expanded with the inline context's prefixes; anything else unchanged. */
  String expand(String value) {
    String text = value.strip();
    int colon = text.indexOf(':');
    if (colon > 0 && !text.startsWith("http") && !text.startsWith("urn:")) {
      String namespace = prefixes.get(text.substring(0, colon));
      if (namespace != null) {
        return namespace + text.substring(colon + 1);
      }
    }
    return text;
  }

  private void collect(@Nullable JsonNode value, @Nullable String inheritedLanguage, List<String> preferred, List<String> others) {
    if (value == null || value.isNull()) {
      return;
    }
    if (value.isArray()) {
      value.forEach(item -> collect(item, inheritedLanguage, preferred, others));
    } else if (value.isValueNode()) {
      add(value.asText(), inheritedLanguage, preferred, others);
    } else if (value.isObject()) {
      if (value.has("@value")) {
        JsonNode lang = value.get("@language");
        add(value.get("@value").asText(), lang == null ? inheritedLanguage : lang.asText(), preferred, others);
      } else {
        // A language map: {"en": "Football", "cy": "Pêl-droed"}.
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          if (!field.getKey().startsWith("@")) {
            collect(field.getValue(), field.getKey(), preferred, others);
          }
        }
      }
    }
  }

  private void add(String text, @Nullable String lang, List<String> preferred, List<String> others) {
    if (text == null || text.isBlank()) {
      return;
    }
    boolean wanted = lang == null || language == null || lang.equalsIgnoreCase(language)
        || lang.toLowerCase(java.util.Locale.ROOT).startsWith(language.toLowerCase(java.util.Locale.ROOT) + "-");
    (wanted ? preferred : others).add(text.strip());
  }

  private void collectPrefixes(JsonNode context) {
    if (context == null) {
      return;
    }
    if (context.isArray()) {
      context.forEach(this::collectPrefixes);
      return;
    }
    if (!context.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = context.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      String iri = value.isTextual() ? value.asText() : value.isObject() && value.has("@id") ? value.get("@id").asText() : null;
      if (iri != null && !field.getKey().startsWith("@") && (iri.endsWith("/") || iri.endsWith("#"))) {
        prefixes.put(field.getKey(), iri);
      }
    }
  }
}
