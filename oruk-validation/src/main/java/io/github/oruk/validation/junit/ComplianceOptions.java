package io.github.oruk.validation.junit;

import java.time.Duration;
import java.util.Objects;

/**
 * How a compliance check runs.
 *
 * @param profile {@code strict} (the default), {@code parity}, or the path of a policy file
 * @param sample how many ids to look up by id per endpoint (0 for all)
 * @param maxPages how many pages of each list to read
 * @param timeout how long the whole check may take
 */
public record ComplianceOptions(String profile, int sample, int maxPages, Duration timeout) {

  public ComplianceOptions {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** Strict, 20 ids, 20 pages, 2 minutes: thorough enough for a test suite, quick on a local server. */
  public static ComplianceOptions defaults() {
    return new ComplianceOptions("strict", 20, 20, Duration.ofMinutes(2));
  }

  public ComplianceOptions withProfile(String profile) {
    return new ComplianceOptions(profile, sample, maxPages, timeout);
  }

  public ComplianceOptions withSample(int sample) {
    return new ComplianceOptions(profile, sample, maxPages, timeout);
  }
}
