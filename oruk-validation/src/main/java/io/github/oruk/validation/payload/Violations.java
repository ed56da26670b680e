package io.github.oruk.validation.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.format.Format;
import com.networknt.schema.format.Formats;
import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import io.github.oruk.model.json.OrukJson;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
        return switch (name) {
          case "uri" -> new PlainUriFirst(format);
          case "email" -> new DomainsRemembered(format);
          default -> format;
        };
      }
    }
    throw new IllegalStateException("networknt json-schema-validator has no format named '" + name
        + "'; the generated checks were made for a version that had it");
  }

  /**
   * Whether a text value is what networknt's {@code uuid} format accepts: known without looking when the engine's
   * reader saw the form as it read the value ({@link OrukJson#readAsUuid}), else {@link #isUuid(String)}.
   */
  static boolean isUuid(JsonNode text) {
    return OrukJson.readAsUuid(text) || isUuid(text.textValue());
  }

  /**
   * Whether {@code text} is what networknt's {@code uuid} format accepts: 8-4-4-4-12 ASCII hexadecimal digits
   * separated by hyphens, nothing before or after (its pattern, {@code ^\p{XDigit}{8}-...$}, matched whole).
   */
  static boolean isUuid(String text) {
    if (text.length() != UUID_SHAPE.length) {
      return false;
    }
    // As bytes, compared with a table: several times cheaper than charAt under the quick JIT tier, and ids are
    // the values checked most often. A character above U+00FF becomes '?', which is no part of a UUID.
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < bytes.length; i++) {
      if (UUID_CLASS[bytes[i] & 0xFF] != UUID_SHAPE[i]) {
        return false;
      }
    }
    return true;
  }

  private static final byte HEX_DIGIT = 1;
  private static final byte HYPHEN = 2;
  /** What each byte is to a UUID: an ASCII hexadecimal digit, the hyphen, or neither (0). */
  private static final byte[] UUID_CLASS = new byte[256];
  /** What each of the 36 places of a UUID holds: 8-4-4-4-12 digits with hyphens between. */
  private static final byte[] UUID_SHAPE = new byte[36];

  static {
    for (int c = 0; c < 256; c++) {
      boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
      UUID_CLASS[c] = hex ? HEX_DIGIT : c == '-' ? HYPHEN : 0;
    }
    for (int i = 0; i < UUID_SHAPE.length; i++) {
      UUID_SHAPE[i] = i == 8 || i == 13 || i == 18 || i == 23 ? HYPHEN : HEX_DIGIT;
    }
  }

  /**
   * networknt's {@code uri} format, answering first, without parsing, for the plainest absolute URIs (see
   * {@link #plainAbsoluteUri}), which it accepts: parsing with {@code java.net.URI} was the dearest check of a
   * service. Anything else goes to networknt.
   */
  private static final class PlainUriFirst extends Shortcut {

    PlainUriFirst(Format networknt) {
      super(networknt);
    }

    @Override
    public boolean matches(ExecutionContext context, String value) {
      return plainAbsoluteUri(value) || networknt.matches(context, value);
    }
  }

  /** One of networknt's formats with a shortcut in front: named as networknt's, and asking it what it cannot say. */
  private abstract static class Shortcut implements Format {
    final Format networknt;

    Shortcut(Format networknt) {
      this.networknt = networknt;
    }

    @Override
    public String getName() {
      return networknt.getName();
    }

    @Override
    public String getMessageKey() {
      return networknt.getMessageKey();
    }

    @Override
    public abstract boolean matches(ExecutionContext context, String value);
  }

  /**
   * True only for text that networknt's {@code uri} format certainly accepts: a scheme ({@code [A-Za-z][A-Za-z0-9+.-]*}),
   * {@code ://}, a host of letters, digits, dots and hyphens, then an optional path, query and fragment of
   * unreserved characters, {@code /}, {@code =} and {@code &} (no port, user, percent sign or bracket). Every such
   * text parses as an absolute {@code java.net.URI} (a host it cannot read as a server's is kept as a registry
   * name), is ASCII, and has no bracket in its query, which is what the format asks. False means "ask networknt";
   * {@code ViolationsTest} holds the shortcut to networknt's answers on random and quirky URIs.
   */
  static boolean plainAbsoluteUri(String text) {
    int n = text.length();
    if (n == 0 || !letter(text.charAt(0))) {
      return false;
    }
    int i = 1;
    while (i < n && schemeChar(text.charAt(i))) {
      i++;
    }
    if (!text.startsWith("://", i)) {
      return false;
    }
    i += 3;
    int host = i;
    while (i < n && hostChar(text.charAt(i))) {
      i++;
    }
    if (i == host || i < n && "/?#".indexOf(text.charAt(i)) < 0) {
      return false; // no host, or one that goes on with other characters
    }
    int part = 0; // 0 the path, 1 the query, 2 the fragment
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c == '?' && part == 0) {
        part = 1;
      } else if (c == '#' && part < 2) {
        part = 2;
      } else if (!pathChar(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean letter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean schemeChar(char c) {
    return letter(c) || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.';
  }

  private static boolean hostChar(char c) {
    return letter(c) || c >= '0' && c <= '9' || c == '-' || c == '.';
  }

  private static boolean pathChar(char c) {
    return hostChar(c) || c == '_' || c == '~' || c == '/' || c == '=' || c == '&';
  }

  /**
   * networknt's {@code email} format, asked once per domain for addresses whose local part is plain (see
   * {@link #plainLocalPart}): its answer for such an address depends on the domain alone, so it is asked about
   * {@code a@domain} and the answer kept (for up to {@link #DOMAINS} domains). A feed's addresses share few
   * domains, and the format's regular expressions and domain lookup were the dearest check left. Anything else
   * goes to networknt as it is.
   */
  private static final class DomainsRemembered extends Shortcut {
    private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

    DomainsRemembered(Format networknt) {
      super(networknt);
    }

    @Override
    public boolean matches(ExecutionContext context, String value) {
      int at = value.indexOf('@');
      if (at < 0 || !plainLocalPart(value, at) || value.indexOf('@', at + 1) >= 0) {
        return networknt.matches(context, value);
      }
      String domain = value.substring(at + 1);
      Boolean known = verdicts.get(domain);
      if (known == null) {
        known = networknt.matches(context, "a@" + domain);
        if (verdicts.size() < DOMAINS) {
          verdicts.put(domain, known);
        }
      }
      return known;
    }
  }

  /** At most this many domains' answers are kept per format. */
  static final int DOMAINS = 4_096;

  /**
   * Whether {@code text} up to {@code at} is a plain local part: dot-separated runs of ASCII letters, digits,
   * {@code _}, {@code +} and {@code -}, at most 64 characters. networknt's e-mail format (Apache Commons
   * Validator's) accepts every such local part, and then decides on the domain, the text after the only
   * {@code @}, alone.
   */
  static boolean plainLocalPart(String text, int at) {
    if (at == 0 || at > 64) {
      return false;
    }
    boolean afterDot = true;
    for (int i = 0; i < at; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        if (afterDot) {
          return false;
        }
        afterDot = true;
      } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '+'
          || c == '-') {
        afterDot = false;
      } else {
        return false;
      }
    }
    return !afterDot;
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
