package io.github.oruk.validation.rule;

import java.time.Duration;
import java.util.Objects;

/**
 * How a live-feed check was set up, as far as its rules need to know.
 *
 * @param slow the median answer time above which an endpoint is reported slow
 * @param filterTests whether the filters are to be tested with the feed's own records
 * @param parity whether the profile is parity (the official validator's verdict) rather than strict
 * @param seed the seed of every sample the check takes, so that a check can be repeated
 */
public record FeedSettings(Duration slow, boolean filterTests, boolean parity, long seed) {

  public FeedSettings {
    Objects.requireNonNull(slow, "slow");
  }
}
