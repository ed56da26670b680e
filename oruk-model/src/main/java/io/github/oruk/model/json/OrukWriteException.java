package io.github.oruk.model.json;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A value could not be written as canonical JSON, such as a number outside {@link NumberRange} set on a record
 * by code. Nothing was written. The message says what and where; {@link #pointer()} locates it in the document
 * that was being written.
 *
 * <p>It is an {@link UncheckedIOException}, as {@link OrukJson#write(Object)} threw before, and it concerns the
 * value only: a harvest counts the record as failed and carries on (see {@code HarvestSink}).
 */
public class OrukWriteException extends UncheckedIOException {

  private static final long serialVersionUID = 1L;

  private final String pointer;

  /**
   * @param pointer JSON Pointer to the value that could not be written, or {@code ""} when unknown
   * @param message what could not be written, where and why
   * @param cause the generator's error
   */
  public OrukWriteException(String pointer, String message, IOException cause) {
    super(message, cause);
    this.pointer = pointer == null ? "" : pointer;
  }

  /** Where in the written document the problem is, as a JSON Pointer; {@code ""} when unknown. */
  public String pointer() {
    return pointer;
  }
}
