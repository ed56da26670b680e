package io.github.oruk.validation.quality;

import static io.github.oruk.validation.Category.DATA_QUALITY;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.json.NumberRange;
import io.github.oruk.validation.rule.RecordContext;
import io.github.oruk.validation.rule.RecordRule;
import io.github.oruk.validation.rule.Reporter;
import io.github.oruk.validation.rule.RuleInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Eligibility ages: a minimum above the maximum (ORUK-AGE-001), or an age no one has (ORUK-AGE-002). */
public final class AgeRule implements RecordRule {

  static final RuleInfo ORDER = RuleInfo.registered("ORUK-AGE-001", DATA_QUALITY, Set.of(RecordType.SERVICE));
  static final RuleInfo PLAUSIBLE = RuleInfo.registered("ORUK-AGE-002", DATA_QUALITY, Set.of(RecordType.SERVICE));

  private static final BigDecimal OLDEST = BigDecimal.valueOf(120);

  @Override
  public RuleInfo info() {
    return ORDER;
  }

  @Override
  public List<RuleInfo> infos() {
    return List.of(ORDER, PLAUSIBLE);
  }

  @Override
  public void check(RecordContext service, Reporter report) {
    BigDecimal minimum = number(service.json().get("minimum_age"));
    BigDecimal maximum = number(service.json().get("maximum_age"));
    if (minimum != null && maximum != null && minimum.compareTo(maximum) > 0) {
      report.add(ORDER, service.pointer("minimum_age"), "minimum_age " + NumberRange.quote(minimum)
          + " is above maximum_age " + NumberRange.quote(maximum) + ".", NumberRange.quote(minimum));
    }
    plausible(service, "minimum_age", minimum, report);
    plausible(service, "maximum_age", maximum, report);
  }

  private static void plausible(RecordContext service, String name, @Nullable BigDecimal age, Reporter report) {
    if (age != null && (age.signum() < 0 || age.compareTo(OLDEST) > 0)) {
      String years = NumberRange.quote(age);
      report.add(PLAUSIBLE, service.pointer(name), name + " is " + years + " years.", years);
    }
  }

  private static @Nullable BigDecimal number(JsonNode value) {
    return value != null && value.isNumber() ? value.decimalValue() : null;
  }
}
