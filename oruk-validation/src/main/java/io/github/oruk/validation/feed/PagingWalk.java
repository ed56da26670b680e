package io.github.oruk.validation.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.client.RawResponse;
import io.github.oruk.client.paging.FetchedPage;
import io.github.oruk.client.paging.PageSource;
import io.github.oruk.client.paging.PagedRecords;
import io.github.oruk.client.paging.PagingCode;
import io.github.oruk.client.paging.PagingFinding;
import io.github.oruk.client.paging.PagingObserver;
import io.github.oruk.client.paging.PagingOptions;
import io.github.oruk.client.paging.RecordPage;
import io.github.oruk.model.Page;
import io.github.oruk.model.paging.PagingChecker;
import io.github.oruk.model.paging.PagingFact;
import io.github.oruk.model.paging.PagingIssue;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.model.query.Query;
import io.github.oruk.validation.rule.FeedContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The paging checks of a live feed ({@code ORUK-PAGE-nnn}): the walk of each list and its {@code per_page} probe.
 * The client's paging guard ({@link PagedRecords}) walks the pages this check chose (all of them, or the first,
 * middle, last and a seeded sample), and this class observes it ({@link PagingObserver}); the paging facts are
 * judged by the shared {@link PagingChecker} of {@code oruk-model}, by the guard for what a consumer relies on
 * (page_number, size, drift, repeats, duplicates) and here for what only a conformance check asks (all seven
 * envelope properties, empty, first_page, last_page, total_pages, per_page).
 */
final class PagingWalk {

  /** What the walk needs from the validation it is part of. */
  interface Feed extends FeedContext {
    /** Checks a page's document with the validator's rules. */
    void checkPage(JsonNode page, Endpoint list, URI uri);

    /** The ids of a page's items in order, null for an item without one; remembers the items by id. */
    List<String> ids(JsonNode contents, Endpoint list, String url);

    /** A paging fact a page breaks, for the feed rules to report ({@code PagingRule}). */
    void paging(Endpoint list, URI uri, PagingIssue issue);

    /** Sends the request for a page now, to be read later ({@link Ahead}). */
    Ahead ask(Endpoint list, URI uri);
  }

  /** A page asked for ahead of being read. */
  interface Ahead {
    /**
     * Waits for the answer: what {@link FeedContext#get(Endpoint, URI)} would have answered, timed and told to
     * the feed rules now, in the order pages are read, whatever order the answers arrived in.
     */
    @Nullable RawResponse get();

    /** Gives the page up unread: the request is cancelled and never counted. */
    void cancel();
  }

  private final Feed feed;
  private final int maxPages;
  private final long seed;
  private final int perPageProbe;
  private final boolean readAhead;

  /**
   * @param readAhead whether to ask for each chosen page while the one before is parsed and checked (two
   *     requests at a time at most); without it a list is walked one request at a time
   */
  PagingWalk(Feed feed, int maxPages, long seed, int perPageProbe, boolean readAhead) {
    this.feed = Objects.requireNonNull(feed, "feed");
    this.maxPages = maxPages;
    this.seed = seed;
    this.perPageProbe = perPageProbe;
    this.readAhead = readAhead;
  }

  /**
   * Walks a list from its first page (already fetched and checked as a document) and probes its per_page.
   *
   * @return the ids the pages read listed, each once, in order
   */
  List<String> walk(Endpoint list, JsonNode page, URI first) {
    int items = page.path("contents").size();
    int totalPages = page.path("total_pages").canConvertToInt() ? page.path("total_pages").asInt() : 1;
    Integer pageSize = totalPages > 1 && items > 0 ? items : null;
    // The client's paging guard walks the list, through a source that reads the pages this check chose; the
    // validator observes the walk. The guard judges what a consumer relies on (page_number, size, drift,
    // repeats, duplicates); the validator adds what only a conformance check asks (all seven properties,
    // empty, first_page, last_page, total_pages), with the same checker.
    ChosenPages source = new ChosenPages(list, page, first, pagesToRead(totalPages), totalPages);
    PagingChecker envelopes = new PagingChecker(null);
    boolean[] driftReported = {false};
    PagingObserver observer = new PagingObserver() {
      @Override
      public void onPage(RecordPage<?> seen) {
        @SuppressWarnings("unchecked")
        Page<JsonNode> envelope = (Page<JsonNode>) seen.page();
        int number = seen.requestedPage() == null ? 1 : seen.requestedPage();
        // The guard judged size, and page_number where a page was asked for by number.
        envelope(list, seen.uri(), envelopes, envelope, number, null, pageSize, seen.requestedPage() == null
            ? EnumSet.of(PagingFact.SIZE) : EnumSet.of(PagingFact.SIZE, PagingFact.PAGE_NUMBER));
      }

      @Override
      public void onFinding(PagingFinding finding) {
        if (finding.code() == PagingCode.ENVELOPE_INCOMPLETE) {
          return; // judged on all seven properties in onPage
        }
        if (finding.code() == PagingCode.TOTAL_CHANGED) {
          if (driftReported[0]) {
            return;
          }
          driftReported[0] = true;
        }
        report(list, finding);
      }
    };
    Iterator<RecordPage<JsonNode>> pages = PagedRecords.of(source, PagingWalk::idOf, null, null,
        PagingOptions.builder().observer(observer).maxPages(source.chosen.size() + 1).build()).pages().iterator();
    try {
      while (pages.hasNext()) {
        pages.next();
      }
    } catch (NoMorePages end) {
      // the chosen pages are read, or the time limit ran out
    } finally {
      source.giveUpAhead(); // the guard may end the walk before the chosen pages do
    }
    List<String> ids = source.ids;
    if (totalPages > maxPages) {
      feed.notChecked("pages of " + list.path() + " other than the " + maxPages + " read (of " + totalPages + ")",
          "the walk reads at most " + maxPages + " pages of each list");
    }
    probePerPage(list);
    return new ArrayList<>(new LinkedHashSet<>(ids));
  }

  /** Pages 2..total, or when there are too many: the middle, the last and a seeded sample between. */
  private List<Integer> pagesToRead(int totalPages) {
    List<Integer> pages = new ArrayList<>();
    if (totalPages <= 1) {
      return pages;
    }
    if (totalPages <= maxPages) {
      for (int page = 2; page <= totalPages; page++) {
        pages.add(page);
      }
      return pages;
    }
    TreeSet<Integer> chosen = new TreeSet<>();
    chosen.add(Math.max(2, totalPages / 2));
    chosen.add(totalPages);
    Random random = new Random(seed ^ totalPages);
    while (chosen.size() < Math.max(2, maxPages - 1)) {
      chosen.add(2 + random.nextInt(totalPages - 1));
    }
    pages.addAll(chosen);
    return pages;
  }

  private void probePerPage(Endpoint list) {
    if (perPageProbe < 1) {
      return;
    }
    URI uri = feed.client().uri(list, null, Query.builder().perPage(perPageProbe).build());
    RawResponse answer = feed.get(list, uri);
    if (answer == null || !answer.successful()) {
      if (answer != null) {
        feed.report(FilterRule.REFUSED, list, uri.toString(), "", "", "GET " + list.path() + "?per_page="
            + perPageProbe + " answered " + answer.status() + ".", Integer.toString(answer.status()));
      }
      return;
    }
    JsonNode page = feed.parse(list, answer);
    if (page != null && page.has("contents")) {
      // A walk of its own, one page long; the envelope's completeness was judged on the list's walk.
      envelope(list, uri, new PagingChecker(perPageProbe), envelopeOf(page), 1, perPageProbe, perPageProbe,
          EnumSet.noneOf(PagingFact.class));
    }
  }

  /**
   * Checks one page's envelope with the shared checker: completeness (once per walk), size and empty,
   * page_number, first_page, last_page and total_pages, and per_page when one was asked for.
   *
   * @param requested the page asked for (1 when the parameter was left out)
   * @param perPage the per_page asked for, or null when none was sent; its probe does not judge completeness
   * @param pageSize the page size in force, if known (per_page, or the size of a full first page), else null
   * @param judged facts the client's paging guard judged on this page already
   */
  private void envelope(Endpoint list, URI uri, PagingChecker paging, Page<JsonNode> page, int requested,
      @Nullable Integer perPage, @Nullable Integer pageSize, Set<PagingFact> judged) {
    List<PagingIssue> issues = new ArrayList<>();
    int items = page.contents().size();
    if (perPage == null) {
      paging.missing(page, PagingChecker.ENVELOPE_PROPERTIES).ifPresent(issues::add);
    }
    issues.addAll(paging.counts(page, items));
    paging.pageNumber(requested, page.pageNumber(), "/page_number").ifPresent(issues::add);
    issues.removeIf(issue -> judged.contains(issue.fact()));
    // A page size other than the one asked for cannot judge total_pages.
    boolean perPageIgnored = perPage != null && items > perPage;
    issues.addAll(paging.position(page, requested, perPageIgnored ? null : pageSize));
    boolean last = Boolean.TRUE.equals(page.lastPage()) || page.totalPages() != null
        && requested >= page.totalPages();
    paging.perPage(items, last).ifPresent(issues::add);
    issues.forEach(issue -> feed.paging(list, uri, issue));
  }

  /** Passes on what the client's paging guard noticed. */
  private void report(Endpoint list, PagingFinding finding) {
    // The fact as the checker states it, without what the guard did about it (it skips, counts, goes on): that is
    // the client's business, not the feed's.
    String done = finding.code().done();
    String message = done != null && finding.message().endsWith("; " + done)
        ? finding.message().substring(0, finding.message().length() - done.length() - 2) + "."
        : finding.message();
    feed.paging(list, finding.uri(), new PagingIssue(finding.code().fact(), finding.pointer(), message,
        finding.observed()));
  }

  /**
   * The pages of a list this check chose to read (all of them, or the first, middle, last and a seeded sample),
   * as a source for the client's paging guard: each fetch reads the next chosen page, whatever number the guard
   * would ask for next, and tells the guard which page it is. A page that does not answer is reported and
   * passed over; when none is left, or the time limit runs out, {@link NoMorePages} ends the walk. Each page's
   * document is checked with the rules as it is read.
   */
  private final class ChosenPages implements PageSource<JsonNode> {
    private final Endpoint list;
    private final JsonNode firstPage;
    private final URI firstUri;
    private final List<Integer> chosen;
    private final int totalPages;
    private int next;
    /** The chosen page after the one being read, asked for while that one is parsed and checked. */
    private @Nullable Ahead ahead;
    /** Every id listed, in order, repeats and all. */
    final List<String> ids = new ArrayList<>();

    ChosenPages(Endpoint list, JsonNode firstPage, URI firstUri, List<Integer> chosen, int totalPages) {
      this.list = list;
      this.firstPage = firstPage;
      this.firstUri = firstUri;
      this.chosen = chosen;
      this.totalPages = totalPages;
    }

    @Override
    public FetchedPage<JsonNode> fetch(@Nullable Integer ignored) {
      if (next == 0) {
        next++;
        askAhead();
        return taken(firstPage, firstUri, null);
      }
      while (next <= chosen.size()) {
        int number = chosen.get(next++ - 1);
        URI uri = uri(number);
        Ahead asked = ahead;
        ahead = null;
        RawResponse answer = asked != null ? asked.get() : feed.get(list, uri);
        if (answer == null) {
          break;
        }
        askAhead();
        if (!answer.successful()) {
          feed.paging(list, uri, new PagingIssue(PagingFact.LAST_REACHABLE, "", "page " + number + " of "
              + totalPages + " answered " + answer.status() + ".", Integer.toString(answer.status())));
          continue;
        }
        JsonNode page = feed.parse(list, answer);
        if (page == null || !page.has("contents")) {
          continue;
        }
        feed.checkPage(page, list, uri);
        return taken(page, uri, number);
      }
      throw new NoMorePages();
    }

    private URI uri(int number) {
      return feed.client().uri(list, null, Query.builder().page(number).build());
    }

    /** Asks for the next chosen page, if there is one and the walk reads ahead. */
    private void askAhead() {
      if (readAhead && next <= chosen.size()) {
        ahead = feed.ask(list, uri(chosen.get(next - 1)));
      }
    }

    /** Cancels the page asked for ahead, if any: the walk ended before reading it. */
    void giveUpAhead() {
      if (ahead != null) {
        ahead.cancel();
        ahead = null;
      }
    }

    private FetchedPage<JsonNode> taken(JsonNode page, URI uri, @Nullable Integer number) {
      ids.addAll(present(feed.ids(page.path("contents"), list, uri.toString())));
      Page<JsonNode> envelope = envelopeOf(page);
      return new FetchedPage<>(uri, number, envelope, envelope.pageNumber(), null, false, List.of());
    }
  }

  /** The envelope of a page as sent: a value that is absent, or not of its type, is null. */
  private static Page<JsonNode> envelopeOf(JsonNode page) {
    List<JsonNode> contents = new ArrayList<>();
    page.path("contents").forEach(contents::add);
    return new Page<>(number(page, "total_items"), number(page, "total_pages"), number(page, "page_number"),
        number(page, "size"), flag(page, "first_page"), flag(page, "last_page"), flag(page, "empty"), contents,
        Map.of());
  }

  private static @Nullable Integer number(JsonNode page, String property) {
    JsonNode value = page.get(property);
    return value != null && value.canConvertToInt() ? value.asInt() : null;
  }

  private static @Nullable Boolean flag(JsonNode page, String property) {
    JsonNode value = page.get(property);
    return value != null && value.isBoolean() ? value.asBoolean() : null;
  }

  /** The ids that are there, without the nulls of items without one. */
  static List<String> present(List<String> ids) {
    return ids.stream().filter(Objects::nonNull).toList();
  }

  /** Ends the observed walk of a list: the chosen pages are read, or the time limit ran out. */
  private static final class NoMorePages extends RuntimeException {
    NoMorePages() {
      super("no more chosen pages", null, false, false);
    }
  }

  private static @Nullable String idOf(JsonNode item) {
    JsonNode id = item.path("id");
    return id.isValueNode() && !id.asText().isBlank() ? id.asText() : null;
  }
}
