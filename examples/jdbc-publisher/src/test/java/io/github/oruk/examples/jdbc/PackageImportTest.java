package io.github.oruk.examples.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Service;
import io.github.oruk.model.Upstream;
import io.github.oruk.model.query.Query;
import io.github.oruk.server.PageRequest;
import io.github.oruk.tabular.TabularPackage;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import of an HSDS Tabular Data Package (folder or zip) beside the spreadsheet: what is stored, what is said. */
class PackageImportTest {

  private static final String SERVICE = "7d2f0c6e-3b1a-4c8e-9f10-2a4b6c8d0e12";
  private static final String ORGANIZATION = "0b9e8d7c-6f5a-4b3c-8d2e-1f0a9b8c7d6e";

  @TempDir
  Path dir;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int importInto(DataSource dataSource, Path file) throws Exception {
    Database.createSchema(dataSource);
    return JdbcPublisher.importFile(dataSource, file, new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<String> errLines() {
    return err.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void aLocationWithoutItsTypeStopsTheImportWithAMessageThatNamesItAndStoresNothing() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("no-type"));
    Files.writeString(folder.resolve("services.csv"), "id,name,status\n" + SERVICE + ",Lunch club,active\n",
        StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("locations.csv"), "id,name\n" + ORGANIZATION + ",Church hall\n",
        StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("service_at_location.csv"), "id,service_id,location_id\n"
        + "1c9e8d7c-6f5a-4b3c-8d2e-1f0a9b8c7d6e," + SERVICE + "," + ORGANIZATION + "\n", StandardCharsets.UTF_8);
    DataSource dataSource = Database.inMemory("no-type" + System.nanoTime());

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> importInto(dataSource, folder));

    assertTrue(refused.getMessage().contains("location " + ORGANIZATION + " has no location_type"),
        refused.getMessage());
    assertEquals(0, new JdbcDirectory(dataSource).services(Query.all(), PageRequest.of(1, 1)).totalItems(),
        "nothing was imported");
  }

  @Test
  void generatedServicesWrittenAsAPackageComeBackFromTheTables() throws Exception {
    List<Service> services = DataGenerator.builder().seed(23).asOf(LocalDate.of(2026, 12, 1)).build()
        .services(40).toList();
    for (String name : List.of("folder", "directory.zip")) {
      Path written = dir.resolve(name);
      TabularPackage.write(services, written);
      DataSource dataSource = Database.inMemory("package" + System.nanoTime());

      assertEquals(40, importInto(dataSource, written), name);

      JdbcDirectory directory = new JdbcDirectory(dataSource);
      assertEquals(40, directory.services(Query.all(), PageRequest.of(1, 1)).totalItems(), name);
      for (Service original : services) {
        JdbcDirectoryContract.assertStoredAsGiven(original, directory);
      }
    }
    assertEquals(List.of(), errLines(), "a package the SDK wrote reads without findings");
  }

  @Test
  void rowsNoServiceLeadsToAreCountedAndListedAndTheRestIsStored() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("hand-made"));
    Files.writeString(folder.resolve("services.csv"), "id,organization_id,name,status\r\n"
        + SERVICE + "," + ORGANIZATION + ",Westgate Food Pantry,active\r\n");
    Files.writeString(folder.resolve("organizations.csv"), "id,name,description\r\n"
        + ORGANIZATION + ",Westgate Community Trust,A charity.\r\n");
    Files.writeString(folder.resolve("locations.csv"), "id,location_type,name\r\n"
        + "4c3b2a19-0f8e-4d7c-9b6a-5e4d3c2b1a09,physical,A hall no service uses\r\n");
    Files.writeString(folder.resolve("schedules.csv"), "id,service_id,freq,byday\r\n"
        + "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d,11111111-2222-4333-8444-555555555555,WEEKLY,MO\r\n");
    DataSource dataSource = Database.inMemory("hand" + System.nanoTime());

    assertEquals(1, importInto(dataSource, folder));

    Service stored = new JdbcDirectory(dataSource).service(SERVICE).orElseThrow();
    assertEquals("Westgate Community Trust", stored.getOrganization().getName());
    List<String> lines = errLines();
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("ORUK-TABULAR-008\tlocations.csv:2:\t")), lines::toString);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("ORUK-TABULAR-003\tschedules.csv:2:service_id\t")),
        lines::toString);
    int summary = lines.indexOf("jdbc-publisher: 2 row(s) of " + folder + " that no service leads to are not imported"
        + " (each reported above as ORUK-TABULAR-003 or -008; the tables keep services and what they lead to):");
    assertTrue(summary >= 0, lines::toString);
    assertEquals(List.of("  locations.csv:2 (location)", "  schedules.csv:2 (schedule)"),
        lines.subList(summary + 1, lines.size()).stream().sorted().toList());
  }

  @Test
  void theUpstreamExamplePackageIsImportedWithItsTaxonomyAndItsLeftoversListed() throws Exception {
    Path example = Upstream.require("oruk-standard/hsds-3.0/tabular/examples-csv");
    DataSource dataSource = Database.inMemory("upstream" + System.nanoTime());

    assertEquals(1, importInto(dataSource, example));

    JdbcDirectory directory = new JdbcDirectory(dataSource);
    Service service = directory.services(Query.all(), PageRequest.of(1, 10)).items().get(0);
    assertEquals("Community Counselling", service.getName());
    assertEquals("Example Organization Inc.", service.getOrganization().getName());
    assertEquals(1, directory.taxonomies(Query.all(), PageRequest.of(1, 10)).totalItems(),
        "taxonomies.csv's row, which no term names");
    List<String> lines = errLines();
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("ORUK-TABULAR-003\tattributes.csv:2:link_id\t")),
        lines::toString);
    int summary = lines.indexOf("jdbc-publisher: 3 row(s) of " + example + " that no service leads to are not"
        + " imported (each reported above as ORUK-TABULAR-003 or -008; the tables keep services and what they lead"
        + " to):");
    assertTrue(summary >= 0, lines::toString);
    assertEquals(List.of("  attributes.csv:2 (attribute)", "  metadata.csv:2 (metadata)",
        "  meta_table_descriptions.csv:2 (meta_table_description)"), lines.subList(summary + 1, summary + 4));
    assertTrue(lines.contains("imported 1 taxonomy from " + example), lines::toString);
  }
}
