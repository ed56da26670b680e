package io.github.oruk.cli;

import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.Validator;
import io.github.oruk.validation.feed.FeedValidator;
import java.time.Duration;

/** Validation of live feeds, with the command's bounds. */
final class LiveTargets {

  private LiveTargets() {
  }

  static ValidationReport validate(Validator validator, String url, Integer maxPages, Integer sample, Integer timeout,
      Long maxResponseBytes) {
    FeedValidator.Builder feed = FeedValidator.builder(validator);
    if (maxResponseBytes != null) {
      feed.maxResponseBytes(maxResponseBytes);
    }
    if (maxPages != null) {
      feed.maxPages(maxPages);
    }
    if (sample != null) {
      feed.sample(sample);
    }
    if (timeout != null) {
      feed.timeout(Duration.ofSeconds(timeout));
    }
    return feed.build().validate(url);
  }
}
