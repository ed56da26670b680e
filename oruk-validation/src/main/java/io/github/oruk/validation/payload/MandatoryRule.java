package io.github.oruk.validation.payload;

import static io.github.oruk.validation.Category.CONFORMANCE;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.validation.rule.RecordContext;
import io.github.oruk.validation.rule.RecordRule;
import io.github.oruk.validation.rule.Reporter;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.Set;

/**
 * ORUK-POLICY-001: a property the publisher's own policy makes mandatory is missing or empty. Only policy
 * profiles define such properties ({@code mandatory:} in a policy file); the standard's required
 * properties are the schema's business.
 */
public final class MandatoryRule implements RecordRule {

  static final RuleInfo INFO = RuleInfo.registered("ORUK-POLICY-001", CONFORMANCE, Set.of());

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext record, Reporter report) {
    for (String property : record.settings().mandatory(record.type())) {
      JsonNode value = record.json().get(property);
      boolean missing = value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())
          || (value.isContainerNode() && value.isEmpty());
      if (missing) {
        report.add(INFO, record.pointer(property), "the policy requires '" + property + "' on every "
            + record.type().standardName() + (record.id().isEmpty() ? "" : "; " + record.id() + " has none") + ".",
            null);
      }
    }
  }
}
