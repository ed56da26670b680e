package io.github.oruk.taxonomy.load;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.github.oruk.taxonomy.Concept;
import io.github.oruk.taxonomy.NormalizedTerm;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.SchemeProblem;
import io.github.oruk.taxonomy.TermNormalizer;
import io.github.oruk.taxonomy.Vocabulary;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads a taxonomy from a CSV file with a header row, with the columns a {@link CsvLayout} names (or
 * guessed from the header). Uses a real CSV parser: quoted cells with commas and line breaks, a UTF-8
 * byte order mark and {@code \r\n} line ends are all handled. Rows that cannot be concepts are skipped and
 * reported on the scheme; a file without the named columns is refused with the header it has.
 */
public final class CsvLoader {

  private static final CsvMapper CSV = new CsvMapper();

  private final @Nullable CsvLayout layout;
  private final TermNormalizer normalizer;

  private CsvLoader(@Nullable CsvLayout layout, TermNormalizer normalizer) {
    this.layout = layout;
    this.normalizer = normalizer;
  }

  /** A loader for files with this layout, using the default term normaliser. */
  public static CsvLoader of(CsvLayout layout) {
    return new CsvLoader(Objects.requireNonNull(layout, "layout"), TermNormalizer.defaults());
  }

  /** A loader that guesses each file's layout from its header ({@link CsvLayout#detect}). */
  public static CsvLoader detecting() {
    return new CsvLoader(null, TermNormalizer.defaults());
  }

  /** The same loader, making URIs with this normaliser's registry. */
  public CsvLoader withNormalizer(TermNormalizer value) {
    return new CsvLoader(layout, Objects.requireNonNull(value, "normalizer"));
  }

  public Scheme load(Path file) throws IOException {
    return read(Files.readAllBytes(file), file.toString());
  }

  /** Reads CSV bytes; {@code source} names them in messages and, without a scheme URI, in the minted one. */
  public Scheme read(byte[] csv, String source) throws TaxonomyLoadException {
    List<String[]> rows = parse(csv, source);
    if (rows.isEmpty()) {
      throw new TaxonomyLoadException(source, "the CSV file is empty; expected a header row and one row per term");
    }
    List<String> header = new ArrayList<>(Arrays.asList(rows.get(0)));
    header.replaceAll(String::strip);
    CsvLayout chosen = layout;
    if (chosen == null) {
      chosen = CsvLayout.detect(header).orElseThrow(() -> new TaxonomyLoadException(source,
          TaxonomyLoadException.Reason.UNKNOWN_COLUMNS, "read as CSV, but no column of the header " + header
              + " is a known name for the identifier (id, identifier, code, ...) or the label (label, name, "
              + "title, ...); name the columns that hold them, or give a file in another format. "
              + TaxonomyLoader.SUPPORTED_FORMATS));
    }
    Columns columns = new Columns(header, chosen, source);
    Optional<Vocabulary> fixedVocabulary = Optional.empty();
    if (chosen.vocabulary() != null) {
      fixedVocabulary = normalizer.registry().vocabulary(chosen.vocabulary());
      if (fixedVocabulary.isEmpty()) {
        throw new TaxonomyLoadException(source, "the vocabulary '" + chosen.vocabulary()
            + "' is not in the term normaliser's registry " + normalizer.registry());
      }
    }
    String schemeUri = chosen.schemeUri() != null ? chosen.schemeUri()
        : fixedVocabulary.filter(v -> !v.listUris().isEmpty()).map(v -> v.listUris().get(0))
            .orElse("urn:oruk-java:scheme:" + SkosLoader.slug(source));
    String title = chosen.schemeTitle() != null ? chosen.schemeTitle()
        : fixedVocabulary.map(Vocabulary::label).orElse(fileName(source));
    Scheme.Builder scheme = Scheme.builder(schemeUri).title(title);
    fixedVocabulary.ifPresent(v -> scheme.vocabulary(v.prefix()));

    Map<String, String> uriById = new HashMap<>();
    List<Row> kept = new ArrayList<>();
    String commonVocabulary = null;
    boolean mixed = false;
    for (int index = 1; index < rows.size(); index++) {
      String[] cells = rows.get(index);
      if (isBlankRow(cells)) {
        continue;
      }
      String where = "record " + index;
      String id = columns.get(cells, columns.id);
      String label = columns.get(cells, columns.label);
      if (id.isEmpty() || label.isEmpty()) {
        scheme.problem(new SchemeProblem(SchemeProblem.Code.SKIPPED_RECORD, source + " " + where + " has no "
            + (id.isEmpty() ? "identifier ('" + chosen.idColumn() + "')" : "label ('" + chosen.labelColumn() + "')")
            + " and was skipped", List.of()));
        continue;
      }
      Optional<Vocabulary> rowVocabulary = fixedVocabulary;
      if (rowVocabulary.isEmpty() && columns.vocabulary >= 0) {
        rowVocabulary = normalizer.registry().vocabulary(columns.get(cells, columns.vocabulary));
      }
      String uri = uri(columns.get(cells, columns.uri), id, chosen, rowVocabulary, schemeUri);
      if (uri == null) {
        scheme.problem(new SchemeProblem(SchemeProblem.Code.SKIPPED_RECORD, source + " " + where + ": '" + id
            + "' is not a valid " + rowVocabulary.map(Vocabulary::prefix).orElse("") + " identifier; the row was skipped",
            List.of()));
        continue;
      }
      String prefix = rowVocabulary.map(Vocabulary::prefix).orElse(null);
      if (commonVocabulary == null && !mixed) {
        commonVocabulary = prefix;
      } else if (!Objects.equals(commonVocabulary, prefix)) {
        mixed = true;
        commonVocabulary = null;
      }
      uriById.putIfAbsent(id, uri);
      kept.add(new Row(where, id, label, uri, cells));
    }
    if (fixedVocabulary.isEmpty() && commonVocabulary != null) {
      scheme.vocabulary(commonVocabulary);
      if (chosen.schemeTitle() == null) {
        normalizer.registry().vocabulary(commonVocabulary).ifPresent(v -> scheme.title(v.label()));
      }
    }
    for (Row row : kept) {
      Concept.Builder concept = Concept.builder(row.uri, row.id, row.label)
          .definition(columns.get(row.cells, columns.description))
          .notation(columns.get(row.cells, columns.notation));
      if (columns.altLabels >= 0) {
        String synonyms = columns.get(row.cells, columns.altLabels);
        for (String synonym : synonyms.split(java.util.regex.Pattern.quote(chosen.altLabelSeparator()))) {
          concept.altLabel(synonym);
        }
      }
      if (columns.status >= 0) {
        String status = columns.get(row.cells, columns.status).toLowerCase(Locale.ROOT);
        concept.deprecated(chosen.deprecatedValues().contains(status));
      }
      if (columns.parent >= 0) {
        String parents = columns.get(row.cells, columns.parent);
        String[] ids = chosen.parentSeparator() == null ? new String[] {parents}
            : parents.split(java.util.regex.Pattern.quote(chosen.parentSeparator()));
        for (String parentId : ids) {
          String parent = parentId.strip();
          if (chosen.rootParentValues().contains(parent)) {
            continue;
          }
          String parentUri = uriById.get(parent);
          if (parentUri == null) {
            scheme.problem(new SchemeProblem(SchemeProblem.Code.MISSING_CONCEPT, source + " " + row.where + ": the parent '"
                + parent + "' of '" + row.label + "' is not an identifier in the file; the link was dropped",
                List.of(row.uri)));
          } else {
            concept.broader(parentUri);
          }
        }
      }
      scheme.add(concept);
    }
    return scheme.build();
  }

  private @Nullable String uri(String fromColumn, String id, CsvLayout chosen, Optional<Vocabulary> vocabulary, String schemeUri) {
    if (!fromColumn.isEmpty()) {
      NormalizedTerm normalized = normalizer.normalize(fromColumn);
      return normalized.uri().orElse(fromColumn);
    }
    if (chosen.uriTemplate() != null) {
      return chosen.uriTemplate().replace("{id}", URLEncoder.encode(id, StandardCharsets.UTF_8));
    }
    if (vocabulary.isPresent()) {
      return vocabulary.get().idSyntax().accepts(id) ? vocabulary.get().uri(id) : null;
    }
    return schemeUri + "#" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  static List<String[]> parse(byte[] csv, String source) throws TaxonomyLoadException {
    int start = csv.length >= 3 && (csv[0] & 0xFF) == 0xEF && (csv[1] & 0xFF) == 0xBB && (csv[2] & 0xFF) == 0xBF ? 3 : 0;
    List<String[]> rows = new ArrayList<>();
    try (MappingIterator<String[]> iterator = CSV.readerFor(String[].class)
        .with(CsvParser.Feature.WRAP_AS_ARRAY)
        .readValues(csv, start, csv.length - start)) {
      while (iterator.hasNextValue()) {
        rows.add(iterator.nextValue());
      }
    } catch (JacksonException e) {
      throw new TaxonomyLoadException(source, "not readable as CSV: " + e.getOriginalMessage()
          + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() : ""), e);
    } catch (IOException e) {
      throw new TaxonomyLoadException(source, "could not be read: " + e.getMessage(), e);
    }
    return rows;
  }

  private static boolean isBlankRow(String[] cells) {
    for (String cell : cells) {
      if (cell != null && !cell.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static String fileName(String source) {
    String name = source.replace('\\', '/');
    return name.substring(name.lastIndexOf('/') + 1);
  }

  private record Row(String where, String id, String label, String uri, String[] cells) {
  }

  /** Column positions; -1 when the layout does not use the column. */
  private static final class Columns {
    final int id;
    final int label;
    final int parent;
    final int description;
    final int altLabels;
    final int notation;
    final int uri;
    final int status;
    final int vocabulary;

    Columns(List<String> header, CsvLayout layout, String source) throws TaxonomyLoadException {
      id = required(header, layout.idColumn(), "identifier", source);
      label = required(header, layout.labelColumn(), "label", source);
      parent = optional(header, layout.parentColumn(), "parent", source);
      description = optional(header, layout.descriptionColumn(), "description", source);
      altLabels = optional(header, layout.altLabelColumn(), "synonyms", source);
      notation = optional(header, layout.notationColumn(), "notation", source);
      uri = optional(header, layout.uriColumn(), "URI", source);
      status = optional(header, layout.statusColumn(), "status", source);
      vocabulary = optional(header, layout.vocabularyColumn(), "vocabulary", source);
    }

    String get(String[] cells, int column) {
      if (column < 0 || column >= cells.length || cells[column] == null) {
        return "";
      }
      return cells[column].strip();
    }

    private static int required(List<String> header, String name, String role, String source)
        throws TaxonomyLoadException {
      int index = index(header, name);
      if (index < 0) {
        throw new TaxonomyLoadException(source, "no " + role + " column '" + name + "'; the header is " + header);
      }
      return index;
    }

    private static int optional(List<String> header, @Nullable String name, String role, String source)
        throws TaxonomyLoadException {
      if (name == null) {
        return -1;
      }
      return required(header, name, role, source);
    }

    private static int index(List<String> header, String name) {
      String found = CsvLayout.find(header, name);
      return found == null ? -1 : header.indexOf(found);
    }
  }
}
