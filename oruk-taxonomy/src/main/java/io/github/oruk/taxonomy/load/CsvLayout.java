package io.github.oruk.taxonomy.load;

import io.github.oruk.taxonomy.Labels;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
 * <pre>{@code
 * CsvLayout layout = CsvLayout.builder("code", "term")          // the two required columns
 *     .parent("parent_code").description("notes").status("state")
 *     .uriTemplate("https://example.council.gov.uk/types/{id}")
 *     .build();
 * }</pre>
 *
 * <p>Options are many, so a layout is made with its {@link Builder} (one idiom for options across the SDK:
 * builders where options are many); {@link #toBuilder()} starts from an existing layout, such as
 * {@link #lgsl()}. Until issue #14 this record had a {@code with} method per option; {@code of(id, label)
 * .withParent(p)} is now {@code builder(id, label).parent(p).build()}, and each {@code withX} is the builder's
 * {@code x}.
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
public record CsvLayout(String idColumn, String labelColumn, @Nullable String parentColumn, @Nullable String parentSeparator,
    Set<String> rootParentValues, @Nullable String descriptionColumn, @Nullable String altLabelColumn, String altLabelSeparator,
    @Nullable String notationColumn, @Nullable String uriColumn, @Nullable String statusColumn, Set<String> deprecatedValues,
    @Nullable String vocabularyColumn, @Nullable String vocabulary, @Nullable String uriTemplate, @Nullable String schemeUri, @Nullable String schemeTitle) {

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

  /** A builder with the two required columns; every other option starts unset (or at its default). */
  public static Builder builder(String idColumn, String labelColumn) {
    return new Builder(Objects.requireNonNull(idColumn, "idColumn"), Objects.requireNonNull(labelColumn,
        "labelColumn"));
  }

  /** A builder holding this layout's options, to change some of them. */
  public Builder toBuilder() {
    Builder builder = new Builder(idColumn, labelColumn);
    builder.parentColumn = parentColumn;
    builder.parentSeparator = parentSeparator;
    builder.rootParentValues = rootParentValues;
    builder.descriptionColumn = descriptionColumn;
    builder.altLabelColumn = altLabelColumn;
    builder.altLabelSeparator = altLabelSeparator;
    builder.notationColumn = notationColumn;
    builder.uriColumn = uriColumn;
    builder.statusColumn = statusColumn;
    builder.deprecatedValues = deprecatedValues;
    builder.vocabularyColumn = vocabularyColumn;
    builder.vocabulary = vocabulary;
    builder.uriTemplate = uriTemplate;
    builder.schemeUri = schemeUri;
    builder.schemeTitle = schemeTitle;
    return builder;
  }

  /**
   * The LGA's Local Government Service List export ({@code englishAndWelshServices-all.csv}): columns
   * {@code Identifier, Label, Status, Description}; {@code Discontinued} terms are deprecated; URIs
   * {@code http://id.esd.org.uk/service/{id}}.
   */
  public static CsvLayout lgsl() {
    return builder("Identifier", "Label").description("Description").status("Status")
        .vocabulary("esdServiceType")
        .scheme("http://id.esd.org.uk/list/englishAndWelshServices", "Local Government Service List (LGSL)")
        .build();
  }

  /**
   * The DfE Family Hubs service categories as a CSV of {@code id, name, parent_id, vocabulary}; URIs in the
   * project-minted {@code dfeServiceCategory} namespace.
   */
  public static CsvLayout dfeFamilyHubs() {
    return builder("id", "name").parent("parent_id").vocabulary("dfeServiceCategory")
        .scheme("urn:oruk-java:dfe-family-hubs", "DfE Family Hubs service categories").build();
  }

  /** Open Eligibility's CSV edition: {@code id, name, parent_id} (0 for a top term), {@code vocabulary}. */
  public static CsvLayout openEligibility() {
    return builder("id", "name").parent("parent_id").vocabulary("openEligibility")
        .scheme("urn:oruk-java:open-eligibility", "Open Eligibility").build();
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
    Builder layout = builder(id, label);
    String parent = find(header, "parent id", "parent", "broader", "parent identifier", "parent code", "parents");
    if (parent != null) {
      layout.parent(parent);
    }
    String description = find(header, "description", "definition", "scope note");
    if (description != null) {
      layout.description(description);
    }
    String synonyms = find(header, "alt labels", "altlabel", "alt label", "synonyms", "alternative labels",
        "keywords");
    if (synonyms != null) {
      layout.altLabels(synonyms, "|");
    }
    String notation = find(header, "notation");
    if (notation != null && !notation.equals(id)) {
      layout.notation(notation);
    }
    String uri = find(header, "uri", "term uri", "concept uri", "iri");
    if (uri != null) {
      layout.uri(uri);
    }
    String status = find(header, "status");
    if (status != null) {
      layout.status(status);
    }
    String vocabulary = find(header, "vocabulary", "taxonomy", "scheme");
    if (vocabulary != null) {
      layout.vocabularyColumn(vocabulary);
    }
    return Optional.of(layout.build());
  }

  /** Builds a {@link CsvLayout}; every option but the two required columns may be left unset. */
  public static final class Builder {
    private final String idColumn;
    private final String labelColumn;
    private @Nullable String parentColumn;
    private @Nullable String parentSeparator;
    private @Nullable Set<String> rootParentValues;
    private @Nullable String descriptionColumn;
    private @Nullable String altLabelColumn;
    private @Nullable String altLabelSeparator;
    private @Nullable String notationColumn;
    private @Nullable String uriColumn;
    private @Nullable String statusColumn;
    private @Nullable Set<String> deprecatedValues;
    private @Nullable String vocabularyColumn;
    private @Nullable String vocabulary;
    private @Nullable String uriTemplate;
    private @Nullable String schemeUri;
    private @Nullable String schemeTitle;

    private Builder(String idColumn, String labelColumn) {
      this.idColumn = idColumn;
      this.labelColumn = labelColumn;
    }

    /** The column holding the identifier of the concept's one parent. */
    public Builder parent(String column) {
      return parents(column, null);
    }

    /** The column holding the identifiers of the concept's parents, several per cell separated by {@code separator}. */
    public Builder parents(String column, @Nullable String separator) {
      this.parentColumn = column;
      this.parentSeparator = separator;
      return this;
    }

    /** Parent values that mean "top concept" (default: empty and {@code 0}). */
    public Builder rootParentValues(Set<String> values) {
      this.rootParentValues = values;
      return this;
    }

    public Builder description(String column) {
      this.descriptionColumn = column;
      return this;
    }

    /** The synonyms' column, several per cell separated by {@code separator} (default {@code |}). */
    public Builder altLabels(String column, String separator) {
      this.altLabelColumn = column;
      this.altLabelSeparator = separator;
      return this;
    }

    public Builder notation(String column) {
      this.notationColumn = column;
      return this;
    }

    public Builder uri(String column) {
      this.uriColumn = column;
      return this;
    }

    /** The status column; the usual words for a withdrawn term mark it deprecated. */
    public Builder status(String column) {
      return status(column, null);
    }

    /** The status column, and the statuses that mark a withdrawn term (null for the usual words). */
    public Builder status(String column, @Nullable Set<String> deprecated) {
      this.statusColumn = column;
      this.deprecatedValues = deprecated;
      return this;
    }

    /** The column naming each row's vocabulary. */
    public Builder vocabularyColumn(String column) {
      this.vocabularyColumn = column;
      return this;
    }

    /** Every row belongs to this vocabulary (a prefix or name the term normaliser's registry knows). */
    public Builder vocabulary(String prefixOrName) {
      this.vocabulary = prefixOrName;
      return this;
    }

    /** Term URIs from this template, which must contain {@code {id}}. */
    public Builder uriTemplate(String template) {
      this.uriTemplate = template;
      return this;
    }

    /** The scheme's URI and title. */
    public Builder scheme(String uri, String title) {
      this.schemeUri = uri;
      this.schemeTitle = title;
      return this;
    }

    /** @throws IllegalArgumentException when the URI template lacks {@code {id}} */
    @SuppressWarnings("NullAway") // the record's constructor turns a null set into its default
    public CsvLayout build() {
      return new CsvLayout(idColumn, labelColumn, parentColumn, parentSeparator, rootParentValues,
          descriptionColumn, altLabelColumn, altLabelSeparator, notationColumn, uriColumn, statusColumn,
          deprecatedValues, vocabularyColumn, vocabulary, uriTemplate, schemeUri, schemeTitle);
    }
  }

  /** The header cell matching the first of these names (ignoring case, spacing and punctuation), or null. */
  static @Nullable String find(List<String> header, String... names) {
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
