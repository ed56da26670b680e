package io.github.oruk.validation.payload;

import static io.github.oruk.validation.Category.CONFORMANCE;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.validation.rule.RecordContext;
import io.github.oruk.validation.rule.RecordRule;
import io.github.oruk.validation.rule.Reporter;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** ORUK-ID-003: two records in the same list inside a record share an id (two schedules, two contacts, ...). */
public final class SiblingIdRule implements RecordRule {

  static final RuleInfo INFO = RuleInfo.registered("ORUK-ID-003", CONFORMANCE, Set.of());

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext record, Reporter report) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = record.json().fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode list = field.getValue();
      if (!list.isArray() || list.size() < 2) {
        continue;
      }
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < list.size(); i++) {
        JsonNode id = list.get(i).path("id");
        if (!id.isTextual()) {
          continue;
        }
        Integer first = seen.putIfAbsent(id.asText(), i);
        if (first != null) {
          report.add(INFO, record.pointer(field.getKey()) + "/" + i + "/id", "'" + field.getKey() + "' lists id '"
              + id.asText() + "' twice (items " + first + " and " + i + ").", id.asText());
        }
      }
    }
  }
}
