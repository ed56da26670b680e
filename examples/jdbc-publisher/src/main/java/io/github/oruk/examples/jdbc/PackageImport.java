package io.github.oruk.examples.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.Attribute;
import io.github.oruk.model.Service;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.tabular.TabularFinding;
import io.github.oruk.tabular.TabularPackage;
import io.github.oruk.tabular.TabularRead;
import io.github.oruk.tabular.UnlinkedRow;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Imports an HSDS Tabular Data Package (a folder of CSV tables with {@code datapackage.json}, or a
 * {@code .zip}) through {@link DirectoryWriter}, the way ORUK JSON is imported.
 *
 * <p>Unlike the spreadsheet, a package is not all or nothing: the reader ({@code oruk-tabular}) keeps and
 * repairs what it can, and this prints each of its findings on {@code err} as {@code oruk convert} does
 * ({@code CODE<TAB>FILE:ROW:COLUMN<TAB>message}). The package's taxonomies are stored too (those its terms
 * name, and those no term names), so that {@code /taxonomies} lists them. Every other row that no service
 * leads to has no place in the tables; they are counted and listed by file and row, never dropped silently.
 */
final class PackageImport {

  /** The table of the taxonomy rows, as {@code oruk-tabular} names it. */
  private static final String TAXONOMY = "taxonomy";
  /** Where {@code oruk-tabular} keeps the taxonomy a term names (HSDS's {@code taxonomy_detail}). */
  private static final String TAXONOMY_DETAIL = "taxonomy_detail";

  private PackageImport() {
  }

  /**
   * Reads the package, prints its findings and what is not imported on {@code err}, and stores its services
   * and taxonomies.
   *
   * @return how many services were imported
   */
  static int run(DirectoryWriter writer, Path folderOrZip, PrintStream err) throws IOException, SQLException {
    TabularRead read = TabularPackage.read(folderOrZip);
    for (TabularFinding finding : read.findings()) {
      err.println(finding.toLine());
    }
    Map<String, Taxonomy> taxonomies = new LinkedHashMap<>();
    for (Service service : read.services()) {
      for (Attribute attribute : service.getAttributes()) {
        TaxonomyTerm term = attribute.getTaxonomyTerm();
        JsonNode detail = term == null || !term.hasExtensions() ? null : term.getExtensions().get(TAXONOMY_DETAIL);
        if (detail instanceof ObjectNode object) {
          taxonomy(object).ifPresent(taxonomy -> taxonomies.putIfAbsent(taxonomy.getId(), taxonomy));
        }
      }
    }
    List<UnlinkedRow> left = new ArrayList<>();
    for (UnlinkedRow row : read.unlinked()) {
      Optional<Taxonomy> taxonomy = row.table().equals(TAXONOMY) ? taxonomy(objectOf(row)) : Optional.<Taxonomy>empty();
      if (taxonomy.isPresent()) {
        taxonomies.putIfAbsent(taxonomy.get().getId(), taxonomy.get());
      } else {
        left.add(row);
      }
    }
    for (Taxonomy taxonomy : taxonomies.values()) {
      writer.insert(taxonomy);
    }
    writer.insert(read.services());
    if (!left.isEmpty()) {
      err.printf(Locale.ROOT, "jdbc-publisher: %d row(s) of %s that no service leads to are not imported (each"
          + " reported above as ORUK-TABULAR-003 or -008; the tables keep services and what they lead to):%n",
          left.size(), folderOrZip);
      for (UnlinkedRow row : left) {
        err.printf(Locale.ROOT, "  %s:%d (%s)%n", row.file(), row.row(), row.table());
      }
    }
    if (!taxonomies.isEmpty()) {
      err.printf(Locale.ROOT, "imported %d %s from %s%n", taxonomies.size(),
          taxonomies.size() == 1 ? "taxonomy" : "taxonomies", folderOrZip);
    }
    return read.services().size();
  }

  private static ObjectNode objectOf(UnlinkedRow row) {
    ObjectNode object = OrukJson.lenient().objectNode();
    row.values().forEach(object::set);
    return object;
  }

  /** The taxonomy a row describes, if it has what the taxonomy table requires (an id, a name, a description). */
  private static Optional<Taxonomy> taxonomy(ObjectNode row) {
    Taxonomy taxonomy = OrukJson.lenient().read(row, Taxonomy.class).value();
    if (taxonomy.getId() == null || taxonomy.getName() == null || taxonomy.getDescription() == null) {
      return Optional.empty();
    }
    return Optional.of(taxonomy);
  }
}
