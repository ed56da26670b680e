package io.github.oruk.server;

/**
 * Which slice of a result a list endpoint asks for: pages count from 1, and {@code perPage} has already
 * been clamped to the server's maximum. A provider returns the records from {@link #offset()} onwards, at
 * most {@link #perPage()} of them, together with the total.
 *
 * @param page the page, from 1 (it may lie beyond the last page; the answer is then an empty page)
 * @param perPage records per page, from 1 to the server's maximum
 */
public record PageRequest(int page, int perPage) {

  public PageRequest {
    if (page < 1) {
      throw new IllegalArgumentException("page counts from 1; got " + page);
    }
    if (perPage < 1) {
      throw new IllegalArgumentException("perPage must be at least 1; got " + perPage);
    }
  }

  /** The page request for page {@code page} of {@code perPage} records. */
  public static PageRequest of(int page, int perPage) {
    return new PageRequest(page, perPage);
  }

  /** How many records come before this page: {@code (page - 1) * perPage}, without overflow. */
  public long offset() {
    return (long) (page - 1) * perPage;
  }

  /** The next page of the same size. */
  public PageRequest next() {
    if (page == Integer.MAX_VALUE) {
      throw new IllegalStateException("there is no page after " + page);
    }
    return new PageRequest(page + 1, perPage);
  }
}
