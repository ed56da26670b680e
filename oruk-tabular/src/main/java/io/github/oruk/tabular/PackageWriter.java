package io.github.oruk.tabular;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.tabular.SpecSchema.Column;
import io.github.oruk.tabular.SpecSchema.Kind;
import io.github.oruk.tabular.Tables.Table;
import io.github.oruk.tabular.Tables.ToMany;
import io.github.oruk.tabular.Tables.ToOne;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Flattens records into tables: each record's JSON (extensions included) becomes one row of its table, its
 * nested lists rows of theirs with the foreign key to it filled in, and each shared object (an organization,
 * a location, a taxonomy term) one row however many records hold it. Rows come out in the order a depth-first
 * walk meets them, so reading the package back nests every list in its original order.
 */
final class PackageWriter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static final class TableOut {
    final Set<String> columns = new LinkedHashSet<>();
    final List<ObjectNode> rows = new ArrayList<>();
  }

  private final OrukJson json = OrukJson.builder().keepExtensions(true).build();
  private final Map<String, TableOut> tables = new LinkedHashMap<>();
  private final Map<String, ObjectNode> shared = new HashMap<>();
  private final Map<String, Integer> sharedRow = new HashMap<>();
  private final List<TabularFinding> findings = new ArrayList<>();

  PackageWriter() {
    table("service");
  }

  void service(Service service) {
    emit("service", (ObjectNode) json.writeTree(service), null, null);
  }

  void unlinked(UnlinkedRow row) {
    ObjectNode record = NODES.objectNode();
    row.values().forEach(record::set);
    emit(row.table(), record, null, null);
  }

  List<TabularFinding> findings() {
    return List.copyOf(findings);
  }

  /** The package's files, by name: the descriptor first, then one CSV per table that has rows. */
  Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    ArrayNode resources = NODES.arrayNode();
    for (String name : ordered()) {
      TableOut table = Objects.requireNonNull(tables.get(name), name);  // ordered() lists tables' names only
      List<String> columns = columns(name, table);
      List<String[]> rows = new ArrayList<>(table.rows.size() + 1);
      rows.add(columns.toArray(String[]::new));
      for (ObjectNode row : table.rows) {
        String[] cells = new String[columns.size()];
        for (int c = 0; c < cells.length; c++) {
          cells[c] = cell(row.get(columns.get(c)));
        }
        rows.add(cells);
      }
      files.put(fileOf(name), CsvText.write(rows).getBytes(StandardCharsets.UTF_8));
      resources.add(resource(name, columns, table));
    }
    ObjectNode descriptor = NODES.objectNode()
        .put("profile", "tabular-data-package")
        .put("name", "oruk-3-0")
        .put("title", "Open Referral UK 3.0 (HSDS 3.0 UK profile)");
    descriptor.set("resources", resources);
    Map<String, byte[]> all = new LinkedHashMap<>();
    try {
      all.put(PackageReader.DESCRIPTOR, PRETTY.writeValueAsBytes(descriptor));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    all.putAll(files);
    return all;
  }

  // ------------------------------------------------------------------------------------------ rows

  private TableOut table(String name) {
    return tables.computeIfAbsent(name, n -> new TableOut());
  }

  private void emit(String table, ObjectNode record, @Nullable String parentId, @Nullable String fk) {
    ObjectNode row = NODES.objectNode();
    if (fk != null && parentId != null && !record.has(fk)) {
      row.put(fk, parentId);
    }
    String id = record.path("id").asText("");
    List<Runnable> children = new ArrayList<>();
    record.properties().forEach(field -> {
      String name = field.getKey();
      JsonNode value = field.getValue();
      Optional<ToOne> one = Tables.childObject(table, name);
      if (one.isPresent() && value.isObject()) {
        String childId = value.path("id").asText("");
        if (!record.has(one.get().fk()) && !childId.isEmpty()) {
          row.put(one.get().fk(), childId);
        }
        children.add(() -> emitShared(one.get().target(), (ObjectNode) value));
        return;
      }
      Optional<ToMany> many = Tables.childList(table, name);
      if (many.isPresent() && value.isArray() && !value.isEmpty() && allObjects(value)) {
        children.add(() -> value.forEach(child -> emit(many.get().child(), (ObjectNode) child, id, many.get().fk())));
        return;
      }
      row.set(name, value);
    });
    TableOut out = table(table);
    row.fieldNames().forEachRemaining(out.columns::add);
    out.rows.add(row);
    children.forEach(Runnable::run);
  }

  private void emitShared(String table, ObjectNode record) {
    String id = record.path("id").asText("");
    if (id.isEmpty()) {
      emit(table, record, null, null);
      return;
    }
    String key = table + '\0' + id;
    ObjectNode first = shared.get(key);
    if (first == null) {
      shared.put(key, record);
      sharedRow.put(key, table(table).rows.size() + 2);
      emit(table, record, null, null);
    } else if (!first.equals(record)) {
      findings.add(TabularFinding.of(TabularCode.CONFLICTING_COPIES, fileOf(table),
          Objects.requireNonNull(sharedRow.get(key), key), "id",
          "expected every copy of " + table + " " + id + " to be the same, found one that differs; the first,"
              + " in this row, was written and the other left out"));
    }
  }

  private static boolean allObjects(JsonNode array) {
    for (JsonNode element : array) {
      if (!element.isObject()) {
        return false;
      }
    }
    return true;
  }

  private static String cell(@Nullable JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (value.isNumber()) {
      return value.decimalValue().toPlainString();
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  // ------------------------------------------------------------------------------------------ descriptor

  private List<String> ordered() {
    List<String> names = new ArrayList<>();
    for (Table table : Tables.ALL) {
      if (tables.containsKey(table.name())) {
        names.add(table.name());
      }
    }
    tables.keySet().stream().filter(name -> !names.contains(name)).forEach(names::add);
    return names;
  }

  private static String fileOf(String table) {
    return Tables.byName(table).map(Table::file).orElse(table + ".csv");
  }

  /** ORUK's columns in the spec document's order (all of them, so the file is a template too), then the rest. */
  private static List<String> columns(String name, TableOut table) {
    Set<String> columns = new LinkedHashSet<>();
    SpecSchema.kind(name).ifPresent(kind -> kind.columns().forEach(column -> columns.add(column.name())));
    columns.addAll(table.columns);
    return new ArrayList<>(columns);
  }

  private ObjectNode resource(String name, List<String> columns, TableOut table) {
    ObjectNode resource = NODES.objectNode()
        .put("name", name)
        .put("path", fileOf(name))
        .put("profile", "tabular-data-resource")
        .put("format", "csv")
        .put("mediatype", "text/csv")
        .put("encoding", "utf-8");
    ObjectNode schema = resource.putObject("schema");
    ArrayNode fields = schema.putArray("fields");
    Optional<Kind> kind = SpecSchema.kind(name);
    for (String column : columns) {
      Optional<Column> spec = kind.flatMap(k -> k.column(column));
      ObjectNode field = fields.addObject().put("name", column);
      if (spec.isPresent()) {
        field.put("type", spec.get().type());
        if (spec.get().format() != null) {
          field.put("format", spec.get().format());
        }
        if (!spec.get().description().isEmpty()) {
          field.put("description", spec.get().description().strip());
        }
        ObjectNode constraints = NODES.objectNode();
        if (spec.get().required()) {
          constraints.put("required", true);
        }
        if (!spec.get().allowed().isEmpty()) {
          ArrayNode allowed = constraints.putArray("enum");
          spec.get().allowed().forEach(allowed::add);
        }
        if (!constraints.isEmpty()) {
          field.set("constraints", constraints);
        }
      } else {
        field.put("type", inferredType(column, table));
      }
    }
    if (columns.contains("id")) {
      schema.put("primaryKey", "id");
    }
    ArrayNode foreignKeys = NODES.arrayNode();
    for (ToOne link : Tables.toOne(name)) {
      if (columns.contains(link.fk()) && tables.containsKey(link.target())) {
        foreignKey(foreignKeys, link.fk(), link.target());
      }
    }
    for (ToMany link : Tables.parentsOf(name)) {
      if (columns.contains(link.fk()) && tables.containsKey(link.parent())) {
        foreignKey(foreignKeys, link.fk(), link.parent());
      }
    }
    if (!foreignKeys.isEmpty()) {
      schema.set("foreignKeys", foreignKeys);
    }
    return resource;
  }

  private static void foreignKey(ArrayNode foreignKeys, String fk, String target) {
    ObjectNode key = foreignKeys.addObject().put("fields", fk);
    key.putObject("reference").put("resource", target).put("fields", "id");
  }

  /**
   * A column ORUK does not define is typed by its values, so that numbers, booleans and JSON come back as
   * they went: {@code number}, {@code boolean}, {@code object} or {@code array} when every value is one,
   * {@code string} otherwise.
   */
  private static String inferredType(String column, TableOut table) {
    String type = null;
    for (ObjectNode row : table.rows) {
      JsonNode value = row.get(column);
      if (value == null || value.isNull()) {
        continue;
      }
      String this_ = value.isNumber() ? "number" : value.isBoolean() ? "boolean" : value.isObject() ? "object"
          : value.isArray() ? "array" : "string";
      if (type == null) {
        type = this_;
      } else if (!type.equals(this_)) {
        return "string";
      }
    }
    return type == null ? "string" : type;
  }
}
