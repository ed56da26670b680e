package io.github.oruk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list endpoint: the paging envelope and its {@code contents}.
 *
 * <p>Envelope values are boxed because feeds leave them out; a page read from a feed carries exactly
 * what the feed sent (null where it sent nothing). Pages an oruk-java publisher creates come from
 * {@link #of(List, int, int, long)} and are always complete. The writer always emits all seven envelope
 * properties, completed as {@link #complete()} describes.
 *
 * @param totalItems {@code total_items}: records matching, over all pages
 * @param totalPages {@code total_pages}: pages at this page size
 * @param pageNumber {@code page_number}: this page, counting from 1
 * @param size {@code size}: records on this page
 * @param firstPage {@code first_page}
 * @param lastPage {@code last_page}
 * @param empty {@code empty}: whether this page holds no records
 * @param contents the records; never null
 * @param extensions envelope properties the standard does not define, in the order read; never null
 * @param <T> the record type
 */
public record Page<T>(
    @Nullable Integer totalItems,
    @Nullable Integer totalPages,
    @Nullable Integer pageNumber,
    @Nullable Integer size,
    @Nullable Boolean firstPage,
    @Nullable Boolean lastPage,
    @Nullable Boolean empty,
    List<T> contents,
    Map<String, JsonNode> extensions) {

  /**
   * A page as given; a null {@code contents} is an empty list and null {@code extensions} none (so a reader
   * can pass what it found), while the accessors never answer null. Written out rather than compact so that
   * the parameters can say {@code @Nullable} where the components do not.
   */
  public Page(
      @Nullable Integer totalItems,
      @Nullable Integer totalPages,
      @Nullable Integer pageNumber,
      @Nullable Integer size,
      @Nullable Boolean firstPage,
      @Nullable Boolean lastPage,
      @Nullable Boolean empty,
      @Nullable List<T> contents,
      @Nullable Map<String, JsonNode> extensions) {
    this.totalItems = totalItems;
    this.totalPages = totalPages;
    this.pageNumber = pageNumber;
    this.size = size;
    this.firstPage = firstPage;
    this.lastPage = lastPage;
    this.empty = empty;
    this.contents = contents == null ? List.of() : List.copyOf(contents);
    this.extensions = extensions == null || extensions.isEmpty()
        ? Map.of()
        : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  /**
   * A complete page, as a publisher answers it.
   *
   * @param contents the records on this page
   * @param pageNumber this page, counting from 1
   * @param perPage the page size used to cut the result into pages (at least 1)
   * @param totalItems how many records match over all pages
   * @throws IllegalArgumentException when a number is out of range or {@code contents} holds more than
   *     {@code perPage} records
   */
  public static <T> Page<T> of(List<T> contents, int pageNumber, int perPage, long totalItems) {
    Objects.requireNonNull(contents, "contents");
    if (pageNumber < 1) {
      throw new IllegalArgumentException("page number counts from 1; got " + pageNumber);
    }
    if (perPage < 1) {
      throw new IllegalArgumentException("per_page must be at least 1; got " + perPage);
    }
    if (totalItems < 0 || totalItems > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("total_items must be between 0 and " + Integer.MAX_VALUE + "; got " + totalItems);
    }
    if (contents.size() > perPage) {
      throw new IllegalArgumentException(
          "a page of " + perPage + " cannot hold " + contents.size() + " records");
    }
    int totalPages = (int) ((totalItems + perPage - 1) / perPage);
    return new Page<>(
        (int) totalItems,
        totalPages,
        pageNumber,
        contents.size(),
        pageNumber == 1,
        pageNumber >= totalPages,
        contents.isEmpty(),
        contents,
        Map.of());
  }

  /** The same envelope around different records, such as the result of converting each one. */
  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    List<R> mapped = contents.stream().<R>map(mapper).toList();
    return new Page<>(totalItems, totalPages, pageNumber, size, firstPage, lastPage, empty, mapped, extensions);
  }

  /**
   * A copy with every envelope value filled in. {@code size} and {@code empty} always come from
   * {@code contents}; an absent {@code page_number} is 1, an absent {@code total_items} is the number of
   * records on this page, an absent {@code total_pages} is this page's number (0 when there are no
   * records), and absent flags follow from those.
   */
  public Page<T> complete() {
    int count = contents.size();
    int number = pageNumber == null ? 1 : pageNumber;
    int items = totalItems == null ? count : totalItems;
    int pages = totalPages != null ? totalPages : items == 0 ? 0 : number;
    boolean first = firstPage != null ? firstPage : number == 1;
    boolean last = lastPage != null ? lastPage : number >= pages;
    return new Page<>(items, pages, number, count, first, last, count == 0, contents, extensions);
  }
}
