package io.github.oruk.cli;

import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.Validator;
import io.github.oruk.validation.feed.FeedProgress;
import io.github.oruk.validation.feed.FeedValidator;
import java.time.Duration;
import java.util.function.Consumer;

/** Validation of live feeds, with the command's bounds. */
final class LiveTargets {

  private LiveTargets() {
  }

  static ValidationReport validate(Validator validator, String url, Integer maxPages, Integer sample, Duration timeout,
      Consumer<FeedProgress> progress, Duration progressEvery, Long maxResponseBytes) {
    FeedValidator.Builder feed = FeedValidator.builder(validator).timeout(timeout).progress(progress, progressEvery);
    if (maxResponseBytes != null) {
      feed.maxResponseBytes(maxResponseBytes);
    }
    if (maxPages != null) {
      feed.maxPages(maxPages);
    }
    if (sample != null) {
      feed.sample(sample);
    }
    return feed.build().validate(url);
  }
}
