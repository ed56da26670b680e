package io.github.oruk.taxonomy.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * How many services carry one term.
 *
 * @param uri the term's canonical URI
 * @param label its preferred label (from the loaded scheme, or the name the feed gave it)
 * @param scheme URI of the loaded scheme holding it, when one does
 * @param services how many services are tagged with it
 */
public record TermUse(String uri, String label, Optional<String> scheme, long services) {

  public TermUse {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(scheme, "scheme");
  }
}
