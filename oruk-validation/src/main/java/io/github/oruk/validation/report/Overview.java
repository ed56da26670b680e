package io.github.oruk.validation.report;

import io.github.oruk.model.RecordType;
import io.github.oruk.validation.Finding;
import io.github.oruk.validation.RecordName;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the text and HTML reports say in words, before any detail: the verdict as a sentence, what passed,
 * what needs attention and how many services and organizations it concerns, and the findings grouped by
 * organization. Records are named by name first and id second.
 */
final class Overview {

  /** Findings about one organization's records, or (with an empty key) about no organization's. */
  record Organization(String key, String name, Map<Severity, Integer> severities, Set<String> services,
      Map<String, Integer> codes) {

    int count(Severity severity) {
      return severities.getOrDefault(severity, 0);
    }

    int total() {
      return severities.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** {@code Ashdale Trust (organization 0f3c…)}, or what stands for no organization. */
    String label() {
      if (key.isEmpty()) {
        return "Not about one organization (the feed or file as a whole, or records without names)";
      }
      return name.isEmpty() ? "organization " + key : name + (key.equals(name) ? "" : " (organization " + key + ")");
    }
  }

  private final ValidationReport report;
  private final Map<String, String> titles = new HashMap<>();
  private final List<Grouping> groups;
  private final List<Organization> organizations;

  private Overview(ValidationReport report) {
    this.report = report;
    report.checks().forEach(check -> titles.putIfAbsent(check.code(), check.title()));
    this.groups = Grouping.of(report.findings());
    this.organizations = organizations(report);
  }

  static Overview of(ValidationReport report) {
    return new Overview(report);
  }

  /** The findings grouped by code, worst first. */
  List<Grouping> groups() {
    return groups;
  }

  /** The findings grouped by the organization of the record they concern, most errors first. */
  List<Organization> organizations() {
    return organizations;
  }

  /** The check's title, or "" when no check by that code ran. */
  String title(String code) {
    return titles.getOrDefault(code, "");
  }

  /** The verdict as a sentence: whether it complies and what must be done. */
  @SuppressWarnings("NullAway") // totals holds every severity (an EnumMap filled with zeros)
  String headline() {
    Map<Severity, Integer> totals = report.bySeverity();
    String what = report.kind().equals("feed") ? "The feed" : "The file";
    return switch (report.verdict()) {
      case FAIL -> what + " does not comply with ORUK 3.0 (" + report.profile() + " profile): "
          + count(totals.get(Severity.ERROR), "error") + " must be fixed.";
      case PASS_WITH_WARNINGS -> what + " complies with ORUK 3.0 (" + report.profile() + " profile), with "
          + count(totals.get(Severity.WARNING), "warning") + " worth fixing.";
      case PASS -> what + " complies with ORUK 3.0 (" + report.profile() + " profile): nothing needs fixing.";
    };
  }

  /** The summary under the headline, one sentence each: what passed, what needs attention, whom it concerns. */
  List<String> summary() {
    List<String> lines = new ArrayList<>();
    Set<String> flagged = new HashSet<>();
    for (Grouping group : groups) {
      if (group.severity() != Severity.INFO) {
        flagged.add(group.code());
      }
    }
    int checks = report.checks().size();
    lines.add("Passed: " + (checks - (int) report.checks().stream().map(RuleInfo::code).filter(flagged::contains)
        .count()) + " of " + checks + " checks found nothing to fix.");
    List<String> attention = new ArrayList<>();
    for (Grouping group : groups) {
      if (group.severity() != Severity.INFO) {
        int services = services(group.findings()).size();
        attention.add(describe(group) + ": " + count(group.findings().size(), group.severity().label())
            + (services == 0 ? "" : " in " + count(services, "service")));
      }
    }
    if (!attention.isEmpty()) {
      lines.add("Needs attention: " + String.join("; ", attention) + ".");
    }
    List<Finding> serious = report.findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
    int affected = services(serious).size();
    long organizationsAffected = organizations.stream()
        .filter(o -> !o.key().isEmpty() && o.count(Severity.ERROR) + o.count(Severity.WARNING) > 0).count();
    if (report.quality().services() > 0 || affected > 0) {
      lines.add("Services affected: " + (affected == 0 ? "none"
          : affected + (report.quality().services() > 0 ? " of " + report.quality().services() : "")
              + (organizationsAffected > 0 ? ", run by " + count((int) organizationsAffected, "organization") : ""))
          + ".");
    }
    List<String> notes = new ArrayList<>();
    for (Grouping group : groups) {
      if (group.severity() == Severity.INFO) {
        notes.add(describe(group) + ": " + count(group.findings().size(), "note"));
      }
    }
    if (!notes.isEmpty()) {
      lines.add("Notes, nothing to fix: " + String.join("; ", notes) + ".");
    }
    if (!report.notChecked().isEmpty()) {
      lines.add("Not everything was checked: see \"Not checked\" below.");
    }
    return lines;
  }

  /** {@code Not assured recently (ORUK-FRESH-001)}. */
  String describe(Grouping group) {
    String title = title(group.code());
    return title.isEmpty() || title.equals(group.code()) ? group.code() : title + " (" + group.code() + ")";
  }

  /** Whom a finding concerns, in words: {@code "Lunch club", of Ashdale Trust}; "" when the record has no name. */
  String who(Finding finding) {
    RecordName name = report.name(finding).orElse(null);
    if (name == null) {
      return "";
    }
    String of = name.type() == RecordType.ORGANIZATION || name.organizationName().isEmpty() ? ""
        : ", of " + name.organizationName();
    return (name.name().isEmpty() ? "unnamed " + noun(name.type()) : "\"" + name.name() + "\"") + of;
  }

  /** The record's kind and id, second to its name: {@code service 4f1c…}; "" when the finding has no record. */
  String id(Finding finding) {
    if (finding.recordId().isEmpty()) {
      return "";
    }
    return report.name(finding).map(name -> noun(name.type()) + " ").orElse("record ") + finding.recordId();
  }

  /** The feature names of the richness score as words: {@code service_area} is "service area". */
  static String feature(String name) {
    return name.replace('_', ' ');
  }

  /** {@code 1 service}, {@code 3 services}. */
  static String count(int count, String noun) {
    return String.format(Locale.ROOT, "%,d", count) + " " + noun + (count == 1 ? "" : "s");
  }

  /** "within 3 months 4, 3 to 6 months 0, …": a count per label, as a person would list them. */
  static String list(Map<String, Integer> counts, String unit) {
    List<String> parts = new ArrayList<>();
    counts.forEach((label, count) -> parts.add(feature(label) + (unit.isEmpty() ? " " + count
        : " (" + count(count, unit) + ")")));
    return String.join(", ", parts);
  }

  private static String noun(RecordType type) {
    return type.standardName().replace('_', '-');
  }

  /** The distinct services among the records the findings concern. */
  private Set<String> services(List<Finding> findings) {
    Set<String> services = new HashSet<>();
    for (Finding finding : findings) {
      report.name(finding).filter(name -> name.type() == RecordType.SERVICE).ifPresent(name -> services.add(name.id()));
    }
    return services;
  }

  private static List<Organization> organizations(ValidationReport report) {
    Map<String, String> names = new HashMap<>();
    Map<String, Map<Severity, Integer>> severities = new LinkedHashMap<>();
    Map<String, Set<String>> services = new HashMap<>();
    Map<String, Map<String, Integer>> codes = new HashMap<>();
    for (Finding finding : report.findings()) {
      RecordName name = report.name(finding).orElse(null);
      String key = "";
      if (name != null) {
        key = !name.organizationId().isEmpty() ? name.organizationId() : name.organizationName();
        if (!name.organizationName().isEmpty()) {
          names.putIfAbsent(key, name.organizationName());
        }
        if (!key.isEmpty() && name.type() == RecordType.SERVICE) {
          services.computeIfAbsent(key, k -> new HashSet<>()).add(name.id());
        }
      }
      severities.computeIfAbsent(key, k -> new EnumMap<>(Severity.class)).merge(finding.severity(), 1, Integer::sum);
      codes.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(finding.code(), 1, Integer::sum);
    }
    List<Organization> organizations = new ArrayList<>();
    severities.forEach((key, counts) -> organizations.add(new Organization(key, names.getOrDefault(key, ""), counts,
        services.getOrDefault(key, Set.of()), codes.getOrDefault(key, Map.of()))));
    organizations.sort(Comparator.comparing((Organization o) -> o.key().isEmpty())
        .thenComparing(o -> -o.count(Severity.ERROR))
        .thenComparing(o -> -o.count(Severity.WARNING))
        .thenComparing(o -> o.name().isEmpty() ? o.key() : o.name()));
    return organizations;
  }
}
