package io.github.oruk.testkit.compliance;

import java.net.URI;

/**
 * Checks a live feed for compliance. The test kit finds an implementation with {@link java.util.ServiceLoader};
 * {@code oruk-validation} provides one, so adding it to the test class path is all a test suite needs.
 * (The test kit cannot call the validation module directly: the validation module itself tests with the
 * test kit's data generator, and Maven does not allow the cycle.)
 */
public interface ComplianceChecker {

  /** Validates the feed at {@code feed} with the given options. */
  ComplianceResult check(URI feed, ComplianceOptions options);
}
