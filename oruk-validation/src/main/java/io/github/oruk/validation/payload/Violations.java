package io.github.oruk.validation.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.format.Format;
import com.networknt.schema.format.Formats;
import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the generated checks ({@code StrictSchemaChecks}, {@code ParitySchemaChecks}) report through: the
 * violations of one document, each with its pointer, its keyword, a message in this project's words and the
 * schema location; and the few tests the checks share with networknt, taken from it so that both judge alike:
 * its format predicates (by name), its regular expressions, and its reading of {@code integer} and
 * {@code minimum}.
 */
final class Violations {

  private final String schemaId;
  private final List<SchemaViolation> found = new ArrayList<>();

  Violations(String schemaId) {
    this.schemaId = schemaId;
  }

  List<SchemaViolation> list() {
    return found;
  }

  // ---------------------------------------------------------------------------------------------- shared tests

  /**
   * networknt's format of that name (the one it asserts with {@code formatAssertionsEnabled}). The generated checks
   * call it without an execution context, which these formats do not read; should a networknt upgrade start to,
   * the oracle test fails with the exception.
   */
  static Format format(String name) {
    for (Format format : Formats.DEFAULT) {
      if (format.getName().equals(name)) {
        return format;
      }
    }
    throw new IllegalStateException("networknt json-schema-validator has no format named '" + name
        + "'; the generated checks were made for a version that had it");
  }

  /**
   * Whether {@code text} is what networknt's {@code uuid} format accepts: 8-4-4-4-12 ASCII hexadecimal digits
   * separated by hyphens, nothing before or after (its pattern, {@code ^\p{XDigit}{8}-...$}, matched whole).
   */
  static boolean isUuid(String text) {
    if (text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
          : c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** A {@code pattern} compiled as networknt compiles it by default (JDK regex, ECMA-262 anchors, searched). */
  static RegularExpression pattern(String regex) {
    RegularExpressionFactory factory = SchemaRegistryConfig.builder().build().getRegularExpressionFactory();
    return (factory != null ? factory : JDKRegularExpressionFactory.getInstance()).getRegularExpression(regex);
  }

  /** JSON Schema's integer: any number with no fractional part ({@code 1.0} included, as drafts 6 and later have it). */
  static boolean isInteger(JsonNode node) {
    return node.isIntegralNumber() || node.isNumber() && node.canConvertToExactIntegral();
  }

  /** A number below an integer {@code minimum}, compared as networknt does for integer schemas. */
  static boolean below(JsonNode node, long minimum) {
    if (!node.isNumber()) {
      return false;
    }
    return node.isBigInteger() ? node.bigIntegerValue().compareTo(BigInteger.valueOf(minimum)) < 0
        : node.asLong() < minimum;
  }

  // ---------------------------------------------------------------------------------------------- violations

  void type(String pointer, JsonNode value, String expected, String location) {
    add(pointer, "type", "must be " + article(expected) + ", not " + article(kind(value)), location);
  }

  void required(String pointer, String property, String location) {
    add(pointer, "required", "the required property '" + property + "' is missing", location);
  }

  void enumeration(String pointer, JsonNode value, Set<String> allowed, String location) {
    add(pointer, "enum", "must be one of " + allowed.stream().sorted().map(v -> "'" + v + "'")
        .collect(Collectors.joining(", ")), location);
  }

  void format(String pointer, JsonNode value, String format, String location) {
    add(pointer, "format", switch (format) {
      case "uuid" -> "must be a UUID: 32 hexadecimal digits in groups of 8-4-4-4-12";
      case "date" -> "must be a calendar date written YYYY-MM-DD";
      case "date-time" -> "must be a date and time with its offset, such as 2026-12-01T09:30:00Z (RFC 3339)";
      case "email" -> "must be an e-mail address";
      case "uri" -> "must be an absolute URI, with its scheme (such as https://)";
      default -> "must be in the format '" + format + "'";
    }, location);
  }

  void pattern(String pointer, JsonNode value, String regex, String location) {
    add(pointer, "pattern", "must match the regular expression " + regex, location);
  }

  void minimum(String pointer, JsonNode value, long minimum, String location) {
    add(pointer, "minimum", "must be " + minimum + " or more", location);
  }

  private void add(String pointer, String keyword, String message, String location) {
    found.add(new SchemaViolation(pointer, keyword, message, schemaId + location));
  }

  private static String kind(JsonNode value) {
    if (value.isIntegralNumber()) {
      return "integer";
    }
    return value.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static String article(String kind) {
    return switch (kind) {
      case "null" -> "null";
      case "integer", "object", "array" -> "an " + kind;
      default -> "a " + kind;
    };
  }
}
