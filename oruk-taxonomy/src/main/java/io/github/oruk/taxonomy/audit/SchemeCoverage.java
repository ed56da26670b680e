package io.github.oruk.taxonomy.audit;

import java.util.List;
import java.util.Objects;

/**
 * How much of one loaded scheme a feed uses.
 *
 * @param uri the scheme's URI
 * @param title its title
 * @param concepts how many concepts it has
 * @param used how many of them at least one service is tagged with
 * @param unusedTerms URIs of the concepts no service is tagged with, in the scheme's order
 */
public record SchemeCoverage(String uri, String title, int concepts, int used, List<String> unusedTerms) {

  public SchemeCoverage {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(title, "title");
    unusedTerms = List.copyOf(unusedTerms);
  }
}
