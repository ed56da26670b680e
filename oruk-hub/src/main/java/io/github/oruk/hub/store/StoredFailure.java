package io.github.oruk.hub.store;

import org.jspecify.annotations.Nullable;

/**
 * Something a refresh could not read: a record's details or a list page.
 *
 * @param refreshId the refresh
 * @param originalId the record's id in its feed, or null when a list page (or the whole feed) failed
 * @param address the address or file that failed, when there is one
 * @param status the HTTP status, when there was an answer
 * @param cause what went wrong, as the client or reader said it
 */
public record StoredFailure(long refreshId, @Nullable String originalId, @Nullable String address,
    @Nullable Integer status, String cause) {

  /** {@code FAILED<TAB>id or "list"<TAB>address<TAB>cause}, as {@code oruk harvest} prints failures. */
  public String toLine() {
    return "FAILED\t" + (originalId == null ? "list" : originalId) + "\t" + (address == null ? "" : address) + "\t"
        + cause;
  }
}
