package io.github.oruk.client.paging;

import io.github.oruk.model.diagnostic.Diagnostic;
import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing the page-invariant guard noticed.
 *
 * @param code what kind of finding it is
 * @param uri the page where it was noticed
 * @param pointer where in that page, as a JSON Pointer ({@code "/total_items"}); {@code ""} for the page
 * @param message what was expected, what was seen, and what was done about it
 * @param observed the offending value as the feed sent it (a size, a page number, the first repeated id), or null
 *     when there is no single one
 */
public record PagingFinding(PagingCode code, URI uri, String pointer, String message, @Nullable String observed) {

  public PagingFinding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /** A finding with no single offending value. */
  public PagingFinding(PagingCode code, URI uri, String pointer, String message) {
    this(code, uri, pointer, message, null);
  }

  /** The finding as the project's one diagnostic type, its pointer {@code uri#pointer}. */
  public Diagnostic diagnostic() {
    return Diagnostic.of(code.code(), uri + (pointer.isEmpty() ? "" : "#" + pointer), message);
  }

  /**
   * The finding as one line: {@code CODE<TAB>uri#pointer<TAB>message}, like a model {@code ReadFinding}
   * ({@link Diagnostic#toLine()}).
   */
  public String toLine() {
    return diagnostic().toLine();
  }

  @Override
  public String toString() {
    return toLine();
  }
}
