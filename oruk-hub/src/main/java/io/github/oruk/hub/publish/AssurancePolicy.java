package io.github.oruk.hub.publish;

import io.github.oruk.model.Service;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides services not assured within a period: a service is shown when its {@code assured_date} is on or after
 * today less the period, and hidden when it is older or missing (a record nobody has checked is not assured).
 * Assurers use it to take records out of a published directory until they are checked again; the records stay in
 * the store.
 *
 * @param within how recently a service must have been assured to be shown
 */
public record AssurancePolicy(Period within) {

  private static final Pattern TEXT = Pattern.compile("(\\d{1,4})([dwmy])");

  /** Checks the period: positive, and in whole days, weeks, months or years. */
  public AssurancePolicy {
    Objects.requireNonNull(within, "within");
    if (within.isNegative() || within.isZero()) {
      throw new IllegalArgumentException("an assurance period must be longer than zero; got " + within);
    }
  }

  /**
   * A period as a number and a unit: {@code 90d} (days), {@code 8w} (weeks), {@code 6m} or {@code 12m}
   * (months, not minutes: assurance is counted in days), {@code 1y} (years).
   *
   * @throws IllegalArgumentException naming what was expected, when the text is not such a period
   */
  public static AssurancePolicy parse(String text) {
    Matcher matcher = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
    int amount = matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
    if (amount == 0) {
      throw new IllegalArgumentException("'" + text + "' is not an assurance period: expected a number above zero"
          + " and a unit, d (days), w (weeks), m (months) or y (years), such as 90d, 6m, 12m or 1y");
    }
    return new AssurancePolicy(switch (matcher.group(2)) {
      case "d" -> Period.ofDays(amount);
      case "w" -> Period.ofWeeks(amount);
      case "m" -> Period.ofMonths(amount);
      default -> Period.ofYears(amount);
    });
  }

  /** Whether the service was assured within the period before {@code today}. */
  public boolean assured(Service service, LocalDate today) {
    LocalDate assured = service.getAssuredDate();
    return assured != null && !assured.isBefore(today.minus(within));
  }

  /** The period as {@link #parse} reads it ({@code 90d}, {@code 12m}, {@code 1y}; weeks as days). */
  @Override
  public String toString() {
    if (within.getYears() == 0 && within.getMonths() == 0) {
      return within.getDays() + "d";
    }
    if (within.getYears() == 0 && within.getDays() == 0) {
      return within.getMonths() + "m";
    }
    return within.getMonths() == 0 && within.getDays() == 0 ? within.getYears() + "y" : within.toString();
  }
}
