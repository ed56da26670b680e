package io.github.oruk.validation.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks one page's envelope against the request that produced it and against itself: size, empty,
 * page_number, first_page, last_page, total_pages against total_items, per_page honoured.
 */
final class EnvelopeCheck {

  private static final String[] PROPERTIES = {
      "total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty"};

  /** One thing wrong with an envelope. */
  record Problem(RuleInfo check, String pointer, String message, String observed) {
  }

  private EnvelopeCheck() {
  }

  /**
   * @param page the page as sent
   * @param requested the page number asked for
   * @param perPage the per_page asked for, or null when none was sent
   * @param pageSize the page size in force, if known (per_page, or the size of a full first page), else null
   */
  static List<Problem> check(JsonNode page, int requested, Integer perPage, Integer pageSize) {
    List<Problem> problems = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String property : PROPERTIES) {
      if (!page.has(property)) {
        missing.add(property);
      }
    }
    if (!missing.isEmpty()) {
      problems.add(new Problem(FeedChecks.ENVELOPE, "", "the page leaves out " + String.join(", ", missing) + ".", null));
    }
    int items = page.path("contents").size();
    JsonNode size = page.get("size");
    if (size != null && size.canConvertToInt() && size.asInt() != items) {
      problems.add(new Problem(FeedChecks.SIZE, "/size", "size is " + size.asInt() + " but contents holds " + items
          + " item" + (items == 1 ? "" : "s") + ".", size.asText()));
    }
    JsonNode empty = page.get("empty");
    if (empty != null && empty.isBoolean() && empty.asBoolean() != (items == 0)) {
      problems.add(new Problem(FeedChecks.EMPTY_FLAG, "/empty", "empty is " + empty.asBoolean() + " but contents holds "
          + items + " item" + (items == 1 ? "" : "s") + ".", empty.asText()));
    }
    JsonNode number = page.get("page_number");
    if (number != null && number.canConvertToInt() && number.asInt() != requested) {
      problems.add(new Problem(FeedChecks.PAGE_NUMBER, "/page_number", "page " + requested + " was asked for but"
          + " page_number is " + number.asInt() + (number.asInt() == requested - 1 ? " (counting from 0?)" : "") + ".",
          number.asText()));
    }
    JsonNode first = page.get("first_page");
    if (first != null && first.isBoolean() && first.asBoolean() != (requested == 1)) {
      problems.add(new Problem(FeedChecks.FIRST_PAGE, "/first_page", "first_page is " + first.asBoolean() + " on page "
          + requested + ".", first.asText()));
    }
    JsonNode totalPages = page.get("total_pages");
    JsonNode last = page.get("last_page");
    if (totalPages != null && totalPages.canConvertToInt() && last != null && last.isBoolean()) {
      boolean expected = requested >= totalPages.asInt();
      if (last.asBoolean() != expected) {
        problems.add(new Problem(FeedChecks.LAST_PAGE, "/last_page", "last_page is " + last.asBoolean() + " on page "
            + requested + " of " + totalPages.asInt() + ".", last.asText()));
      }
    }
    JsonNode totalItems = page.get("total_items");
    boolean perPageIgnored = perPage != null && items > perPage;
    if (perPageIgnored) {
      // The page size in force is not the one asked for, so total_pages cannot be judged against it.
      pageSize = null;
    }
    if (totalPages != null && totalPages.canConvertToLong() && totalItems != null && totalItems.canConvertToLong()
        && pageSize != null && pageSize > 0) {
      long expected = (totalItems.asLong() + pageSize - 1) / pageSize;
      long actual = totalPages.asLong();
      boolean emptyResult = totalItems.asLong() == 0 && (actual == 0 || actual == 1);
      if (actual != expected && !emptyResult) {
        problems.add(new Problem(FeedChecks.TOTAL_PAGES, "/total_pages", "total_pages is " + actual + " but "
            + totalItems.asLong() + " items at " + pageSize + " a page make " + expected + ".", totalPages.asText()));
      }
    }
    if (perPageIgnored) {
      problems.add(new Problem(FeedChecks.PER_PAGE, "/contents", "per_page=" + perPage + " was asked for but the page"
          + " holds " + items + " items.", Integer.toString(items)));
    }
    return problems;
  }
}
