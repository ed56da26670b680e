package io.github.oruk.examples.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.ServiceStatus;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.model.query.Query;
import io.github.oruk.server.PageRequest;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The council spreadsheet import: what it understands, and everything it refuses, all at once. */
class CsvImportTest {

  private static final OffsetDateTime IMPORTED = OffsetDateTime.of(2025, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);
  /** Every column the import knows, as the README lists them; written out here rather than asked of the code. */
  static final List<String> COLUMNS = List.of("service_id", "service_name", "service_description", "organisation_name",
      "organisation_description", "organisation_website", "service_url", "service_email", "status", "fees",
      "minimum_age", "maximum_age", "location_name", "address_1", "city", "county", "postcode", "latitude",
      "longitude", "days", "opens_at", "closes_at", "categories", "service_area", "last_modified", "assured_date",
      "phone", "opening_hours");
  /** The one-line error for a sheet whose third column is "Referral Route". */
  static final String UNKNOWN_COLUMN = "line 1, column 3: 'Referral Route' is not a column this import knows; the"
      + " columns are " + String.join(", ", COLUMNS) + " (rename or remove it, so that nothing in the sheet is"
      + " silently left behind)";

  /** A sheet as a council might export it: mixed-case headers, quotes, a service on two rows. */
  static final String SHEET = "\uFEFFService Name,Organisation,Description,Status,Min Age,Max Age,Venue,Address,Town,"
      + "County,Postcode,Latitude,Longitude,Days,Opens,Closes,Categories,Service Area,Website,Updated\r\n"
      + "Westgate Food Pantry,Westgate Community Trust,\"Food parcels, toiletries and \"\"warm\"\" drinks.\nNo"
      + " referral needed.\",active,,,Westgate Hall,12 Mill Lane,Bristol,City of Bristol,bs1 4dj,51.4545,-2.5879,"
      + "Mon-Fri,9:30,12:00,Food; Money advice,Bristol,https://westgate.example.org/pantry,2025-01-20\r\n"
      + "Westgate Food Pantry,Westgate Community Trust,\"Food parcels, toiletries and \"\"warm\"\" drinks.\nNo"
      + " referral needed.\",active,,,St Anne's Church Hall,3 Church Road,Bristol,City of Bristol,BS5 9LA,"
      + "51.4620,-2.5550,Saturday,10:00,11:30,Food,,https://westgate.example.org/pantry,2025-01-20\r\n"
      + "Youth Club,Eastville Youth,,Temporarily Closed,11,18,,,,,,,,Tue and Thu,18:00,20:30,Young people,,,\r\n"
      + "\r\n";

  private static CsvImport.Sheet read(String text) throws IOException {
    return new CsvImport(IMPORTED).read(new StringReader(text));
  }

  @Test
  void readsTheSheetIntoServices() throws IOException {
    CsvImport.Sheet sheet = read(SHEET);
    assertEquals(2, sheet.services().size(), "the pantry's two rows are one service");
    Service pantry = sheet.services().get(0);
    assertEquals("Westgate Food Pantry", pantry.getName());
    assertEquals("Food parcels, toiletries and \"warm\" drinks.\nNo referral needed.", pantry.getDescription());
    assertEquals("Westgate Community Trust", pantry.getOrganization().getName());
    assertEquals(2, pantry.getServiceAtLocations().size());
    ServiceAtLocation hall = pantry.getServiceAtLocations().get(0);
    assertEquals("BS1 4DJ", hall.getLocation().getAddresses().get(0).getPostalCode(), "postcodes are tidied");
    assertEquals(0, new BigDecimal("51.4545").compareTo(hall.getLocation().getLatitude()));
    assertEquals("MO,TU,WE,TH,FR", pantry.getSchedules().get(0).getByday());
    assertEquals(LocalTime.of(9, 30), pantry.getSchedules().get(0).getOpensAt());
    assertEquals("SA", pantry.getSchedules().get(1).getByday());
    assertEquals(List.of("Food", "Money advice"), pantry.getAttributes().stream()
        .map(a -> a.getTaxonomyTerm().getName()).toList(), "categories, each once");
    assertEquals(java.time.Instant.parse("2025-01-20T00:00:00Z"), pantry.getLastModified().toInstant(),
        "a date is midnight UK time");
    Service youth = sheet.services().get(1);
    assertEquals(ServiceStatus.TEMPORARILY_CLOSED, youth.getStatus());
    assertEquals(0, BigDecimal.valueOf(11).compareTo(youth.getMinimumAge()));
    assertTrue(youth.getServiceAtLocations().isEmpty(), "no venue, no location");
    assertEquals("TU,TH", youth.getSchedules().get(0).getByday());
    assertEquals(IMPORTED, youth.getLastModified(), "blank last_modified is the import time");
    assertEquals(List.of("Food", "Money advice", "Young people"), sheet.categories().getTaxonomyTerms().stream()
        .map(TaxonomyTerm::getName).toList());
    assertEquals(ids(sheet), ids(read(SHEET)), "the same sheet gives the same ids");
  }

  private static List<String> ids(CsvImport.Sheet sheet) {
    return sheet.services().stream().map(Service::getId).toList();
  }

  @Test
  void importsIntoTheDatabaseAndServes(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("directory.csv"), SHEET);
    DataSource dataSource = Database.inMemory("csv" + System.nanoTime());
    Database.createSchema(dataSource);
    assertEquals(2, JdbcPublisher.importFile(dataSource, file, System.err));
    JdbcDirectory directory = new JdbcDirectory(dataSource);
    assertEquals(List.of("Westgate Food Pantry"), directory.services(Query.builder().search("pantry").build(),
        PageRequest.of(1, 10)).items().stream().map(Service::getName).toList());
    assertEquals(1, directory.serviceAtLocations(Query.builder().postcode("BS1 4DJ").proximity(500).build(),
        PageRequest.of(1, 10)).totalItems(), "the hall, not the church 2.4 km away");
    assertEquals(2, directory.serviceAtLocations(Query.builder().postcode("BS1 4DJ").proximity(5_000).build(),
        PageRequest.of(1, 10)).totalItems());
    assertEquals(1, directory.services(Query.builder().taxonomyId(new CsvImport(IMPORTED).read(new StringReader(SHEET))
        .categories().getId()).search("youth").build(), PageRequest.of(1, 10)).totalItems());
    assertEquals(3, directory.taxonomyTerms(Query.all(), PageRequest.of(1, 10)).totalItems());
  }

  @Test
  void everyProblemIsReportedAndNothingIsImported(@TempDir Path dir) throws Exception {
    String bad = "service_name,organisation_name,minimum_age,maximum_age,opens_at,postcode,address_1,city,county,"
        + "status,days\n"
        + "A,Org,ten,,,,,,,,\n"
        + "B,Org,,,25:00,,,,,,\n"
        + "C,Org,,,,NOT A POSTCODE,1 High St,Leeds,West Yorkshire,,\n"
        + ",Org,,,,,,,,,\n"
        + "E,Org,,,,,,,,paused,\n"
        + "F,Org,12,5,,,,,,,\n"
        + "G,Org,,,,,,,,,Funday\n"
        + "H,Org,,,,LS1 1AA,,,,,\n"
        + "I,Org,,,,,,,,,,,extra\n";
    CsvImportException problems = assertThrows(CsvImportException.class, () -> read(bad));
    List<String> found = problems.problems();
    String[] expected = {"line 2, column minimum_age", "line 3, column opens_at", "line 4, column postcode",
        "line 5, column service_name", "line 6, column status", "line 7, column maximum_age", "line 8, column days",
        "line 9, column address_1", "line 10:"};
    for (String where : expected) {
      assertTrue(found.stream().anyMatch(p -> p.startsWith(where)), where + " in " + found);
    }
    Path file = Files.writeString(dir.resolve("bad.csv"), bad);
    DataSource dataSource = Database.inMemory("bad" + System.nanoTime());
    Database.createSchema(dataSource);
    assertThrows(CsvImportException.class, () -> JdbcPublisher.importFile(dataSource, file, System.err));
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM service")) {
      rows.next();
      assertEquals(0, rows.getInt(1));
    }
  }

  @Test
  void theHeaderMustBeUnderstoodInFull() {
    CsvImportException unknown = assertThrows(CsvImportException.class,
        () -> read("service_name,organisation_name,Referral Route\nA,B,GP\n"));
    assertEquals(List.of(UNKNOWN_COLUMN), unknown.problems(), "one line, listing the columns it knows");
    CsvImportException missing = assertThrows(CsvImportException.class, () -> read("service_name\nA\n"));
    assertTrue(missing.getMessage().contains("organisation_name"), missing.getMessage());
    assertThrows(CsvImportException.class, () -> read(""));
    CsvImportException quote = assertThrows(CsvImportException.class,
        () -> read("service_name,organisation_name\n\"A,B\n"));
    assertTrue(quote.getMessage().contains("never closed"), quote.getMessage());
    CsvImportException clash = assertThrows(CsvImportException.class,
        () -> read("service_name,organisation_name,status\nA,B,active\nA,B,inactive\n"));
    assertTrue(clash.getMessage().contains("different details"), clash.getMessage());
  }
}
