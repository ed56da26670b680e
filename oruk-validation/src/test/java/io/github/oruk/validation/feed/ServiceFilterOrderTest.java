package io.github.oruk.validation.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The value a filter probe asks with, for ordered filters: the one that narrows the results most. */
class ServiceFilterOrderTest {

  @Test
  void agesTimesAndInstantsNarrowByTheirValueNotTheirText() {
    assertEquals("18", ServiceFilter.MINIMUM_AGE.narrowest(List.of("5", "18", "12")));
    assertEquals("5", ServiceFilter.MAXIMUM_AGE.narrowest(List.of("12", "5", "18")));
    assertEquals("9.5", ServiceFilter.MAXIMUM_AGE.narrowest(List.of("10", "9.5")), "not the text order");
    assertEquals("17:30", ServiceFilter.START_TIME.narrowest(List.of("09:00", "17:30", "12:00")));
    assertEquals("09:00", ServiceFilter.END_TIME.narrowest(List.of("12:00", "09:00", "17:30")));
    // 11:00 at +02:00 is 09:00 UTC, before 10:00 UTC.
    assertEquals("2026-01-01T10:00:00Z", ServiceFilter.MODIFIED_AFTER.narrowest(
        List.of("2026-01-01T11:00:00+02:00", "2026-01-01T10:00:00Z")));
  }

  @Test
  void ofEqualValuesTheFirstIsTaken() {
    assertEquals("18", ServiceFilter.MINIMUM_AGE.narrowest(List.of("18", "18.0")));
    assertEquals("18.0", ServiceFilter.MINIMUM_AGE.narrowest(List.of("18.0", "18")));
  }

  @Test
  void unorderedFiltersAreCountedNotOrdered() {
    assertTrue(ServiceFilter.MINIMUM_AGE.ordered());
    assertFalse(ServiceFilter.SEARCH.ordered());
    assertThrows(IllegalStateException.class, () -> ServiceFilter.SEARCH.narrowest(List.of("food")));
  }
}
