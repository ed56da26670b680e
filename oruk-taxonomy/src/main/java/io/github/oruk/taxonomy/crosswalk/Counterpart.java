package io.github.oruk.taxonomy.crosswalk;

import java.util.List;
import java.util.Objects;

/**
 * A concept a term corresponds to through a crosswalk, and how strongly.
 *
 * @param uri canonical URI of the counterpart
 * @param type the match type of the whole path ({@link MatchType#then} of its steps)
 * @param strength the product of the steps' strengths, from 0 (exclusive) to 1
 * @param path the mappings followed, in order, each read in the direction it was followed
 */
public record Counterpart(String uri, MatchType type, double strength, List<Mapping> path) {

  public Counterpart {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(type, "type");
    path = List.copyOf(path);
  }

  /** How many mappings were followed. */
  public int hops() {
    return path.size();
  }
}
