package io.github.oruk.hub.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.hub.report.ReportFigures.AreaCount;
import io.github.oruk.hub.report.ReportFigures.Duplicates;
import io.github.oruk.hub.report.ReportFigures.Gap;
import io.github.oruk.hub.report.ReportFigures.SourcePair;
import io.github.oruk.hub.report.ReportFigures.TypeCount;
import io.github.oruk.hub.report.ReportFigures.WeekCount;
import io.github.oruk.hub.page.Html;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.server.PathHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The management report as one server-rendered HTML page: services by service type, by town and by postcode
 * district, coverage gaps, freshness, richness, duplicates and change over time ({@link ReportFigures} says what
 * each counts). Every chart is inline SVG with its numbers beside it as a table and as CSV and JSON downloads.
 *
 * <p>Served by {@code oruk hub serve} at {@code /report/}, from the hub's store:
 *
 * <pre>{@code
 * OrukApi api = OrukApi.builder(directory).path("report", new ManagementReport(store)).build();
 * }</pre>
 *
 * <p>{@code /report/} is the page; {@code /report/NAME.csv} and {@code /report/NAME.json} each table (the page
 * links them); {@code /report/figures.json} all the figures at once. The figures are computed again when the store
 * has changed (a refresh ended, a curator decided) or the day has. {@link #page(ReportFigures)} writes the same
 * page as one self-contained file, its downloads as {@code data:} addresses, for {@code oruk report}.
 *
 * <p>As on the dashboard, the page needs nothing from outside (no script at all) and its {@code
 * Content-Security-Policy} allows only its own inline style, so feed text, which is always escaped, could not
 * run even if it were not; CSV cells that a spreadsheet would take for formulas are defused ({@link Dataset#csv}).
 */
public final class ManagementReport implements PathHandler {

  /** The most rows a chart draws; its table, CSV and JSON have them all. */
  static final int CHART_ROWS = 25;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
  private static final ObjectMapper FIGURES = new ObjectMapper();
  private static final List<String> SERIES_COLOURS = List.of("#0b4f9c", "#8a4b00", "#b3261e", "#2e6b30");

  private static final String STYLE = """
      body{font-family:system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:72rem;color:#1a1a1a;\
      background:#fff;line-height:1.4;overflow-wrap:break-word}
      a{color:#0b4f9c}
      a:focus,summary:focus{outline:3px solid #1a1a1a;outline-offset:2px}
      table{border-collapse:collapse;width:100%;margin:.5rem 0}
      caption{text-align:left;font-weight:bold}
      th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #ccc;vertical-align:top}
      td.n,th.n{text-align:right}
      .scroll{overflow-x:auto;max-width:100%}
      .muted{color:#555}
      svg.chart{max-width:100%;height:auto;display:block}
      dl.figures{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}
      dl.figures dt{font-weight:bold}dl.figures dd{margin:0}
      section{margin-top:2rem}
      nav ul{padding-left:1.2rem}
      """;

  private static final String POLICY = "default-src 'none'; style-src " + Html.hashSource(STYLE)
      + "; img-src data:; base-uri 'none'; form-action 'none'";

  private final HubStore store;
  private final Clock clock;
  private volatile @Nullable Cached cached;

  private record Cached(String stamp, LocalDate day, ReportFigures figures) {
  }

  /** The report of this store, dated now (UTC). */
  public ManagementReport(HubStore store) {
    this(store, Clock.systemUTC());
  }

  /** The report of this store, dated by this clock. */
  public ManagementReport(HubStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The store's figures now: computed again only when the store or the day changed since the last call. */
  public ReportFigures figures() {
    String stamp = store.refreshStamp();
    LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    Cached last = cached;
    if (last != null && last.stamp().equals(stamp) && last.day().equals(day)) {
      return last.figures();
    }
    ReportFigures figures = ReportFigures.of(store, clock);
    cached = new Cached(stamp, day, figures);
    return figures;
  }

  /** A folder: {@code /report} is redirected to {@code /report/}, as its download links are relative. */
  @Override
  public boolean folder() {
    return true;
  }

  @Override
  public Optional<Answer> answer(List<String> segments) {
    if (segments.isEmpty()) {
      return Optional.of(Html.page(render(figures(), false), POLICY));
    }
    if (segments.size() != 1) {
      return Optional.empty();
    }
    String file = segments.get(0);
    if (file.equals("figures.json")) {
      return Optional.of(download("application/json; charset=utf-8", file, json(figures())));
    }
    int dot = file.lastIndexOf('.');
    String name = dot < 0 ? file : file.substring(0, dot);
    String extension = dot < 0 ? "" : file.substring(dot + 1);
    if (!extension.equals("csv") && !extension.equals("json")) {
      return Optional.empty();
    }
    return datasets(figures()).stream().filter(d -> d.name().equals(name)).findFirst().map(d -> extension.equals("csv")
        ? download("text/csv; charset=utf-8", file, d.csv())
        : download("application/json; charset=utf-8", file, d.json()));
  }

  /**
   * The report of these figures as one self-contained HTML page: the same as {@code /report/} serves, with its
   * downloads as {@code data:} addresses, so that the file can be mailed or archived and opened offline.
   */
  public static String page(ReportFigures figures) {
    return render(figures, true);
  }

  /**
   * All the figures as JSON, as {@code /report/figures.json} serves them: an object with the properties of {@link
   * ReportFigures} in snake case ({@code by_type}, {@code without_type}, ...), times and dates in ISO 8601, and
   * {@code changes} null for a single source.
   */
  public static String json(ReportFigures figures) {
    ObjectNode root = FIGURES.createObjectNode();
    root.put("source", figures.source());
    root.put("made_at", figures.madeAt().toString());
    root.put("services", figures.services());
    ArrayNode types = root.putArray("by_type");
    figures.byType().forEach(type -> types.addObject().put("type", type.type()).put("vocabulary", type.vocabulary())
        .put("services", type.services()));
    root.put("without_type", figures.withoutType());
    areas(root.putArray("by_town"), figures.byTown());
    root.put("without_town", figures.withoutTown());
    areas(root.putArray("by_postcode_district"), figures.byPostcodeDistrict());
    root.put("without_postcode", figures.withoutPostcode());
    ArrayNode gaps = root.putArray("gaps");
    for (Gap gap : figures.gaps()) {
      ArrayNode missing = gaps.addObject().put("town", gap.town()).putArray("missing");
      gap.missing().forEach(type -> missing.addObject().put("type", type.type()).put("vocabulary", type.vocabulary()));
    }
    ObjectNode freshness = root.putObject("freshness");
    figures.freshness().forEach(freshness::put);
    root.put("mean_richness", figures.meanRichness());
    ArrayNode richness = root.putArray("richness");
    figures.richness().forEach(richness::add);
    ObjectNode weakest = root.putObject("weakest_features");
    figures.weakestFeatures().forEach(weakest::put);
    Duplicates duplicates = figures.duplicates();
    ObjectNode found = root.putObject("duplicates").put("basis", duplicates.basis())
        .put("records", duplicates.records()).put("services", duplicates.services())
        .put("duplicated", duplicates.duplicated()).put("across_sources", duplicates.acrossSources())
        .put("review", duplicates.review());
    ArrayNode pairs = found.putArray("pairs");
    duplicates.pairs().forEach(pair -> pairs.addObject().put("a", pair.a()).put("b", pair.b())
        .put("services", pair.services()));
    if (figures.changes() == null) {
      root.putNull("changes");
    } else {
      ArrayNode changes = root.putArray("changes");
      figures.changes().forEach(week -> changes.addObject().put("week_starting", week.weekStarting().toString())
          .put("added", week.added()).put("changed", week.changed()).put("withdrawn", week.withdrawn())
          .put("returned", week.returned()));
    }
    try {
      return FIGURES.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always writes", e);
    }
  }

  private static void areas(ArrayNode array, List<AreaCount> areas) {
    areas.forEach(area -> array.addObject().put("area", area.area()).put("services", area.services()));
  }

  // ------------------------------------------------------------------------------------------------ datasets

  static List<Dataset> datasets(ReportFigures figures) {
    List<Dataset> sets = new ArrayList<>();
    List<List<@Nullable Object>> rows = new ArrayList<>();
    for (TypeCount type : figures.byType()) {
      rows.add(Arrays.asList(type.type(), type.vocabulary(), type.services()));
    }
    if (figures.withoutType() > 0) {
      rows.add(Arrays.asList(null, null, figures.withoutType()));
    }
    sets.add(new Dataset("services-by-type", "Services by service type", List.of("service_type", "vocabulary",
        "services"), List.of("Service type", "Vocabulary", "Services"), rows));
    sets.add(areas("services-by-town", "Services by town", "town", "Town", figures.byTown(), figures.withoutTown()));
    sets.add(areas("services-by-postcode-district", "Services by postcode district", "postcode_district",
        "Postcode district", figures.byPostcodeDistrict(), figures.withoutPostcode()));

    rows = new ArrayList<>();
    List<List<@Nullable Object>> every = new ArrayList<>();
    for (Gap gap : figures.gaps()) {
      rows.add(Arrays.asList(gap.town(), gap.missing().size()));
      for (TypeCount type : gap.missing()) {
        every.add(Arrays.asList(gap.town(), type.type(), type.vocabulary()));
      }
    }
    sets.add(new Dataset("coverage-gaps-by-town", "Service types with no service, per town", List.of("town",
        "service_types_missing"), List.of("Town", "Service types with no service there"), rows));
    sets.add(new Dataset("coverage-gaps", "Every coverage gap: a town and a service type no service there has",
        List.of("town", "service_type", "vocabulary"), List.of("Town", "Service type", "Vocabulary"), every));

    rows = new ArrayList<>();
    for (Map.Entry<String, Integer> band : figures.freshness().entrySet()) {
      rows.add(Arrays.asList(band.getKey(), band.getValue()));
    }
    sets.add(new Dataset("freshness", "Services by when they were last assured", List.of("last_assured", "services"),
        List.of("Last assured", "Services"), rows));

    rows = new ArrayList<>();
    for (int i = 0; i < figures.richness().size(); i++) {
      rows.add(Arrays.asList(i * 10 + "–" + (i == 9 ? 100 : i * 10 + 9), figures.richness().get(i)));
    }
    sets.add(new Dataset("richness", "Services by richness score", List.of("richness", "services"),
        List.of("Richness score", "Services"), rows));
    rows = new ArrayList<>();
    for (Map.Entry<String, Integer> feature : figures.weakestFeatures().entrySet()) {
      rows.add(Arrays.asList(feature.getKey().replace('_', ' '), feature.getValue()));
    }
    sets.add(new Dataset("missing-features", "What services most often lack", List.of("feature", "services_lacking"),
        List.of("Feature", "Services lacking it"), rows));

    rows = new ArrayList<>();
    for (SourcePair pair : figures.duplicates().pairs()) {
      rows.add(Arrays.asList(pair.a(), pair.b(), pair.services()));
    }
    sets.add(new Dataset("duplicates", "Services described by two feeds", List.of("feed_a", "feed_b", "services"),
        List.of("Feed", "And feed", "Services in both"), rows));

    if (figures.changes() != null) {
      rows = new ArrayList<>();
      for (WeekCount week : figures.changes()) {
        rows.add(Arrays.asList(week.weekStarting().toString(), week.added(), week.changed(), week.withdrawn(),
            week.returned()));
      }
      sets.add(new Dataset("changes-by-week", "Changes to records, per week", List.of("week_starting", "added",
          "changed", "withdrawn", "returned"), List.of("Week starting", "Added", "Changed", "Withdrawn",
          "Returned"), rows));
    }
    return sets;
  }

  private static Dataset areas(String name, String caption, String column, String heading, List<AreaCount> areas,
      int without) {
    List<List<@Nullable Object>> rows = new ArrayList<>();
    for (AreaCount area : areas) {
      rows.add(Arrays.asList(area.area(), area.services()));
    }
    if (without > 0) {
      rows.add(Arrays.asList(null, without));
    }
    return new Dataset(name, caption, List.of(column, "services"), List.of(heading, "Services"), rows);
  }

  // ------------------------------------------------------------------------------------------------ the page

  private static String render(ReportFigures figures, boolean selfContained) {
    Map<String, Dataset> sets = new LinkedHashMap<>();
    datasets(figures).forEach(set -> sets.put(set.name(), set));
    Links links = new Links(selfContained);
    StringBuilder body = new StringBuilder();
    body.append("<h1>Management report: local services</h1><p>Made from ").append(e(figures.source()))
        .append(" on ").append(TIME.format(figures.madeAt())).append(".</p>");
    body.append("<nav aria-labelledby=\"contents\"><h2 id=\"contents\">Contents</h2><ul>")
        .append(item("summary", "Summary")).append(item("types", "Services by service type"))
        .append(item("towns", "Services by town")).append(item("districts", "Services by postcode district"))
        .append(item("gaps", "Coverage gaps")).append(item("freshness", "Freshness"))
        .append(item("richness", "Richness")).append(item("duplicates", "Duplicates"))
        .append(item("changes", "Change over time")).append("</ul></nav>");

    Duplicates duplicates = figures.duplicates();
    body.append(section("summary", "Summary")).append("<dl class=\"figures\" id=\"summary-figures\">")
        .append(figure("Services", figures.services()))
        .append(figure("Service types", figures.byType().size()))
        .append(figure("Towns", figures.byTown().size()))
        .append(figure("Postcode districts", figures.byPostcodeDistrict().size()))
        .append(figure("Services with no service type", figures.withoutType()))
        .append(figure("Services with no town", figures.withoutTown()))
        .append(figure("Mean richness (0 to 100)", String.format(Locale.UK, "%.0f", figures.meanRichness())))
        .append(figure("Assured within 3 months", figures.freshness().getOrDefault("within 3 months", 0)))
        .append("</dl><p>The hub counts services, not records: a service two feeds describe counts once.</p>"
            + "<p>")
        .append(links.download("figures.json",
            "All the figures (JSON)", "application/json", json(figures)))
        .append("</p></section>");

    body.append(section("types", "Services by service type"))
        .append("<p>Each taxonomy term on a service's attributes, with its vocabulary. A service with several terms"
            + " counts under each.</p>")
        .append(chartAndTable(sets.get("services-by-type"), 0, new int[] {2}, links, "No service type given"))
        .append("</section>");
    body.append(section("towns", "Services by town"))
        .append("<p>The town (<code>city</code>) of the addresses of each service's locations. A service in several"
            + " towns counts in each.</p>")
        .append(chartAndTable(sets.get("services-by-town"), 0, new int[] {1}, links, "No town given"))
        .append("</section>");
    body.append(section("districts", "Services by postcode district"))
        .append("<p>The outward code of each location's postcode (LS1 of LS1 4AP).</p>")
        .append(chartAndTable(sets.get("services-by-postcode-district"), 0, new int[] {1}, links,
            "No valid postcode given"))
        .append("</section>");

    body.append(section("gaps", "Coverage gaps"))
        .append("<p>For each town, the service types (of those found anywhere) that no service in the town has.</p>");
    Dataset every = sets.get("coverage-gaps");
    if (every == null || figures.gaps().isEmpty() || figures.byType().isEmpty()) {
      body.append("<p>No gaps can be told: the services give ").append(figures.byType().isEmpty()
          ? "no service types" : "no towns").append(".</p>");
    } else {
      body.append(chartAndTable(sets.get("coverage-gaps-by-town"), 0, new int[] {1}, links, ""))
          .append("<details><summary>Every gap (").append(every.rows().size()).append(")</summary>")
          .append(table(every, "")).append("</details>").append(downloads(every, links));
    }
    body.append("</section>");

    body.append(section("freshness", "Freshness"))
        .append("<p>When each service's information was last checked (<code>assured_date</code>). ORUK asks for"
            + " every 3 months.</p>")
        .append(chartAndTable(sets.get("freshness"), 0, new int[] {1}, links, "")).append("</section>");
    body.append(section("richness", "Richness"))
        .append("<p>How complete each service is, from 0 to 100: the validator's richness score, which weighs what"
            + " people need to decide to go and get there (a description, contacts, an address, opening times, a"
            + " service type, ...). Mean: ").append(String.format(Locale.UK, "%.0f", figures.meanRichness()))
        .append(".</p>").append(chartAndTable(sets.get("richness"), 0, new int[] {1}, links, ""))
        .append(chartAndTable(sets.get("missing-features"), 0, new int[] {1}, links, "")).append("</section>");

    body.append(section("duplicates", "Duplicates")).append("<p>").append(e(duplicates.basis())).append("</p>")
        .append("<dl class=\"figures\" id=\"duplicate-figures\">")
        .append(figure("Records", duplicates.records()))
        .append(figure("Services they make", duplicates.services()))
        .append(figure("Services described by more than one record", duplicates.duplicated()))
        .append(figure("Of which by more than one feed", duplicates.acrossSources()))
        .append(figure("Pairs waiting for a curator", duplicates.review())).append("</dl>");
    if (!duplicates.pairs().isEmpty()) {
      body.append(chartAndTable(sets.get("duplicates"), 0, new int[] {2}, links, ""));
    }
    body.append("</section>");

    body.append(section("changes", "Change over time"));
    Dataset changes = sets.get("changes-by-week");
    if (changes == null) {
      body.append("<p id=\"no-history\">Not available: ").append(e(figures.source())).append(" is a single source"
          + " read once, which has no history. Register its feed with a hub (<code>oruk hub run --feeds"
          + " FEEDS.yaml</code>) and make the report from the hub's store (<code>oruk report --db ...</code>) to see"
          + " records added, changed, withdrawn and returned week by week.</p>");
    } else if (changes.rows().isEmpty()) {
      body.append("<p>No changes yet: the hub has not read any record.</p>");
    } else {
      body.append("<p>What the hub's refreshes saw happen to records, per week (weeks start on Monday). The first"
          + " refresh of a feed adds all its records.</p>")
          .append(chartAndTable(changes, 0, new int[] {1, 2, 3, 4}, links, ""));
    }
    body.append("</section>");
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + POLICY + "\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>Management report: local services</title><style>" + STYLE + "</style></head><body><main>"
        + body + "</main></body></html>\n";
  }

  /** Where the downloads are: served beside the page, or inside it as {@code data:} addresses. */
  private record Links(boolean selfContained) {
    String download(String file, String text, String type, String content) {
      String href = selfContained ? "data:" + type + ";charset=utf-8;base64,"
          + Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)) : file; // relative: the report is a folder, /report redirected to /report/
      return "<a href=\"" + href + "\" download=\"" + file + "\">" + text + "</a>";
    }
  }

  private static String downloads(Dataset set, Links links) {
    return "<p class=\"downloads\">Download " + e(set.caption().toLowerCase(Locale.UK).charAt(0)
        + set.caption().substring(1)) + ": " + links.download(set.name() + ".csv", "CSV", "text/csv", set.csv())
        + ", " + links.download(set.name() + ".json", "JSON", "application/json", set.json()) + "</p>";
  }

  private static String chartAndTable(@Nullable Dataset set, int labelColumn, int[] valueColumns, Links links,
      String missingLabel) {
    if (set == null) {
      return "";
    }
    if (set.rows().isEmpty()) {
      return "<p>" + e(set.caption()) + ": none.</p>";
    }
    return chart(set, labelColumn, valueColumns, missingLabel) + table(set, missingLabel) + downloads(set, links);
  }

  /** Horizontal bars, one a row (stacked when there are several value columns), at most {@link #CHART_ROWS}. */
  private static String chart(Dataset set, int labelColumn, int[] valueColumns, String missingLabel) {
    List<List<@Nullable Object>> rows = set.rows().subList(0, Math.min(CHART_ROWS, set.rows().size()));
    int max = 1;
    for (List<@Nullable Object> row : rows) {
      int sum = 0;
      for (int column : valueColumns) {
        sum += (Integer) row.get(column);
      }
      max = Math.max(max, sum);
    }
    int left = 210;
    int barWidth = 380;
    int rowHeight = 24;
    int top = valueColumns.length > 1 ? 30 : 6;
    int width = left + barWidth + 60;
    int height = top + rowHeight * rows.size() + 6;
    String id = "chart-" + set.name();
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"chart\" id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
        .append(height).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title\"><title id=\"")
        .append(id).append("-title\">").append(e(set.caption()))
        .append(set.rows().size() > rows.size() ? " (the first " + rows.size() + " of " + set.rows().size() + ")" : "")
        .append(": the table below has the numbers</title>");
    if (valueColumns.length > 1) {
      for (int s = 0; s < valueColumns.length; s++) {
        int x = left + s * 95;
        svg.append("<rect x=\"").append(x).append("\" y=\"8\" width=\"12\" height=\"12\" fill=\"")
            .append(SERIES_COLOURS.get(s)).append("\"/><text x=\"").append(x + 16).append("\" y=\"18\" font-size=\"12\""
                + " fill=\"#1a1a1a\">").append(e(set.headings().get(valueColumns[s]))).append("</text>");
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      List<@Nullable Object> row = rows.get(r);
      int y = top + r * rowHeight;
      Object label = row.get(labelColumn);
      svg.append("<text x=\"").append(left - 8).append("\" y=\"").append(y + 16)
          .append("\" font-size=\"12\" text-anchor=\"end\" fill=\"#1a1a1a\">")
          .append(e(shorten(label == null ? missingLabel : label.toString()))).append("</text>");
      int x = left;
      int sum = 0;
      for (int s = 0; s < valueColumns.length; s++) {
        int value = (Integer) row.get(valueColumns[s]);
        int length = (int) Math.round((double) value * barWidth / max);
        if (length > 0) {
          svg.append("<rect class=\"bar\" x=\"").append(x).append("\" y=\"").append(y + 4).append("\" width=\"")
              .append(length).append("\" height=\"").append(rowHeight - 8).append("\" fill=\"")
              .append(SERIES_COLOURS.get(s)).append("\"/>");
        }
        x += length;
        sum += value;
      }
      svg.append("<text x=\"").append(x + 6).append("\" y=\"").append(y + 16)
          .append("\" font-size=\"12\" fill=\"#1a1a1a\">").append(sum).append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  private static String shorten(String label) {
    return label.length() <= 28 ? label : label.substring(0, 27) + "…";
  }

  private static String table(Dataset set, String missingLabel) {
    StringBuilder html = new StringBuilder("<div class=\"scroll\"><table id=\"table-").append(set.name())
        .append("\"><caption>").append(e(set.caption())).append("</caption><thead><tr>");
    List<@Nullable Object> first = set.rows().isEmpty() ? List.of() : set.rows().get(0);
    for (int i = 0; i < set.headings().size(); i++) {
      boolean numeric = i < first.size() && first.get(i) instanceof Integer;
      html.append("<th scope=\"col\"").append(numeric ? " class=\"n\"" : "").append(">")
          .append(e(set.headings().get(i))).append("</th>");
    }
    html.append("</tr></thead><tbody>\n");
    for (List<@Nullable Object> row : set.rows()) {
      html.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        Object cell = row.get(i);
        String tag = i == 0 ? "th scope=\"row\"" : "td";
        if (cell instanceof Integer number) {
          html.append('<').append(tag).append(" class=\"n\">").append(String.format(Locale.UK, "%,d", number));
        } else if (cell == null) {
          html.append('<').append(tag).append(" class=\"muted\">").append(i == 0 ? e(missingLabel) : "not given");
        } else {
          html.append('<').append(tag).append('>').append(e(cell.toString()));
        }
        html.append("</").append(i == 0 ? "th" : "td").append('>');
      }
      html.append("</tr>\n");
    }
    return html.append("</tbody></table></div>").toString();
  }

  private static String section(String id, String title) {
    return "<section aria-labelledby=\"" + id + "\"><h2 id=\"" + id + "\">" + title + "</h2>";
  }

  private static String item(String id, String title) {
    return "<li><a href=\"#" + id + "\">" + title + "</a></li>";
  }

  private static String figure(String term, Object value) {
    return "<dt>" + term + "</dt><dd>" + (value instanceof Integer number ? String.format(Locale.UK, "%,d", number)
        : e(value.toString())) + "</dd>";
  }

  private static Answer answer(String type, String content) {
    return new Answer(type, Map.of("Cache-Control", "no-cache", "Content-Security-Policy", POLICY),
        content.getBytes(StandardCharsets.UTF_8));
  }

  private static Answer download(String type, String file, String content) {
    return new Answer(type, Map.of("Cache-Control", "no-cache", "Content-Disposition", "attachment; filename=\""
        + file + "\"", "X-Content-Type-Options", "nosniff"), content.getBytes(StandardCharsets.UTF_8));
  }

  /** Text for HTML, in an element or an attribute. */
  static String e(String text) {
    return Html.escape(text);
  }
}
