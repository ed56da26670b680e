package io.github.oruk.tabular;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.model.json.ReadResult;
import io.github.oruk.tabular.SpecSchema.Column;
import io.github.oruk.tabular.SpecSchema.Kind;
import io.github.oruk.tabular.Tables.Table;
import io.github.oruk.tabular.Tables.ToMany;
import io.github.oruk.tabular.Tables.ToOne;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads one package: every CSV file into rows typed per the spec document (ORUK's columns) or the package's
 * descriptor (the others), links the rows into trees (see {@link Tables}), and reads each service's tree with
 * the model's lenient JSON reader, whose findings are moved from JSON Pointers to {@code FILE:ROW:COLUMN}.
 */
final class PackageReader {

  static final String DESCRIPTOR = "datapackage.json";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper PLAIN = new ObjectMapper();

  /** Where a row came from. */
  private record Origin(String table, String file, int row) {
  }

  /** One table as read. */
  private record TableRows(String table, String file, List<ObjectNode> rows) {
  }

  /** What the package's descriptor says about one resource. */
  private record Resource(String name, Map<String, String> types) {
  }

  private final OrukJson json;
  private final Set<TabularFinding> findings = new LinkedHashSet<>();
  private final Map<ObjectNode, Origin> origins = new IdentityHashMap<>();
  private final Map<String, TableRows> tables = new LinkedHashMap<>();
  private final Map<String, Map<String, ObjectNode>> ids = new HashMap<>();
  private final Map<String, ObjectNode> anyIds = new HashMap<>();
  private final Set<ObjectNode> linked = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<ObjectNode> reported = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<String> extraColumns = new HashSet<>();
  private final Set<String> extensionLinks = new HashSet<>();

  PackageReader(OrukJson json) {
    this.json = json;
  }

  TabularRead read(Path root) throws IOException {
    Map<String, Resource> resources = descriptor(root);
    List<Path> files = new ArrayList<>();
    try (var listing = Files.list(root)) {
      listing.filter(Files::isRegularFile)
          .filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
          .sorted()
          .forEach(files::add);
    }
    Map<String, Path> byTable = new LinkedHashMap<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      Resource resource = resources.get(name);
      String table = resource != null ? resource.name()
          : Tables.byFile(name).map(Table::name).orElse(name.substring(0, name.length() - 4));
      byTable.putIfAbsent(table, file);
    }
    if (!byTable.containsKey("service")) {
      throw new TabularReadException("no services.csv in " + root + " (found " + files.stream()
          .map(f -> f.getFileName().toString()).toList() + "); a package needs its services table");
    }
    List<String> order = new ArrayList<>();
    Tables.ALL.forEach(table -> {
      if (byTable.containsKey(table.name())) {
        order.add(table.name());
      }
    });
    byTable.keySet().stream().filter(name -> !order.contains(name)).forEach(order::add);
    for (String table : order) {
      Path file = Objects.requireNonNull(byTable.get(table), table);  // order lists byTable's names only
      Resource resource = resources.get(String.valueOf(file.getFileName()));
      tables.put(table, readTable(table, file, resource == null ? Map.of() : resource.types()));
    }
    index();
    linkToOne();
    linkToMany();
    List<UnlinkedRow> unlinked = unlinked();
    List<Service> services = new ArrayList<>();
    for (ObjectNode row : table("service").rows()) {
      ReadResult<Service> read = json.read(row, Service.class);
      report(row, read.findings());
      services.add(read.value());
    }
    return new TabularRead(services, unlinked, new ArrayList<>(findings));
  }

  // ------------------------------------------------------------------------------------------ files

  private Map<String, Resource> descriptor(Path root) throws IOException {
    Path file = root.resolve(DESCRIPTOR);
    Map<String, Resource> resources = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return resources;
    }
    JsonNode descriptor;
    try {
      descriptor = PLAIN.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      descriptor = null;
    }
    if (descriptor == null || !descriptor.path("resources").isArray()) {
      String start = new String(Files.readAllBytes(file), CsvText.WINDOWS_1252).strip();
      add(TabularCode.DESCRIPTOR_UNREADABLE, DESCRIPTOR, 0, "", "expected a JSON object with a \"resources\" list,"
          + " found \"" + (start.length() > 60 ? start.substring(0, 60) + "..." : start)
          + "\"; the tables were found by their standard file names (services.csv, organizations.csv, ...)");
      return resources;
    }
    for (JsonNode resource : descriptor.path("resources")) {
      String path = resource.path("path").asText("");
      String name = resource.path("name").asText("");
      if (path.isEmpty() || name.isEmpty()) {
        continue;
      }
      Map<String, String> types = new HashMap<>();
      for (JsonNode field : resource.path("schema").path("fields")) {
        types.put(field.path("name").asText(), field.path("type").asText("string"));
      }
      resources.put(Path.of(path).getFileName().toString(), new Resource(name, types));
    }
    return resources;
  }

  private TableRows readTable(String table, Path path, Map<String, String> declaredTypes) throws IOException {
    String file = path.getFileName().toString();
    byte[] bytes = Files.readAllBytes(path);
    String text = CsvText.utf8(bytes);
    if (text == null) {
      text = new String(bytes, CsvText.WINDOWS_1252);
      add(TabularCode.NOT_UTF8, file, 0, "", "expected UTF-8 text, found bytes UTF-8 does not allow;"
          + " read as Windows-1252");
    }
    List<String[]> records;
    try {
      records = CsvText.parse(text, CsvText.detectSeparator(text));
    } catch (IOException e) {
      throw new TabularReadException(file + " is not readable as CSV: " + e.getMessage(), e);
    }
    List<ObjectNode> rows = new ArrayList<>();
    if (records.isEmpty()) {
      return new TableRows(table, file, rows);
    }
    String[] header = header(file, records.get(0));
    Optional<Kind> kind = SpecSchema.kind(table);
    for (int r = 1; r < records.size(); r++) {
      String[] cells = records.get(r);
      int rowNumber = r + 1;
      if (blank(cells)) {
        continue;
      }
      ObjectNode row = NODES.objectNode();
      for (int c = 0; c < cells.length; c++) {
        String cell = cells[c];
        if (cell.isEmpty()) {
          continue;
        }
        String column = c < header.length ? header[c] : "column_" + (c + 1);
        if (c >= header.length) {
          add(TabularCode.ROW_SHAPE, file, rowNumber, column, "expected at most " + header.length
              + " cells, as the header has, found " + cells.length + "; cell " + (c + 1) + " was kept as " + column);
        }
        Optional<Column> spec = kind.flatMap(k -> k.column(column));
        if (spec.isPresent()) {
          row.set(column, orukValue(spec.get(), cell));
        } else {
          if (c < header.length && kind.isPresent() && !kind.get().properties().contains(column)
              && extraColumns.add(file + '\0' + column)) {
            add(TabularCode.EXTRA_COLUMN, file, 1, column, "ORUK 3.0 has no column " + column + " in " + table
                + "; its values were kept as extensions of each " + table + " under that name");
          }
          row.set(column, declaredValue(declaredTypes.getOrDefault(column, "string"), cell, file, rowNumber, column));
        }
      }
      origins.put(row, new Origin(table, file, rowNumber));
      rows.add(row);
    }
    return new TableRows(table, file, rows);
  }

  private String[] header(String file, String[] cells) {
    String[] header = new String[cells.length];
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < cells.length; c++) {
      String name = cells[c].strip();
      if (name.isEmpty()) {
        name = "column_" + (c + 1);
      }
      if (!seen.add(name)) {
        String renamed = name + "_" + (c + 1);
        add(TabularCode.ROW_SHAPE, file, 1, name, "expected each column once, found " + name + " again in column "
            + (c + 1) + "; its cells were kept as " + renamed);
        name = renamed;
      }
      header[c] = name;
    }
    return header;
  }

  private static boolean blank(String[] cells) {
    for (String cell : cells) {
      if (!cell.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** A cell of a column ORUK defines: numbers as numbers; the rest as text, for the model's reader to judge. */
  private static JsonNode orukValue(Column column, String cell) {
    if (column.type().equals("number") || column.type().equals("integer")) {
      BigDecimal number = number(cell);
      if (number != null) {
        return NODES.numberNode(number);
      }
    }
    return NODES.textNode(cell);
  }

  /** A cell of a column ORUK does not define, typed as the package's descriptor says. */
  private JsonNode declaredValue(String type, String cell, String file, int row, String column) {
    JsonNode value = switch (type) {
      case "number", "integer" -> {
        BigDecimal number = number(cell);
        yield number == null ? null : NODES.numberNode(number);
      }
      case "boolean" -> cell.equalsIgnoreCase("true") ? NODES.booleanNode(true)
          : cell.equalsIgnoreCase("false") ? NODES.booleanNode(false) : null;
      case "object", "array" -> {
        try {
          JsonNode parsed = PLAIN.readTree(cell);
          yield parsed != null && (type.equals("object") ? parsed.isObject() : parsed.isArray()) ? parsed : null;
        } catch (IOException e) {
          yield null;
        }
      }
      default -> NODES.textNode(cell);
    };
    if (value == null) {
      add(TabularCode.VALUE_NOT_OF_TYPE, file, row, column, "expected a value of type " + type
          + ", as the package's descriptor declares, found \"" + cell + "\"; kept as text");
      return NODES.textNode(cell);
    }
    return value;
  }

  private static @Nullable BigDecimal number(String cell) {
    String text = cell.strip();
    if (text.isEmpty() || !Character.isDigit(text.charAt(text.length() - 1))) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  // ------------------------------------------------------------------------------------------ links

  private void index() {
    for (TableRows table : tables.values()) {
      Map<String, ObjectNode> byId = new HashMap<>();
      for (ObjectNode row : table.rows()) {
        String id = row.path("id").asText("");
        if (id.isEmpty()) {
          continue;
        }
        ObjectNode first = byId.putIfAbsent(id, row);
        if (first != null) {
          add(TabularCode.DUPLICATE_ID, table.file(), origin(row).row(), "id", "expected a new id, found " + id
              + ", the id of row " + origin(first).row() + "; links to " + id + " lead to row "
              + origin(first).row() + ", and this row was kept as it is");
        } else if (!Tables.NOT_LINKABLE_BY_ANY.contains(table.table())) {
          anyIds.putIfAbsent(id, row);
        }
      }
      ids.put(table.table(), byId);
    }
  }

  private void linkToOne() {
    for (TableRows table : tables.values()) {
      for (ToOne link : Tables.toOne(table.table())) {
        for (ObjectNode row : table.rows()) {
          String key = row.path(link.fk()).asText("");
          if (key.isEmpty() || row.has(link.property()) || !tables.containsKey(link.target()) && !orukLink(link)) {
            continue;   // a link only international HSDS makes (taxonomy_detail) is not looked for without its table
          }
          ObjectNode target = ids.getOrDefault(link.target(), Map.of()).get(key);
          if (target == null) {
            add(TabularCode.UNKNOWN_FOREIGN_KEY, table.file(), origin(row).row(), link.fk(), "expected the id of a row of "
                + defaultFile(link.target()) + ", found " + key + ", which " + fileOf(link.target())
                + "; the row was kept without its " + link.property());
            continue;
          }
          row.set(link.property(), target);
          linked.add(target);
          noteExtensionLink(link.target(), table.table(), link.property());
        }
      }
    }
  }

  private void linkToMany() {
    for (TableRows table : tables.values()) {
      List<ToMany> parents = Tables.parentsOf(table.table());
      if (parents.isEmpty()) {
        continue;
      }
      for (ObjectNode row : table.rows()) {
        String firstKey = null;
        ToMany firstLink = parents.get(0);
        for (ToMany link : parents) {
          String key = row.path(link.fk()).asText("");
          if (key.isEmpty()) {
            continue;
          }
          ObjectNode parent = link.parent().equals(Tables.ANY) ? anyIds.get(key)
              : ids.getOrDefault(link.parent(), Map.of()).get(key);
          if (parent == row) {
            parent = null;
          }
          if (parent != null) {
            JsonNode list = parent.get(link.property());
            if (list == null || !list.isArray()) {
              list = parent.putArray(link.property());
            }
            ((ArrayNode) list).add(row);
            linked.add(row);
            noteExtensionLink(table.table(), origin(parent).table(), link.property());
            firstKey = null;
            break;
          }
          if (firstKey == null) {
            firstKey = key;
            firstLink = link;
          }
        }
        if (firstKey != null) {
          boolean any = firstLink.parent().equals(Tables.ANY);
          add(TabularCode.UNKNOWN_FOREIGN_KEY, table.file(), origin(row).row(), firstLink.fk(), "expected the id of a "
              + (any ? "row of another table" : "row of " + defaultFile(firstLink.parent())) + ", found " + firstKey + ", which "
              + (any ? "no table of the package holds" : fileOf(firstLink.parent()))
              + "; the row was kept with the package's unlinked rows");
          reported.add(row);
        }
      }
    }
  }

  private static boolean orukLink(ToOne link) {
    return SpecSchema.kind(link.table()).map(kind -> kind.properties().contains(link.property())).orElse(false);
  }

  private String defaultFile(String table) {
    TableRows rows = tables.get(table);
    return rows != null ? rows.file() : Tables.byName(table).map(Table::file).orElse(table + ".csv");
  }

  private String fileOf(String table) {
    TableRows rows = tables.get(table);
    return rows == null ? "the package has no " + table + " table to hold" : "no row of " + rows.file() + " holds";
  }

  /** One informational finding per kind of link ORUK 3.0 has no place for. */
  /** Where a row read from the package came from; every row read has one. */
  private Origin origin(ObjectNode row) {
    return Objects.requireNonNull(origins.get(row), "a row that was not read from the package");
  }

  /** A table read from the package; the reader has made sure it exists. */
  private TableRows table(String name) {
    return Objects.requireNonNull(tables.get(name), name);
  }

  private void noteExtensionLink(String child, String parent, String property) {
    Optional<Kind> parentKind = SpecSchema.kind(parent);
    if (parentKind.isEmpty() || parentKind.get().properties().contains(property)
        || !extensionLinks.add(child + '\0' + parent + '\0' + property)) {
      return;
    }
    TableRows rows = table(child);
    add(TabularCode.KEPT_AS_EXTENSION, rows.file(), 1, "", "ORUK 3.0 has no " + property + " in " + parent
        + "; the rows of " + rows.file() + " linked to " + parent + " rows were kept as their extension " + property);
  }

  private List<UnlinkedRow> unlinked() {
    List<UnlinkedRow> unlinked = new ArrayList<>();
    for (TableRows table : tables.values()) {
      if (table.table().equals("service")) {
        continue;
      }
      for (ObjectNode row : table.rows()) {
        if (linked.contains(row)) {
          continue;
        }
        Origin origin = origin(row);
        if (!reported.contains(row)) {
          add(TabularCode.UNLINKED_ROW, table.file(), origin.row(), "", unlinkedReason(table.table())
              + "; it was kept with the package's unlinked rows");
        }
        RecordType.fromName(table.table()).ifPresent(type -> report(row, json.read(row, type.modelClass()).findings()));
        Map<String, JsonNode> values = new LinkedHashMap<>();
        row.properties().forEach(field -> values.put(field.getKey(), field.getValue()));
        unlinked.add(new UnlinkedRow(table.table(), table.file(), origin.row(), values));
      }
    }
    return unlinked;
  }

  private static String unlinkedReason(String table) {
    if (Tables.byName(table).isEmpty()) {
      return "ORUK 3.0 has no table " + table + ", and its rows name no record to belong to";
    }
    return switch (table) {
      case "organization" -> "no service names this organization";
      case "location" -> "no service_at_location names this location";
      case "taxonomy_term" -> "no attribute names this taxonomy term";
      case "taxonomy" -> "no taxonomy term names this taxonomy";
      default -> "the row has no foreign key that links it to a record";
    };
  }

  // ------------------------------------------------------------------------------------------ findings

  private void add(TabularCode code, String file, int row, String column, String message) {
    findings.add(TabularFinding.of(code, file, row, column, message));
  }

  /** The JSON reader's findings on one tree, moved to the row and column each pointer leads to. */
  private void report(ObjectNode root, List<ReadFinding> read) {
    for (ReadFinding finding : read) {
      if (finding.code() == ReadCode.EXTENSION_PROPERTY) {
        continue;   // reported once per column (ORUK-TABULAR-002) or per link (ORUK-TABULAR-001)
      }
      Origin origin = origin(root);
      StringBuilder column = new StringBuilder();
      JsonNode node = root;
      JsonPointer pointer = JsonPointer.compile(finding.pointer());
      while (!pointer.matches() && node != null) {
        String segment = pointer.getMatchingProperty();
        if (node instanceof ObjectNode object && origins.containsKey(object)) {
          origin = origins.get(object);
          column.setLength(0);
          column.append(segment);
        } else {
          column.append('/').append(segment);
        }
        node = node.isArray() ? node.get(pointer.getMatchingIndex()) : node.get(segment);
        pointer = pointer.tail();
      }
      if (node instanceof ObjectNode object && origins.containsKey(object)) {
        origin = origins.get(object);
        column.setLength(0);
      }
      findings.add(new TabularFinding(finding.code().code(), origin.file(), origin.row(), column.toString(),
          finding.message()));
    }
  }

}
