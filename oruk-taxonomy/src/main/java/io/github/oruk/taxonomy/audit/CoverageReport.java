package io.github.oruk.taxonomy.audit;

import java.util.List;

/**
 * How a feed's services are tagged.
 *
 * @param services how many services were audited
 * @param tagged how many carry at least one taxonomy term
 * @param recognised how many carry at least one term of a loaded scheme (with no scheme loaded: of a
 *     registered vocabulary)
 * @param terms every term in use, most used first
 * @param schemes for each loaded scheme, how much of it is used
 * @param untaggedServiceIds ids of the services with no term, in feed order
 * @param unrecognised references that are not recognised, most used first
 */
public record CoverageReport(long services, long tagged, long recognised, List<TermUse> terms,
    List<SchemeCoverage> schemes, List<String> untaggedServiceIds, List<UnrecognisedTerm> unrecognised) {

  public CoverageReport {
    terms = List.copyOf(terms);
    schemes = List.copyOf(schemes);
    untaggedServiceIds = List.copyOf(untaggedServiceIds);
    unrecognised = List.copyOf(unrecognised);
  }

  /** How many services carry no term. */
  public long untagged() {
    return services - tagged;
  }

  /** The share of services carrying at least one term, 0 to 1. */
  public double shareTagged() {
    return services == 0 ? 0 : (double) tagged / services;
  }

  /** The share of services carrying at least one recognised term, 0 to 1. */
  public double shareRecognised() {
    return services == 0 ? 0 : (double) recognised / services;
  }
}
