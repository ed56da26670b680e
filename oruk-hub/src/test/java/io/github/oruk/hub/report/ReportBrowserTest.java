package io.github.oruk.hub.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.hub.Hub;
import io.github.oruk.hub.browser.Accessibility;
import io.github.oruk.hub.browser.BrowserSession;
import io.github.oruk.hub.publish.HubDirectory;
import io.github.oruk.hub.register.FeedEntry;
import io.github.oruk.hub.register.Register;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.testkit.generate.DataGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The management report in a real browser (headless Chromium), from a hub store of two feeds refreshed twice:
 * its tables hold the counts the test makes from the services it wrote (each service once, though five are in
 * both feeds), a CSV download holds what its table shows, hostile feed text is shown as text, and the page passes
 * the accessibility check. Screenshots go to target/screenshots/.
 */
class ReportBrowserTest {

  private static final OrukJson JSON = OrukJson.lenient();
  private static final Path SHOTS = Path.of("target", "screenshots");
  private static final String HOSTILE_TYPE = "<script>document.title='pwned'</script>\"Help\" & <b>advice</b>";
  private static final String HOSTILE_TOWN = "<img src=x onerror=\"document.title='pwned'\">Town";

  @TempDir
  Path folder;

  @Test
  void reportShowsTheStoresCountsAsTablesChartsAndDownloads() throws Exception {
    DataGenerator generator = DataGenerator.builder().seed(9).asOf(LocalDate.now(ZoneOffset.UTC)).build();
    // North has generated services 0-9 and a hostile one, south 5-14: 5 services in both feeds.
    List<Service> north = new ArrayList<>(IntStream.range(0, 10).mapToObj(generator::service).toList());
    north.add(hostile());
    List<Service> south = new ArrayList<>(IntStream.range(5, 15).mapToObj(generator::service).toList());
    Path northFile = write("north.ndjson", north);
    Path southFile = write("south.ndjson", south);
    Register register = Register.builder().feed(FeedEntry.of("north", northFile.toString()))
        .feed(FeedEntry.of("south", southFile.toString())).build();

    try (HubStore store = HubStore.openFolder(folder.resolve("db"));
        OrukHttpServer server = OrukHttpServer.builder(OrukApi.builder(HubDirectory.builder(store).build())
            .path("report", new ManagementReport(store)).build()).host("127.0.0.1").port(0)
            .shutdownGrace(Duration.ZERO).start();
        BrowserSession browser = BrowserSession.start()) {
      refresh(register, store);
      // The second run: south withdraws service 14 and changes service 13.
      south.remove(south.size() - 1);
      south.get(south.size() - 1).setDescription("Now also on Saturdays.");
      write("south.ndjson", south);
      refresh(register, store);

      List<Service> unique = new ArrayList<>(IntStream.range(0, 14).mapToObj(generator::service).toList());
      unique.add(hostile());
      ChromeDriver page = browser.driver();
      page.get(server.uri().resolve("/report").toString()); // redirected to /report/: its links are relative
      browser.screenshot(SHOTS.resolve("report.png"));
      Accessibility.assertAccessible(browser, "the management report", SHOTS.resolve("report.png"));
      page.executeScript("document.getElementById('types').scrollIntoView()");
      browser.screenshot(SHOTS.resolve("report-types.png"));

      assertEquals("Management report: local services", page.getTitle(), "no script from a feed ran");
      assertTrue(page.findElements(By.cssSelector("main b, main img, td script, th script")).isEmpty(),
          "no element from a feed");
      assertEquals(Integer.toString(unique.size()), figure(page, "summary-figures", "Services"),
          "each service once, the five in both feeds merged");

      ModelCounts counted = new ModelCounts(unique);
      Map<String, Integer> types = counted.types;
      Map<String, Integer> towns = counted.towns;
      assertTrue(types.containsKey(HOSTILE_TYPE) && towns.containsKey(HOSTILE_TOWN.toLowerCase(Locale.ROOT)));
      assertEquals(types, counts(table(page, "services-by-type"), 2, false), "services by type");
      assertEquals(towns, counts(table(page, "services-by-town"), 1, true), "services by town");

      assertEquals("5", figure(page, "duplicate-figures", "Of which by more than one feed"));
      assertEquals(List.of(List.of("north", "south", "5")), table(page, "duplicates"));
      String thisWeek = LocalDate.now(ZoneOffset.UTC).with(java.time.DayOfWeek.MONDAY).toString();
      List<List<String>> weeks = table(page, "changes-by-week");
      // Both runs may straddle a Monday at midnight; then the weeks add up to the same.
      assertEquals(List.of(thisWeek, "21", "1", "1", "0"), weeks.get(weeks.size() - 1),
          "11 + 10 records added by the first run, one changed and one withdrawn by the second");

      // The CSV the page links to holds what its table shows.
      WebElement csvLink = page.findElement(By.cssSelector("a[download='services-by-type.csv']"));
      HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(csvLink.getAttribute("href"))).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, csv.statusCode());
      assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
      List<List<String>> fromCsv = parseCsv(csv.body());
      assertEquals(List.of("service_type", "vocabulary", "services"), fromCsv.get(0));
      List<List<String>> shown = table(page, "services-by-type");
      assertEquals(shown.size(), fromCsv.size() - 1);
      for (int i = 0; i < shown.size(); i++) {
        List<String> row = fromCsv.get(i + 1);
        assertEquals(shown.get(i).get(0), row.get(0), "row " + i);
        assertEquals(shown.get(i).get(2).replace(",", ""), row.get(2), "row " + i);
      }
    }
  }

  /** A service whose type and town would run, or break the page, if they were not escaped. */
  private static Service hostile() {
    return JSON.read(("{\"id\": \"hostile\", \"name\": \"Hostile advice\", \"status\": \"active\", \"attributes\":"
        + " [{\"id\": \"hostile-at\", \"taxonomy_term\": {\"id\": \"hostile-term\", \"name\": " + quoted(HOSTILE_TYPE)
        + ", \"taxonomy\": \"esdServiceTypes\"}}], \"service_at_locations\": [{\"id\": \"hostile-sal\", \"location\":"
        + " {\"id\": \"hostile-loc\", \"location_type\": \"physical\", \"addresses\": [{\"id\": \"hostile-ad\","
        + " \"address_1\": \"1 Any Street\", \"city\": " + quoted(HOSTILE_TOWN) + ", \"state_province\": \"Kent\","
        + " \"postal_code\": \"CT1 1AA\", \"country\": \"GB\", \"address_type\": \"physical\"}]}}]}")
        .getBytes(StandardCharsets.UTF_8), Service.class).value();
  }

  /** Label (first cell) to number (the cell at {@code column}), as the table shows them. */
  private static Map<String, Integer> counts(List<List<String>> rows, int column, boolean lowerCase) {
    Map<String, Integer> counts = new HashMap<>();
    for (List<String> row : rows) {
      counts.put(lowerCase ? row.get(0).toLowerCase(Locale.ROOT) : row.get(0),
          Integer.parseInt(row.get(column).replace(",", "")));
    }
    return counts;
  }

  private static List<List<String>> table(ChromeDriver page, String name) {
    List<List<String>> rows = new ArrayList<>();
    for (WebElement row : page.findElements(By.cssSelector("#table-" + name + " tbody tr"))) {
      rows.add(row.findElements(By.cssSelector("th, td")).stream().map(cell -> cell.getAttribute("textContent"))
          .toList());
    }
    return rows;
  }

  private static String figure(ChromeDriver page, String list, String term) {
    return page.findElement(By.xpath("//dl[@id='" + list + "']/dt[.='" + term + "']/following-sibling::dd[1]"))
        .getText();
  }

  /** RFC 4180, as a spreadsheet reads it: quoted fields with doubled quotes, CRLF between records. */
  private static List<List<String>> parseCsv(String csv) {
    List<List<String>> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        fields.add(field.toString());
        field.setLength(0);
        records.add(fields);
        fields = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    return records;
  }

  private static void refresh(Register register, HubStore store) throws InterruptedException {
    try (Hub hub = Hub.builder(register).store(store).build()) {
      hub.refresh();
    }
  }

  private Path write(String name, List<Service> services) throws Exception {
    Path file = folder.resolve(name);
    List<String> lines = new ArrayList<>();
    services.forEach(service -> lines.add(new String(JSON.write(service), StandardCharsets.UTF_8)));
    Files.write(file, lines);
    return file;
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
