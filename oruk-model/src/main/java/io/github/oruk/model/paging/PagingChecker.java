package io.github.oruk.model.paging;

import io.github.oruk.model.Page;
import io.github.oruk.model.v1.PageBase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The paging invariants of one walk across a list, in one place. Feed it the pages of the walk in the order they
 * were read; each method checks one fact (or a few that are read off the same values) and returns what is wrong.
 * It keeps what it needs from page to page (ids seen, the last {@code total_items}, what was reported once), so
 * use one instance per walk, on one thread.
 *
 * <p>The checker decides what is wrong, never what to do about it: the client's guard skips duplicates and stops
 * on a stall, the validator reports and reads on. Which checks run is the caller's choice too: a consumer needs
 * the {@link #END_MARKERS} to find the end of a list, a validator asks for all {@link #ENVELOPE_PROPERTIES}.
 */
public final class PagingChecker {

  /** The seven paging properties of an ORUK 3.0 page. */
  public static final List<String> ENVELOPE_PROPERTIES = List.of(
      "total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty");
  /** The paging properties that say where a list ends. */
  public static final List<String> END_MARKERS = List.of("total_items", "total_pages", "page_number", "last_page");
  /** Pages in a row that bring no new record before paging is declared stalled. */
  public static final int PAGES_WITHOUT_PROGRESS = 3;
  private static final int IDS_IN_MESSAGE = 5;

  private final @Nullable Integer perPage;
  private final Set<String> seen = new HashSet<>();
  private List<String> previousIds = List.of();
  private int pagesWithoutProgress;
  private @Nullable Integer lastTotal;
  private long delivered;
  private boolean envelopeReported;
  private boolean perPageReported;
  private boolean legacyReported;

  /**
   * @param perPage the {@code per_page} asked for, to notice a feed that does not honour it; null when none was
   *     asked for
   */
  public PagingChecker(@Nullable Integer perPage) {
    this.perPage = perPage;
  }

  /** The last {@code total_items} a page sent, or null when none did. */
  public @Nullable Integer lastTotal() {
    return lastTotal;
  }

  /** Records seen so far for the first time (each id once, and every record without an id). */
  public long delivered() {
    return delivered;
  }

  // ------------------------------------------------------------------------------------------- the envelope

  /** The list came as a bare JSON array: no envelope at all. Reported once per walk, like {@link #missing}. */
  public Optional<PagingIssue> noEnvelope(int records) {
    if (envelopeReported) {
      return Optional.empty();
    }
    envelopeReported = true;
    return Optional.of(new PagingIssue(PagingFact.ENVELOPE, "", "the list came as a bare JSON array of " + records
        + " records, with no page envelope.", null));
  }

  /**
   * Which of {@code properties} (names among {@link #ENVELOPE_PROPERTIES}) the page leaves out. Reported once per
   * walk: the next pages of a feed are built the same way.
   */
  public Optional<PagingIssue> missing(Page<?> page, List<String> properties) {
    if (envelopeReported) {
      return Optional.empty();
    }
    List<String> missing = new ArrayList<>();
    for (String property : properties) {
      if (value(page, property) == null) {
        missing.add(property);
      }
    }
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    envelopeReported = true;
    return Optional.of(new PagingIssue(PagingFact.ENVELOPE, "", "the page envelope has no "
        + String.join(", ", missing) + ".", null));
  }

  private static @Nullable Object value(Page<?> page, String property) {
    return switch (property) {
      case "total_items" -> page.totalItems();
      case "total_pages" -> page.totalPages();
      case "page_number" -> page.pageNumber();
      case "size" -> page.size();
      case "first_page" -> page.firstPage();
      case "last_page" -> page.lastPage();
      case "empty" -> page.empty();
      default -> throw new IllegalArgumentException(property + " is not a paging property; expected one of "
          + ENVELOPE_PROPERTIES);
    };
  }

  /**
   * {@code size} and {@code empty} against the records the page holds.
   *
   * @param held the records the page holds, counting any the reader could not read
   */
  public List<PagingIssue> counts(Page<?> page, int held) {
    List<PagingIssue> issues = new ArrayList<>();
    if (page.size() != null && page.size() != held) {
      issues.add(new PagingIssue(PagingFact.SIZE, "/size", "size is " + page.size() + " but the page holds "
          + records(held) + ".", page.size().toString()));
    }
    if (page.empty() != null && page.empty() != (held == 0)) {
      issues.add(new PagingIssue(PagingFact.EMPTY_FLAG, "/empty", "empty is " + page.empty() + " but the page holds "
          + records(held) + ".", page.empty().toString()));
    }
    return issues;
  }

  /**
   * {@code first_page}, {@code last_page} and {@code total_pages} against where the page is.
   *
   * @param position which page this is, counting from 1
   * @param pageSize the page size in force, if known (per_page, or the size of a full first page); null when not
   */
  public List<PagingIssue> position(Page<?> page, int position, @Nullable Integer pageSize) {
    List<PagingIssue> issues = new ArrayList<>();
    if (page.firstPage() != null && page.firstPage() != (position == 1)) {
      issues.add(new PagingIssue(PagingFact.FIRST_PAGE, "/first_page", "first_page is " + page.firstPage()
          + " on page " + position + ".", page.firstPage().toString()));
    }
    Integer totalPages = page.totalPages();
    if (totalPages != null && page.lastPage() != null && page.lastPage() != (position >= totalPages)) {
      issues.add(new PagingIssue(PagingFact.LAST_PAGE, "/last_page", "last_page is " + page.lastPage() + " on page "
          + position + " of " + totalPages + ".", page.lastPage().toString()));
    }
    if (totalPages != null && page.totalItems() != null && pageSize != null && pageSize > 0) {
      long items = page.totalItems();
      long expected = (items + pageSize - 1) / pageSize;
      boolean emptyResult = items == 0 && (totalPages == 0 || totalPages == 1);
      if (totalPages != expected && !emptyResult) {
        issues.add(new PagingIssue(PagingFact.TOTAL_PAGES, "/total_pages", "total_pages is " + totalPages + " but "
            + items + " items at " + pageSize + " a page make " + expected + ".", totalPages.toString()));
      }
    }
    return issues;
  }

  /**
   * The page number the feed sent back against the one asked for; nothing when either is unknown.
   *
   * @param pointer where the feed's number is ({@code /page_number}, or {@code /number} in a legacy v1 page)
   */
  public Optional<PagingIssue> pageNumber(@Nullable Integer requested, @Nullable Integer sent, String pointer) {
    if (requested == null || sent == null || requested.equals(sent)) {
      return Optional.empty();
    }
    return Optional.of(new PagingIssue(PagingFact.PAGE_NUMBER, pointer, "asked for page " + requested
        + ", the feed says this is page " + sent + (sent == requested - 1 ? " (counting from 0?)" : "") + ".",
        sent.toString()));
  }

  /** {@code total_items} against the page before's; every change is reported. */
  public Optional<PagingIssue> total(@Nullable Integer totalItems) {
    if (totalItems == null) {
      return Optional.empty();
    }
    Integer before = lastTotal;
    lastTotal = totalItems;
    if (before == null || before.equals(totalItems)) {
      return Optional.empty();
    }
    return Optional.of(new PagingIssue(PagingFact.TOTAL_CHANGED, "/total_items", "total_items went from " + before
        + " to " + totalItems + " between pages; the feed changed while it was read, or counts inconsistently.",
        totalItems.toString()));
  }

  /**
   * Whether {@code per_page} was honoured: more records than asked for is {@link PagingFact#PER_PAGE} on any
   * page; fewer on a page that is not the last is {@link PagingFact#PER_PAGE_CAPPED}. Reported once per walk.
   */
  public Optional<PagingIssue> perPage(int held, boolean lastPage) {
    if (perPage == null || perPageReported || held == perPage || (held < perPage && lastPage)) {
      return Optional.empty();
    }
    perPageReported = true;
    return Optional.of(held > perPage
        ? new PagingIssue(PagingFact.PER_PAGE, "/contents", "asked for per_page=" + perPage + " but the page holds "
            + held + " records; the feed ignores the page size.", Integer.toString(held))
        : new PagingIssue(PagingFact.PER_PAGE_CAPPED, "/contents", "asked for per_page=" + perPage + " but this"
            + " page, which is not the last, holds " + held + " records; the feed caps the page size.",
            Integer.toString(held)));
  }

  // ------------------------------------------------------------------------------------------- the records

  /**
   * Whether the page repeats the one before exactly (a feed that ignores the page parameter). A repeat is not
   * taken in: the page before stays the one the next page is compared with.
   *
   * @param ids the ids of the page's records, in order; null for a record without one
   */
  public Optional<PagingIssue> repeat(List<String> ids) {
    List<String> present = ids.stream().filter(Objects::nonNull).toList();
    if (present.isEmpty() || !present.equals(previousIds)) {
      return Optional.empty();
    }
    return Optional.of(new PagingIssue(PagingFact.STALLED, "", "this page holds exactly the records of the page"
        + " before (" + present.size() + " records, starting with id " + present.get(0) + "); the feed probably"
        + " ignores the page parameter. Stopped here" + expectedMore() + ".", null));
  }

  /** What {@link #records} found on one page. */
  public record Records(List<Boolean> fresh, int freshCount, int repeated, List<PagingIssue> issues) {
  }

  /**
   * Takes in the records of a page: ids seen on an earlier page ({@link PagingFact#DUPLICATE}, one issue for the
   * page) and records without an id ({@link PagingFact#MISSING_ID}).
   *
   * @param ids the ids of the page's records, in order; null for a record without one
   * @return for each record whether it is new, and the issues
   */
  public Records records(List<String> ids) {
    List<Boolean> fresh = new ArrayList<>(ids.size());
    List<String> repeated = new ArrayList<>();
    int firstRepeat = -1;
    int withoutId = 0;
    int firstWithoutId = -1;
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (id == null) {
        fresh.add(true);
        if (withoutId++ == 0) {
          firstWithoutId = i;
        }
      } else if (seen.add(id)) {
        fresh.add(true);
      } else {
        fresh.add(false);
        repeated.add(id);
        if (firstRepeat < 0) {
          firstRepeat = i;
        }
      }
    }
    List<PagingIssue> issues = new ArrayList<>();
    if (!repeated.isEmpty()) {
      issues.add(new PagingIssue(PagingFact.DUPLICATE, "/contents/" + firstRepeat + "/id", repeated.size()
          + (repeated.size() == 1 ? " record was" : " records were") + " on an earlier page already (id "
          + firstFew(repeated) + ").", repeated.get(0)));
    }
    if (withoutId > 0) {
      issues.add(new PagingIssue(PagingFact.MISSING_ID, "/contents/" + firstWithoutId, withoutId
          + (withoutId == 1 ? " record has no id; it cannot" : " records have no id; they cannot")
          + " be checked for duplicates.",
          null));
    }
    previousIds = ids.stream().filter(Objects::nonNull).toList();
    int freshCount = ids.size() - repeated.size();
    delivered += freshCount;
    return new Records(fresh, freshCount, repeated.size(), issues);
  }

  /**
   * Whether paging still makes progress: {@value #PAGES_WITHOUT_PROGRESS} pages in a row with records but none
   * new is {@link PagingFact#STALLED} (a feed that cycles without repeating a page exactly).
   *
   * @param held the records on the page
   * @param fresh how many of them were new ({@link Records#freshCount()})
   */
  public Optional<PagingIssue> progress(int held, int fresh) {
    if (held == 0 || fresh > 0) {
      pagesWithoutProgress = 0;
      return Optional.empty();
    }
    if (++pagesWithoutProgress < PAGES_WITHOUT_PROGRESS) {
      return Optional.empty();
    }
    return Optional.of(new PagingIssue(PagingFact.STALLED, "", PAGES_WITHOUT_PROGRESS + " pages in a row brought no"
        + " record that had not come already; the feed seems to cycle. Stopped here" + expectedMore() + ".", null));
  }

  // ------------------------------------------------------------------------------------------- the walk

  /**
   * At the end of a complete walk from the first page: the distinct records against the last {@code total_items}.
   *
   * @param leftOut records the pages held that could not be read (they count as listed, not as delivered)
   */
  public Optional<PagingIssue> count(long leftOut) {
    if (lastTotal == null || delivered + leftOut == lastTotal) {
      return Optional.empty();
    }
    return Optional.of(new PagingIssue(PagingFact.COUNT_MISMATCH, "/total_items", "delivered " + delivered
        + " distinct records" + (leftOut > 0 ? " and left out " + leftOut + " that could not be read" : "") + ","
        + " but the feed's total_items says " + lastTotal + (delivered + leftOut < lastTotal
            ? "; some records may be unreachable by paging (re-read the list, or ask its publisher)."
            : "; the feed undercounts."), lastTotal.toString()));
  }

  /**
   * The walk stopped at a page limit of {@code pages}.
   *
   * @param remedy how the reader raises its limit, as a sentence (the limit is the reader's, not the feed's)
   */
  public PagingIssue pageLimit(int pages, String remedy) {
    return new PagingIssue(PagingFact.PAGE_LIMIT, "", "stopped after " + pages + " pages, the page limit; the list"
        + " may go on. " + remedy, null);
  }

  /** The feed answers with legacy ORUK v1 pages; reported once per walk. */
  public Optional<PagingIssue> legacy(@Nullable PageBase base) {
    if (legacyReported) {
      return Optional.empty();
    }
    legacyReported = true;
    return Optional.of(new PagingIssue(PagingFact.LEGACY_V1, "", "the feed answers with legacy ORUK v1 pages"
        + " (content, totalElements, number)" + (base == PageBase.ZERO_BASED ? ", counting pages from 0"
            : base == PageBase.ONE_BASED ? ", counting pages from 1" : "")
        + "; records were mapped to the ORUK 3.0 model (see the ORUK-V1 read findings).", null));
  }

  /** A record of the page could not be read (a reader's safety limit); it is left out, the rest delivered. */
  public PagingIssue recordLeftOut(String pointer, String message) {
    return new PagingIssue(PagingFact.RECORD_LEFT_OUT, pointer, message, null);
  }

  private String expectedMore() {
    return lastTotal != null && delivered < lastTotal
        ? " after " + delivered + " of the " + lastTotal + " records the feed announced" : "";
  }

  private static String records(int count) {
    return count + (count == 1 ? " record" : " records");
  }

  private static String firstFew(List<String> ids) {
    String shown = String.join(", ", ids.subList(0, Math.min(IDS_IN_MESSAGE, ids.size())));
    return ids.size() > IDS_IN_MESSAGE ? shown + " and " + (ids.size() - IDS_IN_MESSAGE) + " more" : shown;
  }
}
