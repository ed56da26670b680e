package io.github.oruk.hub.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.hub.page.Html;
import io.github.oruk.hub.register.FeedEntry;
import io.github.oruk.hub.store.FeedRefresh;
import io.github.oruk.hub.store.FeedRun;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.hub.store.Monitoring;
import io.github.oruk.hub.store.StoredRecord;
import io.github.oruk.model.diagnostic.DiagnosticCode;
import io.github.oruk.model.diagnostic.DiagnosticCodes;
import io.github.oruk.server.PathHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard of a hub's feeds, as server-rendered HTML pages: {@code /dashboard/} lists every feed of the store
 * with its publisher, parity and strict verdicts, when it was last checked, its uptime over the last 30 days, its
 * number of services and the share of them assured in the last 3 months, sortable by any column; {@code
 * /dashboard/NAME} shows one feed's verdict history as a chart and a table, its availability, and its top
 * findings in plain English with how to fix them. Served by {@code oruk hub serve}:
 *
 * <pre>{@code
 * OrukApi api = OrukApi.builder(directory).path("dashboard", new Dashboard(store)).build();
 * }</pre>
 *
 * <p>The pages need nothing from outside: the chart and the badges are inline SVG, the sorting a small inline
 * script (the table is complete and in name order without it), and a {@code Content-Security-Policy} allows only
 * that script and style, so text from a feed or a register, which is always escaped, could not run even if it
 * were not. Pages are not cached ({@code Cache-Control: no-cache}): they are read from the store on each request.
 */
public final class Dashboard implements PathHandler {

  /** The period uptime is measured over. */
  static final Duration UPTIME_PERIOD = Duration.ofDays(30);
  /** How recently a service must have been assured to count as assured. */
  static final int ASSURED_MONTHS = 3;
  /** How many of a feed's latest runs its page charts and lists. */
  static final int HISTORY_RUNS = 60;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private static final String STYLE = """
      body{font-family:system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:72rem;color:#1a1a1a;\
      background:#fff;line-height:1.4;overflow-wrap:break-word}
      a{color:#0b4f9c}
      table{border-collapse:collapse;width:100%;margin:1rem 0}
      th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #ccc;vertical-align:top}
      td.n,th.n{text-align:right}
      th button{font:inherit;font-weight:bold;background:none;border:0;padding:0;color:#0b4f9c;cursor:pointer;\
      text-decoration:underline}
      .scroll{overflow-x:auto}
      .muted{color:#555}
      svg.chart{max-width:100%;height:auto}
      dt{font-weight:bold}dd{margin:0 0 .5rem 0}
      """;

  /** Sorts the feeds' table by the clicked column (values from data-sort), again the other way round. */
  private static final String SCRIPT = """
      document.querySelectorAll('table.sortable th button').forEach(function (button) {
        button.addEventListener('click', function () {
          var th = button.closest('th'), table = th.closest('table'), body = table.tBodies[0];
          var column = th.cellIndex, numeric = th.classList.contains('n');
          var ascending = th.getAttribute('aria-sort') !== 'ascending';
          table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
          th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = a.cells[column].getAttribute('data-sort'), y = b.cells[column].getAttribute('data-sort');
            var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
            return ascending ? order : -order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
      """;

  private static final String POLICY = "default-src 'none'; style-src " + Html.hashSource(STYLE) + "; script-src "
      + Html.hashSource(SCRIPT) + "; img-src 'self' data:; base-uri 'none'; form-action 'none'";

  private final HubStore store;
  private final Clock clock;
  private final AtomicReference<@Nullable CachedCounts> cache = new AtomicReference<>();

  /** The dashboard of this store's feeds, uptime and assurance counted to now (UTC). */
  public Dashboard(HubStore store) {
    this(store, Clock.systemUTC());
  }

  /** The dashboard of this store's feeds, uptime and assurance counted to this clock's now. */
  public Dashboard(HubStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A folder: {@code /dashboard} is redirected to {@code /dashboard/}, as its links are relative. */
  @Override
  public boolean folder() {
    return true;
  }

  @Override
  public Optional<Answer> answer(List<String> segments) {
    if (segments.isEmpty()) {
      return Optional.of(html(overview()));
    }
    if (segments.size() == 1 && store.feeds().contains(segments.get(0))) {
      return Optional.of(html(feedPage(segments.get(0))));
    }
    return Optional.empty();
  }

  /**
   * What the dashboard says of one feed.
   *
   * @param name the feed's name in the register
   * @param publisher its publisher, if the register says
   * @param status its status (latest parity verdict, or unreachable); null before a first verdict
   * @param strict its latest strict verdict ({@code PASS}, ...), null before one
   * @param lastChecked when its latest run ended, null before one
   * @param uptime the share of its runs in the last 30 days that reached it (0 to 1), null when there were none
   * @param services its current services (listed and read)
   * @param assured the share of those assured in the last 3 months (0 to 1), null when it has none
   */
  record FeedSummary(String name, @Nullable String publisher, @Nullable FeedStatus status, @Nullable String strict,
      @Nullable Instant lastChecked, @Nullable Double uptime, int services, @Nullable Double assured) {
  }

  /** The summary of one feed of the store, now. */
  FeedSummary summary(String name) {
    List<FeedRun> runs = store.history(name);
    String strict = null;
    for (FeedRun run : runs) {
      if (run.refresh().strict() != null) {
        strict = run.refresh().strict().verdict();
      }
    }
    Instant lastChecked = runs.isEmpty() ? null : runs.get(runs.size() - 1).refresh().finishedAt();
    Counts counts = counts(name);
    int services = counts.services();
    int assured = counts.assured();
    return new FeedSummary(name, store.feed(name).map(FeedEntry::publisher).orElse(null), FeedStatus.after(runs),
        strict, lastChecked, uptime(runs), services, services == 0 ? null : (double) assured / services);
  }

  /** A feed's live services and how many of them were assured in the last 3 months. */
  private record Counts(int services, int assured) {
  }

  /** The counts of every feed asked for so far, valid while the store's stamp and the day are unchanged. */
  private record CachedCounts(String stamp, LocalDate day, Map<String, Counts> feeds) {
  }

  /**
   * A feed's counts, read from its records' documents once per change of the store: every document has to be
   * parsed for its {@code assured_date}, which for a large hub is far too much work to repeat on each page view.
   */
  private Counts counts(String name) {
    String stamp = store.refreshStamp();
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    CachedCounts held = cache.get();
    if (held == null || !held.stamp().equals(stamp) || !held.day().equals(today)) {
      held = new CachedCounts(stamp, today, new ConcurrentHashMap<>());
      cache.set(held);
    }
    return held.feeds().computeIfAbsent(name, feed -> {
      LocalDate since = today.minusMonths(ASSURED_MONTHS);
      int services = 0;
      int assured = 0;
      for (StoredRecord record : store.records(feed)) {
        if (record.live() && record.document() != null) {
          services++;
          LocalDate date = assuredDate(record.document());
          if (date != null && !date.isBefore(since)) {
            assured++;
          }
        }
      }
      return new Counts(services, assured);
    });
  }

  /** The share of the runs started in the last 30 days that reached the feed; null when none was monitored. */
  private @Nullable Double uptime(List<FeedRun> runs) {
    Instant since = clock.instant().minus(UPTIME_PERIOD);
    int monitored = 0;
    int reachable = 0;
    for (FeedRun run : runs) {
      if (run.monitoring() != null && !run.refresh().startedAt().isBefore(since)) {
        monitored++;
        reachable += run.monitoring().reachable() ? 1 : 0;
      }
    }
    return monitored == 0 ? null : (double) reachable / monitored;
  }

  private static @Nullable LocalDate assuredDate(String document) {
    try {
      JsonNode date = JSON.readTree(document).path("assured_date");
      return date.isTextual() ? LocalDate.parse(date.asText()) : null;
    } catch (IOException | DateTimeParseException e) {
      return null; // a record without a readable date is not assured
    }
  }

  // ------------------------------------------------------------------------------------------------ pages

  private String overview() {
    StringBuilder rows = new StringBuilder();
    List<String> feeds = store.feeds();
    for (String name : feeds) {
      FeedSummary feed = summary(name);
      rows.append("<tr><th scope=\"row\" data-sort=\"").append(e(name)).append("\"><a href=\"")
          .append(e(name)).append("\">").append(e(name)).append("</a></th>")
          .append(cell(feed.publisher() == null ? "" : feed.publisher(),
              feed.publisher() == null ? "<span class=\"muted\">not given</span>" : e(feed.publisher())))
          .append("<td data-sort=\"").append(feed.status() == null ? FeedStatus.values().length
              : feed.status().ordinal()).append("\" class=\"parity\">").append(badge(feed.status())).append("</td>")
          .append(cell(feed.strict() == null ? "~" : feed.strict(), verdict(feed.strict())))
          .append(cell(feed.lastChecked() == null ? "" : feed.lastChecked().toString(), time(feed.lastChecked())))
          .append(number(feed.uptime() == null ? -1 : feed.uptime(), percent(feed.uptime())))
          .append(number(feed.services(), Integer.toString(feed.services())))
          .append(number(feed.assured() == null ? -1 : feed.assured(), percent(feed.assured())))
          .append("</tr>\n");
    }
    String table = feeds.isEmpty() ? "<p>No feeds yet: run <code>oruk hub run --feeds FEEDS.yaml</code>.</p>"
        : "<div class=\"scroll\"><table class=\"sortable\" id=\"feeds\"><caption>Feeds (select a column's heading to"
            + " sort by it)</caption><thead><tr>"
            + heading("Feed", false) + heading("Publisher", false) + heading("Parity verdict", true)
            + heading("Strict verdict", false) + heading("Last checked", false) + heading("Uptime, 30 days", true)
            + heading("Services", true) + heading("Assured in 3 months", true)
            + "</tr></thead><tbody>\n" + rows + "</tbody></table></div>";
    return page("ORUK feeds dashboard", "<h1>ORUK feeds dashboard</h1>"
        + "<p>Every feed of the register as the hub last checked it. The parity verdict is the official one; the"
        + " strict verdict also counts what the standard recommends. Uptime is the share of the hub's checks in"
        + " the last 30 days that reached the feed.</p>" + table, true);
  }

  private String feedPage(String name) {
    FeedSummary feed = summary(name);
    List<FeedRun> runs = store.history(name);
    List<FeedRun> shown = runs.subList(Math.max(0, runs.size() - HISTORY_RUNS), runs.size());
    List<@Nullable FeedStatus> statuses = new ArrayList<>();
    for (int i = runs.size() - shown.size(); i < runs.size(); i++) {
      statuses.add(FeedStatus.after(runs.subList(0, i + 1)));
    }
    StringBuilder body = new StringBuilder();
    body.append("<p><a href=\"./\">All feeds</a></p><h1>").append(e(name)).append("</h1>");
    Optional<FeedEntry> entry = store.feed(name);
    body.append("<dl><dt>Publisher</dt><dd>").append(feed.publisher() == null ? "not given" : e(feed.publisher()))
        .append("</dd><dt>Address</dt><dd>").append(entry.map(f -> e(f.url())).orElse("unknown"))
        .append("</dd><dt>Status</dt><dd class=\"parity\">").append(badge(feed.status()))
        .append("</dd><dt>Strict verdict</dt><dd>").append(verdict(feed.strict())).append("</dd></dl>");

    body.append("<h2>Availability</h2>").append(availability(feed, runs));
    body.append("<h2>Verdict history</h2>");
    if (shown.isEmpty()) {
      body.append("<p>Not checked yet.</p>");
    } else {
      body.append(chart(shown, statuses)).append(historyTable(shown, statuses));
    }
    body.append("<h2>Top findings</h2>").append(findings(runs));
    return page(name + " — ORUK feeds dashboard", body.toString(), false);
  }

  private String availability(FeedSummary feed, List<FeedRun> runs) {
    Monitoring monitoring = null;
    Instant lastReached = null;
    for (FeedRun run : runs) {
      Monitoring seen = run.monitoring();
      if (seen != null) {
        monitoring = seen;
        if (seen.reachable()) {
          lastReached = run.refresh().finishedAt();
        }
      }
    }
    if (monitoring == null) {
      return "<p>No monitored runs yet.</p>";
    }
    Duration p50 = monitoring.p50();
    Duration p95 = monitoring.p95();
    return "<dl><dt>Uptime, last 30 days</dt><dd id=\"uptime\">" + percent(feed.uptime()) + "</dd>"
        + "<dt>Last reached</dt><dd>" + time(lastReached) + "</dd>"
        + "<dt>Latest response times</dt><dd>" + (p50 == null || p95 == null ? "no answers"
            : "median " + p50.toMillis() + " ms, 95th percentile " + p95.toMillis()
                + " ms over " + monitoring.requests() + " requests") + "</dd></dl>";
  }

  /** The status of each run as a point: higher is better; unreachable at the bottom. */
  private static String chart(List<FeedRun> runs, List<@Nullable FeedStatus> statuses) {
    int step = 24;
    int left = 130;
    int width = left + step * runs.size() + 10;
    int height = 110;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"chart\" id=\"history-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
        .append(height).append("\" role=\"img\" aria-labelledby=\"chart-title\"><title id=\"chart-title\">Status of"
            + " the latest ").append(runs.size()).append(" runs, oldest first (the table below has the numbers)"
            + "</title>");
    FeedStatus[] levels = FeedStatus.values();
    for (FeedStatus level : levels) {
      int y = y(level);
      svg.append("<line x1=\"").append(left - 5).append("\" x2=\"").append(width).append("\" y1=\"").append(y)
          .append("\" y2=\"").append(y).append("\" stroke=\"#ddd\"/><text x=\"").append(left - 10).append("\" y=\"")
          .append(y + 4).append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#1a1a1a\">")
          .append(level.label().replace('-', ' ')).append("</text>");
    }
    StringBuilder line = new StringBuilder();
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < runs.size(); i++) {
      FeedStatus status = statuses.get(i);
      if (status == null) {
        continue;
      }
      int x = left + step * i + step / 2;
      line.append(x).append(',').append(y(status)).append(' ');
      points.append("<circle class=\"run\" cx=\"").append(x).append("\" cy=\"").append(y(status))
          .append("\" r=\"6\" fill=\"").append(Badges.colour(status)).append("\" stroke=\"#1a1a1a\"><title>Run ")
          .append(runs.get(i).refresh().id()).append(", ").append(time(runs.get(i).refresh().startedAt()))
          .append(": ").append(status.label().replace('-', ' ')).append("</title></circle>");
    }
    if (!line.isEmpty()) {
      svg.append("<polyline fill=\"none\" stroke=\"#888\" stroke-width=\"2\" points=\"").append(line.toString().strip())
          .append("\"/>");
    }
    return svg.append(points).append("</svg>").toString();
  }

  private static int y(FeedStatus status) {
    return 15 + status.ordinal() * 25;
  }

  private static String historyTable(List<FeedRun> runs, List<@Nullable FeedStatus> statuses) {
    StringBuilder rows = new StringBuilder();
    for (int i = runs.size() - 1; i >= 0; i--) {
      FeedRun run = runs.get(i);
      FeedRefresh refresh = run.refresh();
      Monitoring monitoring = run.monitoring();
      FeedStatus status = statuses.get(i);
      rows.append("<tr><td>").append(time(refresh.startedAt())).append("</td><td>")
          .append(status == null ? "not checked" : status.label().replace('-', ' ')).append("</td><td class=\"n\">")
          .append(refresh.parity() == null ? "–" : refresh.parity().errors()).append("</td><td class=\"n\">")
          .append(refresh.parity() == null ? "–" : refresh.parity().warnings()).append("</td><td>")
          .append(verdict(refresh.strict() == null ? null : refresh.strict().verdict())).append("</td><td>")
          .append(monitoring == null ? "–" : monitoring.reachable() ? "yes" : "no").append("</td><td class=\"n\">")
          .append(monitoring == null || monitoring.p50() == null ? "–" : monitoring.p50().toMillis() + " ms")
          .append("</td><td class=\"n\">").append(refresh.counts().listed()).append("</td></tr>\n");
    }
    return "<div class=\"scroll\"><table id=\"history\"><caption>Runs, newest first</caption><thead><tr>"
        + "<th scope=\"col\">Started</th><th scope=\"col\">Status</th><th scope=\"col\" class=\"n\">Errors</th>"
        + "<th scope=\"col\" class=\"n\">Warnings</th><th scope=\"col\">Strict verdict</th>"
        + "<th scope=\"col\">Reachable</th><th scope=\"col\" class=\"n\">Median response</th>"
        + "<th scope=\"col\" class=\"n\">Records listed</th></tr></thead><tbody>\n" + rows + "</tbody></table></div>";
  }

  /** The latest run's top findings that has any, each with the registry's title and fix. */
  private static String findings(List<FeedRun> runs) {
    List<Monitoring.FindingCount> top = List.of();
    FeedRun from = null;
    for (FeedRun run : runs) {
      if (run.monitoring() != null && !run.monitoring().topFindings().isEmpty()) {
        top = run.monitoring().topFindings();
        from = run;
      }
    }
    if (from == null) {
      return "<p>No findings.</p>";
    }
    StringBuilder list = new StringBuilder("<p>From the check of " + time(from.refresh().startedAt())
        + ", most frequent first.</p><ol id=\"findings\">");
    for (Monitoring.FindingCount finding : top) {
      Optional<DiagnosticCode> code = DiagnosticCodes.find(finding.code());
      list.append("<li><p><strong>").append(e(code.map(DiagnosticCode::title).orElse(finding.code())))
          .append("</strong> <span class=\"muted\">(").append(e(finding.code())).append(", ")
          .append(e(finding.severity().toLowerCase(Locale.ROOT))).append(", ").append(finding.count())
          .append(finding.count() == 1 ? " time" : " times").append(")</span></p><p>How to fix: ")
          .append(e(code.map(DiagnosticCode::fix).orElse("see the validator's report for this code"))).append("</p></li>");
    }
    return list.append("</ol>").toString();
  }

  // ------------------------------------------------------------------------------------------------ pieces

  private static String page(String title, String body, boolean script) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + e(title) + "</title>"
        + "<style>" + STYLE + "</style></head><body><main>" + body + "</main>"
        + (script ? "<script>" + SCRIPT + "</script>" : "") + "</body></html>\n";
  }

  private static Answer html(String page) {
    return Html.page(page, POLICY);
  }

  private static String heading(String text, boolean numeric) {
    return "<th scope=\"col\"" + (numeric ? " class=\"n\"" : "") + "><button type=\"button\">" + text
        + "</button></th>";
  }

  private static String cell(String sort, String html) {
    return "<td data-sort=\"" + e(sort) + "\">" + html + "</td>";
  }

  private static String number(double sort, String text) {
    return "<td class=\"n\" data-sort=\"" + sort + "\">" + text + "</td>";
  }

  private static String badge(@Nullable FeedStatus status) {
    return "<span class=\"badge\" data-status=\"" + (status == null ? "not-checked" : status.label()) + "\">"
        + Badges.svg(status) + "</span>";
  }

  private static String verdict(@Nullable String verdict) {
    return verdict == null ? "<span class=\"muted\">none yet</span>"
        : e(verdict.toLowerCase(Locale.ROOT).replace('_', ' '));
  }

  private static String percent(@Nullable Double share) {
    return share == null ? "–" : String.format(Locale.ROOT, "%.0f %%", share * 100);
  }

  private static String time(@Nullable Instant instant) {
    return instant == null ? "never" : TIME.format(instant);
  }

  private static String e(String text) {
    return Html.escape(text);
  }
}
