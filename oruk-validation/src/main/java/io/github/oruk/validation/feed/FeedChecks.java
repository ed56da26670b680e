package io.github.oruk.validation.feed;

import static io.github.oruk.validation.Category.CONFORMANCE;
import static io.github.oruk.validation.Category.FEED_BEHAVIOUR;
import static io.github.oruk.model.diagnostic.Severity.ERROR;
import static io.github.oruk.model.diagnostic.Severity.WARNING;

import io.github.oruk.model.paging.PagingFact;
import io.github.oruk.validation.Category;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.List;
import java.util.Set;

/**
 * The codes {@code FeedValidator} reports itself, because they are about reaching the feed at all and decide
 * what else can be checked: endpoints that fail or are not offered, the time limit, an answer too large, and
 * the legacy v1 layout. Everything else a live feed is checked for is a {@code FeedRule}.
 */
final class FeedChecks {

  private FeedChecks() {
  }

  /** A check's description; feed checks target no record type. */
  static RuleInfo check(String code, String title, Category category, Severity severity, String fix) {
    return new RuleInfo(code, title, category, severity, Set.of(), fix);
  }

  static final RuleInfo REQUIRED_ENDPOINT = check("ORUK-FEED-001", "Required endpoint failed", CONFORMANCE, ERROR,
      "/, /services and /services/{id} must answer 200 with JSON; fix the server or the base URL.");
  static final RuleInfo NOT_IMPLEMENTED = check("ORUK-FEED-002", "Optional endpoint not implemented", CONFORMANCE,
      WARNING, "Optional; implement it when the directory has that data (taxonomies, organizations, locations).");
  static final RuleInfo OPTIONAL_ENDPOINT = check("ORUK-FEED-003", "Optional endpoint failed", CONFORMANCE, WARNING,
      "An optional endpoint should answer 200, or 404/501 when it is not offered; other answers break consumers.");
  static final RuleInfo LEGACY = check(PagingFact.LEGACY_V1.code(), PagingFact.LEGACY_V1.title(), CONFORMANCE, ERROR,
      PagingFact.LEGACY_V1.fix());
  static final RuleInfo TIME_LIMIT = check("ORUK-FEED-010", "Required endpoint not checked in time", CONFORMANCE,
      ERROR, "Answer /, /services and /services/{id} well within the time limit; if the feed is only large, "
          + "give the validation more time.");
  static final RuleInfo TOO_LARGE = check("ORUK-HTTP-005", "Response too large", FEED_BEHAVIOUR, ERROR,
      "Page large lists instead of answering with one enormous document.");

  static List<RuleInfo> all() {
    return List.of(REQUIRED_ENDPOINT, NOT_IMPLEMENTED, OPTIONAL_ENDPOINT, LEGACY, TIME_LIMIT, TOO_LARGE);
  }
}
