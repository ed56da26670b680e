package io.github.oruk.validation.junit;

import io.github.oruk.validation.Finding;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.Validator;
import io.github.oruk.validation.feed.FeedValidator;
import io.github.oruk.validation.profile.Profile;
import io.github.oruk.validation.report.ReportFormat;
import io.github.oruk.validation.rule.RuleInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the live-feed validation behind {@link OrukAssertions} and {@link OrukComplianceTest}, and turns its
 * report into one {@link ComplianceResult.Check} per check that ran.
 */
final class FeedCompliance {

  private FeedCompliance() {
  }

  static ComplianceResult check(URI feed, ComplianceOptions options) {
    Validator validator;
    try {
      validator = Validator.builder().profile(Profile.named(options.profile())).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ValidationReport report = FeedValidator.builder(validator)
        .sample(options.sample())
        .maxPages(options.maxPages())
        .timeout(options.timeout())
        .build()
        .validate(feed.toString());
    Map<String, List<Finding>> byCode = new LinkedHashMap<>();
    report.findings().forEach(f -> byCode.computeIfAbsent(f.code(), code -> new ArrayList<>()).add(f));
    List<ComplianceResult.Check> checks = new ArrayList<>();
    for (RuleInfo check : report.checks()) {
      List<Finding> found = byCode.getOrDefault(check.code(), List.of());
      checks.add(new ComplianceResult.Check(check.code(), check.title(), lines(found, Severity.ERROR),
          lines(found, Severity.WARNING)));
    }
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try {
      ReportFormat.TEXT.write(report, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ComplianceResult(report.target(), report.verdict().label(), checks,
        text.toString(StandardCharsets.UTF_8));
  }

  private static List<String> lines(List<Finding> findings, Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity)
        .map(f -> f.toLine() + (f.fix().isEmpty() ? "" : " Fix: " + f.fix()))
        .toList();
  }
}
