package io.github.oruk.client.paging;

import io.github.oruk.model.v1.PageBase;
import java.util.Objects;

/**
 * How to walk a list across its pages.
 *
 * @param observer told about each page and finding as they happen
 * @param startPage the {@code page} parameter to start from, in the feed's own numbering (a legacy v1
 *     feed may count from 0); null to start from the query's page, or the feed's first page
 * @param legacyPageBase how a legacy v1 feed counts its pages; {@link PageBase#DETECT} works it out
 * @param maxPages the most pages to fetch before stopping with {@link PagingCode#PAGE_LIMIT_REACHED}
 */
public record PagingOptions(PagingObserver observer, Integer startPage, PageBase legacyPageBase, int maxPages) {

  /** The default page limit: 10,000 pages. */
  public static final int DEFAULT_MAX_PAGES = 10_000;

  public PagingOptions {
    Objects.requireNonNull(observer, "observer");
    Objects.requireNonNull(legacyPageBase, "legacyPageBase");
    if (startPage != null && startPage < 0) {
      throw new IllegalArgumentException("startPage cannot be negative; got " + startPage);
    }
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages must be at least 1; got " + maxPages);
    }
  }

  /** No observer, start at the first page, detect v1 page numbering, at most 10,000 pages. */
  public static PagingOptions defaults() {
    return new PagingOptions(PagingObserver.NONE, null, PageBase.DETECT, DEFAULT_MAX_PAGES);
  }

  public PagingOptions withObserver(PagingObserver observer) {
    return new PagingOptions(observer, startPage, legacyPageBase, maxPages);
  }

  public PagingOptions withStartPage(Integer startPage) {
    return new PagingOptions(observer, startPage, legacyPageBase, maxPages);
  }

  public PagingOptions withLegacyPageBase(PageBase legacyPageBase) {
    return new PagingOptions(observer, startPage, legacyPageBase, maxPages);
  }

  public PagingOptions withMaxPages(int maxPages) {
    return new PagingOptions(observer, startPage, legacyPageBase, maxPages);
  }
}
