package io.github.oruk.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.diagnostic.Diagnostic;
import io.github.oruk.model.diagnostic.DiagnosticCodes;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.taxonomy.audit.ClassificationAudit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The taxonomy's problems are diagnostics with registered codes, and their lines are unchanged. */
class TaxonomyCodesTest {

  @Test
  void everyTaxonomyCodeIsRegistered() {
    for (SchemeProblem.Code code : SchemeProblem.Code.values()) {
      assertTrue(DiagnosticCodes.find(code.id()).isPresent(), code.id());
    }
    for (ClassificationAudit.Code code : ClassificationAudit.Code.values()) {
      assertTrue(DiagnosticCodes.find(code.id()).isPresent(), code.id());
    }
  }

  @Test
  void aSchemeProblemIsADiagnosticAtItsFirstConcept() {
    SchemeProblem problem = new SchemeProblem(SchemeProblem.Code.SELF_LINK, "'A' names itself as broader",
        List.of("urn:test:a", "urn:test:b"));
    Diagnostic diagnostic = problem.diagnostic();
    assertEquals("ORUK-TAXO-005", diagnostic.code());
    assertEquals(Severity.WARNING, diagnostic.severity());
    assertEquals("urn:test:a", diagnostic.pointer());
    assertEquals("ORUK-TAXO-005\turn:test:a\t'A' names itself as broader", problem.toLine());
    assertEquals("ORUK-TAXO-004\t\tno label", new SchemeProblem(SchemeProblem.Code.SKIPPED_RECORD, "no label",
        List.of()).toLine());
  }

  @Test
  void anAuditFindingIsADiagnosticAtItsService() {
    ClassificationAudit.Finding finding = new ClassificationAudit.Finding(ClassificationAudit.Code.TOO_MANY_TYPES,
        "busy", "Busy service", "12 service types", List.of());
    assertEquals("busy", finding.diagnostic().pointer());
    assertEquals("ORUK-TAXA-001\tbusy\t12 service types", finding.toLine());
  }
}
