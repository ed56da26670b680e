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

/**
 * A directory with something in it ({@code ORUK-FEED-008}: {@code /services} lists no services;
 * {@code ORUK-FEED-009}: it lists none with an id, so {@code /services/{id}} cannot be tested).
 */
public final class EmptyListRule implements FeedRule {

  static final RuleInfo EMPTY = FeedChecks.check("ORUK-FEED-008", "No records", Category.CONFORMANCE, Severity.ERROR,
      "A directory with no services cannot be used; publish its records (or check the base URL).");
  static final RuleInfo NO_IDS = FeedChecks.check("ORUK-FEED-009", "No ids to look up", Category.CONFORMANCE,
      Severity.ERROR, "List items must carry an id so that /services/{id} can be reached.");

  @Override
  public RuleInfo info() {
    return EMPTY;
  }

  @Override
  public List<RuleInfo> infos() {
    return List.of(EMPTY, NO_IDS);
  }

  @Override
  public void listed(Endpoint list, JsonNode firstPage, URI uri, FeedContext feed) {
    if (list == Endpoint.SERVICES && firstPage.path("contents").isEmpty()) {
      feed.report(EMPTY, list, uri.toString(), "/contents", "", "/services lists no services.", null);
    }
  }

  @Override
  public void walked(Endpoint list, List<String> ids, URI uri, FeedContext feed) {
    if (list == Endpoint.SERVICES && ids.isEmpty()) {
      feed.report(NO_IDS, Endpoint.SERVICE, uri.toString(), "", "",
          "/services lists no ids, so /services/{id} could not be tested.", null);
    }
  }
}
