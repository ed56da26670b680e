package io.github.oruk.hub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Service;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

class AssurancePolicyTest {

  @Test
  void periodsAreANumberAndAUnitOfDaysWeeksMonthsOrYears() {
    assertEquals(Period.ofMonths(12), AssurancePolicy.parse("12m").within());
    assertEquals(Period.ofMonths(6), AssurancePolicy.parse("6m").within());
    assertEquals(Period.ofYears(1), AssurancePolicy.parse("1y").within());
    assertEquals(Period.ofDays(90), AssurancePolicy.parse("90d").within());
    assertEquals(Period.ofWeeks(8), AssurancePolicy.parse("8W").within());
    assertEquals("12m", AssurancePolicy.parse("12m").toString());
    assertEquals("1y", AssurancePolicy.parse("1y").toString());
    assertEquals("90d", AssurancePolicy.parse("90d").toString());
  }

  @Test
  void anythingElseIsRefusedSayingWhatWasExpected() {
    for (String wrong : new String[] {"12", "m", "12x", "0d", "-1m", "", "12 months", "P1Y", "1.5y"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AssurancePolicy.parse(wrong),
          wrong);
      assertTrue(e.getMessage().contains("'" + wrong + "' is not an assurance period: expected"), e.getMessage());
    }
  }

  @Test
  void aServiceIsAssuredWhenItsDateIsWithinThePeriodAndNotWhenItHasNone() {
    AssurancePolicy policy = AssurancePolicy.parse("6m");
    LocalDate today = LocalDate.of(2026, 12, 7);
    assertTrue(policy.assured(new Service().assuredDate(LocalDate.of(2026, 6, 7)), today), "the first day counts");
    assertFalse(policy.assured(new Service().assuredDate(LocalDate.of(2026, 6, 6)), today));
    assertFalse(policy.assured(new Service(), today), "never assured");
  }
}
