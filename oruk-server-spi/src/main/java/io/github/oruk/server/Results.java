package io.github.oruk.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * What a provider answers a list request with: the records on the requested page and how many records
 * match over all pages. The SDK turns it into the complete page envelope ({@code total_pages},
 * {@code first_page}, {@code last_page}, {@code empty}, {@code size}).
 *
 * @param items the records on the page, in the directory's order; at most {@link PageRequest#perPage()}
 * @param totalItems how many records match the query over all pages
 * @param <T> the record type
 */
public record Results<T>(List<T> items, long totalItems) {

  public Results {
    items = List.copyOf(Objects.requireNonNull(items, "items"));
    if (totalItems < 0) {
      throw new IllegalArgumentException("totalItems cannot be negative; got " + totalItems);
    }
  }

  /** The records on a page and the total. */
  public static <T> Results<T> of(List<T> items, long totalItems) {
    return new Results<>(items, totalItems);
  }

  /** No records at all. */
  public static <T> Results<T> empty() {
    return new Results<>(List.of(), 0);
  }

  /**
   * The requested page of a list that holds every matching record, for providers that have the whole
   * result at hand.
   */
  public static <T> Results<T> slice(List<T> all, PageRequest page) {
    Objects.requireNonNull(all, "all");
    long from = Math.min(page.offset(), all.size());
    int to = (int) Math.min(from + page.perPage(), all.size());
    return new Results<>(all.subList((int) from, to), all.size());
  }

  /** The same results with each record converted, such as a full record turned into a list item. */
  public <R> Results<R> map(Function<? super T, ? extends R> mapper) {
    List<R> mapped = new ArrayList<>(items.size());
    for (T item : items) {
      mapped.add(mapper.apply(item));
    }
    return new Results<>(mapped, totalItems);
  }

  /**
   * Every record of a paged query as a lazy stream, fetching one page at a time with
   * {@code perPage} records per page until a page comes back short. This is what the SDK does for
   * {@code format=ndjson} when a provider does not stream by itself. If the data changes between
   * pages, records can be missed or repeated; providers with a cursor should stream it directly.
   *
   * @param fetch answers one page, such as {@code page -> services(query, page)}
   */
  public static <T> Stream<T> streamAll(Function<PageRequest, Results<T>> fetch, int perPage) {
    Objects.requireNonNull(fetch, "fetch");
    Iterator<T> iterator = new Iterator<>() {
      private PageRequest next = PageRequest.of(1, perPage);
      private Iterator<T> current = List.<T>of().iterator();
      private boolean exhausted;

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && !exhausted) {
          Results<T> results = fetch.apply(next);
          List<T> items = results.items();
          current = items.iterator();
          long seen = next.offset() + items.size();
          exhausted = items.size() < perPage || seen >= results.totalItems() || next.page() == Integer.MAX_VALUE;
          if (!exhausted) {
            next = next.next();
          }
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
  }
}
