package io.github.oruk.model.diagnostic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one registry of every code the project emits, with its default severity, title, fix and aliases. It
 * is read from {@code codes.tsv} next to this class (one code a line: code, severity, title, fix, aliases
 * separated by commas; {@code #} starts a comment), so that one file lists every code, whichever module
 * emits it. Tests hold each module's codes (the reader's {@code ReadCode}, the validator's rules, the
 * client's paging and harvest codes, the taxonomy's) to this file, and fail on any code written anywhere in
 * the sources that it does not list.
 */
public final class DiagnosticCodes {

  private static final String FILE = "codes.tsv";
  private static final List<DiagnosticCode> ALL = load();
  private static final Map<String, DiagnosticCode> BY_NAME = index(ALL);

  private DiagnosticCodes() {
  }

  /** Every registered code, in the file's order (grouped by family). */
  public static List<DiagnosticCode> all() {
    return ALL;
  }

  /** The code registered under this code or one of its aliases ({@code ORUK-PAGING-002} finds its fact's code). */
  public static Optional<DiagnosticCode> find(String codeOrAlias) {
    return Optional.ofNullable(BY_NAME.get(codeOrAlias));
  }

  /**
   * The code to use for a code a user gave (a policy file, an option): the registered code for an alias, such as
   * {@code ORUK-PAGE-007} for {@code ORUK-PAGING-002}; any other name as given.
   */
  public static String canonical(String codeOrAlias) {
    return find(codeOrAlias).map(DiagnosticCode::code).orElse(codeOrAlias);
  }

  /**
   * The registered code for this name.
   *
   * @throws IllegalArgumentException when no code or alias has that name
   */
  public static DiagnosticCode require(String codeOrAlias) {
    return find(codeOrAlias).orElseThrow(() -> new IllegalArgumentException("'" + codeOrAlias
        + "' is not a registered diagnostic code; every code is listed in io/github/oruk/model/diagnostic/" + FILE));
  }

  private static List<DiagnosticCode> load() {
    try (InputStream in = DiagnosticCodes.class.getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException(FILE + " is missing from the oruk-model jar");
      }
      return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a registry file (see the class comment); {@code source} names it in errors. */
  static List<DiagnosticCode> read(BufferedReader lines, String source) throws IOException {
    List<DiagnosticCode> codes = new ArrayList<>();
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != 5) {
        throw new IllegalStateException(source + " line " + number + ": expected 5 tab-separated fields (code,"
            + " severity, title, fix, aliases); got " + fields.length);
      }
      List<String> aliases = fields[4].isBlank() ? List.of()
          : Arrays.stream(fields[4].split(",")).map(String::strip).toList();
      codes.add(new DiagnosticCode(fields[0], Severity.valueOf(fields[1].toUpperCase(Locale.ROOT)), fields[2],
          fields[3], aliases));
    }
    return List.copyOf(codes);
  }

  /** Every code and alias to its code; a name given twice (as a code or an alias) is refused. */
  static Map<String, DiagnosticCode> index(List<DiagnosticCode> codes) {
    Map<String, DiagnosticCode> names = new LinkedHashMap<>();
    for (DiagnosticCode code : codes) {
      for (String name : concat(code.code(), code.aliases())) {
        DiagnosticCode before = names.putIfAbsent(name, code);
        if (before != null) {
          throw new IllegalStateException("the diagnostic code registry names " + name + " twice: under "
              + before.code() + " and under " + code.code());
        }
      }
    }
    return Map.copyOf(names);
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
