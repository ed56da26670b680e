package io.github.oruk.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.oruk.validation.rule.RuleInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's rule table lists exactly the built-in checks, with their default severities. */
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
    Set<String> actual = new TreeSet<>();
    Validator validator = Fixtures.validator().build();
    ValidationReport report = validator.validateDocument(Fixtures.bytes(Fixtures.freshService(0)), "x");
    for (RuleInfo check : report.checks()) {
      if (check.code().startsWith("ORUK-") && !isFeedCheck(check)) {
        actual.add(check.code() + " " + check.severity().label());
      }
    }
    assertEquals(actual, documented);
  }

  static boolean isFeedCheck(RuleInfo check) {
    return check.code().startsWith("ORUK-FEED-");
  }
}
