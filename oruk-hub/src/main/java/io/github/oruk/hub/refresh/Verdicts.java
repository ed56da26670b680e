package io.github.oruk.hub.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.hub.store.FeedRefresh;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.ValidationRun;
import io.github.oruk.validation.Validator;
import io.github.oruk.validation.profile.Profile;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The parity and strict verdicts of one refresh, on the documents it read, as it read them: no second visit
 * to the feed. Each record read is checked as a {@code /services/{id}} answer (the reader's findings, legacy
 * v1 mapping included, count too). A refresh that read nothing has no verdict.
 */
final class Verdicts {

  private static final Validator PARITY = Validator.builder().profile(Profile.parity()).build();
  private static final Validator STRICT = Validator.builder().profile(Profile.strict()).build();

  private final ValidationRun parity;
  private final ValidationRun strict;
  private int documents;

  Verdicts(String feed) {
    this.parity = PARITY.start(feed, "hub refresh");
    this.strict = STRICT.start(feed, "hub refresh");
    parity.scoreNestedServices(false);
    strict.scoreNestedServices(false);
  }

  /** Checks one record's document, read from {@code source} with these findings. */
  void check(JsonNode document, List<ReadFinding> findings, String source) {
    for (ValidationRun run : List.of(parity, strict)) {
      run.readFindings(findings, document, RecordType.SERVICE, false, source, true);
      run.checkDocument(document, RecordType.SERVICE, false, source, true);
    }
    documents++;
  }

  FeedRefresh.@Nullable FeedVerdict parity() {
    return documents == 0 ? null : verdict(parity.finish());
  }

  FeedRefresh.@Nullable FeedVerdict strict() {
    return documents == 0 ? null : verdict(strict.finish());
  }

  private static FeedRefresh.FeedVerdict verdict(ValidationReport report) {
    return new FeedRefresh.FeedVerdict(report.verdict().name(), report.bySeverity().getOrDefault(Severity.ERROR, 0),
        report.bySeverity().getOrDefault(Severity.WARNING, 0));
  }
}
