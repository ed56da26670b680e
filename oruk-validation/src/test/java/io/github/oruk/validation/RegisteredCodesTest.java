package io.github.oruk.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.diagnostic.Diagnostic;
import io.github.oruk.model.diagnostic.DiagnosticCode;
import io.github.oruk.model.diagnostic.DiagnosticCodes;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.feed.FeedValidator;
import io.github.oruk.validation.rule.RuleInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator's codes are the registry's: each built-in check is registered as the check describes itself. */
class RegisteredCodesTest {

  @Test
  void everyBuiltInCheckIsRegisteredWithItsSeverityTitleAndFix() {
    // A live-feed report lists the feed's own checks as well as every rule; nothing listens on port 1.
    ValidationReport report = FeedValidator.builder(Fixtures.validator().build())
        .requestTimeout(Duration.ofSeconds(5)).build().validate("http://127.0.0.1:1/");
    List<String> disagreements = new ArrayList<>();
    int checked = 0;
    for (RuleInfo check : report.checks()) {
      if (!check.code().startsWith("ORUK-")) {
        continue; // a test's own rule, not the project's
      }
      checked++;
      DiagnosticCode registered = DiagnosticCodes.find(check.code()).orElse(null);
      if (registered == null) {
        disagreements.add(check.code() + " is not registered");
      } else if (!registered.code().equals(check.code()) || !registered.severity().label().equals(check.severity().label())
          || !registered.title().equals(check.title()) || !registered.fix().equals(check.fix())) {
        disagreements.add(check.code() + ": the check says " + check.severity().label() + " / " + check.title() + " / "
            + check.fix() + "; the registry says " + registered);
      }
    }
    assertTrue(checked > 60, "every built-in check is listed: " + checked);
    assertEquals(List.of(), disagreements);
  }

  @Test
  void aFindingIsADiagnosticAndKeepsItsLine() {
    Finding finding = new Finding("ORUK-GEO-002", Severity.WARNING, Category.DATA_QUALITY, "outside the UK:\n51.0",
        "https://example.org/services", "/contents/0/location/0", "s1", "51.0", "Check the coordinates.");
    Diagnostic diagnostic = finding.diagnostic();
    assertEquals(new Diagnostic("ORUK-GEO-002", Severity.WARNING,
        "https://example.org/services#/contents/0/location/0", "outside the UK:\n51.0", "Check the coordinates."),
        diagnostic);
    assertEquals("ORUK-GEO-002\thttps://example.org/services#/contents/0/location/0\toutside the UK: 51.0",
        finding.toLine());
    assertEquals("ORUK-GEO-002\thttps://example.org/services\tx", new Finding("ORUK-GEO-002", Severity.ERROR,
        Category.DATA_QUALITY, "x", "https://example.org/services", "", null, null, null).toLine());
  }
}
