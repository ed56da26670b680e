package io.github.oruk.client.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.client.paging.PagingCode;
import io.github.oruk.model.diagnostic.DiagnosticCodes;
import io.github.oruk.model.diagnostic.Severity;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A harvest failure is a diagnostic, and its FAILED line stays as scripts know it. */
class HarvestFailureTest {

  private static final URI RECORD = URI.create("https://example.org/services/s%201");
  private static final URI PAGE = URI.create("https://example.org/services?page=3");

  @Test
  void lineKeepsItsFourFieldsOnOneLine() {
    assertEquals("FAILED\ts 1\thttps://example.org/services/s%201\tHTTP 503 after 3 attempts",
        new HarvestFailure("s 1", RECORD, 503, "HTTP 503 after 3 attempts").toLine());
    assertEquals("FAILED\tpage\thttps://example.org/services?page=3\tnot JSON: <html> body",
        new HarvestFailure(null, PAGE, null, "not JSON:\n<html>\tbody").toLine());
  }

  @Test
  void aRecordAndAListPageHaveTheirOwnRegisteredCodes() {
    var record = new HarvestFailure("s1", RECORD, 503, "HTTP 503").diagnostic();
    assertEquals("ORUK-HARVEST-001", record.code());
    assertEquals(RECORD.toString(), record.pointer());
    assertEquals("HTTP 503", record.message());
    assertEquals(Severity.ERROR, record.severity());
    assertEquals("ORUK-HARVEST-002", new HarvestFailure(null, PAGE, null, "timed out").diagnostic().code());
  }

  /** The paging guard's codes are registered too (as codes now, as aliases once they name their ORUK-PAGE fact). */
  @Test
  void everyPagingCodeIsRegistered() {
    for (PagingCode code : PagingCode.values()) {
      assertTrue(DiagnosticCodes.find(code.code()).isPresent(), code.code());
      // The guard's earlier code is an alias of the fact's code in the registry, not a code of its own; capping
      // per_page was part of ORUK-PAGING-005, which names the larger fact (ORUK-PAGE-009).
      String resolved = DiagnosticCodes.require(code.alias()).code();
      assertEquals(code == PagingCode.PER_PAGE_CAPPED ? "ORUK-PAGE-009" : code.code(), resolved, code.alias());
    }
    // A record left out of its page was ORUK-PAGING-013, then ORUK-PAGE-016; both find it.
    assertEquals(Optional.of(PagingCode.RECORD_UNREADABLE), PagingCode.find("ORUK-PAGE-016"));
    assertEquals(Optional.of(PagingCode.RECORD_UNREADABLE), PagingCode.find("ORUK-PAGING-013"));
    assertEquals(Optional.of(PagingCode.RECORD_UNREADABLE), PagingCode.find("ORUK-READ-017"));
  }
}
