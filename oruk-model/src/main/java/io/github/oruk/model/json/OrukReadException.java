package io.github.oruk.model.json;

import org.jspecify.annotations.Nullable;

/**
 * A document could not be read: it is not JSON, breaks a size or depth limit, has the wrong overall
 * shape, or (in {@link ReadMode#STRICT}) needs a repair. The message says what was expected, what was
 * found and where; {@link #pointer()} locates it.
 */
public class OrukReadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient @Nullable ReadCode code;
  private final String pointer;

  /**
   * @param code the finding that caused a strict read to refuse, or null when the document is unreadable
   * @param pointer JSON Pointer to the place, or {@code ""} for the document as a whole
   * @param message what was expected, what was found and what to do
   * @param cause the underlying parser error, if any
   */
  public OrukReadException(@Nullable ReadCode code, String pointer, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.code = code;
    this.pointer = pointer == null ? "" : pointer;
  }

  /** The finding that made a strict read refuse the document; null when the document was unreadable. */
  public @Nullable ReadCode code() {
    return code;
  }

  /** Where in the document the problem is, as a JSON Pointer. */
  public String pointer() {
    return pointer;
  }
}
