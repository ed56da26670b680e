package io.github.oruk.taxonomy.audit;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A term reference in the feed that is not a concept of any loaded scheme (or, with no scheme loaded, not
 * in any registered vocabulary).
 *
 * @param reference the reference as the feed wrote it ({@code term_uri}, {@code term} or name), with its
 *     vocabulary in brackets when it named one
 * @param reason why it is not recognised
 * @param services how many services carry it
 */
public record UnrecognisedTerm(String reference, @Nullable String reason, long services) {

  public UnrecognisedTerm {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(reason, "reason");
  }
}
