package io.github.oruk.validation.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.validation.Category;
import io.github.oruk.validation.rule.FeedContext;
import io.github.oruk.validation.rule.FeedRule;
import io.github.oruk.validation.rule.RuleInfo;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A by-id answer is the record asked for ({@code ORUK-ROUNDTRIP-001}) and, for a service, agrees with its list
 * item on name and status ({@code ORUK-ROUNDTRIP-002}).
 */
public final class RoundTripRule implements FeedRule {

  static final RuleInfo ROUND_TRIP = FeedChecks.check("ORUK-ROUNDTRIP-001", "By-id answer is another record",
      Category.CONFORMANCE, Severity.ERROR, "/x/{id} must return the record with that id.");
  static final RuleInfo LIST_DETAIL = FeedChecks.check("ORUK-ROUNDTRIP-002", "List and detail disagree",
      Category.FEED_BEHAVIOUR, Severity.WARNING,
      "A record's list item and its by-id answer should agree on name, status and last_modified.");

  @Override
  public RuleInfo info() {
    return ROUND_TRIP;
  }

  @Override
  public List<RuleInfo> infos() {
    return List.of(ROUND_TRIP, LIST_DETAIL);
  }

  @Override
  public void record(Endpoint byId, String id, @Nullable JsonNode item, JsonNode record, URI uri, FeedContext feed) {
    String returned = record.path("id").asText("");
    if (!returned.equals(id)) {
      feed.report(ROUND_TRIP, byId, uri.toString(), "/id", id, "asked for id " + id + " but the answer is the record"
          + " with id '" + returned + "'.", returned);
    }
    if (item == null) {
      return;
    }
    for (String property : List.of("name", "status")) {
      if (item.has(property) && record.has(property) && !item.get(property).equals(record.get(property))) {
        feed.report(LIST_DETAIL, byId, uri.toString(), "/" + property, id, "the list says " + property + " "
            + item.get(property) + " but the service itself says " + record.get(property) + ".",
            record.get(property).asText());
      }
    }
  }
}
