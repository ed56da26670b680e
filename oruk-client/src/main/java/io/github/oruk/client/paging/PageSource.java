package io.github.oruk.client.paging;

import org.jspecify.annotations.Nullable;

/**
 * Fetches one page of a list. {@code OrukClient} provides one for each list endpoint; tests and other
 * transports can provide their own and still get the same guard from {@link PagedRecords#of}.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface PageSource<T> {

  /**
   * Fetches a page.
   *
   * @param page the {@code page} parameter in the feed's own numbering, or null for the feed's first page
   *     (the parameter left out)
   * @throws io.github.oruk.client.OrukClientException when the page cannot be fetched or read
   */
  FetchedPage<T> fetch(@Nullable Integer page);
}
