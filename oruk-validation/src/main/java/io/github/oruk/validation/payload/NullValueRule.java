package io.github.oruk.validation.payload;

import static io.github.oruk.validation.Category.CONFORMANCE;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.validation.rule.RecordContext;
import io.github.oruk.validation.rule.RecordRule;
import io.github.oruk.validation.rule.Reporter;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** ORUK-NULL-001: a property is {@code null}; the standard says to leave out a property that has no value. */
public final class NullValueRule implements RecordRule {

  static final RuleInfo INFO = RuleInfo.registered("ORUK-NULL-001", CONFORMANCE, Set.of());

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext record, Reporter report) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = record.json().fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isNull()) {
        report.add(INFO, record.pointer(field.getKey()), "'" + field.getKey() + "' is null; leave it out instead.",
            "null");
      } else if (field.getValue().isArray()) {
        JsonNode list = field.getValue();
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i).isNull()) {
            report.add(INFO, record.pointer(field.getKey()) + "/" + i, "'" + field.getKey() + "' holds a null item;"
                + " remove it.", "null");
          }
        }
      }
    }
  }
}
