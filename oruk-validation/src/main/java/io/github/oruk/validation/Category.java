package io.github.oruk.validation;

import java.util.Locale;

/** What a rule is about. */
public enum Category {
  /** The documents break the standard (schema, required endpoints, identifiers). */
  CONFORMANCE,
  /** The API behaves badly as an API (paging, CORS, content type, filters, speed). */
  FEED_BEHAVIOUR,
  /** The data is valid but poor: stale, thin, implausible, personal. */
  DATA_QUALITY,
  /** Valid and plausible, but consumers should know (markup in text, extension properties). */
  CONSUMER_NOTE;

  /** Lower-case label with spaces, as reports write it: {@code feed behaviour}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
