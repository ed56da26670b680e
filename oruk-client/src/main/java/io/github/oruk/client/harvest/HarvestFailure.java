package io.github.oruk.client.harvest;

import io.github.oruk.model.diagnostic.Diagnostic;
import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A record a harvest could not deliver, or a list page it could not read.
 *
 * @param id the service's id; null for a list page, whose records (and those after it) were not listed
 * @param uri the address that failed
 * @param status the HTTP status of the last answer, or null when there was none (timeout, connection
 *     failure) or the answer was unreadable
 * @param cause what happened, as the client's exception said it
 */
public record HarvestFailure(@Nullable String id, URI uri, @Nullable Integer status, String cause) {

  public HarvestFailure {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(cause, "cause");
  }

  /** Whether this is a list page rather than one record. */
  public boolean listPage() {
    return id == null;
  }

  /**
   * The failure as the project's one diagnostic type: {@code ORUK-HARVEST-001} for a record,
   * {@code ORUK-HARVEST-002} for a list page, at the address that failed.
   */
  public Diagnostic diagnostic() {
    return Diagnostic.of(listPage() ? "ORUK-HARVEST-002" : "ORUK-HARVEST-001", uri.toString(), cause);
  }

  /**
   * One line: {@code FAILED<TAB>id (or "page")<TAB>uri<TAB>cause}, in the project's one line format
   * ({@link Diagnostic#line(String...)}); the leading {@code FAILED} is kept for scripts that grep for it.
   */
  public String toLine() {
    return Diagnostic.line("FAILED", id == null ? "page" : id, uri.toString(), cause);
  }
}
