package io.github.oruk.model.json;

/** How a reader treats a document that does not follow the standard. */
public enum ReadMode {
  /**
   * Read whatever can be read: repair what can be repaired, keep what cannot as extensions, and report
   * each case as a {@link ReadFinding}. For consuming other people's feeds.
   */
  LENIENT,
  /**
   * Refuse, with an {@link OrukReadException}, any document that needs a repair or breaks the standard.
   * For publishers checking their own output.
   */
  STRICT
}
