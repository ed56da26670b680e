package io.github.oruk.cli;

import io.github.oruk.model.json.OrukJson;
import io.github.oruk.validation.Finding;
import io.github.oruk.validation.ValidationReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The reading limits, as the same three options on {@code harvest}, {@code validate} and {@code normalize}
 * (a picocli mixin), and the translation of the library's advice about them into those options.
 */
final class LimitOptions {

  @Option(names = "--max-response-size", paramLabel = "SIZE", converter = Size.class,
      description = "The largest answer, file or NDJSON line read: bytes, or with KB, MB or GB (1,024-based), such as"
          + " 50MB (default: 64MB; for the answers of a live feed on validate, 32MB).")
  Long maxResponseSize;

  @Option(names = "--max-depth", paramLabel = "N",
      description = "How deep objects and arrays may nest, counted from the top of a document; a record of a page"
          + " that goes deeper is left out and reported, any other document is refused (default: "
          + OrukJson.DEFAULT_MAX_NESTING_DEPTH + ").")
  Integer maxDepth;

  @Option(names = "--max-string-length", paramLabel = "N",
      description = "The longest text value, in characters; a record of a page with a longer one is left out and"
          + " reported, any other document is refused (default: 20,000,000).")
  Integer maxStringLength;

  /**
   * The codec with these limits (those not given keep the builder's).
   *
   * @throws IllegalArgumentException naming the option, when a value is below 1
   */
  OrukJson.Builder apply(OrukJson.Builder json) {
    if (maxResponseSize != null) {
      json.maxDocumentBytes(maxResponseSize);
    }
    if (maxDepth != null) {
      json.maxNestingDepth(atLeastOne("--max-depth", maxDepth));
    }
    if (maxStringLength != null) {
      json.maxStringLength(atLeastOne("--max-string-length", maxStringLength));
    }
    return json;
  }

  private static int atLeastOne(String option, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(option + " must be at least 1; got " + value);
    }
    return value;
  }

  /** The options as given, to repeat them in a command printed for the user (harvest's --resume line). */
  List<String> words() {
    List<String> words = new ArrayList<>();
    if (maxResponseSize != null) {
      words.addAll(List.of("--max-response-size", Long.toString(maxResponseSize)));
    }
    if (maxDepth != null) {
      words.addAll(List.of("--max-depth", maxDepth.toString()));
    }
    if (maxStringLength != null) {
      words.addAll(List.of("--max-string-length", maxStringLength.toString()));
    }
    return words;
  }

  /**
   * A library message in the command's terms: the builder method it advises for a limit becomes the option
   * that sets it. Harvest adds its own advice on top ({@link HarvestCommand#inCliTerms}).
   */
  static String inCliTerms(String message) {
    return message
        .replace("OrukJson.builder().maxNestingDepth(...)", "--max-depth N")
        .replace("OrukJson.builder().maxStringLength(...)", "--max-string-length N")
        .replace("OrukJson.builder().maxDocumentBytes(...)", "--max-response-size SIZE")
        .replace("OrukClient.builder().maxResponseBytes(...)", "--max-response-size SIZE");
  }

  /** A report whose findings give their advice in the command's terms. */
  static ValidationReport inCliTerms(ValidationReport report) {
    List<Finding> findings = report.findings().stream().map(f -> new Finding(f.code(), f.severity(), f.category(),
        inCliTerms(f.message()), f.url(), f.pointer(), f.recordId(), f.observed(), f.fix())).toList();
    return new ValidationReport(report.target(), report.kind(), report.profile(), report.verdict(), report.started(),
        report.duration(), report.documents(), report.records(), findings, report.notChecked(), report.endpoints(),
        report.quality(), report.checks(), report.names());
  }

  /** A size: a whole number of bytes, or a number with KB, MB or GB (also K, M, G, KiB, MiB, GiB), 1,024-based. */
  static final class Size implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

    @Override
    public Long convert(String value) {
      Matcher size = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
      if (!size.matches()) {
        throw new TypeConversionException("expected a size such as 50MB, 512KB, 1GB or a number of bytes; got '"
            + value + "'");
      }
      String unit = size.group(2) == null ? "b" : size.group(2);
      long factor = switch (unit.charAt(0)) {
        case 'k' -> 1L << 10;
        case 'm' -> 1L << 20;
        case 'g' -> 1L << 30;
        default -> 1L;
      };
      BigDecimal bytes = new BigDecimal(size.group(1)).multiply(BigDecimal.valueOf(factor));
      if (bytes.compareTo(BigDecimal.ONE) < 0 || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        throw new TypeConversionException("expected a size of at least 1 byte; got '" + value + "'");
      }
      return bytes.longValue();
    }
  }
}
