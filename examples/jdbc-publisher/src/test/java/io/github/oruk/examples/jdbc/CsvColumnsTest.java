package io.github.oruk.examples.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.Schedule;
import io.github.oruk.model.ScheduleFrequency;
import io.github.oruk.model.Service;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The assured_date, phone and opening_hours columns, and the template that shows every column. */
class CsvColumnsTest {

  /** The template in the example's folder (tests run with the module as the working directory). */
  static final Path TEMPLATE = Path.of("services-template.csv");
  private static final OffsetDateTime IMPORTED = OffsetDateTime.of(2025, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);

  private static CsvImport.Sheet read(String text) throws IOException {
    return new CsvImport(IMPORTED).read(new StringReader(text));
  }

  /** A schedule as "BYDAY opens-closes", weekly. */
  static String weekly(Schedule schedule) {
    assertEquals(ScheduleFrequency.WEEKLY, schedule.getFreq(), schedule::toString);
    return schedule.getByday() + " " + schedule.getOpensAt() + "-" + schedule.getClosesAt();
  }

  static List<String> phones(JsonNode phones) {
    List<String> numbers = new ArrayList<>();
    phones.forEach(phone -> numbers.add(phone.path("number").asText()));
    return numbers;
  }

  @Test
  void theTemplateShowsEveryColumnAndImportsAsItsRowsSay() throws IOException {
    List<String> lines = Files.readAllLines(TEMPLATE, StandardCharsets.UTF_8);
    assertEquals(CsvImportTest.COLUMNS, List.of(lines.get(0).split(",")), "the template's header");
    assertEquals(CsvImportTest.COLUMNS, CsvImport.columnNames(), "the columns the import knows");

    CsvImport.Sheet sheet;
    try (var reader = Files.newBufferedReader(TEMPLATE, StandardCharsets.UTF_8)) {
      sheet = new CsvImport(IMPORTED).read(reader);
    }
    assertEquals(2, sheet.services().size(), "the pantry's two venues are one service");
    Service pantry = sheet.services().get(0);
    assertEquals("Westgate Food Pantry", pantry.getName());
    assertEquals(LocalDate.of(2025, 1, 15), pantry.getAssuredDate());
    assertEquals(List.of("0117 496 0123"), phones(pantry.getExtensions().get("phones")));
    assertEquals(List.of("MO,TU,WE,TH,FR 09:30-12:00", "SA 10:00-11:30", "WE 13:00-15:00", "WE 17:00-19:00"),
        pantry.getSchedules().stream().map(CsvColumnsTest::weekly).toList());
    assertEquals(2, pantry.getServiceAtLocations().size());

    Service youth = sheet.services().get(1);
    assertEquals("Eastville Youth Club", youth.getName());
    assertEquals(LocalDate.of(2025, 2, 3), youth.getAssuredDate(), "03/02/2025 is the 3rd of February");
    assertEquals(List.of("0117 496 0456", "+44 117 496 0789"), phones(youth.getExtensions().get("phones")));
    assertEquals(List.of("TU,TH 18:00-20:30"), youth.getSchedules().stream().map(CsvColumnsTest::weekly).toList());
    assertEquals(IMPORTED, youth.getLastModified(), "a blank last_modified is the time of import");
  }

  @Test
  void aServiceIdThatIsNotAUuidBecomesAStableUuidAndAUuidIsKept() throws IOException {
    String sheet = "service_id,service_name,organisation_name\nEVY-001,A,B\nevy-002,C,B\n"
        + "3F2504E0-4F89-41D3-9A0C-0305E82C3301,D,B\n,E,B\n";
    List<String> ids = read(sheet).services().stream().map(Service::getId).toList();
    for (String id : ids) {
      assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "a UUID: " + id);
    }
    assertEquals(4, new java.util.HashSet<>(ids).size(), "each its own: " + ids);
    assertEquals("3f2504e0-4f89-41d3-9a0c-0305e82c3301", ids.get(2), "a UUID is kept (in lower case)");
    assertEquals(ids, read(sheet).services().stream().map(Service::getId).toList(), "the same on every import");
    assertEquals(ids, read(sheet.replace("EVY-001,A,", "EVY-001,A renamed,")).services().stream()
        .map(Service::getId).toList(), "an id derived from service_id stays when the service is renamed");
  }

  @Test
  void openingHoursBecomeWeeklySchedules() throws IOException {
    Map<String, List<String>> cases = Map.of(
        "Mo-Fr 09:00-17:00; Sa 10:00-12:00", List.of("MO,TU,WE,TH,FR 09:00-17:00", "SA 10:00-12:00"),
        "Daily 08:00-20:00", List.of("MO,TU,WE,TH,FR,SA,SU 08:00-20:00"),
        "Mon, Wed 9.30-12:00, 13:00-16:30", List.of("MO,WE 09:30-12:00", "MO,WE 13:00-16:30"),
        "Sa-Mo 10:00-14:00;", List.of("MO,SA,SU 10:00-14:00"),
        "tuesday and thursday 18:00 - 20:30", List.of("TU,TH 18:00-20:30"));
    for (Map.Entry<String, List<String>> hours : cases.entrySet()) {
      Service service = read("service_name,organisation_name,opening_hours\nA,B,\"" + hours.getKey() + "\"\n")
          .services().get(0);
      assertEquals(hours.getValue(), service.getSchedules().stream().map(CsvColumnsTest::weekly).toList(),
          hours.getKey());
    }
  }

  @Test
  void badValuesAreOneLineErrorsNamingTheLineAndColumn() {
    String sheet = "service_name,organisation_name,assured_date,phone,opening_hours,days\n"
        + "A,Org,yesterday,,,\n"
        + "B,Org,2025-03-02,,,\n"
        + "C,Org,,0117 49,,\n"
        + "D,Org,,0117 496 0000; call us,,\n"
        + "E,Org,,,Mo-Fr 9-5,\n"
        + "F,Org,,,09:00-17:00,\n"
        + "G,Org,,,Mo-Fr 17:00-09:00,\n"
        + "H,Org,,,Funday 10:00-12:00,\n"
        + "I,Org,,,Mo 25:00-26:00,\n"
        + "J,Org,,,Mo 10:00-12:00,Tu\n"
        + "K,Org,01/03/2025,+44 117 496 0000,Mo 10:00-12:00,\n";
    CsvImportException thrown = assertThrows(CsvImportException.class, () -> read(sheet));
    List<String> expected = List.of(
        "line 2, column assured_date: 'yesterday' is not a date (2024-05-01 or 01/05/2024)",
        "line 3, column assured_date: '2025-03-02' is after today (2025-03-01); it is the day the details were last"
            + " checked",
        "line 4, column phone: '0117 49' is not a telephone number; write it with all its digits, such as"
            + " 0117 496 0000 or +44 117 496 0000 (several separated by ;)",
        "line 5, column phone: 'call us' is not a telephone number; write it with all its digits, such as"
            + " 0117 496 0000 or +44 117 496 0000 (several separated by ;)",
        "line 6, column opening_hours: 'Mo-Fr 9-5' is not days and times such as Mo-Fr 09:00-17:00; Sa 10:00-12:00",
        "line 7, column opening_hours: '09:00-17:00' does not say on which days; put them first, as in"
            + " Mo-Fr 09:00-17:00; Sa 10:00-12:00",
        "line 8, column opening_hours: '17:00-09:00' in 'Mo-Fr 17:00-09:00' closes before it opens",
        "line 9, column opening_hours: 'Funday' is not a list of days such as MO,WE,FR or Mon-Fri",
        "line 10, column opening_hours: '25:00-26:00' in 'Mo 25:00-26:00' is not two times of day such as"
            + " 09:00-17:00",
        "line 11, column opening_hours: give the opening times either here or in days, opens_at and closes_at,"
            + " not both");
    assertEquals(expected, thrown.problems(), "line 12 is right, and nothing else is reported");
    thrown.problems().forEach(problem -> assertFalse(problem.contains("\n"), problem));
  }

  @Test
  void aServiceOnSeveralRowsMustRepeatItsPhoneAndAssuredDate() {
    String sheet = "service_name,organisation_name,phone,assured_date,opening_hours\n"
        + "A,Org,0117 496 0000,2025-01-10,Mo 10:00-12:00\n"
        + "A,Org,0117 496 0001,2025-01-10,Tu 10:00-12:00\n";
    CsvImportException thrown = assertThrows(CsvImportException.class, () -> read(sheet));
    assertEquals(1, thrown.problems().size(), thrown.problems()::toString);
    assertTrue(thrown.problems().get(0).startsWith("line 3: service "), thrown.problems().get(0));
    assertTrue(thrown.problems().get(0).contains("different details"), thrown.problems().get(0));
  }

  @Test
  void blankNewColumnsLeaveThePropertiesOut() throws IOException {
    Service service = read("service_name,organisation_name,assured_date,phone,opening_hours\nA,B,,,\n")
        .services().get(0);
    assertNull(service.getAssuredDate());
    assertFalse(service.hasExtensions(), "no phones extension");
    assertTrue(service.getSchedules().isEmpty());
  }
}
