package io.github.oruk.taxonomy.crosswalk;

import java.util.Objects;

/**
 * One row of a mapping table: concept {@code from} corresponds to concept {@code to} with this type.
 *
 * @param from canonical URI of the source concept
 * @param to canonical URI of the target concept
 * @param type how they correspond ({@code BROAD}: {@code to} is broader than {@code from})
 */
public record Mapping(String from, String to, MatchType type) {

  public Mapping {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(type, "type");
  }

  /** The same mapping read from {@code to} to {@code from}. */
  public Mapping inverse() {
    return new Mapping(to, from, type.inverse());
  }
}
