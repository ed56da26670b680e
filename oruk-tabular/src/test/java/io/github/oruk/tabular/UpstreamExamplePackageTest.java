package io.github.oruk.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Upstream;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.validation.Finding;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HSDS 3.0 example package published with the standard, read, written back and validated. */
class UpstreamExamplePackageTest {

  private static TabularRead read;

  @BeforeAll
  static void readTheExample() throws IOException {
    read = TabularPackage.read(Upstream.require("oruk-standard/hsds-3.0/tabular/examples-csv"));
  }

  @Test
  void readsWithoutErrorsAndReportsExactlyWhatTheExampleCarries() {
    assertEquals(List.of(), read.findings(Severity.ERROR));
    Set<String> warnings = read.findings(Severity.WARNING).stream().map(f -> f.code() + " " + f.location())
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of(
        // the example's datapackage.json is a link to the descriptor two folders up, checked out as text
        "ORUK-TABULAR-007 datapackage.json:0:",
        // ids that name no row in the example
        "ORUK-TABULAR-003 taxonomy_terms.csv:2:taxonomy_id",
        "ORUK-TABULAR-003 attributes.csv:2:link_id",
        "ORUK-TABULAR-003 metadata.csv:2:resource_id"), warnings);
    assertEquals(1, read.services().size());
    assertEquals("Example Organization Inc.", read.services().get(0).getOrganization().getName());
    assertEquals("MyCity Civic Center", read.services().get(0).getServiceAtLocations().get(0).getLocation().getName());
    assertEquals(List.of("attribute", "taxonomy", "metadata", "meta_table_description"),
        read.unlinked().stream().map(UnlinkedRow::table).toList());
  }

  @Test
  void readWriteReadGivesTheSameRecordsInTheSameOrder(@TempDir Path dir) throws IOException {
    assertEquals(List.of(), TabularPackage.write(read.services(), read.unlinked(), dir));
    TabularRead again = TabularPackage.read(dir);

    assertEquals(read.services(), again.services());
    assertEquals(read.unlinked().stream().map(UnlinkedRow::values).toList(),
        again.unlinked().stream().map(UnlinkedRow::values).toList());
    assertTrue(again.findings(Severity.WARNING).stream().noneMatch(f -> f.code().equals("ORUK-TABULAR-007")),
        "the written descriptor reads");
  }

  @Test
  void theJsonItGivesValidatesStrictExceptForWhatTheExampleItselfCarries() throws IOException {
    OrukJson json = OrukJson.builder().keepExtensions(true).build();
    ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
    for (var service : read.services()) {
      ndjson.write(json.write(service));
      ndjson.write('\n');
    }
    ValidationReport report = Validator.strict().validateNdjson(new ByteArrayInputStream(ndjson.toByteArray()), "example");
    Set<String> found = report.findings().stream().filter(f -> !f.code().equals("ORUK-EXT-001"))
        .map(f -> f.code() + " " + f.pointer()).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of(
        // the example's own data: placeholder addresses, assured in 2005, a location at latitude 100
        "ORUK-CONTACT-001 /email", "ORUK-CONTACT-001 /assurer_email", "ORUK-CONTACT-001 /organization/email",
        "ORUK-FRESH-001 /assured_date",
        "ORUK-GEO-001 /service_at_locations/0/location/latitude"), found);
    // and international HSDS's columns, which the package keeps as extensions: information only
    List<Finding> extensions = report.findings("ORUK-EXT-001");
    assertTrue(extensions.stream().anyMatch(f -> f.pointer().equals("/organization/programs")), extensions.toString());
    assertTrue(extensions.stream().allMatch(f -> f.severity() == Severity.INFO), extensions.toString());
  }
}
