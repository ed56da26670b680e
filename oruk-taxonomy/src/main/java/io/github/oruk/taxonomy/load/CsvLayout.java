package io.github.oruk.taxonomy.load;

import io.github.oruk.taxonomy.Labels;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which columns of a taxonomy CSV file hold what. Only the identifier and label columns are required.
 * Column names are matched ignoring case, spacing and punctuation.
 *
 * <p>Term URIs come from, in order: the {@code uri} column; the {@code uriTemplate} (with {@code {id}});
 * the {@code vocabulary} (a registered vocabulary's URI pattern); the {@code vocabulary} column of each row,
 * looked up the same way; otherwise they are minted as {@code {schemeUri}#{id}}. Parents are identifiers
 * in the same file (several in one cell when {@code parentSeparator} is set); the {@code rootParentValues}
 * (default empty and {@code 0}, which Open Eligibility uses) mean "no parent".
 *
 * @param idColumn the concept's identifier
 * @param labelColumn its preferred label
 * @param parentColumn the identifier(s) of its parent(s), or null
 * @param parentSeparator separates several parents in one cell, or null for one parent
 * @param rootParentValues parent values that mean "top concept"
 * @param descriptionColumn its definition, or null
 * @param altLabelColumn synonyms, separated by {@code altLabelSeparator}, or null
 * @param altLabelSeparator separates synonyms (default {@code |})
 * @param notationColumn a code or machine name, or null
 * @param uriColumn the term URI, or null
 * @param statusColumn a status, or null
 * @param deprecatedValues statuses that mark a withdrawn term (compared ignoring case)
 * @param vocabularyColumn each row's vocabulary name, or null
 * @param vocabulary the vocabulary of every row (a prefix or name in the registry), or null
 * @param uriTemplate a URI template with {@code {id}}, or null
 * @param schemeUri the scheme's URI, or null to take the vocabulary's list URI or mint one from the file name
 * @param schemeTitle the scheme's title, or null for the vocabulary's label or the file name
 */
public record CsvLayout(String idColumn, String labelColumn, String parentColumn, String parentSeparator,
    Set<String> rootParentValues, String descriptionColumn, String altLabelColumn, String altLabelSeparator,
    String notationColumn, String uriColumn, String statusColumn, Set<String> deprecatedValues,
    String vocabularyColumn, String vocabulary, String uriTemplate, String schemeUri, String schemeTitle) {

  private static final Set<String> DEFAULT_DEPRECATED = Set.of("discontinued", "deprecated", "withdrawn", "retired",
      "obsolete", "inactive");

  public CsvLayout {
    Objects.requireNonNull(idColumn, "idColumn");
    Objects.requireNonNull(labelColumn, "labelColumn");
    rootParentValues = rootParentValues == null ? Set.of("", "0") : Set.copyOf(rootParentValues);
    altLabelSeparator = altLabelSeparator == null ? "|" : altLabelSeparator;
    deprecatedValues = deprecatedValues == null ? DEFAULT_DEPRECATED : lower(deprecatedValues);
    if (uriTemplate != null && !uriTemplate.contains("{id}")) {
      throw new IllegalArgumentException("the URI template must contain {id}; got '" + uriTemplate + "'");
    }
  }

  /** A layout with just the identifier and label columns; add the others with the {@code with} methods. */
  public static CsvLayout of(String idColumn, String labelColumn) {
    return new CsvLayout(idColumn, labelColumn, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null);
  }

  /**
   * The LGA's Local Government Service List export ({@code englishAndWelshServices-all.csv}): columns
   * {@code Identifier, Label, Status, Description}; {@code Discontinued} terms are deprecated; URIs
   * {@code http://id.esd.org.uk/service/{id}}.
   */
  public static CsvLayout lgsl() {
    return of("Identifier", "Label").withDescription("Description").withStatus("Status")
        .withVocabulary("esdServiceType")
        .withScheme("http://id.esd.org.uk/list/englishAndWelshServices", "Local Government Service List (LGSL)");
  }

  /**
   * The DfE Family Hubs service categories as a CSV of {@code id, name, parent_id, vocabulary}; URIs in the
   * project-minted {@code dfeServiceCategory} namespace.
   */
  public static CsvLayout dfeFamilyHubs() {
    return of("id", "name").withParent("parent_id").withVocabulary("dfeServiceCategory")
        .withScheme("urn:oruk-java:dfe-family-hubs", "DfE Family Hubs service categories");
  }

  /** Open Eligibility's CSV edition: {@code id, name, parent_id} (0 for a top term), {@code vocabulary}. */
  public static CsvLayout openEligibility() {
    return of("id", "name").withParent("parent_id").withVocabulary("openEligibility")
        .withScheme("urn:oruk-java:open-eligibility", "Open Eligibility");
  }

  /**
   * A layout guessed from a header row: the identifier from {@code id}, {@code identifier}, {@code code},
   * {@code notation} or {@code uuid}; the label from {@code label}, {@code name}, {@code prefLabel},
   * {@code title} or {@code term}; and the optional columns from their usual names. The LGSL export is
   * recognised by its header and given {@link #lgsl()}.
   *
   * @return empty when no identifier or label column is found
   */
  public static Optional<CsvLayout> detect(List<String> header) {
    if (find(header, "identifier") != null && find(header, "label") != null && find(header, "status") != null
        && find(header, "history notes") != null) {
      return Optional.of(lgsl());
    }
    String id = find(header, "id", "identifier", "code", "uuid", "term id", "concept id");
    String label = find(header, "label", "name", "pref label", "preflabel", "title", "term", "term name");
    if (id == null || label == null) {
      return Optional.empty();
    }
    CsvLayout layout = of(id, label);
    String parent = find(header, "parent id", "parent", "broader", "parent identifier", "parent code", "parents");
    if (parent != null) {
      layout = layout.withParent(parent);
    }
    String description = find(header, "description", "definition", "scope note");
    if (description != null) {
      layout = layout.withDescription(description);
    }
    String synonyms = find(header, "alt labels", "altlabel", "alt label", "synonyms", "alternative labels",
        "keywords");
    if (synonyms != null) {
      layout = layout.withAltLabels(synonyms, "|");
    }
    String notation = find(header, "notation");
    if (notation != null && !notation.equals(id)) {
      layout = layout.withNotation(notation);
    }
    String uri = find(header, "uri", "term uri", "concept uri", "iri");
    if (uri != null) {
      layout = layout.withUri(uri);
    }
    String status = find(header, "status");
    if (status != null) {
      layout = layout.withStatus(status);
    }
    String vocabulary = find(header, "vocabulary", "taxonomy", "scheme");
    if (vocabulary != null) {
      layout = layout.withVocabularyColumn(vocabulary);
    }
    return Optional.of(layout);
  }

  public CsvLayout withParent(String column) {
    return new CsvLayout(idColumn, labelColumn, column, parentSeparator, rootParentValues, descriptionColumn,
        altLabelColumn, altLabelSeparator, notationColumn, uriColumn, statusColumn, deprecatedValues,
        vocabularyColumn, vocabulary, uriTemplate, schemeUri, schemeTitle);
  }

  /** Several parents per cell, separated by {@code separator}. */
  public CsvLayout withParents(String column, String separator) {
    return new CsvLayout(idColumn, labelColumn, column, separator, rootParentValues, descriptionColumn,
        altLabelColumn, altLabelSeparator, notationColumn, uriColumn, statusColumn, deprecatedValues,
        vocabularyColumn, vocabulary, uriTemplate, schemeUri, schemeTitle);
  }

  public CsvLayout withRootParentValues(Set<String> values) {
    return new CsvLayout(idColumn, labelColumn, parentColumn, parentSeparator, values, descriptionColumn,
        altLabelColumn, altLabelSeparator, notationColumn, uriColumn, statusColumn, deprecatedValues,
        vocabularyColumn, vocabulary, uriTemplate, schemeUri, schemeTitle);
  }

  public CsvLayout withDescription(String column) {
    return new CsvLayout(idColumn, labelColumn, parentColumn, parentSeparator, rootParentValues, column,
        altLabelColumn, altLabelSeparator, notationColumn, uriColumn, statusColumn, deprecatedValues,
        vocabularyColumn, vocabulary, uriTemplate, schemeUri, schemeTitle);
  }

  public CsvLayout withAltLabels(String column, String separator) {
    return new CsvLayout(idColumn, labelColumn, parentColumn, parentSeparator, rootParentValues, descriptionColumn,
        column, separator, notationColumn, uriColumn, statusColumn, deprecatedValues,
        vocabularyColumn, vocabulary, uriTemplate, schemeUri, schemeTitle);
  }

  public CsvLayout withNotation(String column) {
    return new CsvLayout(idColumn, labelColumn, parentColumn, parentSeparator, rootParentValues, descriptionColumn,
        altLabelColumn, altLabelSeparator, column, uriColumn, statusColumn, deprecatedValues,
        vocabularyColumn, vocabulary, uriTemplate, schemeUri, schemeTitle);
  }

  public CsvLayout withUri(String column) {
    return new CsvLayout(idColumn, labelColumn, parentColumn, parentSeparator, rootParentValues, descriptionColumn,
        altLabelColumn, altLabelSeparator, notationColumn, column, statusColumn, deprecatedValues,
        vocabularyColumn, vocabulary, uriTemplate, schemeUri, schemeTitle);
  }

  public CsvLayout withStatus(String column) {
    return new CsvLayout(idColumn, labelColumn, parentColumn, parentSeparator, rootParentValues, descriptionColumn,
        altLabelColumn, altLabelSeparator, notationColumn, uriColumn, column, deprecatedValues,
        vocabularyColumn, vocabulary, uriTemplate, schemeUri, schemeTitle);
  }

  public CsvLayout withStatus(String column, Set<String> deprecated) {
    return new CsvLayout(idColumn, labelColumn, parentColumn, parentSeparator, rootParentValues, descriptionColumn,
        altLabelColumn, altLabelSeparator, notationColumn, uriColumn, column, deprecated,
        vocabularyColumn, vocabulary, uriTemplate, schemeUri, schemeTitle);
  }

  public CsvLayout withVocabularyColumn(String column) {
    return new CsvLayout(idColumn, labelColumn, parentColumn, parentSeparator, rootParentValues, descriptionColumn,
        altLabelColumn, altLabelSeparator, notationColumn, uriColumn, statusColumn, deprecatedValues,
        column, vocabulary, uriTemplate, schemeUri, schemeTitle);
  }

  /** Every row belongs to this vocabulary (a prefix or name the term normaliser's registry knows). */
  public CsvLayout withVocabulary(String prefixOrName) {
    return new CsvLayout(idColumn, labelColumn, parentColumn, parentSeparator, rootParentValues, descriptionColumn,
        altLabelColumn, altLabelSeparator, notationColumn, uriColumn, statusColumn, deprecatedValues,
        vocabularyColumn, prefixOrName, uriTemplate, schemeUri, schemeTitle);
  }

  public CsvLayout withUriTemplate(String template) {
    return new CsvLayout(idColumn, labelColumn, parentColumn, parentSeparator, rootParentValues, descriptionColumn,
        altLabelColumn, altLabelSeparator, notationColumn, uriColumn, statusColumn, deprecatedValues,
        vocabularyColumn, vocabulary, template, schemeUri, schemeTitle);
  }

  public CsvLayout withScheme(String uri, String title) {
    return new CsvLayout(idColumn, labelColumn, parentColumn, parentSeparator, rootParentValues, descriptionColumn,
        altLabelColumn, altLabelSeparator, notationColumn, uriColumn, statusColumn, deprecatedValues,
        vocabularyColumn, vocabulary, uriTemplate, uri, title);
  }

  /** The header cell matching the first of these names (ignoring case, spacing and punctuation), or null. */
  static String find(List<String> header, String... names) {
    for (String name : names) {
      String wanted = Labels.key(name).replace(" ", "");
      for (String cell : header) {
        if (Labels.key(cell).replace(" ", "").equals(wanted)) {
          return cell;
        }
      }
    }
    return null;
  }

  private static Set<String> lower(Set<String> values) {
    java.util.Set<String> lower = new java.util.HashSet<>();
    values.forEach(value -> lower.add(value.strip().toLowerCase(Locale.ROOT)));
    return Set.copyOf(lower);
  }
}
