package io.github.oruk.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.oruk.model.Organization;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and writing packages built here, one quirk or rule at a time. */
class TabularPackageTest {

  private static final String SERVICE_1 = "11111111-1111-4111-8111-111111111111";
  private static final String SERVICE_2 = "22222222-2222-4222-8222-222222222222";
  private static final String ORG = "33333333-3333-4333-8333-333333333333";
  private static final String NOBODY = "99999999-9999-4999-8999-999999999999";

  @TempDir
  Path dir;

  private void file(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static List<String> lines(TabularRead read) {
    return read.findings().stream().map(f -> f.code() + " " + f.location()).toList();
  }

  @Test
  void spreadsheetQuirksAreReadByteOrderMarkSemicolonsCrlfQuotedLineBreaksAndUkDates() throws IOException {
    file("services.csv", "\uFEFFid;name;status;description;assured_date;minimum_age\r\n"
        + SERVICE_1 + ";Lunch club;active;\"Hot meals;\r\nevery Tuesday\";31/01/2024;65\r\n");

    TabularRead read = TabularPackage.read(dir);

    Service service = read.services().get(0);
    assertEquals(SERVICE_1, service.getId(), "the byte order mark is not part of the first column's name");
    assertEquals("Hot meals;\r\nevery Tuesday", service.getDescription());
    assertEquals(LocalDate.of(2024, 1, 31), service.getAssuredDate());
    assertEquals(new BigDecimal("65"), service.getMinimumAge());
    assertEquals(ServiceStatus.ACTIVE, service.getStatus());
    assertEquals(List.of("ORUK-READ-015 services.csv:2:assured_date"), lines(read));
  }

  @Test
  void aValueThatDoesNotFitItsTypeIsKeptAsAnExtensionAndReportedAtItsFileRowAndColumn() throws IOException {
    file("services.csv", "id,name,status,minimum_age\n" + SERVICE_1 + ",Lunch club,active,twelve\n");
    file("service_at_location.csv", "id,service_id,location_id\n" + NOBODY.replace('9', '5') + "," + SERVICE_1
        + ",44444444-4444-4444-8444-444444444444\n");
    file("locations.csv", "id,location_type,latitude\n44444444-4444-4444-8444-444444444444,physical,north\n");

    TabularRead read = TabularPackage.read(dir);

    Service service = read.services().get(0);
    assertNull(service.getMinimumAge());
    assertEquals("twelve", service.getExtensions().get("minimum_age").asText());
    assertEquals("north", service.getServiceAtLocations().get(0).getLocation().getExtensions().get("latitude").asText());
    assertEquals(List.of("ORUK-READ-010 services.csv:2:minimum_age", "ORUK-READ-010 locations.csv:2:latitude"),
        lines(read));
  }

  @Test
  void rowsWhoseForeignKeyNamesNothingAreReportedAndKeptNotDropped() throws IOException {
    file("services.csv", "id,name,status,organization_id\n" + SERVICE_1 + ",Lunch club,active," + NOBODY + "\n");
    file("schedules.csv", "id,service_id,byday\n55555555-5555-4555-8555-555555555555," + NOBODY + ",MO\n");

    TabularRead read = TabularPackage.read(dir);

    assertEquals(NOBODY, read.services().get(0).getOrganizationId(), "the service is kept, with its key");
    assertNull(read.services().get(0).getOrganization());
    assertEquals(List.of("ORUK-TABULAR-003 services.csv:2:organization_id", "ORUK-TABULAR-003 schedules.csv:2:service_id"),
        lines(read));
    assertEquals(1, read.unlinked().size());
    assertEquals("schedule", read.unlinked().get(0).table());
    assertEquals(2, read.unlinked().get(0).row());
    assertEquals("MO", read.unlinked().get(0).values().get("byday").asText());
  }

  @Test
  void anOrganizationNestsInEachOfItsServicesAndIsWrittenOnce() throws IOException {
    file("services.csv", "id,name,status,organization_id\n" + SERVICE_1 + ",Lunch club,active," + ORG + "\n"
        + SERVICE_2 + ",Choir,active," + ORG + "\n");
    file("organizations.csv", "id,name,description\n" + ORG + ",Friends,A charity\n");

    TabularRead read = TabularPackage.read(dir);
    Organization first = read.services().get(0).getOrganization();
    assertEquals("Friends", first.getName());
    assertEquals(first, read.services().get(1).getOrganization());

    Path out = dir.resolve("out");
    assertEquals(List.of(), TabularPackage.write(read.services(), out));
    assertEquals(2, Files.readAllLines(out.resolve("organizations.csv")).size(), "the header and one row");
    assertEquals(read.services(), TabularPackage.read(out).services());
  }

  @Test
  void tablesAndColumnsOrukLacksAreKeptAsExtensionsWithInformationalFindings() throws IOException {
    file("services.csv", "id,name,status,wait_time\n" + SERVICE_1 + ",Lunch club,active,2 weeks\n");
    file("required_documents.csv", "id,service_id,document\n66666666-6666-4666-8666-666666666666," + SERVICE_1
        + ",Proof of address\n");

    TabularRead read = TabularPackage.read(dir);

    Service service = read.services().get(0);
    assertEquals("2 weeks", service.getExtensions().get("wait_time").asText());
    assertEquals("Proof of address", service.getExtensions().get("required_documents").get(0).get("document").asText());
    assertEquals(List.of("ORUK-TABULAR-002 services.csv:1:wait_time", "ORUK-TABULAR-001 required_documents.csv:1:"),
        lines(read));
    assertTrue(read.findings().stream().allMatch(f -> f.severity() == io.github.oruk.model.diagnostic.Severity.INFO));
  }

  @Test
  void aFileThatIsNotUtf8IsReadAsWindows1252AndSaysSo() throws IOException {
    Files.write(dir.resolve("services.csv"), ("id,name,status,fees\n" + SERVICE_1 + ",Lunch club,active,\u00a33\n")
        .getBytes(CsvText.WINDOWS_1252));

    TabularRead read = TabularPackage.read(dir);

    assertEquals("\u00a33", read.services().get(0).getFees());
    assertEquals(List.of("ORUK-TABULAR-009 services.csv:0:"), lines(read));
  }

  @Test
  void cellsBeyondTheHeaderAreKeptUnderTheirPosition() throws IOException {
    file("services.csv", "id,name,status\n" + SERVICE_1 + ",Lunch club,active,stray\n");

    TabularRead read = TabularPackage.read(dir);

    assertEquals("stray", read.services().get(0).getExtensions().get("column_4").asText());
    assertEquals(List.of("ORUK-TABULAR-006 services.csv:2:column_4"), lines(read));
  }

  @Test
  void extensionValuesKeepTheirTypesThroughTheWrittenDescriptorAndAZip() throws IOException {
    Service service = new Service().id(SERVICE_1).name("Lunch club").status(ServiceStatus.ACTIVE);
    service.putExtension("x_score", JsonNodeFactory.instance.numberNode(new BigDecimal("4.5")));
    service.putExtension("x_open", JsonNodeFactory.instance.booleanNode(true));
    service.putExtension("x_tags", JsonNodeFactory.instance.arrayNode().add("food").add(2));
    Path zip = dir.resolve("package.zip");

    TabularPackage.write(List.of(service), zip);
    TabularRead read = TabularPackage.read(zip);

    assertEquals(List.of(service), read.services());
    assertTrue(TabularPackage.isPackage(zip));
  }

  @Test
  void aFolderHoldingOtherTablesIsNotWrittenInto() throws IOException {
    file("programs.csv", "id\n");
    IOException refused = assertThrows(IOException.class, () -> TabularPackage.write(List.of(), dir));
    assertTrue(refused.getMessage().contains("programs.csv"), refused.getMessage());
  }

  @Test
  void withoutAServicesTableThereIsNoPackage() throws IOException {
    file("organizations.csv", "id,name\n");
    TabularReadException refused = assertThrows(TabularReadException.class, () -> TabularPackage.read(dir));
    assertTrue(refused.getMessage().contains("services.csv"), refused.getMessage());
  }

  @Test
  void twoDifferentCopiesOfOneOrganizationAreWrittenOnceAndReported() throws IOException {
    Service one = new Service().id(SERVICE_1).name("a").status(ServiceStatus.ACTIVE)
        .organization(new Organization().id(ORG).name("Friends").description("one"));
    Service two = new Service().id(SERVICE_2).name("b").status(ServiceStatus.ACTIVE)
        .organization(new Organization().id(ORG).name("Friends").description("two"));

    List<TabularFinding> findings = TabularPackage.write(List.of(one, two), dir.resolve("out"));

    assertEquals(List.of("ORUK-TABULAR-010 organizations.csv:2:id"),
        findings.stream().map(f -> f.code() + " " + f.location()).toList());
    TabularRead read = TabularPackage.read(dir.resolve("out"));
    assertEquals("one", read.services().get(1).getOrganization().getDescription());
  }
}
