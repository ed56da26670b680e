package io.github.oruk.model.query;

import java.util.Optional;

/**
 * The query parameters ORUK 3.0 defines for its list endpoints, with their names on the wire. Which
 * endpoint takes which is {@link Endpoint#parameters()}; the spec document is the authority and a test
 * checks that the two agree.
 */
public enum Parameter {
  SEARCH("search", false),
  PAGE("page", false),
  PER_PAGE("per_page", false),
  FORMAT("format", false),
  TAXONOMY_TERM_ID("taxonomy_term_id", false),
  TAXONOMY_ID("taxonomy_id", false),
  ORGANIZATION_ID("organization_id", false),
  MODIFIED_AFTER("modified_after", false),
  MINIMAL("minimal", false),
  FULL("full", false),
  FULL_SERVICE("full_service", false),
  POSTCODE("postcode", false),
  PROXIMITY("proximity", false),
  TOP_ONLY("top_only", false),
  PARENT_ID("parent_id", false),
  MINIMUM_AGE("minimum_age", true),
  MAXIMUM_AGE("maximum_age", true),
  START_TIME("start_time", true),
  END_TIME("end_time", true),
  DAY("day", true);

  private final String wireName;
  private final boolean ukExtension;

  Parameter(String wireName, boolean ukExtension) {
    this.wireName = wireName;
    this.ukExtension = ukExtension;
  }

  /** The name in the query string, such as {@code per_page}. */
  public String wireName() {
    return wireName;
  }

  /** Whether only the UK profile defines it (the international HSDS API does not). */
  public boolean ukExtension() {
    return ukExtension;
  }

  /** The parameter with this name on the wire, if ORUK defines one. */
  public static Optional<Parameter> fromWireName(String name) {
    for (Parameter parameter : values()) {
      if (parameter.wireName.equals(name)) {
        return Optional.of(parameter);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
