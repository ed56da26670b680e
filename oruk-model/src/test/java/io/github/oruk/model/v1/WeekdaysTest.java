package io.github.oruk.model.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The spellings of v1 weekdays seen in feeds, and what they become as an RRULE BYDAY. */
class WeekdaysTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Monday|MO", "monday|MO", " TUESDAY |TU", "Wed|WE", "Weds|WE", "Thurs|TH", "Thu.|TH", "fri|FR",
      "Saturdays|SA", "SU|SU", "mo|MO", "1|MO", "7|SU", "0|SU",
      "Monday, Wednesday|MO,WE", "Mon and Thu|MO,TH", "Tue/Fri|TU,FR", "MO,MO|MO"})
  void textIsReadAsDays(String weekday, String byday) {
    assertEquals(byday, Weekdays.toByDay(NODES.textNode(weekday)));
  }

  @ParameterizedTest
  @CsvSource({"1, MO", "3, WE", "6, SA", "7, SU", "0, SU"})
  void numbersCountFromMondayAsIso8601Does(int weekday, String byday) {
    assertEquals(byday, Weekdays.toByDay(NODES.numberNode(weekday)));
    assertTrue(Weekdays.isNumeric(NODES.numberNode(weekday)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Weekdays", "Mon-Fri", "8", "-1", "Funday", "", "Monday, someday", "and"})
  void anythingElseIsNotUnderstood(String weekday) {
    assertNull(Weekdays.toByDay(NODES.textNode(weekday)));
  }

  @org.junit.jupiter.api.Test
  void otherJsonTypesAreNotUnderstood() {
    JsonNode[] others = {NODES.booleanNode(true), NODES.numberNode(1.5), NODES.objectNode(), NODES.nullNode()};
    for (JsonNode other : others) {
      assertNull(Weekdays.toByDay(other), other::toString);
    }
    assertNull(Weekdays.toByDay(null));
    assertFalse(Weekdays.isNumeric(NODES.textNode("Monday")));
  }

  @org.junit.jupiter.api.Test
  void sameDaysIgnoresOrderCaseAndSpaces() {
    assertTrue(Weekdays.sameDays("MO,WE", "we, mo"));
    assertFalse(Weekdays.sameDays("MO,WE", "MO"));
  }
}
