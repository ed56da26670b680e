package io.github.oruk.cli;

import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.Validator;

/** Validation of live feeds; arrives with the feed checker. */
final class LiveTargets {

  private LiveTargets() {
  }

  static ValidationReport validate(Validator validator, String url, Integer maxPages, Integer sample, Integer timeout) {
    throw new IllegalArgumentException("validating live feeds needs the feed checker, which is not built yet;"
        + " validate a saved JSON or NDJSON file instead");
  }
}
