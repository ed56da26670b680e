package io.github.oruk.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written fast parsers agree with java.time on every input they accept. */
class IsoTextTest {

  @Test
  void agreesWithJavaTimeOnRandomValidValues() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 5_000; i++) {
      LocalDate date = LocalDate.ofEpochDay(random.nextInt(-20_000, 40_000));
      LocalTime time = LocalTime.ofNanoOfDay(random.nextLong(86_400_000_000_000L)).withNano(
          random.nextBoolean() ? 0 : random.nextInt(1_000) * 1_000_000);
      String offset = switch (random.nextInt(3)) {
        case 0 -> "Z";
        case 1 -> "+01:00";
        default -> "-05:30";
      };
      String text = date + "T" + DateTimeFormatter.ISO_LOCAL_TIME.format(time) + offset;
      if (time.getSecond() == 0 && time.getNano() == 0) {
        text = date + "T" + time + ":00" + offset;
      }
      assertEquals(date, IsoText.date(date.toString()));
      assertEquals(OffsetDateTime.parse(text), IsoText.dateTime(text), text);
      assertEquals(LocalTime.parse(DateTimeFormatter.ISO_LOCAL_TIME.format(time)),
          IsoText.time(DateTimeFormatter.ISO_LOCAL_TIME.format(time)));
    }
  }

  @Test
  void declinesEverythingElse() {
    for (String text : new String[] {"2024-02-30", "2024-13-01", "24-01-01", "2024/01/01", " 2024-01-01", "2024-1-01"}) {
      assertNull(IsoText.date(text), text);
      assertThrowsOrNull(text);
    }
    for (String text : new String[] {"24:00", "9:30", "09:60", "09:30:5", "09:30:00.", "09:30:00.1234567890", "09.30"}) {
      assertNull(IsoText.time(text), text);
    }
    for (String text : new String[] {"2024-05-01T09:30:00", "2024-05-01 09:30:00Z", "2024-05-01T09:30Z",
        "2024-05-01T09:30:00+0100", "2024-05-01T09:30:00+25:00", "2024-05-01T25:30:00Z"}) {
      assertNull(IsoText.dateTime(text), text);
    }
  }

  private static void assertThrowsOrNull(String text) {
    try {
      LocalDate.parse(text);
    } catch (DateTimeException expected) {
      return;
    }
    throw new AssertionError("java.time accepts " + text + " but the fast parser declined it");
  }
}
