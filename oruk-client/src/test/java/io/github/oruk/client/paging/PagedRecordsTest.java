package io.github.oruk.client.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.client.OrukClientException;
import io.github.oruk.model.Page;
import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.model.v1.PageBase;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The page-invariant guard on its own, fed by hand-made pages: every rule, without HTTP. */
class PagedRecordsTest {

  /** Records are plain strings; a record's id is itself, and "-" stands for a record without an id. */
  private static String id(String record) {
    return record.equals("-") ? null : record;
  }

  private static List<String> range(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "r" + i).toList();
  }

  /** A source that serves the page whose 1-based number is asked (null = 1) and remembers what was asked. */
  private static final class Source implements PageSource<String> {
    final List<Integer> asked = new ArrayList<>();
    final IntFunction<Page<String>> pages;

    Source(IntFunction<Page<String>> pages) {
      this.pages = pages;
    }

    @Override
    public FetchedPage<String> fetch(Integer page) {
      asked.add(page);
      int number = page == null ? 1 : page;
      Page<String> served = pages.apply(number);
      return new FetchedPage<>(URI.create("http://feed.test/services?page=" + number), page, served,
          served.pageNumber(), null, false, List.of());
    }
  }

  /** A complete, honest page of {@code per} records out of {@code total}. */
  private static Page<String> honest(int number, int per, int total) {
    return Page.of(range(Math.min(total, (number - 1) * per), Math.min(total, number * per)), number, per, total);
  }

  private static Page<String> page(Integer total, Integer pages, Integer number, Integer size, Boolean last,
      List<String> contents) {
    return new Page<>(total, pages, number, size, null, last, null, contents, Map.of());
  }

  private static PagedRecords<String> walk(Source source, Integer perPage) {
    return PagedRecords.of(source, PagedRecordsTest::id, null, perPage, PagingOptions.defaults());
  }

  private static List<PagingCode> codes(PagingSummary summary) {
    return summary.findings().stream().map(PagingFinding::code).toList();
  }

  @Test
  void walksHonestPagesToLastPageWithoutFindings() {
    Source source = new Source(n -> honest(n, 10, 35));
    PagedRecords<String> records = walk(source, 10);

    assertEquals(range(0, 35), records.stream().toList());
    PagingSummary summary = records.summary();
    assertEquals(List.of(), summary.findings());
    assertEquals(PagingEnd.LAST_PAGE, summary.end());
    assertTrue(summary.complete());
    assertEquals(4, summary.pages());
    assertEquals(35, summary.records());
    assertEquals(35, summary.totalItems());
    assertEquals(java.util.Arrays.asList(null, 2, 3, 4), source.asked, "first page without a page parameter");
  }

  @Test
  void fetchesLazilyOnePageAtATime() {
    Source source = new Source(n -> honest(n, 10, 100));
    Iterator<String> records = walk(source, 10).iterator();

    assertEquals(0, source.asked.size(), "nothing fetched before reading");
    for (int i = 0; i < 11; i++) {
      records.next();
    }
    assertEquals(2, source.asked.size(), "only the pages read so far");
  }

  @Test
  void endsOnAnEmptyPageWhenTheEnvelopeHasNoEndMarkers() {
    Source source = new Source(n -> page(null, null, null, null, null, n <= 3 ? range((n - 1) * 5, n * 5) : List.of()));
    PagedRecords<String> records = walk(source, 5);

    assertEquals(range(0, 15), records.stream().toList());
    assertEquals(PagingEnd.EMPTY_PAGE, records.summary().end());
    assertEquals(List.of(PagingCode.ENVELOPE_INCOMPLETE), codes(records.summary()));
    assertTrue(records.summary().findings().get(0).message().contains("last_page"));
  }

  @Test
  void endsOnTotalPagesWhenLastPageIsMissing() {
    Source source = new Source(n -> page(25, 3, n, null, null, range((n - 1) * 10, Math.min(25, n * 10))));
    PagedRecords<String> records = walk(source, 10);

    assertEquals(range(0, 25), records.stream().toList());
    assertEquals(PagingEnd.TOTAL_PAGES, records.summary().end());
    assertEquals(3, source.asked.size(), "no request past total_pages");
    assertEquals(List.of(PagingCode.ENVELOPE_INCOMPLETE), codes(records.summary()));
  }

  @Test
  void endsWhenTotalItemsAreDeliveredIfThatIsAllTheEnvelopeSays() {
    Source source = new Source(n -> page(12, null, null, null, null, range((n - 1) * 5, Math.min(12, n * 5))));
    PagedRecords<String> records = walk(source, 5);

    assertEquals(range(0, 12), records.stream().toList());
    assertEquals(PagingEnd.ALL_RECORDS, records.summary().end());
    assertEquals(3, source.asked.size());
  }

  @Test
  void aBareArrayIsTheOnlyPage() {
    PageSource<String> source = page -> new FetchedPage<>(URI.create("http://feed.test/services"), page,
        new Page<>(null, null, null, null, null, null, null, range(0, 7), Map.of()), null, null, true, List.of());
    PagedRecords<String> records = PagedRecords.of(source, PagedRecordsTest::id, null, null, PagingOptions.defaults());

    assertEquals(range(0, 7), records.stream().toList());
    assertEquals(PagingEnd.SINGLE_PAGE, records.summary().end());
    assertEquals(List.of(PagingCode.ENVELOPE_MISSING), codes(records.summary()));
  }

  @Test
  void stopsWhenAPageRepeatsThePreviousOne() {
    Source source = new Source(n -> page(50, 5, Math.min(n, 2), 10, false, range((Math.min(n, 2) - 1) * 10, Math.min(n, 2) * 10)));
    PagedRecords<String> records = walk(source, 10);

    assertEquals(range(0, 20), records.stream().toList());
    PagingSummary summary = records.summary();
    assertEquals(PagingEnd.STALLED, summary.end());
    assertFalse(summary.complete());
    assertEquals(List.of(PagingCode.STALLED), codes(summary));
    assertTrue(summary.findings().get(0).message().contains("after 20 of the 50 records"),
        summary.findings().get(0).message());
    assertEquals(3, source.asked.size(), "stopped at the first repeat");
  }

  @Test
  void stopsWhenPagesCycleWithoutBringingAnythingNew() {
    // Pages alternate between two sets of records: never an exact repeat of the page before.
    Source source = new Source(n -> page(100, 10, n, 5, false, n % 2 == 1 ? range(0, 5) : range(5, 10)));
    PagedRecords<String> records = walk(source, 5);

    assertEquals(range(0, 10), records.stream().toList());
    assertEquals(PagingEnd.STALLED, records.summary().end());
    assertEquals(2 + PagedRecords.PAGES_WITHOUT_PROGRESS, source.asked.size());
    assertTrue(codes(records.summary()).contains(PagingCode.STALLED));
  }

  @Test
  void reportsTotalDriftAndCountsWhatWasDelivered() {
    Source source = new Source(n -> {
      Page<String> page = honest(n, 10, 30);
      return page(30 + n, 3, n, page.size(), page.lastPage(), page.contents());
    });
    PagedRecords<String> records = walk(source, 10);

    assertEquals(range(0, 30), records.stream().toList());
    PagingSummary summary = records.summary();
    assertEquals(2, summary.findings(PagingCode.TOTAL_CHANGED).size());
    assertEquals("/total_items", summary.findings(PagingCode.TOTAL_CHANGED).get(0).pointer());
    assertTrue(summary.findings(PagingCode.TOTAL_CHANGED).get(0).message().contains("from 31 to 32"));
    assertEquals(1, summary.findings(PagingCode.COUNT_MISMATCH).size(), "33 announced, 30 delivered");
    assertEquals(33, summary.totalItems());
  }

  @Test
  void deliversEachIdOnceAndReportsTheDuplicates() {
    // Each page after the first repeats the last two records of the page before.
    Source source = new Source(n -> page(30, 3, n, null, n == 3, range(Math.max(0, (n - 1) * 10 - 2), n * 10)));
    PagedRecords<String> records = walk(source, 10);

    List<String> delivered = records.stream().toList();
    assertEquals(range(0, 30), delivered);
    PagingSummary summary = records.summary();
    assertEquals(4, summary.duplicates());
    List<PagingFinding> duplicates = summary.findings(PagingCode.DUPLICATE_ID);
    assertEquals(2, duplicates.size(), "one finding per page");
    assertEquals("/contents/0/id", duplicates.get(0).pointer());
    assertTrue(duplicates.get(0).message().contains("r8, r9"), duplicates.get(0).message());
  }

  @Test
  void reportsSizeThatDoesNotMatchTheRecords() {
    Source source = new Source(n -> page(3, 1, 1, 10, true, range(0, 3)));
    PagedRecords<String> records = walk(source, null);

    assertEquals(3, records.stream().count());
    assertEquals(List.of(PagingCode.SIZE_MISMATCH), codes(records.summary()));
    assertEquals("/size", records.summary().findings().get(0).pointer());
  }

  @Test
  void noticesAFeedThatCapsPerPageAndKeepsGoing() {
    Source source = new Source(n -> honest(n, 20, 70));
    PagedRecords<String> records = walk(source, 50);

    assertEquals(range(0, 70), records.stream().toList());
    assertEquals(List.of(PagingCode.PER_PAGE_CAPPED), codes(records.summary()), "reported once");
    assertTrue(records.summary().findings().get(0).message().contains("caps"));
  }

  @Test
  void reportsAPageNumberOtherThanTheOneAskedFor() {
    Source source = new Source(n -> page(20, 2, 1, 10, n == 2, range((n - 1) * 10, n * 10)));
    PagedRecords<String> records = walk(source, 10);

    assertEquals(20, records.stream().count());
    List<PagingFinding> mismatch = records.summary().findings(PagingCode.PAGE_NUMBER_MISMATCH);
    assertEquals(1, mismatch.size());
    assertTrue(mismatch.get(0).message().contains("asked for page 2"), mismatch.get(0).message());
  }

  @Test
  void stopsAtThePageLimit() {
    Source source = new Source(n -> honest(n, 10, 1_000));
    PagedRecords<String> records = PagedRecords.of(source, PagedRecordsTest::id, null, 10,
        PagingOptions.builder().maxPages(3).build());

    assertEquals(30, records.stream().count());
    assertEquals(PagingEnd.PAGE_LIMIT, records.summary().end());
    assertEquals(List.of(PagingCode.PAGE_LIMIT_REACHED), codes(records.summary()));
    // oruk harvest rewrites this sentence into its own option, so it is kept word for word.
    assertTrue(records.summary().findings().get(0).message().endsWith("the list may go on. Raise"
        + " PagingOptions.maxPages if the feed really has more pages, or narrow the query."),
        records.summary().findings().get(0).message());
    assertEquals(3, source.asked.size());
  }

  @Test
  void deliversRecordsWithoutIdAndSaysSo() {
    Source source = new Source(n -> page(3, 1, 1, 3, true, List.of("a", "-", "-")));
    PagedRecords<String> records = walk(source, null);

    assertEquals(List.of("a", "-", "-"), records.stream().toList());
    List<PagingFinding> missing = records.summary().findings(PagingCode.MISSING_ID);
    assertEquals(1, missing.size());
    assertEquals("/contents/1", missing.get(0).pointer());
  }

  @Test
  void anEmptyFeedIsCompleteWithNoRecords() {
    Source source = new Source(n -> Page.of(List.of(), 1, 10, 0));
    PagedRecords<String> records = walk(source, 10);

    assertEquals(List.of(), records.stream().toList());
    assertEquals(PagingEnd.EMPTY_PAGE, records.summary().end());
    assertTrue(records.summary().complete());
    assertEquals(List.of(), records.summary().findings());
  }

  @Test
  void aFailingPageEndsTheWalkWithTheClientsExceptionAndASummary() {
    OrukClientException failure = new OrukClientException(URI.create("http://feed.test/services?page=3"), 4,
        "boom", null);
    Source source = new Source(n -> {
      if (n == 3) {
        throw failure;
      }
      return honest(n, 10, 100);
    });
    PagedRecords<String> records = walk(source, 10);
    Iterator<String> iterator = records.iterator();
    List<String> seen = new ArrayList<>();

    OrukClientException thrown = assertThrows(OrukClientException.class, () -> iterator.forEachRemaining(seen::add));
    assertSame(failure, thrown);
    assertEquals(range(0, 20), seen);
    assertEquals(PagingEnd.FAILED, records.summary().end());
    assertEquals(2, records.summary().pages());
    assertFalse(iterator.hasNext(), "the walk is over");
  }

  @Test
  void startsFromTheGivenPageAndCountsFromThere() {
    Source source = new Source(n -> honest(n, 10, 50));
    PagedRecords<String> records = PagedRecords.of(source, PagedRecordsTest::id, null, 10,
        PagingOptions.builder().startPage(4).build());

    assertEquals(range(30, 50), records.stream().toList());
    assertEquals(List.of(4, 5), source.asked);
    assertEquals(List.of(), records.summary().findings(), "no count mismatch for a walk that did not start at 1");
  }

  @Test
  void nextPagesFollowTheFeedsOwnNumberingFromZero() {
    // A feed that counts from 0: asked without a page it answers page 0, and page 1 is its second page.
    List<Integer> asked = new ArrayList<>();
    PageSource<String> source = page -> {
      asked.add(page);
      int raw = page == null ? 0 : page;
      List<String> contents = raw < 3 ? range(raw * 10, raw * 10 + 10) : List.of();
      return new FetchedPage<>(URI.create("http://feed.test/services?page=" + raw), page,
          new Page<>(30, 3, raw + 1, contents.size(), null, raw == 2, null, contents, Map.of()), raw,
          PageBase.ZERO_BASED, false, List.of());
    };
    PagedRecords<String> records = PagedRecords.of(source, PagedRecordsTest::id, null, 10, PagingOptions.defaults());

    assertEquals(range(0, 30), records.stream().toList());
    assertEquals(java.util.Arrays.asList(null, 1, 2), asked);
    assertEquals(List.of(PagingCode.LEGACY_V1_FEED), codes(records.summary()));
    assertEquals(PageBase.ZERO_BASED, records.summary().legacyPageBase());
  }

  @Test
  void tellsTheObserverEverythingTheSummaryHolds() {
    List<PagingFinding> heard = new ArrayList<>();
    List<Integer> pages = new ArrayList<>();
    Source source = new Source(n -> page(20 + n, 2, n, null, n == 2, range(Math.max(0, (n - 1) * 10 - 1), n * 10)));
    PagedRecords<String> records = PagedRecords.of(source, PagedRecordsTest::id, null, 10,
        PagingOptions.builder().observer(new PagingObserver() {
          @Override
          public void onPage(RecordPage<?> page) {
            pages.add(page.ordinal());
          }

          @Override
          public void onFinding(PagingFinding finding) {
            heard.add(finding);
          }
        }).build());

    records.stream().forEach(r -> { });
    assertFalse(heard.isEmpty());
    assertEquals(records.summary().findings(), heard);
    assertEquals(List.of(1, 2), pages);
  }

  @Test
  void countsReadFindingsOfEveryPage() {
    ReadFinding nonUuid = new ReadFinding(ReadCode.NON_UUID_ID, "/contents/0/id", "not a UUID");
    PageSource<String> source = page -> new FetchedPage<>(URI.create("http://feed.test/services"), page,
        Page.of(range(0, 2), page == null ? 1 : page, 2, 4), page == null ? 1 : page, null, false,
        List.of(nonUuid, nonUuid));
    PagedRecords<String> records = PagedRecords.of(source, PagedRecordsTest::id, null, 2, PagingOptions.defaults());

    records.stream().count();
    assertEquals(Map.of(ReadCode.NON_UUID_ID, 4L), records.summary().readFindings());
  }

  @Test
  void walksOnlyOnce() {
    PagedRecords<String> records = walk(new Source(n -> honest(n, 10, 5)), 10);
    records.stream().count();

    IllegalStateException again = assertThrows(IllegalStateException.class, records::iterator);
    assertTrue(again.getMessage().contains("once"));
  }

  @Test
  void findingsPrintAsOneTabSeparatedLine() {
    PagingFinding finding = new PagingFinding(PagingCode.TOTAL_CHANGED, URI.create("http://feed.test/services?page=2"),
        "/total_items", "total_items went from 1 to 2");
    // One code per fact: the validator's ORUK-PAGE code; the guard's earlier ORUK-PAGING code is an alias.
    assertEquals("ORUK-PAGE-007\thttp://feed.test/services?page=2#/total_items\ttotal_items went from 1 to 2",
        finding.toLine());
    assertEquals("ORUK-PAGING-002", PagingCode.TOTAL_CHANGED.alias());
    assertEquals(14, PagingCode.values().length);
    assertEquals(PagingCode.values().length,
        java.util.Arrays.stream(PagingCode.values()).map(c -> c.code() + " " + c.alias()).collect(Collectors.toSet())
            .size(), "each kind is told apart by its code and alias");
    assertNull(PagingOptions.defaults().startPage());
  }
}
