package io.github.oruk.validation.feed;

import static io.github.oruk.validation.Category.CONFORMANCE;
import static io.github.oruk.validation.Category.FEED_BEHAVIOUR;
import static io.github.oruk.model.diagnostic.Severity.ERROR;
import static io.github.oruk.model.diagnostic.Severity.INFO;
import static io.github.oruk.model.diagnostic.Severity.WARNING;

import io.github.oruk.model.paging.PagingFact;
import io.github.oruk.validation.Category;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The checks a live feed gets beyond its documents: endpoints, paging, identity, HTTP and filters. */
final class FeedChecks {

  private FeedChecks() {
  }

  private static RuleInfo check(String code, String title, Category category, Severity severity, String fix) {
    return new RuleInfo(code, title, category, severity, Set.of(), fix);
  }

  static final RuleInfo REQUIRED_ENDPOINT = check("ORUK-FEED-001", "Required endpoint failed", CONFORMANCE, ERROR,
      "/, /services and /services/{id} must answer 200 with JSON; fix the server or the base URL.");
  static final RuleInfo NOT_IMPLEMENTED = check("ORUK-FEED-002", "Optional endpoint not implemented", CONFORMANCE,
      WARNING, "Optional; implement it when the directory has that data (taxonomies, organizations, locations).");
  static final RuleInfo OPTIONAL_ENDPOINT = check("ORUK-FEED-003", "Optional endpoint failed", CONFORMANCE, WARNING,
      "An optional endpoint should answer 200, or 404/501 when it is not offered; other answers break consumers.");
  static final RuleInfo VERSION = check("ORUK-FEED-004", "Version not recognised", CONFORMANCE, ERROR,
      "Answer / with \"version\": \"HSDS-UK-3.0\" so validators and consumers know what the API speaks.");
  static final RuleInfo PROFILE = check("ORUK-FEED-005", "Placeholder or missing profile", CONFORMANCE, WARNING,
      "Set \"profile\" in / to the URL where the profile is described, such as https://openreferraluk.org/.");
  static final RuleInfo OPENAPI_URL = check("ORUK-FEED-006", "openapi_url missing or not absolute", CONFORMANCE,
      WARNING, "Set \"openapi_url\" in / to the absolute URL of the API's OpenAPI document.");
  static final RuleInfo LEGACY = check(PagingFact.LEGACY_V1.code(), PagingFact.LEGACY_V1.title(), CONFORMANCE, ERROR,
      PagingFact.LEGACY_V1.fix());
  static final RuleInfo EMPTY = check("ORUK-FEED-008", "No records", CONFORMANCE, ERROR,
      "A directory with no services cannot be used; publish its records (or check the base URL).");
  static final RuleInfo NO_IDS = check("ORUK-FEED-009", "No ids to look up", CONFORMANCE, ERROR,
      "List items must carry an id so that /services/{id} can be reached.");
  static final RuleInfo TIME_LIMIT = check("ORUK-FEED-010", "Required endpoint not checked in time", CONFORMANCE,
      ERROR, "Answer /, /services and /services/{id} well within the time limit; if the feed is only large, "
          + "give the validation more time.");

  // Paging facts are the shared checker's (oruk-model's model.paging): code, title and fix come from there, the
  // severity a feed gets for them is the validator's.
  static final RuleInfo SIZE = check(PagingFact.SIZE, ERROR);
  static final RuleInfo TOTAL_PAGES = check(PagingFact.TOTAL_PAGES, ERROR);
  static final RuleInfo FIRST_PAGE = check(PagingFact.FIRST_PAGE, ERROR);
  static final RuleInfo LAST_PAGE = check(PagingFact.LAST_PAGE, ERROR);
  static final RuleInfo EMPTY_FLAG = check(PagingFact.EMPTY_FLAG, ERROR);
  static final RuleInfo PAGE_NUMBER = check(PagingFact.PAGE_NUMBER, ERROR);
  static final RuleInfo DRIFT = check(PagingFact.TOTAL_CHANGED, WARNING);
  static final RuleInfo DUPLICATE = check(PagingFact.DUPLICATE, ERROR);
  static final RuleInfo PER_PAGE = check(PagingFact.PER_PAGE, ERROR);
  static final RuleInfo LAST_REACHABLE = check(PagingFact.LAST_REACHABLE, ERROR);
  static final RuleInfo ENVELOPE = check(PagingFact.ENVELOPE, WARNING);
  static final RuleInfo STALLED = check(PagingFact.STALLED, ERROR);
  static final RuleInfo PER_PAGE_CAPPED = check(PagingFact.PER_PAGE_CAPPED, INFO);

  /** The paging facts the live-feed check reports, by fact; the others are the client's concern. */
  private static final Map<PagingFact, RuleInfo> PAGING = Stream.of(SIZE, TOTAL_PAGES, FIRST_PAGE, LAST_PAGE,
      EMPTY_FLAG, PAGE_NUMBER, DRIFT, DUPLICATE, PER_PAGE, LAST_REACHABLE, ENVELOPE, STALLED, PER_PAGE_CAPPED)
      .collect(Collectors.toUnmodifiableMap(rule -> PagingFact.forCode(rule.code()).orElseThrow(), rule -> rule));

  private static RuleInfo check(PagingFact fact, Severity severity) {
    return check(fact.code(), fact.title(), FEED_BEHAVIOUR, severity, fact.fix());
  }

  /**
   * The check a paging fact is reported under, or null for facts the live-feed check leaves to others: a list
   * item without an id is a schema error already, and the walk is bounded, so neither the final count nor a
   * page limit applies.
   */
  static RuleInfo of(PagingFact fact) {
    return PAGING.get(fact);
  }

  static final RuleInfo ROUND_TRIP = check("ORUK-ROUNDTRIP-001", "By-id answer is another record", CONFORMANCE,
      ERROR, "/x/{id} must return the record with that id.");
  static final RuleInfo LIST_DETAIL = check("ORUK-ROUNDTRIP-002", "List and detail disagree", FEED_BEHAVIOUR,
      WARNING, "A record's list item and its by-id answer should agree on name, status and last_modified.");

  static final RuleInfo CORS = check("ORUK-HTTP-001", "CORS header missing", FEED_BEHAVIOUR, WARNING,
      "Send Access-Control-Allow-Origin: * on every response, as the ORUK compliance rules ask.");
  static final RuleInfo CONTENT_TYPE = check("ORUK-HTTP-002", "Not served as JSON", FEED_BEHAVIOUR, WARNING,
      "Send Content-Type: application/json (charset UTF-8).");
  static final RuleInfo HTTPS = check("ORUK-HTTP-003", "Not served over HTTPS", FEED_BEHAVIOUR, WARNING,
      "ORUK APIs are served over HTTPS.");
  static final RuleInfo SLOW = check("ORUK-HTTP-004", "Slow responses", FEED_BEHAVIOUR, WARNING,
      "Answer within a couple of seconds; consumers and the official validator time out.");
  static final RuleInfo TOO_LARGE = check("ORUK-HTTP-005", "Response too large", FEED_BEHAVIOUR, ERROR,
      "Page large lists instead of answering with one enormous document.");

  static final RuleInfo FILTER_IGNORED = check("ORUK-FILTER-001", "Filter ignored", FEED_BEHAVIOUR, ERROR,
      "Apply every query parameter (they combine with AND), or answer 400 naming the one you do not support.");
  static final RuleInfo FILTER_MISSES = check("ORUK-FILTER-002", "Filter loses matching records", FEED_BEHAVIOUR,
      ERROR, "A record that matches the filter must come back.");
  static final RuleInfo FILTER_REFUSED = check("ORUK-FILTER-003", "Filter not supported", FEED_BEHAVIOUR, INFO,
      "Supporting the standard filters makes the feed far more useful to apps.");

  static List<RuleInfo> all() {
    return List.of(REQUIRED_ENDPOINT, NOT_IMPLEMENTED, OPTIONAL_ENDPOINT, VERSION, PROFILE, OPENAPI_URL, LEGACY, EMPTY,
        NO_IDS, TIME_LIMIT, SIZE, TOTAL_PAGES, FIRST_PAGE, LAST_PAGE, EMPTY_FLAG, PAGE_NUMBER, DRIFT, DUPLICATE, PER_PAGE,
        LAST_REACHABLE, ENVELOPE, STALLED, PER_PAGE_CAPPED, ROUND_TRIP, LIST_DETAIL, CORS, CONTENT_TYPE, HTTPS, SLOW, TOO_LARGE,
        FILTER_IGNORED, FILTER_MISSES, FILTER_REFUSED);
  }
}
