package io.github.oruk.validation.quality;

import static io.github.oruk.validation.Category.DATA_QUALITY;

import io.github.oruk.model.RecordType;
import io.github.oruk.validation.rule.RecordContext;
import io.github.oruk.validation.rule.RecordRule;
import io.github.oruk.validation.rule.Reporter;
import io.github.oruk.validation.rule.RuleInfo;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How recently a service's information was checked: older than the profile's limit (ORUK-FRESH-001; the
 * ORUK guidance asks for three months), never (ORUK-FRESH-002), or in the future (ORUK-FRESH-003).
 */
public final class FreshnessRule implements RecordRule {

  static final RuleInfo STALE = RuleInfo.registered("ORUK-FRESH-001", DATA_QUALITY, Set.of(RecordType.SERVICE));
  static final RuleInfo NEVER = RuleInfo.registered("ORUK-FRESH-002", DATA_QUALITY, Set.of(RecordType.SERVICE));
  static final RuleInfo FUTURE = RuleInfo.registered("ORUK-FRESH-003", DATA_QUALITY, Set.of(RecordType.SERVICE));

  @Override
  public RuleInfo info() {
    return STALE;
  }

  @Override
  public List<RuleInfo> infos() {
    return List.of(STALE, NEVER, FUTURE);
  }

  @Override
  public void check(RecordContext service, Reporter report) {
    String text = service.text("assured_date");
    if (text == null) {
      if (!service.json().has("assured_date")) {
        report.add(NEVER, service.pointer("assured_date"), "the service has no assured_date.", null);
      }
      return;
    }
    LocalDate assured = IsoDates.date(text.length() > 10 ? text.substring(0, 10) : text);
    if (assured == null) {
      return;
    }
    LocalDate today = service.settings().today();
    if (assured.isAfter(today)) {
      report.add(FUTURE, service.pointer("assured_date"), "assured_date " + assured + " is after today (" + today + ").",
          text);
    } else if (assured.isBefore(today.minus(service.settings().freshness()))) {
      Period age = Period.between(assured, today);
      String ago = age.toTotalMonths() > 0 ? inWords(age.withDays(0)) : inWords(age);
      report.add(STALE, service.pointer("assured_date"), "last assured on " + assured + ", " + ago
          + " ago; the limit is " + inWords(service.settings().freshness()) + ".", text);
    }
  }

  /** A period as people say it: "3 months", "1 year and 6 months", "2 years, 1 month and 3 days". */
  static String inWords(Period period) {
    Period normal = period.normalized();
    List<String> parts = new ArrayList<>();
    add(parts, normal.getYears(), "year");
    add(parts, normal.getMonths(), "month");
    add(parts, normal.getDays(), "day");
    if (parts.isEmpty()) {
      return "0 days";
    }
    String last = parts.remove(parts.size() - 1);
    return parts.isEmpty() ? last : String.join(", ", parts) + " and " + last;
  }

  private static void add(List<String> parts, int amount, String unit) {
    if (amount != 0) {
      parts.add(amount + " " + unit + (Math.abs(amount) == 1 ? "" : "s"));
    }
  }
}
