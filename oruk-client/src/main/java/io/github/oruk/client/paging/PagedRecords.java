package io.github.oruk.client.paging;

import io.github.oruk.model.Page;
import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.model.v1.PageBase;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every record of a list, fetched lazily page by page, with a guard that checks the pages against each
 * other.
 *
 * <pre>{@code
 * PagedRecords<Service> services = client.stream(Service.class, Query.builder().perPage(100).build());
 * services.stream().forEach(service -> ...);            // pages are fetched as the stream is read
 * services.summary().findings().forEach(System.err::println);
 * }</pre>
 *
 * <p>The walk ends on the first of: a page with {@code last_page: true}; an empty page; the page number
 * reaching {@code total_pages}; a bare JSON array (the only page); or, when the feed sends none of those,
 * as many records as {@code total_items}. The guard also notices, reports and survives: a page that repeats
 * the previous one, or pages that bring nothing new (the walk stops: {@link PagingCode#STALLED});
 * {@code total_items} changing between pages; ids delivered already (skipped, so each record comes once);
 * {@code size} not matching the records; a feed that caps {@code per_page}; a missing or incomplete
 * envelope; a page number other than the one asked for; and a hard page limit. Each is a
 * {@link PagingFinding}, given to the {@link PagingObserver} as it happens and kept in the
 * {@link #summary()}. Nothing is thrown away.
 *
 * <p>Pages are asked for by number, in the feed's own numbering: the first request leaves {@code page} out
 * (unless the query or {@link PagingOptions#startPage()} sets it), so that any feed answers with its first
 * page; each later request asks for the page after the one before. That works whether a legacy v1 feed
 * counts from 0 or from 1.
 *
 * <p>An instance walks the list once, on one thread: read it through one of {@link #stream()},
 * {@link #iterator()} or {@link #pages()}, once. {@link #summary()} may be called from any thread. A page that cannot be fetched ends the walk with the
 * client's exception, thrown from the stream or iterator; the summary says how far it got.
 *
 * @param <T> the record type
 */
public final class PagedRecords<T> implements Iterable<T> {

  /** Pages in a row that bring no new record before the walk is declared stalled. */
  static final int PAGES_WITHOUT_PROGRESS = 3;
  private static final int IDS_IN_MESSAGE = 5;

  private final PageSource<T> source;
  private final Function<? super T, String> idOf;
  private final Integer perPage;
  private final PagingOptions options;

  private boolean used;
  private boolean ended;
  private Integer nextRequest;
  private final boolean startedAtFirstPage;
  private final Set<String> seen = new HashSet<>();
  private List<String> previousIds = List.of();
  private int pagesWithoutProgress;
  private Integer lastTotal;
  private URI lastUri;
  private int pages;
  private long records;
  private long duplicates;
  /** Records the reader had to leave out of their pages (ORUK-PAGING-013): listed by the feed, not delivered. */
  private long leftOutRecords;
  private PagingEnd end = PagingEnd.NOT_FINISHED;
  private PageBase legacyPageBase;
  private boolean reportedLegacy;
  private boolean reportedEnvelope;
  private boolean reportedPerPage;
  private final List<PagingFinding> findings = new ArrayList<>();
  private final List<PagingFinding> unannounced = new ArrayList<>();
  private final Map<ReadCode, Long> readFindings = new EnumMap<>(ReadCode.class);

  private PagedRecords(PageSource<T> source, Function<? super T, String> idOf, Integer firstPage, Integer perPage,
      PagingOptions options) {
    this.source = Objects.requireNonNull(source, "source");
    this.idOf = Objects.requireNonNull(idOf, "idOf");
    this.options = Objects.requireNonNull(options, "options");
    this.perPage = perPage;
    this.nextRequest = options.startPage() != null ? options.startPage() : firstPage;
    this.startedAtFirstPage = nextRequest == null;
  }

  /**
   * A walk over the pages {@code source} fetches.
   *
   * @param source fetches one page
   * @param idOf the id of a record (null when it has none), to find duplicates
   * @param firstPage the page to start from when {@link PagingOptions#startPage()} is not set (the query's
   *     {@code page}); null for the feed's first page
   * @param perPage the {@code per_page} asked for, to notice a feed that does not honour it; null if none
   * @param options observer, start page, v1 numbering and page limit
   */
  public static <T> PagedRecords<T> of(PageSource<T> source, Function<? super T, String> idOf, Integer firstPage,
      Integer perPage, PagingOptions options) {
    return new PagedRecords<>(source, idOf, firstPage, perPage, options);
  }

  /** The records, fetched page by page as the stream is read. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** The records, fetched page by page as the iterator advances. */
  @Override
  public Iterator<T> iterator() {
    Iterator<RecordPage<T>> pageIterator = pageIterator();
    return new Iterator<>() {
      private Iterator<T> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (!pageIterator.hasNext()) {
            return false;
          }
          current = pageIterator.next().records().iterator();
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** The pages, each with the records it adds, fetched one by one as the stream is read. */
  public Stream<RecordPage<T>> pages() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pageIterator(),
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** What the walk saw so far; final once the stream or iterator is exhausted. Safe to call from any thread. */
  public synchronized PagingSummary summary() {
    return new PagingSummary(pages, records, duplicates, lastTotal, end, legacyPageBase, findings, readFindings);
  }

  private Iterator<RecordPage<T>> pageIterator() {
    if (used) {
      throw new IllegalStateException("this PagedRecords has been read already; it walks the feed once."
          + " Call OrukClient.stream(...) again to walk it again.");
    }
    used = true;
    return new Iterator<>() {
      private RecordPage<T> ahead;

      @Override
      public boolean hasNext() {
        if (ahead == null && !ended) {
          ahead = fetchNext();
        }
        return ahead != null;
      }

      @Override
      public RecordPage<T> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        RecordPage<T> page = ahead;
        ahead = null;
        return page;
      }
    };
  }

  // ------------------------------------------------------------------------------------------- the guard

  private RecordPage<T> fetchNext() {
    Integer request;
    synchronized (this) {
      request = nextRequest;
    }
    RecordPage<T> result;
    try {
      result = checkNext(request);
    } finally {
      // Observers hear about the page after the guard's state is updated, outside its lock.
      List<PagingFinding> fresh;
      synchronized (this) {
        fresh = new ArrayList<>(unannounced);
        unannounced.clear();
      }
      fresh.forEach(options.observer()::onFinding);
    }
    if (result != null) {
      options.observer().onPage(result);
    }
    return result;
  }

  private RecordPage<T> checkNext(Integer request) {
    synchronized (this) {
      if (pages >= options.maxPages()) {
        report(PagingCode.PAGE_LIMIT_REACHED, lastUri, "", "stopped after " + pages + " pages, the page limit"
            + "; the list may go on. Raise PagingOptions.maxPages if the feed really has more pages, or narrow"
            + " the query.");
        finish(PagingEnd.PAGE_LIMIT);
        return null;
      }
    }
    FetchedPage<T> fetched;
    try {
      fetched = source.fetch(request);
    } catch (RuntimeException e) {
      synchronized (this) {
        finish(PagingEnd.FAILED);
      }
      throw e;
    }
    synchronized (this) {
      return check(fetched);
    }
  }

  private RecordPage<T> check(FetchedPage<T> fetched) {
    pages++;
    lastUri = fetched.uri();
    Page<T> page = fetched.page();
    List<T> contents = page.contents();
    int leftOut = 0;
    for (ReadFinding finding : fetched.readFindings()) {
      readFindings.merge(finding.code(), 1L, Long::sum);
      if (finding.code() == ReadCode.RECORD_LEFT_OUT) {
        leftOut++;
        leftOutRecords++;
        report(PagingCode.RECORD_UNREADABLE, fetched.uri(), finding.pointer(), finding.message());
      }
    }
    checkEnvelope(fetched);

    List<String> ids = new ArrayList<>(contents.size());
    for (T item : contents) {
      String id = idOf.apply(item);
      if (id != null) {
        ids.add(id);
      }
    }
    if (!ids.isEmpty() && ids.equals(previousIds)) {
      report(PagingCode.STALLED, fetched.uri(), "", "this page holds exactly the records of the page before ("
          + ids.size() + " records, starting with id " + ids.get(0) + "); the feed probably ignores the page"
          + " parameter. Stopped here" + expectedMore() + ".");
      finish(PagingEnd.STALLED);
      return null;
    }
    if (fetched.requestedPage() != null && fetched.feedPageNumber() != null
        && !fetched.requestedPage().equals(fetched.feedPageNumber())) {
      report(PagingCode.PAGE_NUMBER_MISMATCH, fetched.uri(), fetched.legacyV1() ? "/number" : "/page_number",
          "asked for page " + fetched.requestedPage() + ", the feed says this is page " + fetched.feedPageNumber()
              + "; the records were taken as they came.");
    }
    // A record left out is still one the page holds: it counts for size and per_page, not as delivered.
    int held = contents.size() + leftOut;
    if (page.size() != null && page.size() != held) {
      report(PagingCode.SIZE_MISMATCH, fetched.uri(), "/size", "size is " + page.size() + " but the page holds "
          + held + " records; the records were counted.");
    }
    if (page.totalItems() != null) {
      if (lastTotal != null && !lastTotal.equals(page.totalItems())) {
        report(PagingCode.TOTAL_CHANGED, fetched.uri(), "/total_items", "total_items went from " + lastTotal
            + " to " + page.totalItems() + " between pages; the feed changed while it was read, so records may"
            + " have moved between pages (duplicates are skipped; check the final count).");
      }
      lastTotal = page.totalItems();
    }

    List<T> fresh = new ArrayList<>(contents.size());
    List<String> repeated = new ArrayList<>();
    int firstRepeat = -1;
    int withoutId = 0;
    int firstWithoutId = -1;
    for (int i = 0; i < contents.size(); i++) {
      T item = contents.get(i);
      String id = idOf.apply(item);
      if (id == null) {
        fresh.add(item);
        if (withoutId++ == 0) {
          firstWithoutId = i;
        }
      } else if (seen.add(id)) {
        fresh.add(item);
      } else {
        repeated.add(id);
        if (firstRepeat < 0) {
          firstRepeat = i;
        }
      }
    }
    if (!repeated.isEmpty()) {
      duplicates += repeated.size();
      report(PagingCode.DUPLICATE_ID, fetched.uri(), "/contents/" + firstRepeat + "/id", repeated.size()
          + (repeated.size() == 1 ? " record was" : " records were") + " delivered already (id "
          + firstFew(repeated) + "); skipped, so each record is delivered once.");
    }
    if (withoutId > 0) {
      report(PagingCode.MISSING_ID, fetched.uri(), "/contents/" + firstWithoutId, withoutId
          + (withoutId == 1 ? " record has" : " records have") + " no id; delivered, but they cannot be checked"
          + " for duplicates.");
    }
    records += fresh.size();

    PagingEnd endHere = endOf(fetched, held);
    if (endHere == null && !contents.isEmpty() && fresh.isEmpty()) {
      if (++pagesWithoutProgress >= PAGES_WITHOUT_PROGRESS) {
        report(PagingCode.STALLED, fetched.uri(), "", PAGES_WITHOUT_PROGRESS + " pages in a row brought no record"
            + " that had not been delivered already; the feed seems to cycle. Stopped here" + expectedMore() + ".");
        endHere = PagingEnd.STALLED;
      }
    } else {
      pagesWithoutProgress = 0;
    }
    if (endHere == null && perPage != null && held != perPage && !reportedPerPage) {
      reportedPerPage = true;
      report(PagingCode.PER_PAGE_NOT_HONOURED, fetched.uri(), "/contents", "asked for per_page=" + perPage
          + " but this page, which is not the last, holds " + held + " records; the feed "
          + (held < perPage ? "caps" : "ignores") + " the page size. Paging goes on at the feed's size.");
    }

    Integer current = fetched.requestedPage() != null ? fetched.requestedPage()
        : fetched.feedPageNumber() != null ? fetched.feedPageNumber() : 1;
    nextRequest = current + 1;
    previousIds = ids;
    RecordPage<T> result = new RecordPage<>(fetched.uri(), pages, fetched.requestedPage(), page, fresh,
        fetched.readFindings(), fetched.legacyV1(), endHere == null ? nextRequest : null);
    if (endHere != null) {
      finish(endHere);
      if (endHere.complete()) {
        checkCount(fetched);
      }
    }
    return result;
  }

  private void checkEnvelope(FetchedPage<T> fetched) {
    if (fetched.legacyV1() && !reportedLegacy) {
      reportedLegacy = true;
      legacyPageBase = fetched.legacyPageBase();
      report(PagingCode.LEGACY_V1_FEED, fetched.uri(), "", "the feed answers with legacy ORUK v1 pages (content,"
          + " totalElements, number)" + (fetched.legacyPageBase() == PageBase.ZERO_BASED ? ", counting pages from 0"
              : fetched.legacyPageBase() == PageBase.ONE_BASED ? ", counting pages from 1" : "")
          + "; records were mapped to the ORUK 3.0 model (see the ORUK-V1 read findings).");
    } else if (fetched.legacyV1()) {
      legacyPageBase = fetched.legacyPageBase();
    }
    if (reportedEnvelope) {
      return;
    }
    if (fetched.envelopeMissing()) {
      reportedEnvelope = true;
      report(PagingCode.ENVELOPE_MISSING, fetched.uri(), "", "the list came as a bare JSON array of "
          + fetched.page().contents().size() + " records, with no page envelope; read it as the only page.");
      return;
    }
    Page<T> page = fetched.page();
    List<String> missing = new ArrayList<>();
    if (page.totalItems() == null) {
      missing.add("total_items");
    }
    if (page.totalPages() == null) {
      missing.add("total_pages");
    }
    if (page.pageNumber() == null) {
      missing.add("page_number");
    }
    if (page.lastPage() == null) {
      missing.add("last_page");
    }
    if (!missing.isEmpty()) {
      reportedEnvelope = true;
      report(PagingCode.ENVELOPE_INCOMPLETE, fetched.uri(), "", "the page envelope has no "
          + String.join(", ", missing) + "; the end of the list is taken from "
          + (page.lastPage() != null ? "last_page"
              : page.totalPages() != null ? "total_pages"
                  : page.totalItems() != null ? "total_items (or the first empty page)" : "the first empty page")
          + ".");
    }
  }

  private PagingEnd endOf(FetchedPage<T> fetched, int held) {
    Page<T> page = fetched.page();
    if (held == 0) {
      return PagingEnd.EMPTY_PAGE;
    }
    if (fetched.envelopeMissing()) {
      return PagingEnd.SINGLE_PAGE;
    }
    if (page.lastPage() != null) {
      return page.lastPage() ? PagingEnd.LAST_PAGE : null;
    }
    Integer number = page.pageNumber() != null ? page.pageNumber() : startedAtFirstPage ? pages : null;
    if (page.totalPages() != null) {
      return number != null && number >= page.totalPages() ? PagingEnd.TOTAL_PAGES : null;
    }
    if (page.totalItems() != null && startedAtFirstPage && records + leftOutRecords >= page.totalItems()) {
      return PagingEnd.ALL_RECORDS;
    }
    return null;
  }

  private void checkCount(FetchedPage<T> fetched) {
    if (!startedAtFirstPage || lastTotal == null || records + leftOutRecords == lastTotal) {
      return;
    }
    report(PagingCode.COUNT_MISMATCH, fetched.uri(), "/total_items", "delivered " + records + " distinct records"
        + (leftOutRecords > 0 ? " and left out " + leftOutRecords + " that could not be read" : "") + ","
        + " but the feed's total_items says " + lastTotal + (records + leftOutRecords < lastTotal
            ? "; some records may be unreachable by paging (re-read the list, or ask its publisher)."
            : "; the feed undercounts."));
  }

  private String expectedMore() {
    return lastTotal != null && records < lastTotal
        ? " after " + records + " of the " + lastTotal + " records the feed announced" : "";
  }

  private void finish(PagingEnd reason) {
    ended = true;
    end = reason;
  }

  private void report(PagingCode code, URI uri, String pointer, String message) {
    PagingFinding finding = new PagingFinding(code, uri == null ? URI.create("about:blank") : uri,
        pointer, message);
    findings.add(finding);
    unannounced.add(finding);
  }

  private static String firstFew(List<String> ids) {
    String shown = String.join(", ", ids.subList(0, Math.min(IDS_IN_MESSAGE, ids.size())));
    return ids.size() > IDS_IN_MESSAGE ? shown + " and " + (ids.size() - IDS_IN_MESSAGE) + " more" : shown;
  }
}
