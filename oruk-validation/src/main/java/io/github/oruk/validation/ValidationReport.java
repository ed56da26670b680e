package io.github.oruk.validation;

import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.quality.QualitySummary;
import io.github.oruk.validation.rule.RuleInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one validation found, and its verdict.
 *
 * @param target what was validated: a base URL or a file
 * @param kind {@code feed}, {@code document} or {@code ndjson}
 * @param profile the profile's name
 * @param verdict pass, pass with warnings, or fail
 * @param started when the validation started
 * @param duration how long it took
 * @param documents how many documents (responses, files or lines) were checked
 * @param records how many records were checked, nested ones included
 * @param findings every finding, in the order found
 * @param notChecked what was not checked, and why
 * @param endpoints per-endpoint results of a live feed (empty otherwise)
 * @param quality richness and freshness across the services
 * @param checks every check that ran (codes of enabled rules), for reports that list passes as well as failures
 * @param names the records findings concern, by id, named as the validation saw them (services,
 *     organizations and service-at-locations; a record it saw no name for is absent)
 */
public record ValidationReport(String target, String kind, String profile, Verdict verdict, Instant started,
    Duration duration, int documents, int records, List<Finding> findings, List<NotChecked> notChecked,
    List<EndpointResult> endpoints, QualitySummary quality, List<RuleInfo> checks, Map<String, RecordName> names) {

  public ValidationReport {
    findings = List.copyOf(findings);
    notChecked = List.copyOf(notChecked);
    endpoints = List.copyOf(endpoints);
    checks = List.copyOf(checks);
    names = names == null ? Map.of() : Map.copyOf(names);
  }

  /** The name of the record a finding concerns, when the validation saw one. */
  public Optional<RecordName> name(Finding finding) {
    return Optional.ofNullable(names.get(finding.recordId()));
  }

  /** How many findings there are of each severity (every severity present, possibly 0). */
  public Map<Severity, Integer> bySeverity() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      counts.put(severity, 0);
    }
    findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
    return counts;
  }

  /** How many findings there are in each category (every category present, possibly 0). */
  public Map<Category, Integer> byCategory() {
    Map<Category, Integer> counts = new EnumMap<>(Category.class);
    for (Category category : Category.values()) {
      counts.put(category, 0);
    }
    findings.forEach(f -> counts.merge(f.category(), 1, Integer::sum));
    return counts;
  }

  /** The findings with the given code. */
  public List<Finding> findings(String code) {
    return findings.stream().filter(f -> f.code().equals(code)).toList();
  }
}
