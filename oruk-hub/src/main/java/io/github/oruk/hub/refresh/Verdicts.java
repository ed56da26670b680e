package io.github.oruk.hub.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.hub.store.FeedRefresh;
import io.github.oruk.hub.store.Monitoring;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.validation.Finding;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.ValidationRun;
import io.github.oruk.validation.Validator;
import io.github.oruk.validation.profile.Profile;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private @Nullable ValidationReport parityReport;

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
    return documents == 0 ? null : verdict(parityReport());
  }

  FeedRefresh.@Nullable FeedVerdict strict() {
    return documents == 0 ? null : verdict(strict.finish());
  }

  /**
   * The parity profile's findings by code, most frequent first (then by code), at most
   * {@link Monitoring#TOP_FINDINGS}; notes and information are left out: they ask nothing of the publisher.
   */
  List<Monitoring.FindingCount> topFindings() {
    if (documents == 0) {
      return List.of();
    }
    Map<String, Monitoring.FindingCount> byCode = new HashMap<>();
    for (Finding finding : parityReport().findings()) {
      if (finding.severity() == Severity.ERROR || finding.severity() == Severity.WARNING) {
        byCode.merge(finding.code(), new Monitoring.FindingCount(finding.code(), finding.severity().name(), 1),
            (a, b) -> new Monitoring.FindingCount(a.code(), a.severity(), a.count() + 1));
      }
    }
    return byCode.values().stream()
        .sorted(Comparator.comparingInt(Monitoring.FindingCount::count).reversed()
            .thenComparing(Monitoring.FindingCount::code))
        .limit(Monitoring.TOP_FINDINGS).toList();
  }

  private ValidationReport parityReport() {
    if (parityReport == null) {
      parityReport = parity.finish();
    }
    return parityReport;
  }

  private static FeedRefresh.FeedVerdict verdict(ValidationReport report) {
    return new FeedRefresh.FeedVerdict(report.verdict().name(), report.bySeverity().getOrDefault(Severity.ERROR, 0),
        report.bySeverity().getOrDefault(Severity.WARNING, 0));
  }
}
