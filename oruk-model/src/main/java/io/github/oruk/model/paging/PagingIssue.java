package io.github.oruk.model.paging;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing the {@link PagingChecker} noticed about a page.
 *
 * @param fact which paging fact is wrong
 * @param pointer where in the page, as a JSON Pointer ({@code "/total_items"}); {@code ""} for the whole page
 * @param message what was expected and what was seen
 * @param observed the offending value as sent, or null when there is no single one
 */
public record PagingIssue(PagingFact fact, String pointer, String message, @Nullable String observed) {

  public PagingIssue {
    Objects.requireNonNull(fact, "fact");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }
}
