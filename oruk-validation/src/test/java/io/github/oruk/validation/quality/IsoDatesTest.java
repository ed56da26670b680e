package io.github.oruk.validation.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-read dates and times answer exactly as {@code LocalDate.parse} and {@code LocalTime.parse} do. */
class IsoDatesTest {

  private static final String CHARACTERS = "0123456789-:T.+ Z2019";

  @Test
  void datesAndTimesAreReadAsTheFormatterReadsThem() {
    List<String> texts = new ArrayList<>(List.of("2026-12-01", "2024-02-29", "2023-02-29", "2026-13-01",
        "2026-00-10", "2026-04-31", "0000-01-01", "9999-12-31", "+10000-01-01", "2026-1-01", "2026/12/01", "２０２６-12-01",
        "09:30", "9:30", "24:00", "23:59", "23:60", "09:30:00", "09:30:60", "09:30:59.5", "09:30:00.123456789",
        "0930", "09-30", "", " 09:30", "09:30 ", "aa:bb", "12:3a"));
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      // A real date or time, then now and then one character changed: many valid texts, many nearly valid ones.
      String real = switch (i % 3) {
        case 0 -> LocalDate.ofEpochDay(random.nextLong(-800_000, 2_900_000)).toString();
        case 1 -> String.format("%02d:%02d", random.nextInt(26), random.nextInt(62));
        default -> String.format("%02d:%02d:%02d", random.nextInt(26), random.nextInt(62), random.nextInt(62));
      };
      StringBuilder text = new StringBuilder(real);
      if (random.nextInt(3) == 0) {
        text.setCharAt(random.nextInt(text.length()), CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
      }
      texts.add(text.toString());
    }
    int dates = 0;
    int times = 0;
    for (String text : texts) {
      LocalDate date = formatterDate(text);
      LocalTime time = formatterTime(text);
      assertEquals(date, IsoDates.date(text), text);
      assertEquals(time, IsoDates.time(text), text);
      dates += date == null ? 0 : 1;
      times += time == null ? 0 : 1;
    }
    // Both answers occur often, so the comparison covers valid and invalid texts alike.
    assertEquals(true, dates > 3_000 && times > 6_000, dates + " dates, " + times + " times");
  }

  private static LocalDate formatterDate(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static LocalTime formatterTime(String text) {
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
