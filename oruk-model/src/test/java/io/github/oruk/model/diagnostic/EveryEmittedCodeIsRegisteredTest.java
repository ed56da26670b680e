package io.github.oruk.model.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every code written anywhere in the project's main sources (every module, the examples and the
 * benchmarks) is in the registry. Codes are always written whole as string literals ({@code "ORUK-GEO-002"}),
 * never assembled, so scanning for them finds every code the project can emit; a code added without a
 * registry line fails here with the file that writes it.
 */
class EveryEmittedCodeIsRegisteredTest {

  private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9]*-[A-Z0-9]+-[0-9]{3})\"");
  /** Assembled codes would escape the scan; none may be written. */
  private static final Pattern PARTIAL = Pattern.compile("\"ORUK-[A-Z0-9]*-?\"");

  @Test
  void everyCodeLiteralInTheSourcesIsRegistered() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Map<String, Path> unregistered = new TreeMap<>();
    int[] seen = {0};
    List<Path> sources;
    try (Stream<Path> files = Files.walk(root)) {
      sources = files.filter(file -> file.toString().endsWith(".java"))
          .filter(file -> file.toString().contains("/src/main/java/"))
          .filter(file -> !file.toString().contains("/target/"))
          .toList();
    }
    assertTrue(sources.stream().anyMatch(file -> file.toString().contains("oruk-validation")),
        "the scan must see the other modules' sources from " + root);
    for (Path file : sources) {
      String text = read(file);
      assertTrue(!PARTIAL.matcher(text).find(), file + " assembles a code; write codes whole so they are checked");
      Matcher code = CODE.matcher(text);
      while (code.find()) {
        seen[0]++;
        if (DiagnosticCodes.find(code.group(1)).isEmpty()) {
          unregistered.putIfAbsent(code.group(1), root.relativize(file));
        }
      }
    }
    assertTrue(seen[0] > 100, "found only " + seen[0] + " code literals");
    assertEquals(Map.of(), unregistered, "codes emitted but missing from io/github/oruk/model/diagnostic/codes.tsv");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
