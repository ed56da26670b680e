package io.github.oruk.validation.report;

import io.github.oruk.validation.Finding;
import io.github.oruk.model.diagnostic.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Findings grouped by code, worst severity first, as the text and HTML reports show them. */
record Grouping(String code, Severity severity, List<Finding> findings) {

  static List<Grouping> of(List<Finding> findings) {
    Map<String, List<Finding>> byCode = new LinkedHashMap<>();
    for (Finding finding : findings) {
      byCode.computeIfAbsent(finding.code() + "|" + finding.severity(), key -> new ArrayList<>()).add(finding);
    }
    List<Grouping> groups = new ArrayList<>();
    byCode.forEach((key, list) -> groups.add(new Grouping(list.get(0).code(), list.get(0).severity(), list)));
    groups.sort(Comparator.comparing(Grouping::severity).thenComparing(g -> -g.findings().size())
        .thenComparing(Grouping::code));
    return groups;
  }
}
