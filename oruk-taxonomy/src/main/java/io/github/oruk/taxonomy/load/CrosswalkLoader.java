package io.github.oruk.taxonomy.load;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.github.oruk.taxonomy.Labels;
import io.github.oruk.taxonomy.TermNormalizer;
import io.github.oruk.taxonomy.crosswalk.Crosswalk;
import io.github.oruk.taxonomy.crosswalk.MatchType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads mapping tables into a {@link Crosswalk}: CSV with a header row, or the SKOS mapping properties
 * ({@code exactMatch}, {@code closeMatch}, {@code broadMatch}, {@code narrowMatch}, {@code relatedMatch})
 * of a JSON-LD file. (The LGA's esd mapping format is read by
 * {@link EsdListLoader#readMappings}.)
 *
 * <p>CSV columns are found by name, ignoring case and punctuation: the source from {@code from},
 * {@code source}, {@code from_uri}, {@code from_id}, {@code subject}, {@code local} or {@code local_code}; the
 * target from {@code to}, {@code target}, {@code to_uri}, {@code to_id}, {@code object}, {@code national} or
 * {@code national_code}; the match
 * type, if there is a column for it, from {@code match}, {@code type}, {@code relation}, {@code predicate}
 * or {@code mapping_type} ({@code exact}, {@code skos:closeMatch}, {@code <}, ... see {@link MatchType#parse});
 * and each side's vocabulary, for bare codes, from {@code from_vocabulary} and {@code to_vocabulary}. Cells
 * hold references in any spelling the {@link TermNormalizer} understands.
 */
public final class CrosswalkLoader {

  private final TermNormalizer normalizer;
  private final MatchType defaultType;
  private final @Nullable String fromVocabulary;
  private final @Nullable String toVocabulary;

  private CrosswalkLoader(TermNormalizer normalizer, MatchType defaultType, @Nullable String fromVocabulary, @Nullable String toVocabulary) {
    this.normalizer = normalizer;
    this.defaultType = defaultType;
    this.fromVocabulary = fromVocabulary;
    this.toVocabulary = toVocabulary;
  }

  /** The default normaliser; rows without a match type are {@link MatchType#EXACT}. */
  public static CrosswalkLoader defaults() {
    return new CrosswalkLoader(TermNormalizer.defaults(), MatchType.EXACT, null, null);
  }

  public CrosswalkLoader withNormalizer(TermNormalizer value) {
    return new CrosswalkLoader(Objects.requireNonNull(value, "normalizer"), defaultType, fromVocabulary, toVocabulary);
  }

  /** The type of rows that name none (and of tables without a type column). */
  public CrosswalkLoader withDefaultType(MatchType value) {
    return new CrosswalkLoader(normalizer, Objects.requireNonNull(value, "type"), fromVocabulary, toVocabulary);
  }

  /** The vocabularies of bare codes in the source and target columns, when the table has no such columns. */
  public CrosswalkLoader withVocabularies(String from, String to) {
    return new CrosswalkLoader(normalizer, defaultType, from, to);
  }

  public Crosswalk loadCsv(Path file) throws IOException {
    return readCsv(Files.readAllBytes(file), file.toString());
  }

  /** Reads a CSV mapping table; unreadable rows are listed in {@link Crosswalk#problems()}. */
  public Crosswalk readCsv(byte[] csv, String source) throws TaxonomyLoadException {
    List<String[]> rows = new ArrayList<>();
    int start = csv.length >= 3 && (csv[0] & 0xFF) == 0xEF && (csv[1] & 0xFF) == 0xBB ? 3 : 0;
    try (MappingIterator<String[]> iterator = new CsvMapper().readerFor(String[].class)
        .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(csv, start, csv.length - start)) {
      while (iterator.hasNextValue()) {
        rows.add(iterator.nextValue());
      }
    } catch (JacksonException e) {
      throw new TaxonomyLoadException(source, "not readable as CSV: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new TaxonomyLoadException(source, "could not be read: " + e.getMessage(), e);
    }
    if (rows.isEmpty()) {
      throw new TaxonomyLoadException(source, "the mapping table is empty; expected a header row");
    }
    List<String> header = Arrays.asList(rows.get(0));
    int from = column(header, "from", "source", "from uri", "from id", "from code", "subject", "local", "local code",
        "local id", "from term", "source id", "source code");
    int to = column(header, "to", "target", "to uri", "to id", "to code", "object", "national", "national code",
        "national id", "to term", "target id", "target code");
    if (from < 0 || to < 0) {
      throw new TaxonomyLoadException(source, "no " + (from < 0 ? "source ('from')" : "target ('to')")
          + " column; the header is " + header);
    }
    int type = column(header, "match", "type", "relation", "predicate", "mapping type", "match type");
    int fromVocabularyColumn = column(header, "from vocabulary", "source vocabulary");
    int toVocabularyColumn = column(header, "to vocabulary", "target vocabulary");
    Crosswalk.Builder builder = Crosswalk.builder().normalizer(normalizer);
    for (int index = 1; index < rows.size(); index++) {
      String[] cells = rows.get(index);
      String fromCell = cell(cells, from);
      String toCell = cell(cells, to);
      if (fromCell.isEmpty() && toCell.isEmpty()) {
        continue;
      }
      String where = source + " record " + index;
      MatchType matchType = defaultType;
      if (type >= 0 && !cell(cells, type).isEmpty()) {
        Optional<MatchType> parsed = MatchType.parse(cell(cells, type));
        if (parsed.isEmpty()) {
          builder.problem(where + ": unknown match type '" + cell(cells, type)
              + "'; expected exact, close, broad, narrow or related");
          continue;
        }
        matchType = parsed.get();
      }
      String fromVocab = fromVocabularyColumn >= 0 ? cell(cells, fromVocabularyColumn) : fromVocabulary;
      String toVocab = toVocabularyColumn >= 0 ? cell(cells, toVocabularyColumn) : toVocabulary;
      builder.add(fromCell, emptyToNull(fromVocab), toCell, emptyToNull(toVocab), matchType, where);
    }
    return builder.build();
  }

  /** The SKOS mapping properties in a JSON-LD file as a crosswalk. */
  public Crosswalk loadSkos(Path file) throws IOException {
    return Crosswalk.of(SkosLoader.builder().normalizer(normalizer).build().loadMappings(file));
  }

  /** The SKOS mapping properties in a JSON-LD document as a crosswalk. */
  public Crosswalk readSkos(byte[] json, String source) throws TaxonomyLoadException {
    return Crosswalk.of(SkosLoader.builder().normalizer(normalizer).build().readMappings(json, source));
  }

  private static int column(List<String> header, String... names) {
    for (String name : names) {
      String wanted = Labels.key(name).replace(" ", "");
      for (int i = 0; i < header.size(); i++) {
        if (Labels.key(header.get(i)).replace(" ", "").equals(wanted)) {
          return i;
        }
      }
    }
    return -1;
  }

  private static String cell(String[] cells, int column) {
    return column < 0 || column >= cells.length || cells[column] == null ? "" : cells[column].strip();
  }

  private static @Nullable String emptyToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
