package io.github.oruk.validation.quality;

import static io.github.oruk.validation.Category.CONFORMANCE;
import static io.github.oruk.validation.Category.DATA_QUALITY;

import io.github.oruk.model.RecordType;
import io.github.oruk.validation.rule.RecordContext;
import io.github.oruk.validation.rule.RecordRule;
import io.github.oruk.validation.rule.Reporter;
import io.github.oruk.validation.rule.RuleInfo;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Schedules that cannot be right: opening after closing (ORUK-SCHED-001), {@code byday} or
 * {@code bymonthday} that are not iCalendar (ORUK-SCHED-002, ORUK-SCHED-004), periods that end before
 * they start (ORUK-SCHED-003) and intervals below one (ORUK-SCHED-005).
 */
public final class ScheduleRule implements RecordRule {

  static final RuleInfo TIMES = RuleInfo.registered("ORUK-SCHED-001", DATA_QUALITY, Set.of(RecordType.SCHEDULE));
  static final RuleInfo BYDAY = RuleInfo.registered("ORUK-SCHED-002", CONFORMANCE, Set.of(RecordType.SCHEDULE));
  static final RuleInfo PERIOD = RuleInfo.registered("ORUK-SCHED-003", DATA_QUALITY, Set.of(RecordType.SCHEDULE));
  static final RuleInfo MONTHDAY = RuleInfo.registered("ORUK-SCHED-004", CONFORMANCE, Set.of(RecordType.SCHEDULE));
  static final RuleInfo INTERVAL = RuleInfo.registered("ORUK-SCHED-005", DATA_QUALITY, Set.of(RecordType.SCHEDULE));

  private static final Pattern DAY = Pattern.compile("([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)");
  private static final Pattern MONTH_DAY = Pattern.compile("-?([1-9]|[12][0-9]|3[01])");

  @Override
  public RuleInfo info() {
    return BYDAY;
  }

  @Override
  public List<RuleInfo> infos() {
    return List.of(TIMES, BYDAY, PERIOD, MONTHDAY, INTERVAL);
  }

  @Override
  public void check(RecordContext schedule, Reporter report) {
    LocalTime opens = time(schedule.text("opens_at"));
    LocalTime closes = time(schedule.text("closes_at"));
    if (opens != null && closes != null && !opens.isBefore(closes)) {
      report.add(TIMES, schedule.pointer("closes_at"), "the schedule opens at " + opens + " and closes at " + closes
          + ", which is not later.", schedule.text("closes_at"));
    }
    String byday = schedule.text("byday");
    if (byday != null) {
      boolean monthly = "MONTHLY".equals(schedule.text("freq"));
      for (String token : byday.split(",", -1)) {
        String day = token.strip();
        var match = DAY.matcher(day);
        if (!match.matches() || (match.group(1) != null && !monthly)) {
          report.add(BYDAY, schedule.pointer("byday"), "'" + day + "' in byday is not "
              + (match.matches() ? "allowed an ordinal unless freq is MONTHLY" : "an iCalendar day code") + ".", byday);
          break;
        }
      }
    }
    String monthDays = schedule.text("bymonthday");
    if (monthDays != null) {
      for (String token : monthDays.split(",", -1)) {
        if (!MONTH_DAY.matcher(token.strip()).matches()) {
          report.add(MONTHDAY, schedule.pointer("bymonthday"), "'" + token.strip() + "' in bymonthday is not a day"
              + " of the month.", monthDays);
          break;
        }
      }
    }
    LocalDate from = date(schedule.text("valid_from"));
    LocalDate to = date(schedule.text("valid_to"));
    LocalDate start = date(schedule.text("dtstart"));
    if (from != null && to != null && to.isBefore(from)) {
      report.add(PERIOD, schedule.pointer("valid_to"), "valid_to (" + to + ") is before valid_from (" + from + ").",
          schedule.text("valid_to"));
    }
    if (start != null && to != null && to.isBefore(start)) {
      report.add(PERIOD, schedule.pointer("dtstart"), "dtstart (" + start + ") is after valid_to (" + to + ").",
          schedule.text("dtstart"));
    }
    var interval = schedule.json().get("interval");
    if (interval != null && interval.isNumber() && interval.decimalValue().signum() <= 0) {
      report.add(INTERVAL, schedule.pointer("interval"), "interval is " + interval.asText() + "; it must be 1 or more.",
          interval.asText());
    }
  }

  private static @Nullable LocalTime time(@Nullable String text) {
    if (text == null) {
      return null;
    }
    return IsoDates.time(text);
  }

  private static @Nullable LocalDate date(@Nullable String text) {
    if (text == null) {
      return null;
    }
    return IsoDates.date(text);
  }
}
