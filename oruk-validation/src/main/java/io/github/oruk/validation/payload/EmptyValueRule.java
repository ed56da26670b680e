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

/** ORUK-EMPTY-001: an optional property is sent empty ("" or []); the ORUK guidance says to leave it out. */
public final class EmptyValueRule implements RecordRule {

  static final RuleInfo INFO = RuleInfo.registered("ORUK-EMPTY-001", CONFORMANCE, Set.of());

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext record, Reporter report) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = record.json().fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (value.isTextual() && value.asText().isBlank()) {
        report.add(INFO, record.pointer(field.getKey()), "'" + field.getKey() + "' is blank text; leave it out,"
            + " or give it a value.", value.toString());
      } else if (value.isArray() && value.isEmpty()) {
        report.add(INFO, record.pointer(field.getKey()), "'" + field.getKey() + "' is an empty list; leave it out.",
            "[]");
      }
    }
  }
}
