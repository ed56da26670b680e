package io.github.oruk.client.harvest;

import java.net.URI;
import java.util.Objects;

/**
 * A record a harvest could not deliver, or a list page it could not read.
 *
 * @param id the service's id; null for a list page, whose records (and those after it) were not listed
 * @param uri the address that failed
 * @param status the HTTP status of the last answer, or null when there was none (timeout, connection
 *     failure) or the answer was unreadable
 * @param cause what happened, as the client's exception said it
 */
public record HarvestFailure(String id, URI uri, Integer status, String cause) {

  public HarvestFailure {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(cause, "cause");
  }

  /** Whether this is a list page rather than one record. */
  public boolean listPage() {
    return id == null;
  }

  /** One line: {@code FAILED<TAB>id (or "page")<TAB>uri<TAB>cause}. */
  public String toLine() {
    return "FAILED\t" + (id == null ? "page" : id) + '\t' + uri + '\t' + cause.replace('\n', ' ').replace('\t', ' ');
  }
}
