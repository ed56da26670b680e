package io.github.oruk.client.paging;

import io.github.oruk.model.v1.PageBase;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to walk a list across its pages: {@code PagingOptions.builder().maxPages(50).build()}. (Until issue #14
 * each option had a {@code with} method; {@code defaults().withMaxPages(50)} is now
 * {@code builder().maxPages(50).build()}.)
 *
 * @param observer told about each page and finding as they happen
 * @param startPage the {@code page} parameter to start from, in the feed's own numbering (a legacy v1
 *     feed may count from 0); null to start from the query's page, or the feed's first page
 * @param legacyPageBase how a legacy v1 feed counts its pages; {@link PageBase#DETECT} works it out
 * @param maxPages the most pages to fetch before stopping with {@link PagingCode#PAGE_LIMIT_REACHED}
 */
public record PagingOptions(PagingObserver observer, @Nullable Integer startPage, PageBase legacyPageBase, int maxPages) {

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

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder(defaults());
  }

  /** A builder starting from these options, to change some of them. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link PagingOptions}; each method sets one option, {@link #build()} checks them together. */
  public static final class Builder {
    private PagingObserver observer;
    private @Nullable Integer startPage;
    private PageBase legacyPageBase;
    private int maxPages;

    private Builder(PagingOptions from) {
      this.observer = from.observer;
      this.startPage = from.startPage;
      this.legacyPageBase = from.legacyPageBase;
      this.maxPages = from.maxPages;
    }

    /** Told about each page and finding as they happen (default: nobody). */
    public Builder observer(PagingObserver observer) {
      this.observer = observer;
      return this;
    }

    /** The {@code page} parameter to start from, in the feed's own numbering; null for the first page. */
    public Builder startPage(@Nullable Integer startPage) {
      this.startPage = startPage;
      return this;
    }

    /** How a legacy v1 feed counts its pages (default: {@link PageBase#DETECT}). */
    public Builder legacyPageBase(PageBase legacyPageBase) {
      this.legacyPageBase = legacyPageBase;
      return this;
    }

    /** The most pages to fetch (default {@value PagingOptions#DEFAULT_MAX_PAGES}). */
    public Builder maxPages(int maxPages) {
      this.maxPages = maxPages;
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException when the start page is negative or the page limit below 1
     */
    public PagingOptions build() {
      return new PagingOptions(observer, startPage, legacyPageBase, maxPages);
    }
  }
}
