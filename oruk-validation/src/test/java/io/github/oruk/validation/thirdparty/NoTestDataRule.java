package io.github.oruk.validation.thirdparty;

import io.github.oruk.model.RecordType;
import io.github.oruk.validation.Category;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.rule.RecordContext;
import io.github.oruk.validation.rule.RecordRule;
import io.github.oruk.validation.rule.Reporter;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.Locale;
import java.util.Set;

/** A rule as a third party would write it: registered only through META-INF/services in the test jar. */
public final class NoTestDataRule implements RecordRule {

  static final RuleInfo INFO = new RuleInfo("ACME-TEST-001", "Test data in production", Category.DATA_QUALITY,
      Severity.ERROR, Set.of(RecordType.SERVICE), "Remove test services before publishing.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext service, Reporter report) {
    String name = service.text("name");
    if (name != null && name.toLowerCase(Locale.ROOT).contains("do not use")) {
      report.add(INFO, service.pointer("name"), "the service is called '" + name + "', which looks like test data.",
          name);
    }
  }
}
