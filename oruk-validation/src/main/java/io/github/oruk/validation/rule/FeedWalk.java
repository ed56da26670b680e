package io.github.oruk.validation.rule;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.query.Endpoint;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a live-feed check saw by the time its walk and look-ups are done ({@link FeedRule#explore}).
 *
 * @param apiDetails the API details document ({@code /}) when it answered with JSON, else null
 * @param services the services' own {@code /services/{id}} answers, by id, in the order the feed lists them
 * @param links the items {@code /service_at_locations} listed, by id, in order
 * @param linksMissing why {@code /service_at_locations} gave nothing to work with, or null when it did
 * @param totals the {@code total_items} each list gave without a filter, where it gave one
 * @param legacy whether the feed speaks the legacy ORUK v1 API
 * @param outOfTime whether the check's time limit has run out
 */
public record FeedWalk(@Nullable JsonNode apiDetails, Map<String, JsonNode> services, Map<String, JsonNode> links, @Nullable String linksMissing,
    Map<Endpoint, Long> totals, boolean legacy, boolean outOfTime) {

  public FeedWalk {
    services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    links = Collections.unmodifiableMap(new LinkedHashMap<>(links));
    totals = Map.copyOf(totals);
  }
}
