package io.github.oruk.validation.payload;

import static io.github.oruk.validation.Category.CONFORMANCE;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.validation.rule.DocumentContext;
import io.github.oruk.validation.rule.DocumentRule;
import io.github.oruk.validation.rule.Reporter;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** ORUK-ID-001: two items of one page share an id. */
public final class UniqueIdRule implements DocumentRule {

  static final RuleInfo INFO = RuleInfo.registered("ORUK-ID-001", CONFORMANCE, Set.of());

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(DocumentContext document, Reporter report) {
    if (!document.page()) {
      return;
    }
    Map<String, Integer> seen = new HashMap<>();
    JsonNode contents = document.json().path("contents");
    for (int i = 0; i < contents.size(); i++) {
      JsonNode id = contents.get(i).path("id");
      if (!id.isValueNode()) {
        continue;
      }
      Integer first = seen.putIfAbsent(id.asText(), i);
      if (first != null) {
        report.add(INFO, "/contents/" + i + "/id", "id '" + id.asText() + "' appears again: item " + i
            + " has the same id as item " + first + " of this page.", id.asText());
      }
    }
  }
}
