package io.github.oruk.model.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.json.ReadFinding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiagnosticTest {

  @Test
  void oneLineWhateverTheFieldsHold() {
    assertEquals("ORUK-READ-006\t/status\tgot 'a b  c'", Diagnostic.line("ORUK-READ-006", "/status", "got 'a\tb\r\nc'"));
    assertEquals("FAILED\tpage\t\tx", Diagnostic.line("FAILED", "page", null, "x"));
  }

  @Test
  void ofTakesSeverityAndFixFromTheRegistry() {
    Diagnostic diagnostic = Diagnostic.of("ORUK-HARVEST-001", "https://example.org/services/1", "timed out");
    assertEquals(Severity.ERROR, diagnostic.severity());
    assertTrue(diagnostic.fix().contains("--resume"), diagnostic.fix());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> Diagnostic.of("ORUK-NOPE-001", "", "x"));
    assertTrue(unknown.getMessage().contains("codes.tsv"), unknown.getMessage());
  }

  /** The reader's findings are diagnostics: same code, pointer and message; the line is unchanged. */
  @Test
  void readFindingIsADiagnostic() {
    ReadFinding finding = new ReadFinding(ReadCode.LOCAL_DATE_TIME, "/last_modified", "read as UK time");
    assertEquals(new Diagnostic("ORUK-READ-002", Severity.WARNING, "/last_modified", "read as UK time", ""),
        finding.diagnostic());
    assertEquals("ORUK-READ-002\t/last_modified\tread as UK time", finding.toLine());
  }

  /** The reader's codes take their severity and summary from the registry, where they are written once. */
  @Test
  void readCodesAreDescribedByTheRegistry() {
    assertEquals(ReadCode.Severity.INFO, ReadCode.HTML_IN_TEXT.severity());
    assertEquals(ReadCode.Severity.WARNING, ReadCode.LOCAL_DATE_TIME.severity());
    assertEquals("A date-time had no UTC offset; it was read as Europe/London wall-clock time.",
        ReadCode.LOCAL_DATE_TIME.summary());
    for (ReadCode code : ReadCode.values()) {
      assertEquals(code.summary(), DiagnosticCodes.require(code.code()).title(), code.code());
    }
  }

  @Test
  void aliasesFindTheirCodeAndNoNameIsGivenTwice() throws IOException {
    List<DiagnosticCode> codes = read("""
        # comment
        ORUK-PAGE-007\twarning\tTotals change between pages\tKeep totals steady.\tORUK-PAGING-002
        ORUK-PAGE-008\terror\tSame record on two pages\t\tORUK-PAGING-003, OLD-DUP-1
        """);
    Map<String, DiagnosticCode> names = DiagnosticCodes.index(codes);
    assertSame(codes.get(0), names.get("ORUK-PAGING-002"));
    assertSame(codes.get(1), names.get("OLD-DUP-1"));
    assertEquals(List.of("ORUK-PAGING-003", "OLD-DUP-1"), codes.get(1).aliases());
    IllegalStateException twice = assertThrows(IllegalStateException.class, () -> DiagnosticCodes.index(read("""
        ORUK-PAGE-007\twarning\tA\t\tORUK-PAGING-002
        ORUK-PAGE-008\terror\tB\t\tORUK-PAGING-002
        """)));
    assertTrue(twice.getMessage().contains("ORUK-PAGING-002"), twice.getMessage());
    assertThrows(IllegalStateException.class, () -> read("ORUK-PAGE-007\twarning\tno fix or aliases\n"));
    assertThrows(IllegalArgumentException.class, () -> read("oruk-page-7\twarning\tA\t\t\n"));
  }

  @Test
  void theRegistryFileReadsAndListsEachCodeOnce() {
    List<DiagnosticCode> all = DiagnosticCodes.all();
    assertTrue(all.size() > 100, "every family is listed: " + all.size());
    assertEquals(all.size(), all.stream().map(DiagnosticCode::code).distinct().count());
    assertEquals("Paging stalled", DiagnosticCodes.require("ORUK-PAGE-012").title());
  }

  private static List<DiagnosticCode> read(String text) throws IOException {
    return DiagnosticCodes.read(new BufferedReader(new StringReader(text)), "test");
  }
}
