package io.github.oruk.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.validation.feed.FeedValidator;
import io.github.oruk.validation.rule.RuleInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's rule tables list exactly the built-in checks, live-feed checks included, with their default severities. */
class ReadmeCatalogueTest {

  private static final Pattern ROW = Pattern.compile("^\\| (ORUK-[A-Z0-9-]+) \\| (error|warning|info) \\|");

  @Test
  void everyBuiltInCheckIsDocumentedWithItsSeverity() throws Exception {
    Set<String> documented = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of("README.md"))) {
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        documented.add(row.group(1) + " " + row.group(2));
      }
    }
    // A live-feed report lists the feed's own checks as well as every rule; nothing listens on port 1, so
    // the check ends at once (with a failed /, which does not matter here).
    ValidationReport report = FeedValidator.builder(Fixtures.validator().build())
        .requestTimeout(Duration.ofSeconds(5)).build().validate("http://127.0.0.1:1/");
    Set<String> actual = new TreeSet<>();
    for (RuleInfo check : report.checks()) {
      if (check.code().startsWith("ORUK-")) {
        actual.add(check.code() + " " + check.severity().label());
      }
    }
    assertTrue(actual.stream().anyMatch(c -> c.startsWith("ORUK-PAGE-")), "the feed's checks are listed: " + actual);
    assertEquals(actual, documented);
  }
}
