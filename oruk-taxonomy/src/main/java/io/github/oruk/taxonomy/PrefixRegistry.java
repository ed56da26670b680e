package io.github.oruk.taxonomy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The vocabularies a {@link TermNormalizer} knows: CURIE prefixes, the names feeds give them and their
 * URI patterns. Immutable; derive changed copies with {@link #toBuilder()}.
 *
 * <p>{@link #defaults()} knows the vocabularies ORUK feeds use (identifiers and URI patterns are public
 * facts; no term data is included):
 *
 * <table>
 *   <caption>Default vocabularies</caption>
 *   <tr><th>prefix</th><th>canonical term URI</th><th>also answers to</th></tr>
 *   <tr><td>{@code esdServiceType}</td><td>{@code http://id.esd.org.uk/service/{id}}</td>
 *       <td>esdServiceTypes, LGA services, LGSL, the services / communityServices / englishAndWelshServices lists</td></tr>
 *   <tr><td>{@code esdNeed}</td><td>{@code http://id.esd.org.uk/need/{id}}</td><td>esdNeeds, need</td></tr>
 *   <tr><td>{@code esdCircumstance}</td><td>{@code http://id.esd.org.uk/circumstance/{id}}</td>
 *       <td>esdCircumstances, circumstance (Porism)</td></tr>
 *   <tr><td>{@code openActiveActivity}</td><td>{@code https://openactive.io/activity-list#{id}}</td>
 *       <td>the {@code http} form, OpenActive Activity List</td></tr>
 *   <tr><td>{@code openActiveAccessibility}</td><td>{@code https://openactive.io/accessibility-support#{id}}</td>
 *       <td>the {@code http} form</td></tr>
 *   <tr><td>{@code dfeServiceCategory}</td><td>{@code urn:oruk-java:dfe-family-hubs:{id}} (minted)</td>
 *       <td>DfE Family Hubs Service Categories, ServiceCategory</td></tr>
 *   <tr><td>{@code openEligibility}</td><td>{@code urn:oruk-java:open-eligibility:{id}} (minted)</td>
 *       <td>Open Eligibility, Open Eligibility (human situations)</td></tr>
 *   <tr><td>{@code snomedCT}</td><td>{@code http://snomed.info/id/{id}}</td><td>SNOMED CT, snomed, Snowmed</td></tr>
 * </table>
 *
 * <p>The DfE categories and Open Eligibility publish no term URIs, so this project mints stable URNs for
 * them ({@link Vocabulary#minted()}); replace them with the builder if your directory uses others.
 */
public final class PrefixRegistry {

  private static final PrefixRegistry DEFAULTS = createDefaults();

  private final List<Vocabulary> vocabularies;
  private final Map<String, Vocabulary> byExactName;
  private final Map<String, Vocabulary> byKey;
  private final Map<String, Vocabulary> byListUri;

  private PrefixRegistry(Collection<Vocabulary> vocabularies) {
    this.vocabularies = List.copyOf(vocabularies);
    Map<String, Vocabulary> exact = new HashMap<>();
    Map<String, Vocabulary> keys = new HashMap<>();
    Map<String, Vocabulary> lists = new HashMap<>();
    for (Vocabulary vocabulary : this.vocabularies) {
      for (String name : vocabulary.names()) {
        exact.putIfAbsent(name, vocabulary);
        keys.putIfAbsent(Labels.vocabularyKey(name), vocabulary);
      }
      for (String list : vocabulary.listUris()) {
        lists.putIfAbsent(stripSlash(list).toLowerCase(Locale.ROOT), vocabulary);
        // A list's own identifier ("communityServices") is a name feeds use too.
        String tail = list.substring(list.lastIndexOf('/') + 1);
        if (!tail.isEmpty()) {
          keys.putIfAbsent(Labels.vocabularyKey(tail), vocabulary);
        }
      }
    }
    this.byExactName = exact;
    this.byKey = keys;
    this.byListUri = lists;
  }

  /** The vocabularies ORUK feeds use; see the class description. */
  public static PrefixRegistry defaults() {
    return DEFAULTS;
  }

  /** A registry that knows nothing; add vocabularies with {@link #toBuilder()}. */
  public static PrefixRegistry empty() {
    return new PrefixRegistry(List.of());
  }

  /** A builder starting from nothing. */
  public static Builder builder() {
    return new Builder(List.of());
  }

  /** A builder starting from this registry's vocabularies. */
  public Builder toBuilder() {
    return new Builder(vocabularies);
  }

  /**
   * Reads vocabularies from a CSV file with a header row and the columns {@code prefix},
   * {@code uri_template} (with {@code {id}}), and optionally {@code label}, {@code id_syntax}
   * ({@code digits}, {@code uuid}, {@code token} or {@code any}; default {@code any}), {@code aliases},
   * {@code alternative_templates} and {@code list_uris} (each {@code |}-separated) and {@code minted}
   * ({@code true}/{@code false}). Add them to a registry with {@link Builder#addAll(Collection)}.
   *
   * @throws IllegalArgumentException naming the row when a value is missing or malformed
   */
  public static List<Vocabulary> readCsv(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return readCsv(in, file.toString());
    }
  }

  /** As {@link #readCsv(Path)}, from a stream; {@code source} names it in messages. */
  public static List<Vocabulary> readCsv(InputStream in, String source) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.TRIM_SPACES);
    List<Vocabulary> read = new ArrayList<>();
    try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
      int line = 1;
      while (rows.hasNext()) {
        line++;
        Map<String, String> row = rows.next();
        String prefix = value(row, "prefix");
        String template = value(row, "uri_template");
        if (prefix.isEmpty() || template.isEmpty()) {
          throw new IllegalArgumentException(source + " row " + line + ": prefix and uri_template are required");
        }
        String syntax = value(row, "id_syntax");
        Vocabulary.IdSyntax idSyntax;
        try {
          idSyntax = syntax.isEmpty() ? Vocabulary.IdSyntax.ANY
              : Vocabulary.IdSyntax.valueOf(syntax.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(source + " row " + line + ": id_syntax '" + syntax
              + "' is not one of digits, uuid, token, any", e);
        }
        String label = value(row, "label");
        try {
          Vocabulary vocabulary = Vocabulary.of(prefix, label.isEmpty() ? prefix : label, template, idSyntax)
              .withAliases(split(value(row, "aliases")))
              .withAlternativeTemplates(split(value(row, "alternative_templates")))
              .withListUris(split(value(row, "list_uris")));
          read.add(Boolean.parseBoolean(value(row, "minted")) ? vocabulary.asMinted() : vocabulary);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(source + " row " + line + ": " + e.getMessage(), e);
        }
      }
    }
    return read;
  }

  /** Every vocabulary, in the order added. */
  public List<Vocabulary> vocabularies() {
    return vocabularies;
  }

  /**
   * The vocabulary with this prefix, name, alias or list URI. Names are compared ignoring case, spacing
   * and a plural {@code s}, so {@code esdServiceTypes}, {@code esdServiceType} and {@code ESD service types}
   * all find the LGA service types.
   */
  public Optional<Vocabulary> vocabulary(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    Vocabulary found = byExactName.get(name);
    if (found == null) {
      found = byKey.get(Labels.vocabularyKey(name));
    }
    if (found == null && (name.contains("://") || name.startsWith("urn:"))) {
      found = byListUri.get(stripSlash(name.strip()).toLowerCase(Locale.ROOT));
    }
    return Optional.ofNullable(found);
  }

  /** The vocabulary whose URI pattern this term URI follows, with the identifier it carries. */
  public Optional<Match> match(String uri) {
    if (uri == null) {
      return Optional.empty();
    }
    for (Vocabulary vocabulary : vocabularies) {
      String id = Vocabulary.match(vocabulary.uriTemplate(), uri);
      if (id != null) {
        return Optional.of(new Match(vocabulary, id, true));
      }
    }
    for (Vocabulary vocabulary : vocabularies) {
      for (String template : vocabulary.alternativeTemplates()) {
        String id = Vocabulary.match(template, uri);
        if (id != null) {
          return Optional.of(new Match(vocabulary, id, false));
        }
      }
    }
    return Optional.empty();
  }

  /** The CURIE for a canonical term URI, such as {@code esdServiceType:833}, when its vocabulary is known. */
  public Optional<String> curie(String uri) {
    return match(uri).map(found -> found.vocabulary().curie(found.id()));
  }

  @Override
  public String toString() {
    List<String> prefixes = new ArrayList<>();
    vocabularies.forEach(vocabulary -> prefixes.add(vocabulary.prefix()));
    return "PrefixRegistry" + prefixes;
  }

  /**
   * A term URI recognised as belonging to a vocabulary.
   *
   * @param vocabulary the vocabulary
   * @param id the identifier in the URI, as written
   * @param canonicalForm whether the URI used the canonical template (not an alternative spelling)
   */
  public record Match(Vocabulary vocabulary, String id, boolean canonicalForm) {
  }

  private static String value(Map<String, String> row, String column) {
    String value = row.get(column);
    return value == null ? "" : value.strip();
  }

  private static String[] split(String list) {
    if (list.isEmpty()) {
      return new String[0];
    }
    return java.util.Arrays.stream(list.split("\\|")).map(String::strip).filter(s -> !s.isEmpty())
        .toArray(String[]::new);
  }

  private static String stripSlash(String uri) {
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  private static PrefixRegistry createDefaults() {
    String esd = "http://id.esd.org.uk/";
    String esdSecure = "https://id.esd.org.uk/";
    return builder()
        .add(Vocabulary.of("esdServiceType", "LGA service types", esd + "service/{id}", Vocabulary.IdSyntax.DIGITS)
            .withAliases("esdServiceTypes", "esdService", "LGA services", "LGA service types", "LGSL",
                "Local Government Service List", "esdstandards")
            .withAlternativeTemplates(esdSecure + "service/{id}")
            .withListUris(esd + "list/services", esd + "list/communityServices",
                esd + "list/englishAndWelshServices"))
        .add(Vocabulary.of("esdNeed", "LGA needs", esd + "need/{id}", Vocabulary.IdSyntax.DIGITS)
            .withAliases("esdNeeds", "LGA needs", "need")
            .withAlternativeTemplates(esdSecure + "need/{id}")
            .withListUris(esd + "list/needs"))
        .add(Vocabulary.of("esdCircumstance", "LGA circumstances", esd + "circumstance/{id}",
                Vocabulary.IdSyntax.TOKEN)
            .withAliases("esdCircumstances", "LGA circumstances", "circumstance")
            .withAlternativeTemplates(esdSecure + "circumstance/{id}")
            .withListUris(esd + "list/circumstances", esd + "list/circumstancesPersonal",
                esd + "list/circumstancesEligibility"))
        .add(Vocabulary.of("openActiveActivity", "OpenActive Activity List",
                "https://openactive.io/activity-list#{id}", Vocabulary.IdSyntax.UUID)
            .withAliases("openActiveActivities", "OpenActive activity", "activity-list")
            .withAlternativeTemplates("http://openactive.io/activity-list#{id}",
                "https://openactive.io/activity-list/#{id}", "http://openactive.io/activity-list/#{id}")
            .withListUris("https://openactive.io/activity-list", "http://openactive.io/activity-list"))
        .add(Vocabulary.of("openActiveAccessibility", "OpenActive Accessibility Support",
                "https://openactive.io/accessibility-support#{id}", Vocabulary.IdSyntax.UUID)
            .withAliases("accessibility-support", "OpenActive accessibility support list")
            .withAlternativeTemplates("http://openactive.io/accessibility-support#{id}")
            .withListUris("https://openactive.io/accessibility-support", "http://openactive.io/accessibility-support"))
        .add(Vocabulary.of("dfeServiceCategory", "DfE Family Hubs service categories",
                "urn:oruk-java:dfe-family-hubs:{id}", Vocabulary.IdSyntax.UUID)
            .withAliases("DfE Family Hubs Service Categories", "dfeServiceCategories", "ServiceCategory",
                "dfeFamilyHubs", "Family Hubs service categories")
            .asMinted())
        .add(Vocabulary.of("openEligibility", "Open Eligibility", "urn:oruk-java:open-eligibility:{id}",
                Vocabulary.IdSyntax.DIGITS)
            .withAliases("Open Eligibility", "Open Eligibility (human situations)", "openEligibilitySituations")
            .withListUris("https://github.com/openreferral/openeligibility")
            .asMinted())
        .add(Vocabulary.of("snomedCT", "SNOMED CT", "http://snomed.info/id/{id}", Vocabulary.IdSyntax.DIGITS)
            .withAliases("SNOMED CT", "snomed", "Snowmed", "sct")
            .withAlternativeTemplates("https://snomed.info/id/{id}")
            .withListUris("http://snomed.info/sct"))
        .build();
  }

  /** Builds a {@link PrefixRegistry}. A vocabulary added with an existing prefix replaces the old one. */
  public static final class Builder {
    private final Map<String, Vocabulary> vocabularies = new LinkedHashMap<>();

    private Builder(List<Vocabulary> start) {
      start.forEach(this::add);
    }

    public Builder add(Vocabulary vocabulary) {
      vocabularies.put(vocabulary.prefix(), vocabulary);
      return this;
    }

    public Builder addAll(Collection<Vocabulary> more) {
      more.forEach(this::add);
      return this;
    }

    /** Makes {@code alias} another name of the vocabulary with this prefix. */
    public Builder alias(String prefix, String alias) {
      Vocabulary vocabulary = vocabularies.get(prefix);
      if (vocabulary == null) {
        throw new IllegalArgumentException("no vocabulary has the prefix '" + prefix + "'; known: "
            + vocabularies.keySet());
      }
      vocabularies.put(prefix, vocabulary.withAliases(alias));
      return this;
    }

    public Builder remove(String prefix) {
      vocabularies.remove(prefix);
      return this;
    }

    public PrefixRegistry build() {
      return new PrefixRegistry(vocabularies.values());
    }
  }
}
