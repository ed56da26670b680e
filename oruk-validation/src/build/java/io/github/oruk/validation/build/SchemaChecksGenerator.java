package io.github.oruk.validation.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.spec.OrukSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Build-time generator of oruk-validation's payload checks, run at generate-sources as a single-file Java program
 * (see the module's pom and README, "Payload checks"). From the spec document packaged in oruk-model it derives one
 * JSON Schema document (draft 2020-12) per variant, strict and parity, and writes:
 *
 * <ul>
 *   <li>each document as a resource ({@code oruk-3.0-strict.schema.json}, {@code oruk-3.0-parity.schema.json}),
 *       which networknt interprets when it is selected, and which the oracle test holds the compiled checks to;</li>
 *   <li>each document compiled to Java ({@code StrictSchemaChecks}, {@code ParitySchemaChecks}): one method per
 *       schema under {@code $defs}, each keyword a few lines of straight code, every violation reported.</li>
 * </ul>
 *
 * <p>The generator knows the keywords the derived documents use and refuses any other (the build fails naming
 * the keyword and where it is), so a spec document that starts using a new keyword cannot be checked less than it
 * says. Arguments: the generated sources folder, then the generated resources folder.
 */
public final class SchemaChecksGenerator {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PACKAGE = "io.github.oruk.validation.payload";
  /** Keywords that assert nothing (annotations), so the checks skip them. */
  private static final Set<String> ANNOTATIONS = Set.of("description", "title", "$schema", "$id", "examples",
      "default", "deprecated", "readOnly", "writeOnly", "$comment");
  /** The formats networknt asserts that the checks take from it by name (see Violations.format). */
  private static final Set<String> FORMATS = Set.of("uuid", "date", "date-time", "email", "uri");

  private SchemaChecksGenerator() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: SchemaChecksGenerator SOURCES_DIR RESOURCES_DIR");
    }
    Path sources = Path.of(args[0]).resolve(PACKAGE.replace('.', '/'));
    Path resources = Path.of(args[1]).resolve(PACKAGE.replace('.', '/'));
    Files.createDirectories(sources);
    Files.createDirectories(resources);
    JsonNode spec = JSON.readTree(OrukSpec.json());
    for (String variant : List.of("strict", "parity")) {
      ObjectNode document = derive(spec, variant);
      write(resources.resolve("oruk-3.0-" + variant + ".schema.json"), document.toString());
      String className = Character.toUpperCase(variant.charAt(0)) + variant.substring(1) + "SchemaChecks";
      write(sources.resolve(className + ".java"), new Emitter(document, variant, className).emit());
    }
  }

  private static void write(Path file, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    // Unchanged output keeps its time stamp, so the compiler's stale-source check does not recompile for nothing.
    if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
      return;
    }
    Files.write(file, bytes);
  }

  // ------------------------------------------------------------------------------------------------ derivation

  /**
   * The components of the spec document as one JSON Schema document whose {@code $defs} are the entities,
   * enumerations and page schemas. OpenAPI-only keywords go; the project's own {@code time-of-day} format goes too
   * (its pattern says the same and JSON Schema validators do not know the format). The parity variant also drops
   * the tightenings KNOWN-DEVIATIONS.md lists: {@code format: date}, {@code pattern} and {@code minimum}.
   */
  static ObjectNode derive(JsonNode spec, String variant) {
    ObjectNode document = JSON.createObjectNode();
    document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    document.put("$id", "urn:oruk-java:schema:3.0:" + variant);
    document.put("description", "Derived from the oruk-java ORUK 3.0 spec document (" + variant + " variant).");
    document.set("$defs", convert(spec.at("/components/schemas"), variant.equals("parity")));
    return document;
  }

  private static JsonNode convert(JsonNode node, boolean parity) {
    if (node.isArray()) {
      ArrayNode array = JSON.createArrayNode();
      node.forEach(item -> array.add(convert(item, parity)));
      return array;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode object = JSON.createObjectNode();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.startsWith("x-") || key.equals("example") || key.equals("externalDocs")) {
        continue;
      }
      if (key.equals("$ref")) {
        object.put("$ref", value.asText().replace("#/components/schemas/", "#/$defs/"));
        continue;
      }
      if (key.equals("format") && (value.asText().equals("time-of-day") || parity && value.asText().equals("date"))) {
        continue;
      }
      if (parity && (key.equals("pattern") || key.equals("minimum"))) {
        continue;
      }
      object.set(key, key.equals("properties") ? convertProperties(value, parity) : convert(value, parity));
    }
    return object;
  }

  /** Property names are data, not keywords: convert their schemas but keep every name. */
  private static JsonNode convertProperties(JsonNode properties, boolean parity) {
    ObjectNode converted = JSON.createObjectNode();
    properties.properties().forEach(p -> converted.set(p.getKey(), convert(p.getValue(), parity)));
    return converted;
  }

  // ------------------------------------------------------------------------------------------------ Java code

  /** Writes one variant's checks as a Java class. */
  private static final class Emitter {

    private final JsonNode document;
    private final String variant;
    private final String className;
    private final StringBuilder methods = new StringBuilder();
    /** Constants (formats, patterns, enumerations) by their Java initialiser, so each is made once. */
    private final Map<String, String> constants = new LinkedHashMap<>();
    private int depth;

    Emitter(JsonNode document, String variant, String className) {
      this.document = document;
      this.variant = variant;
      this.className = className;
    }

    String emit() {
      JsonNode defs = document.get("$defs");
      List<String> names = new ArrayList<>();
      defs.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        depth = 0;
        methods.append("\n  /** {@code #/$defs/").append(name).append("}. */\n")
            .append("  private static void ").append(method(name))
            .append("(JsonNode n0, String at, Violations out) {\n");
        schema(defs.get(name), "n0", "at", "#/$defs/" + name, "    ");
        methods.append("  }\n");
      }
      StringBuilder java = new StringBuilder();
      java.append("package ").append(PACKAGE).append(";\n\n")
          .append("import com.fasterxml.jackson.databind.JsonNode;\n")
          .append("import com.networknt.schema.format.Format;\n")
          .append("import com.networknt.schema.regex.RegularExpression;\n")
          .append("import java.util.Map;\n")
          .append("import java.util.Set;\n\n")
          .append("/**\n * The ").append(variant).append(" schemas compiled to Java. Generated at build time by\n")
          .append(" * SchemaChecksGenerator (oruk-validation/src/build) from the spec document; never edited.\n */\n")
                    .append("final class ").append(className).append(" {\n\n");
      for (Map.Entry<String, String> constant : constants.entrySet()) {
        java.append("  private static final ").append(constant.getValue()).append(" = ")
            .append(constant.getKey()).append(";\n");
      }
      java.append("\n  private ").append(className).append("() {\n  }\n\n")
          .append("  /** Every violation of {@code document} against {@code #/$defs/definition}, into {@code out}. */\n")
          .append("  static void check(String definition, JsonNode document, Violations out) {\n")
          .append("    switch (definition) {\n");
      for (String name : names) {
        java.append("      case ").append(quote(name)).append(" -> ").append(method(name))
            .append("(document, \"\", out);\n");
      }
      java.append("      default -> throw new IllegalArgumentException(\"no schema named \" + definition);\n")
          .append("    }\n  }\n")
          .append(methods)
          .append("}\n");
      return java.toString();
    }

    private static String method(String definition) {
      return "check" + definition;
    }

    /** The name of the constant made by {@code initialiser}, of Java type {@code type}, declared once. */
    private String constant(String initialiser, String type, String prefix) {
      String existing = constants.get(initialiser);
      if (existing != null) {
        return existing.substring(existing.indexOf(' ') + 1);
      }
      String name = prefix + constants.size();
      constants.put(initialiser, type + " " + name);
      return name;
    }

    /**
     * The checks of one schema. {@code node} names a JsonNode variable, {@code at} is a Java expression for its
     * pointer (only evaluated when a violation is added, or when a nested record's method is called), {@code
     * location} the schema's own location.
     */
    private void schema(JsonNode schema, String node, String at, String location, String indent) {
      if (!schema.isObject()) {
        throw refuse(location, "a schema that is not an object");
      }
      List<String> keywords = new ArrayList<>();
      schema.fieldNames().forEachRemaining(keywords::add);
      keywords.sort(java.util.Comparator.comparingInt(SchemaChecksGenerator::rank));
      for (String keyword : keywords) {
        JsonNode value = schema.get(keyword);
        String here = location + "/" + keyword;
        if (ANNOTATIONS.contains(keyword)) {
          continue;
        }
        switch (keyword) {
          case "$ref" -> {
            String target = value.asText();
            if (!target.startsWith("#/$defs/") || document.at(target.substring(1)).isMissingNode()) {
              throw refuse(here, "a $ref that names no schema of the document: " + target);
            }
            line(indent, method(target.substring("#/$defs/".length())) + "(" + node + ", " + at + ", out);");
          }
          case "allOf" -> {
            for (int k = 0; k < value.size(); k++) {
              schema(value.get(k), node, at, here + "/" + k, indent);
            }
          }
          case "type" -> {
            String type = value.asText();
            String test = switch (type) {
              case "object" -> node + ".isObject()";
              case "array" -> node + ".isArray()";
              case "string" -> node + ".isTextual()";
              case "boolean" -> node + ".isBoolean()";
              case "number" -> node + ".isNumber()";
              case "integer" -> "Violations.isInteger(" + node + ")";
              case "null" -> node + ".isNull()";
              default -> throw refuse(here, "type " + value);
            };
            line(indent, "if (!" + test + ") {");
            line(indent + "  ", "out.type(" + at + ", " + node + ", " + quote(type) + ", " + quote(here) + ");");
            line(indent, "}");
          }
          case "enum" -> {
            List<String> values = new ArrayList<>();
            for (JsonNode item : value) {
              if (!item.isTextual()) {
                throw refuse(here, "an enum value that is not a string: " + item);
              }
              values.add(quote(item.asText()));
            }
            String set = constant("Set.of(" + String.join(", ", values) + ")", "Set<String>", "ENUM");
            line(indent, "if (!(" + node + ".isTextual() && " + set + ".contains(" + node + ".textValue()))) {");
            line(indent + "  ", "out.enumeration(" + at + ", " + node + ", " + set + ", " + quote(here) + ");");
            line(indent, "}");
          }
          case "format" -> {
            String format = value.asText();
            if (!FORMATS.contains(format)) {
              throw refuse(here, "format " + format);
            }
            // A UUID is 36 characters in fixed places: the reader has usually seen the form already, and a loop says
            // so ten times faster than networknt's regex otherwise (Violations.isUuid; its test holds the two to the
            // same answers). Other formats are networknt's own (some with a shortcut, see Violations.format).
            String test = format.equals("uuid") ? "Violations.isUuid(" + node + ")"
                : constant("Violations.format(" + quote(format) + ")", "Format", "FORMAT") + ".matches(null, " + node
                    + ".textValue())";
            line(indent, "if (" + node + ".isTextual() && !" + test + ") {");
            line(indent + "  ", "out.format(" + at + ", " + node + ", " + quote(format) + ", " + quote(here) + ");");
            line(indent, "}");
          }
          case "pattern" -> {
            String regex = quote(value.asText());
            String pattern = constant("Violations.pattern(" + regex + ")", "RegularExpression", "PATTERN");
            line(indent, "if (" + node + ".isTextual() && !" + pattern + ".matches(" + node + ".textValue())) {");
            line(indent + "  ", "out.pattern(" + at + ", " + node + ", " + regex + ", " + quote(here) + ");");
            line(indent, "}");
          }
          case "minimum" -> {
            // networknt compares as long (or BigInteger) when the threshold is an integer of an integer schema;
            // other minimums would need its decimal comparison, which no schema here uses yet.
            if (!value.canConvertToLong() || !value.isIntegralNumber()
                || !"integer".equals(schema.path("type").asText())) {
                throw refuse(here, "a minimum other than an integer on an integer schema");
            }
            line(indent, "if (Violations.below(" + node + ", " + value.asLong() + "L)) {");
            line(indent + "  ", "out.minimum(" + at + ", " + node + ", " + value.asLong() + "L, " + quote(here) + ");");
            line(indent, "}");
          }
          case "required" -> {
            line(indent, "if (" + node + ".isObject()) {");
            for (JsonNode name : value) {
              line(indent + "  ", "if (" + node + ".get(" + quote(name.asText()) + ") == null) {");
              line(indent + "    ", "out.required(" + at + ", " + quote(name.asText()) + ", " + quote(here) + ");");
              line(indent + "  ", "}");
            }
            line(indent, "}");
          }
          case "properties" -> properties(value, node, at, here, indent);
          case "items" -> {
            int d = ++depth;
            String index = "i" + d;
            String item = "n" + d;
            line(indent, "if (" + node + ".isArray()) {");
            line(indent + "  ", "for (int " + index + " = 0; " + index + " < " + node + ".size(); " + index + "++) {");
            line(indent + "    ", "JsonNode " + item + " = " + node + ".get(" + index + ");");
            schema(value, item, at + " + \"/\" + " + index, here, indent + "    ");
            line(indent + "  ", "}");
            line(indent, "}");
          }
          default -> throw refuse(here, "keyword " + keyword);
        }
      }
    }

    private void properties(JsonNode properties, String node, String at, String location, String indent) {
      int d = ++depth;
      String entry = "e" + d;
      String item = "n" + d;
      line(indent, "if (" + node + ".isObject()) {");
      line(indent + "  ", "for (Map.Entry<String, JsonNode> " + entry + " : " + node + ".properties()) {");
      line(indent + "    ", "JsonNode " + item + " = " + entry + ".getValue();");
      line(indent + "    ", "switch (" + entry + ".getKey()) {");
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        String name = property.getKey();
        line(indent + "      ", "case " + quote(name) + " -> {");
        String pointer = "(" + at + " + " + quote("/" + name.replace("~", "~0").replace("/", "~1")) + ")";
        schema(property.getValue(), item, pointer, location + "/" + name, indent + "        ");
        line(indent + "      ", "}");
      }
      line(indent + "      ", "default -> {");
      line(indent + "      ", "}");
      line(indent + "    ", "}");
      line(indent + "  ", "}");
      line(indent, "}");
    }

    private void line(String indent, String code) {
      methods.append(indent).append(code).append('\n');
    }

    private IllegalStateException refuse(String location, String what) {
      return new IllegalStateException("SchemaChecksGenerator does not know " + what + " (at " + location
          + " of the " + variant + " schemas). Teach it the keyword, then run the oracle test"
          + " (CompiledChecksOracleTest) to prove the checks still agree with networknt.");
    }
  }

  /** The order in which a schema's keywords are checked: its own value first, then what it holds. */
  private static int rank(String keyword) {
    int rank = List.of("type", "enum", "format", "pattern", "minimum", "required", "$ref", "allOf", "properties",
        "items").indexOf(keyword);
    return rank < 0 ? Integer.MAX_VALUE : rank;
  }

  /** A Java string literal. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
