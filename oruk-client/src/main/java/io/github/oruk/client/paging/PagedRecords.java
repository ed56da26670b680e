package io.github.oruk.client.paging;

import io.github.oruk.model.Page;
import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.model.paging.PagingChecker;
import io.github.oruk.model.paging.PagingFact;
import io.github.oruk.model.paging.PagingIssue;
import io.github.oruk.model.v1.PageBase;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

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
  static final int PAGES_WITHOUT_PROGRESS = PagingChecker.PAGES_WITHOUT_PROGRESS;

  private final PageSource<T> source;
  private final Function<? super T, String> idOf;
  private final PagingOptions options;
  private final PagingChecker checker;

  private boolean used;
  private boolean ended;
  private @Nullable Integer nextRequest;
  private final boolean startedAtFirstPage;
  private @Nullable URI lastUri;
  private int pages;
  private long records;
  private long duplicates;
  /** Records the reader had to leave out of their pages (ORUK-READ-017): listed by the feed, not delivered. */
  private long leftOutRecords;
  private PagingEnd end = PagingEnd.NOT_FINISHED;
  private @Nullable PageBase legacyPageBase;
  private final List<PagingFinding> findings = new ArrayList<>();
  private final List<PagingFinding> unannounced = new ArrayList<>();
  private final Map<ReadCode, Long> readFindings = new EnumMap<>(ReadCode.class);

  private PagedRecords(PageSource<T> source, Function<? super T, String> idOf, @Nullable Integer firstPage, @Nullable Integer perPage,
      PagingOptions options) {
    this.source = Objects.requireNonNull(source, "source");
    this.idOf = Objects.requireNonNull(idOf, "idOf");
    this.options = Objects.requireNonNull(options, "options");
    this.checker = new PagingChecker(perPage);
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
  public static <T> PagedRecords<T> of(PageSource<T> source, Function<? super T, String> idOf, @Nullable Integer firstPage,
      @Nullable Integer perPage, PagingOptions options) {
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
    return new PagingSummary(pages, records, duplicates, checker.lastTotal(), end, legacyPageBase, findings, readFindings);
  }

  private Iterator<RecordPage<T>> pageIterator() {
    if (used) {
      throw new IllegalStateException("this PagedRecords has been read already; it walks the feed once."
          + " Call OrukClient.stream(...) again to walk it again.");
    }
    used = true;
    return new Iterator<>() {
      private @Nullable RecordPage<T> ahead;

      @Override
      public boolean hasNext() {
        if (ahead == null && !ended) {
          ahead = fetchNext();
        }
        return ahead != null;
      }

      @Override
      @SuppressWarnings("NullAway") // hasNext() has fetched the page ahead, or thrown
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

  private @Nullable RecordPage<T> fetchNext() {
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

  private @Nullable RecordPage<T> checkNext(@Nullable Integer request) {
    synchronized (this) {
      if (pages >= options.maxPages()) {
        report(PagingCode.PAGE_LIMIT_REACHED, lastUri, checker.pageLimit(pages,
            "Raise PagingOptions.maxPages if the feed really has more pages, or narrow the query."));
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

  private @Nullable RecordPage<T> check(FetchedPage<T> fetched) {
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
        report(PagingCode.RECORD_UNREADABLE, fetched, checker.recordLeftOut(finding.pointer(), finding.message()));
      }
    }
    checkEnvelope(fetched);

    List<String> ids = new ArrayList<>(contents.size());
    for (T item : contents) {
      ids.add(idOf.apply(item));
    }
    Optional<PagingIssue> repeat = checker.repeat(ids);
    if (repeat.isPresent()) {
      report(PagingCode.STALLED, fetched, repeat.get());
      finish(PagingEnd.STALLED);
      return null;
    }
    checker.pageNumber(fetched.requestedPage(), fetched.feedPageNumber(), fetched.legacyV1() ? "/number" : "/page_number")
        .ifPresent(issue -> report(PagingCode.PAGE_NUMBER_MISMATCH, fetched, issue));
    // A record left out is still one the page holds: it counts for size and per_page, not as delivered.
    int held = contents.size() + leftOut;
    // The guard reads size (it says how many records the page holds); empty it does not need.
    checker.counts(page, held).stream().filter(issue -> issue.fact() == PagingFact.SIZE)
        .forEach(issue -> report(PagingCode.SIZE_MISMATCH, fetched, issue));
    checker.total(page.totalItems()).ifPresent(issue -> report(PagingCode.TOTAL_CHANGED, fetched, issue));

    PagingChecker.Records taken = checker.records(ids);
    List<T> fresh = new ArrayList<>(taken.freshCount());
    for (int i = 0; i < contents.size(); i++) {
      if (taken.fresh().get(i)) {
        fresh.add(contents.get(i));
      }
    }
    duplicates += taken.repeated();
    for (PagingIssue issue : taken.issues()) {
      report(issue.fact() == PagingFact.DUPLICATE ? PagingCode.DUPLICATE_ID : PagingCode.MISSING_ID, fetched, issue);
    }
    records += fresh.size();

    PagingEnd endHere = endOf(fetched, held);
    Optional<PagingIssue> cycling = endHere == null ? checker.progress(held, fresh.size()) : Optional.empty();
    if (cycling.isPresent()) {
      report(PagingCode.STALLED, fetched, cycling.get());
      endHere = PagingEnd.STALLED;
    }
    checker.perPage(held, endHere != null).ifPresent(issue -> report(issue.fact() == PagingFact.PER_PAGE
        ? PagingCode.PER_PAGE_NOT_HONOURED : PagingCode.PER_PAGE_CAPPED, fetched, issue));

    Integer current = fetched.requestedPage() != null ? fetched.requestedPage()
        : fetched.feedPageNumber() != null ? fetched.feedPageNumber() : 1;
    nextRequest = current + 1;
    RecordPage<T> result = new RecordPage<>(fetched.uri(), pages, fetched.requestedPage(), page, fresh,
        fetched.readFindings(), fetched.legacyV1(), endHere == null ? nextRequest : null);
    if (endHere != null) {
      finish(endHere);
      if (endHere.complete() && startedAtFirstPage) {
        checker.count(leftOutRecords).ifPresent(issue -> report(PagingCode.COUNT_MISMATCH, fetched, issue));
      }
    }
    return result;
  }

  private void checkEnvelope(FetchedPage<T> fetched) {
    if (fetched.legacyV1()) {
      legacyPageBase = fetched.legacyPageBase();
      checker.legacy(fetched.legacyPageBase()).ifPresent(issue -> report(PagingCode.LEGACY_V1_FEED, fetched, issue));
    }
    if (fetched.envelopeMissing()) {
      checker.noEnvelope(fetched.page().contents().size()).ifPresent(issue -> report(PagingCode.ENVELOPE_MISSING,
          fetched, issue));
      return;
    }
    // The guard needs only what says where the list ends; the validator asks for all seven properties.
    Page<T> page = fetched.page();
    checker.missing(page, PagingChecker.END_MARKERS).ifPresent(issue -> report(PagingCode.ENVELOPE_INCOMPLETE,
        fetched, new PagingIssue(issue.fact(), issue.pointer(), issue.message().replaceFirst("\\.$", "")
            + "; the end of the list is taken from " + (page.lastPage() != null ? "last_page"
                : page.totalPages() != null ? "total_pages"
                    : page.totalItems() != null ? "total_items (or the first empty page)" : "the first empty page")
            + ".", issue.observed())));
  }

  private @Nullable PagingEnd endOf(FetchedPage<T> fetched, int held) {
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

  private void finish(PagingEnd reason) {
    ended = true;
    end = reason;
  }

  private void report(PagingCode code, FetchedPage<T> fetched, PagingIssue issue) {
    report(code, fetched.uri(), issue);
  }

  private void report(PagingCode code, @Nullable URI uri, PagingIssue issue) {
    String message = code.done() == null ? issue.message()
        : issue.message().replaceFirst("\\.$", "") + "; " + code.done();
    PagingFinding finding = new PagingFinding(code, uri == null ? URI.create("about:blank") : uri,
        issue.pointer(), message, issue.observed());
    findings.add(finding);
    unannounced.add(finding);
  }

}
