package io.github.oruk.validation.payload;

/** Which JSON Schemas a document is checked against. Both are derived from the project's spec document. */
public enum SchemaVariant {
  /**
   * Everything the spec document says, including what it tightens (dates as {@code format: date},
   * opening times by pattern, envelope numbers not negative).
   */
  STRICT,
  /**
   * What the published schemas say and nothing more, so that a document passes exactly when the official
   * validator would pass it: the tightenings listed in KNOWN-DEVIATIONS.md are removed.
   */
  PARITY
}
