package io.github.oruk.validation.feed;

import static io.github.oruk.validation.Category.CONFORMANCE;
import static io.github.oruk.validation.Category.FEED_BEHAVIOUR;
import static io.github.oruk.validation.Severity.ERROR;
import static io.github.oruk.validation.Severity.INFO;
import static io.github.oruk.validation.Severity.WARNING;

import io.github.oruk.validation.Category;
import io.github.oruk.validation.Severity;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.List;
import java.util.Set;

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
  static final RuleInfo LEGACY = check("ORUK-FEED-007", "Legacy ORUK v1 feed", CONFORMANCE, ERROR,
      "Publish ORUK 3.0; the v1 API (content, totalElements, regular_schedules) is superseded.");
  static final RuleInfo EMPTY = check("ORUK-FEED-008", "No records", CONFORMANCE, ERROR,
      "A directory with no services cannot be used; publish its records (or check the base URL).");
  static final RuleInfo NO_IDS = check("ORUK-FEED-009", "No ids to look up", CONFORMANCE, ERROR,
      "List items must carry an id so that /services/{id} can be reached.");
  static final RuleInfo TIME_LIMIT = check("ORUK-FEED-010", "Required endpoint not checked in time", CONFORMANCE,
      ERROR, "Answer /, /services and /services/{id} well within the time limit; if the feed is only large, "
          + "give the validation more time.");

  static final RuleInfo SIZE = check("ORUK-PAGE-001", "size disagrees with the items", FEED_BEHAVIOUR, ERROR,
      "Set size to the number of items in contents on this page.");
  static final RuleInfo TOTAL_PAGES = check("ORUK-PAGE-002", "total_pages disagrees with total_items",
      FEED_BEHAVIOUR, ERROR, "total_pages is total_items divided by the page size, rounded up.");
  static final RuleInfo FIRST_PAGE = check("ORUK-PAGE-003", "first_page flag wrong", FEED_BEHAVIOUR, ERROR,
      "first_page is true on page 1 and false elsewhere.");
  static final RuleInfo LAST_PAGE = check("ORUK-PAGE-004", "last_page flag wrong", FEED_BEHAVIOUR, ERROR,
      "last_page is true on the last page (page_number = total_pages) and beyond it, false before it.");
  static final RuleInfo EMPTY_FLAG = check("ORUK-PAGE-005", "empty flag wrong", FEED_BEHAVIOUR, ERROR,
      "empty is true exactly when contents holds no items.");
  static final RuleInfo PAGE_NUMBER = check("ORUK-PAGE-006", "page_number does not echo the request",
      FEED_BEHAVIOUR, ERROR, "page_number is the page that was asked for, counting from 1.");
  static final RuleInfo DRIFT = check("ORUK-PAGE-007", "Totals change between pages", FEED_BEHAVIOUR, WARNING,
      "Keep total_items and total_pages stable while a consumer pages (or order by a stable key).");
  static final RuleInfo DUPLICATE = check("ORUK-PAGE-008", "Same record on two pages", FEED_BEHAVIOUR, ERROR,
      "Order pages by a stable, unique key so that each record appears on exactly one page.");
  static final RuleInfo PER_PAGE = check("ORUK-PAGE-009", "per_page not honoured", FEED_BEHAVIOUR, ERROR,
      "Return at most per_page items; if you cap it, say so by returning fewer, never more.");
  static final RuleInfo LAST_REACHABLE = check("ORUK-PAGE-010", "Last page not reachable", FEED_BEHAVIOUR, ERROR,
      "Every page from 1 to total_pages must answer 200.");
  static final RuleInfo ENVELOPE = check("ORUK-PAGE-011", "Envelope incomplete", FEED_BEHAVIOUR, WARNING,
      "Send all seven paging properties: total_items, total_pages, page_number, size, first_page, last_page, empty.");
  static final RuleInfo STALLED = check("ORUK-PAGE-012", "Paging stalled", FEED_BEHAVIOUR, ERROR,
      "Each page must move on: page 2 repeating page 1 traps consumers in a loop.");

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
        LAST_REACHABLE, ENVELOPE, STALLED, ROUND_TRIP, LIST_DETAIL, CORS, CONTENT_TYPE, HTTPS, SLOW, TOO_LARGE,
        FILTER_IGNORED, FILTER_MISSES, FILTER_REFUSED);
  }
}
