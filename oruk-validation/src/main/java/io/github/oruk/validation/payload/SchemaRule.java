package io.github.oruk.validation.payload;

import static io.github.oruk.validation.Category.CONFORMANCE;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.validation.rule.DocumentContext;
import io.github.oruk.validation.rule.DocumentRule;
import io.github.oruk.validation.rule.Reporter;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.Set;

/**
 * ORUK-SCHEMA-001: the document breaks the JSON Schema of its kind. Every violation is reported, each at
 * its own pointer. A {@code null} is left to ORUK-NULL-001, which says it more plainly.
 */
public final class SchemaRule implements DocumentRule {

  static final RuleInfo INFO = RuleInfo.registered("ORUK-SCHEMA-001", CONFORMANCE, Set.of());

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(DocumentContext document, Reporter report) {
    for (SchemaViolation violation : document.payload().validate(document.type(), document.page(), document.json())) {
      JsonNode value = document.json().at(violation.pointer());
      if (value.isNull() && violation.keyword().equals("type")) {
        continue;
      }
      String observed = value.isMissingNode() || value.isContainerNode() ? null : value.toString();
      report.add(INFO, violation.pointer(), describe(violation), observed);
    }
  }

  /** The schema's complaint; not the pointer, which the finding carries and every report shows beside it. */
  private static String describe(SchemaViolation violation) {
    return violation.message().strip() + " (schema keyword '" + violation.keyword() + "').";
  }
}
