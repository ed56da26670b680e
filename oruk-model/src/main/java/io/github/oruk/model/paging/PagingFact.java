package io.github.oruk.model.paging;

import java.util.List;
import java.util.Optional;

/**
 * One fact about paging that can be wrong, with its one stable code. The {@code ORUK-PAGE-nnn} family is the
 * validator's (policy files name it); the client's guard used {@code ORUK-PAGING-nnn} for the same facts, and
 * those codes are kept as {@link #aliases()}, so that {@link #forCode} finds a fact by either. A code never
 * changes meaning once released.
 *
 * <p>Two client codes name parts of one fact here: {@code ORUK-PAGING-006} (no envelope at all) and
 * {@code ORUK-PAGING-007} (envelope incomplete) are both {@link #ENVELOPE}. A legacy ORUK v1 feed is
 * {@code ORUK-FEED-007}, the code the validator gives that fact.
 */
public enum PagingFact {
  SIZE("ORUK-PAGE-001", "size disagrees with the items", "Set size to the number of items in contents on this page.",
      "ORUK-PAGING-004"),
  TOTAL_PAGES("ORUK-PAGE-002", "total_pages disagrees with total_items",
      "total_pages is total_items divided by the page size, rounded up."),
  FIRST_PAGE("ORUK-PAGE-003", "first_page flag wrong", "first_page is true on page 1 and false elsewhere."),
  LAST_PAGE("ORUK-PAGE-004", "last_page flag wrong",
      "last_page is true on the last page (page_number = total_pages) and beyond it, false before it."),
  EMPTY_FLAG("ORUK-PAGE-005", "empty flag wrong", "empty is true exactly when contents holds no items."),
  PAGE_NUMBER("ORUK-PAGE-006", "page_number does not echo the request",
      "page_number is the page that was asked for, counting from 1.", "ORUK-PAGING-008"),
  TOTAL_CHANGED("ORUK-PAGE-007", "Totals change between pages",
      "Keep total_items and total_pages stable while a consumer pages (or order by a stable key).",
      "ORUK-PAGING-002"),
  DUPLICATE("ORUK-PAGE-008", "Same record on two pages",
      "Order pages by a stable, unique key so that each record appears on exactly one page.", "ORUK-PAGING-003"),
  PER_PAGE("ORUK-PAGE-009", "per_page not honoured",
      "Return at most per_page items; if you cap it, say so by returning fewer, never more.", "ORUK-PAGING-005"),
  LAST_REACHABLE("ORUK-PAGE-010", "Last page not reachable", "Every page from 1 to total_pages must answer 200."),
  ENVELOPE("ORUK-PAGE-011", "Envelope incomplete",
      "Send all seven paging properties: total_items, total_pages, page_number, size, first_page, last_page, empty.",
      "ORUK-PAGING-006", "ORUK-PAGING-007"),
  STALLED("ORUK-PAGE-012", "Paging stalled",
      "Each page must move on: page 2 repeating page 1 traps consumers in a loop.", "ORUK-PAGING-001"),
  PAGE_LIMIT("ORUK-PAGE-013", "Page limit reached",
      "Narrow the query, or raise the reader's page limit if the list really has that many pages.",
      "ORUK-PAGING-009"),
  COUNT_MISMATCH("ORUK-PAGE-014", "Records delivered differ from total_items",
      "Make total_items the number of records the pages hold, and keep every record reachable by paging.",
      "ORUK-PAGING-010"),
  MISSING_ID("ORUK-PAGE-015", "List items without an id",
      "Give every record an id, so that consumers can find duplicates and look it up.", "ORUK-PAGING-011"),
  RECORD_LEFT_OUT("ORUK-PAGE-016", "Record on a page could not be read",
      "Keep records within the reader's limits (nesting depth, text length); the rest of the page was read.",
      "ORUK-PAGING-013"),
  PER_PAGE_CAPPED("ORUK-PAGE-017", "per_page capped",
      "Fewer items than per_page on a page that is not the last: the feed caps the page size. Allowed, but say"
          + " so in the API's documentation."),
  LEGACY_V1("ORUK-FEED-007", "Legacy ORUK v1 feed",
      "Publish ORUK 3.0; the v1 API (content, totalElements, regular_schedules) is superseded.", "ORUK-PAGING-012");

  private final String code;
  private final String title;
  private final String fix;
  private final List<String> aliases;

  PagingFact(String code, String title, String fix, String... aliases) {
    this.code = code;
    this.title = title;
    this.fix = fix;
    this.aliases = List.of(aliases);
  }

  /** The stable code, such as {@code ORUK-PAGE-008}. */
  public String code() {
    return code;
  }

  /** A short title, such as {@code Same record on two pages}. */
  public String title() {
    return title;
  }

  /** What a publisher does to put it right. */
  public String fix() {
    return fix;
  }

  /** Earlier codes of the same fact ({@code ORUK-PAGING-nnn}); empty when there were none. */
  public List<String> aliases() {
    return aliases;
  }

  /** The fact with this code or alias, if any. */
  public static Optional<PagingFact> forCode(String code) {
    for (PagingFact fact : values()) {
      if (fact.code.equals(code) || fact.aliases.contains(code)) {
        return Optional.of(fact);
      }
    }
    return Optional.empty();
  }

  /** The code to use for a code a user gave: the fact's code for an alias, else the code as given. */
  public static String canonical(String code) {
    return forCode(code).map(PagingFact::code).orElse(code);
  }

  @Override
  public String toString() {
    return code;
  }
}
