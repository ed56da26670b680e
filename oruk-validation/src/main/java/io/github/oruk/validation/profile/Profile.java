package io.github.oruk.validation.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.diagnostic.DiagnosticCodes;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.payload.SchemaVariant;
import io.github.oruk.validation.rule.RuleInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How strictly to judge, and what a publisher's own policy adds.
 *
 * <ul>
 *   <li>{@link #strict()} (the default) applies every rule at its own severity against the project's
 *       spec document, tightenings included.</li>
 *   <li>{@link #parity()} reaches the official validator's verdict: only what the official validator
 *       fails a feed for counts as an error (the required endpoints and their schemas, against the
 *       published schemas without the project's tightenings); everything else is still reported, as a
 *       warning at most.</li>
 *   <li>{@link #load(Path)} reads a policy file (YAML or JSON) that extends one of those: mandatory
 *       properties, a freshness limit, warnings that count as errors, severities, disabled rules and
 *       richness weights. The module README documents the format.</li>
 * </ul>
 *
 * @param name the profile's name, shown in reports
 * @param parityMode whether verdicts follow the official validator
 * @param freshness how old {@code assured_date} may be
 * @param mandatory properties a policy requires, by record type
 * @param severities severity per rule code, overriding the rule's default
 * @param disabled rule codes that do not run
 * @param richnessWeights weight per richness feature (see {@code Richness}); empty means the defaults
 */
public record Profile(String name, boolean parityMode, Period freshness, Map<RecordType, Set<String>> mandatory,
    Map<String, Severity> severities, Set<String> disabled, Map<String, Integer> richnessWeights) {

  /** The ORUK guidance: assured within the last three months. */
  public static final Period DEFAULT_FRESHNESS = Period.ofMonths(3);

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(day|days|week|weeks|month|months|year|years)");

  public Profile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(freshness, "freshness");
    mandatory = mandatory == null ? Map.of() : Map.copyOf(mandatory);
    severities = severities == null ? Map.of() : Map.copyOf(severities);
    disabled = disabled == null ? Set.of() : Set.copyOf(disabled);
    richnessWeights = richnessWeights == null ? Map.of() : Map.copyOf(richnessWeights);
  }

  /** Every rule at its own severity, against the project's spec (the default). */
  public static Profile strict() {
    return new Profile("strict", false, DEFAULT_FRESHNESS, Map.of(), Map.of(), Set.of(), Map.of());
  }

  /** The official validator's verdict; everything else reported as warnings at most. */
  public static Profile parity() {
    return new Profile("parity", true, DEFAULT_FRESHNESS, Map.of(), Map.of(), Set.of(), Map.of());
  }

  /**
   * {@code strict}, {@code parity}, or the path of a policy file.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when it is not a valid policy (the message says what is wrong)
   */
  public static Profile named(String nameOrFile) throws IOException {
    return switch (nameOrFile) {
      case "strict" -> strict();
      case "parity" -> parity();
      default -> load(Path.of(nameOrFile));
    };
  }

  /** Which schemas documents are checked against. */
  public SchemaVariant schemaVariant() {
    return parityMode ? SchemaVariant.PARITY : SchemaVariant.STRICT;
  }

  /** Whether a rule runs under this profile. */
  public boolean enabled(RuleInfo rule) {
    return !disabled.contains(rule.code());
  }

  /**
   * The severity a finding of this rule gets. An explicit policy severity wins; in parity mode anything
   * the official validator would not fail a feed for is at most a warning ({@code failsInParity} says
   * whether this particular finding is one it would fail for).
   */
  public Severity severity(RuleInfo rule, boolean failsInParity) {
    Severity explicit = severities.get(rule.code());
    if (explicit != null) {
      return explicit;
    }
    if (parityMode && rule.severity() == Severity.ERROR && !failsInParity) {
      return Severity.WARNING;
    }
    return rule.severity();
  }

  /**
   * Reads a policy file, YAML or JSON:
   *
   * <pre>
   * name: my-council
   * extends: strict            # or parity
   * freshness: 6 months        # or an ISO-8601 period such as P6M
   * mandatory:
   *   service: [description, email, assured_date]
   *   location: [addresses]
   * errors: [ORUK-FRESH-001]   # warnings that count as errors
   * severities: {ORUK-GEO-002: info}
   * disabled: [ORUK-HTML-001]
   * richness: {description: 20, schedule: 15}
   * </pre>
   */
  public static Profile load(Path file) throws IOException {
    JsonNode policy;
    try {
      byte[] bytes = Files.readAllBytes(file);
      ObjectMapper reader = file.toString().endsWith(".json") ? new ObjectMapper() : new YAMLMapper();
      policy = reader.readTree(bytes);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such profile: '" + file + "'; expected strict, parity or the path of a"
          + " policy file (YAML or JSON)");
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException("the policy file " + file + " is not valid YAML or JSON: "
          + e.getOriginalMessage());
    }
    if (policy == null || !policy.isObject()) {
      throw new IllegalArgumentException("the policy file " + file + " must hold a mapping (name, extends, ...)");
    }
    return fromPolicy(policy, file.getFileName().toString());
  }

  static Profile fromPolicy(JsonNode policy, String source) {
    for (Iterator<String> keys = policy.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!Set.of("name", "extends", "freshness", "mandatory", "errors", "severities", "disabled", "richness")
          .contains(key)) {
        throw new IllegalArgumentException(source + ": unknown key '" + key + "'; a policy may have name, extends,"
            + " freshness, mandatory, errors, severities, disabled and richness");
      }
    }
    String base = policy.path("extends").asText("strict");
    if (!base.equals("strict") && !base.equals("parity")) {
      throw new IllegalArgumentException(source + ": 'extends' must be strict or parity; got '" + base + "'");
    }
    Map<RecordType, Set<String>> mandatory = new EnumMap<>(RecordType.class);
    policy.path("mandatory").fields().forEachRemaining(entry -> {
      RecordType type = RecordType.fromName(entry.getKey()).orElseThrow(() -> new IllegalArgumentException(
          source + ": 'mandatory' names an unknown record type '" + entry.getKey() + "'"));
      mandatory.put(type, textSet(entry.getValue(), source + ": mandatory." + entry.getKey()));
    });
    Map<String, Severity> severities = new LinkedHashMap<>();
    policy.path("severities").fields().forEachRemaining(entry -> {
      try {
        severities.put(DiagnosticCodes.canonical(entry.getKey()), Severity.fromLabel(entry.getValue().asText()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + ": severity of " + entry.getKey()
            + " must be error, warning or info; got '" + entry.getValue().asText() + "'");
      }
    });
    for (String code : textSet(policy.path("errors"), source + ": errors")) {
      severities.put(DiagnosticCodes.canonical(code), Severity.ERROR);
    }
    Map<String, Integer> weights = new LinkedHashMap<>();
    policy.path("richness").fields().forEachRemaining(entry -> {
      if (!entry.getValue().canConvertToInt() || entry.getValue().asInt() < 0) {
        throw new IllegalArgumentException(source + ": richness weight of " + entry.getKey()
            + " must be a whole number of 0 or more");
      }
      weights.put(entry.getKey(), entry.getValue().asInt());
    });
    Period freshness = policy.has("freshness")
        ? period(policy.get("freshness").asText(), source)
        : DEFAULT_FRESHNESS;
    String name = policy.path("name").asText(source.replaceFirst("\\.(ya?ml|json)$", ""));
    return new Profile(name, base.equals("parity"), freshness, mandatory, severities,
        codes(textSet(policy.path("disabled"), source + ": disabled")), weights);
  }

  /** Codes as a policy names them, with the client's earlier paging codes (ORUK-PAGING-nnn) read as their facts'. */
  private static Set<String> codes(Set<String> named) {
    Set<String> codes = new LinkedHashSet<>();
    named.forEach(code -> codes.add(DiagnosticCodes.canonical(code)));
    return codes;
  }

  private static Set<String> textSet(JsonNode node, String where) {
    Set<String> values = new LinkedHashSet<>();
    if (node == null || node.isMissingNode() || node.isNull()) {
      return values;
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(where + " must be a list");
    }
    node.forEach(item -> values.add(item.asText()));
    return values;
  }

  private static Period period(String text, String source) {
    String trimmed = text.strip().toLowerCase(Locale.ROOT);
    Matcher words = DURATION.matcher(trimmed);
    if (words.matches()) {
      int amount = Integer.parseInt(words.group(1));
      return switch (words.group(2).charAt(0)) {
        case 'd' -> Period.ofDays(amount);
        case 'w' -> Period.ofWeeks(amount);
        case 'm' -> Period.ofMonths(amount);
        default -> Period.ofYears(amount);
      };
    }
    try {
      return Period.parse(text.strip().toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(source + ": freshness must be like '3 months' or 'P3M'; got '" + text + "'");
    }
  }
}
