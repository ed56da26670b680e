package io.github.oruk.hub.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.oruk.hub.store.AggregateId;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Gives a published service's records ids of the aggregate. Two feeds may use one id for different records (a
 * location, a service-at-location), and one feed's id means nothing in another's namespace, so every id and
 * reference is replaced by the name-based UUID of the feed and the original id ({@link AggregateId}), as the
 * store names records: references within a feed still meet, feeds never collide. The service's own id, and
 * references to it ({@code service_id}, an attribute's {@code link_id}), become its published id. Taxonomies and
 * terms keep their ids: they are a shared vocabulary, so that {@code taxonomy_term_id} finds services of every
 * feed.
 */
final class AggregateIds {

  /** Objects whose ids are vocabulary, not the feed's own. */
  private static final Set<String> VOCABULARY = Set.of("taxonomy_term", "taxonomy_terms", "taxonomy",
      "taxonomy_detail");
  /** References to vocabulary. */
  private static final Set<String> VOCABULARY_REFERENCES = Set.of("taxonomy_term_id", "taxonomy_id", "parent_id");

  private final String feed;
  private final Set<String> serviceIds;
  private final String publishedId;

  /**
   * @param feed the feed whose namespace the nested ids are in (a merged service's first source)
   * @param serviceIds the service's ids in its sources, which become {@code publishedId}
   * @param publishedId the service's id in the published directory
   */
  AggregateIds(String feed, Set<String> serviceIds, String publishedId) {
    this.feed = feed;
    this.serviceIds = serviceIds;
    this.publishedId = publishedId;
  }

  /** Rewrites the ids of a service's JSON tree in place. */
  void rewrite(ObjectNode service) {
    rewriteObject(service);
    service.put("id", publishedId);
  }

  private void rewriteObject(ObjectNode object) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (VOCABULARY.contains(name)) {
        continue;
      }
      if (value.isTextual() && (name.equals("id") || name.endsWith("_id"))
          && !VOCABULARY_REFERENCES.contains(name)) {
        field.setValue(TextNode.valueOf(map(value.asText())));
      } else {
        rewrite(value);
      }
    }
  }

  private void rewrite(JsonNode node) {
    if (node instanceof ObjectNode object) {
      rewriteObject(object);
    } else if (node instanceof ArrayNode array) {
      array.forEach(this::rewrite);
    }
  }

  private String map(String id) {
    return serviceIds.contains(id) ? publishedId : AggregateId.of(feed, id).toString();
  }
}
