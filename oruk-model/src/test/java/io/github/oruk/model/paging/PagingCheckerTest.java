package io.github.oruk.model.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Page;
import io.github.oruk.model.diagnostic.DiagnosticCodes;
import io.github.oruk.model.json.ReadCode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PagingCheckerTest {

  private static Page<String> page(Integer total, Integer pages, Integer number, Integer size, Boolean first,
      Boolean last, Boolean empty, List<String> contents) {
    return new Page<>(total, pages, number, size, first, last, empty, contents, Map.of());
  }

  private static List<PagingFact> facts(List<PagingIssue> issues) {
    return issues.stream().map(PagingIssue::fact).toList();
  }

  @Test
  void everyEarlierClientCodeIsAnAliasOfExactlyOneFact() {
    Set<String> codes = new HashSet<>();
    for (PagingFact fact : PagingFact.values()) {
      assertTrue(codes.add(fact.code()), "one fact per code: " + fact.code());
    }
    // ORUK-PAGING-005 covered capping and ignoring per_page; it names the fact it was mostly about.
    assertEquals(Optional.of(PagingFact.PER_PAGE), PagingFact.forCode("ORUK-PAGING-005"));
    assertEquals(Optional.of(PagingFact.STALLED), PagingFact.forCode("ORUK-PAGING-001"));
    assertEquals(Optional.of(PagingFact.ENVELOPE), PagingFact.forCode("ORUK-PAGING-006"));
    assertEquals(Optional.of(PagingFact.ENVELOPE), PagingFact.forCode("ORUK-PAGING-007"));
    assertEquals("ORUK-FEED-007", DiagnosticCodes.canonical("ORUK-PAGING-012"));
    assertEquals("ORUK-READ-017", DiagnosticCodes.canonical("ORUK-PAGING-013"));
    assertEquals("ORUK-HTML-001", DiagnosticCodes.canonical("ORUK-HTML-001"), "other codes pass through");
    Set<String> aliases = Arrays.stream(PagingFact.values()).flatMap(f -> f.aliases().stream())
        .filter(a -> !a.equals("ORUK-PAGING-005")).collect(Collectors.toSet());
    for (int n = 1; n <= 13; n++) {
      String alias = String.format("ORUK-PAGING-%03d", n);
      assertTrue(n == 5 || aliases.contains(alias), alias + " is an alias");
    }
  }

  /**
   * A record left out of its page is the reader's fact (ORUK-READ-017), and paging reports it under the same code;
   * the two names paging gave it before still resolve to it, so policy files and scripts that name them keep working.
   */
  @Test
  void aRecordLeftOutHasTheReadersCodeAndItsOldPagingCodesAreAliases() {
    assertEquals(ReadCode.RECORD_LEFT_OUT.code(), PagingFact.RECORD_LEFT_OUT.code());
    assertEquals("ORUK-READ-017", DiagnosticCodes.canonical("ORUK-PAGE-016"));
    assertEquals(Optional.of(PagingFact.RECORD_LEFT_OUT), PagingFact.forCode("ORUK-PAGE-016"));
    assertEquals(Optional.of(PagingFact.RECORD_LEFT_OUT), PagingFact.forCode("ORUK-READ-017"));
    assertEquals(List.of("ORUK-PAGE-016", "ORUK-PAGING-013"), PagingFact.RECORD_LEFT_OUT.aliases());
    PagingIssue leftOut = new PagingChecker(null).recordLeftOut("/contents/1", "too deep");
    assertEquals("ORUK-READ-017", leftOut.fact().code());
  }

  @Test
  void envelopeFlagsAreCheckedAgainstThePageAndItsPosition() {
    PagingChecker checker = new PagingChecker(null);
    Page<String> page = page(5, 3, 2, 3, true, true, true, List.of("a", "b"));

    assertEquals(List.of(PagingFact.SIZE, PagingFact.EMPTY_FLAG), facts(checker.counts(page, 2)));
    assertEquals(List.of(PagingFact.FIRST_PAGE, PagingFact.LAST_PAGE, PagingFact.TOTAL_PAGES),
        facts(checker.position(page, 2, 1)));
    assertEquals(List.of(), checker.position(page(5, 3, 3, 1, false, true, false, List.of("e")), 3, 2));
    assertEquals(List.of(), checker.position(page(0, 1, 1, 0, true, true, true, List.of()), 1, 2),
        "an empty result may have one page or none");
    PagingIssue echo = checker.pageNumber(2, 1, "/page_number").orElseThrow();
    assertTrue(echo.message().contains("asked for page 2") && echo.message().contains("counting from 0"),
        echo.message());
    assertEquals(Optional.empty(), checker.pageNumber(null, 4, "/page_number"), "nothing asked, nothing to echo");
  }

  @Test
  void missingPropertiesAreReportedOncePerWalk() {
    PagingChecker checker = new PagingChecker(null);
    Page<String> page = page(5, null, 1, null, null, true, false, List.of("a"));

    PagingIssue missing = checker.missing(page, PagingChecker.ENVELOPE_PROPERTIES).orElseThrow();
    assertEquals("the page envelope has no total_pages, size, first_page.", missing.message());
    assertEquals(Optional.empty(), checker.missing(page, PagingChecker.ENVELOPE_PROPERTIES));
    assertEquals(Optional.empty(), new PagingChecker(null).missing(page(5, 1, 1, null, null, true, null, List.of()),
        PagingChecker.END_MARKERS), "a consumer asks only for the end markers");
  }

  @Test
  void recordsAcrossPagesRepeatsDuplicatesAndDrift() {
    PagingChecker checker = new PagingChecker(2);
    assertEquals(Optional.empty(), checker.total(10));
    PagingChecker.Records first = checker.records(List.of("a", "b"));
    assertEquals(2, first.freshCount());

    assertEquals(PagingFact.STALLED, checker.repeat(List.of("a", "b")).orElseThrow().fact());
    PagingIssue drift = checker.total(11).orElseThrow();
    assertTrue(drift.message().contains("from 10 to 11"), drift.message());

    PagingChecker.Records second = checker.records(Arrays.asList("b", null, "c"));
    assertEquals(List.of(false, true, true), second.fresh());
    assertEquals(List.of(PagingFact.DUPLICATE, PagingFact.MISSING_ID), facts(second.issues()));
    assertEquals("/contents/0/id", second.issues().get(0).pointer());
    assertEquals(4, checker.delivered());
    assertEquals(PagingFact.COUNT_MISMATCH, checker.count(0).orElseThrow().fact(), "4 delivered, 11 announced");
  }

  @Test
  void pagesThatBringNothingNewStallAfterThreeInARow() {
    PagingChecker checker = new PagingChecker(null);
    checker.records(List.of("a", "b"));
    checker.records(List.of("c"));
    for (int i = 1; i < PagingChecker.PAGES_WITHOUT_PROGRESS; i++) {
      PagingChecker.Records again = checker.records(List.of(i % 2 == 0 ? "a" : "c"));
      assertEquals(Optional.empty(), checker.progress(1, again.freshCount()));
    }
    PagingChecker.Records last = checker.records(List.of("b"));
    assertEquals(PagingFact.STALLED, checker.progress(1, last.freshCount()).orElseThrow().fact());
  }

  @Test
  void perPageMoreIsIgnoredFewerBeforeTheLastPageIsCapped() {
    assertEquals(PagingFact.PER_PAGE, new PagingChecker(2).perPage(3, true).orElseThrow().fact());
    assertEquals(PagingFact.PER_PAGE_CAPPED, new PagingChecker(20).perPage(8, false).orElseThrow().fact());
    assertEquals(Optional.empty(), new PagingChecker(20).perPage(8, true), "a short last page is normal");
    PagingChecker once = new PagingChecker(20);
    once.perPage(8, false);
    assertEquals(Optional.empty(), once.perPage(8, false), "reported once per walk");
  }
}
