package io.github.oruk.hub.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.hub.Hub;
import io.github.oruk.hub.browser.Accessibility;
import io.github.oruk.hub.browser.BrowserSession;
import io.github.oruk.hub.register.FeedEntry;
import io.github.oruk.hub.register.Register;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.hub.store.Monitoring;
import io.github.oruk.model.Service;
import io.github.oruk.model.diagnostic.DiagnosticCodes;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.server.OrukApi;
import io.github.oruk.hub.publish.HubDirectory;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in a real browser (headless Chromium): three feeds after a run in which one is broken (its server
 * gone) and one fails, each with the right badge and numbers, sortable by mouse and keyboard, hostile register
 * text shown as text; a feed's page with its history after two runs. Screenshots go to target/screenshots/.
 */
class DashboardBrowserTest {

  private static final OrukJson JSON = OrukJson.lenient();
  private static final Path SHOTS = Path.of("target", "screenshots");
  /** A publisher name that would run, break out of an attribute or end the cell if it were not escaped. */
  private static final String HOSTILE = "<script>document.title='pwned'</script>\"Good\" & <b>Co</b>";

  @TempDir
  Path folder;

  @Test
  void dashboardListsEveryFeedWithItsBadgeAndAFeedPageShowsItsHistory() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<Service> good = DataGenerator.builder().seed(5).asOf(today).build().services(8).toList();
    long assuredRecently = good.stream().filter(s -> s.getAssuredDate() != null
        && !s.getAssuredDate().isBefore(today.minusMonths(3))).count();
    Path goodFile = folder.resolve("good.ndjson");
    write(goodFile, good.stream().map(s -> new String(JSON.write(s), StandardCharsets.UTF_8)).toList());
    Path thinFile = folder.resolve("thin.ndjson");
    write(thinFile, thin(3));
    Register register = Register.builder()
        .feed(FeedEntry.of("good", goodFile.toString()).withDetails(HOSTILE, null, null, null))
        .feed(FeedEntry.of("thin", thinFile.toString()).withDetails("Thin Borough", null, null, null))
        .feed(FeedEntry.of("gone", "http://127.0.0.1:" + closedPort() + "/")).build();

    try (HubStore store = HubStore.openFolder(folder.resolve("db"));
        OrukHttpServer server = OrukHttpServer.builder(OrukApi.builder(HubDirectory.builder(store).build())
            .path("dashboard", new Dashboard(store)).build()).host("127.0.0.1").port(0)
            .shutdownGrace(Duration.ZERO).start();
        BrowserSession browser = BrowserSession.start()) {
      refresh(register, store);
      ChromeDriver page = browser.driver();
      page.get(server.uri().resolve("/dashboard").toString()); // redirected to /dashboard/: its links are relative
      assertTrue(page.getCurrentUrl().endsWith("/dashboard/"), page.getCurrentUrl());
      browser.screenshot(SHOTS.resolve("dashboard.png"));
      Accessibility.assertAccessible(browser, "the dashboard", SHOTS.resolve("dashboard.png"));

      assertEquals(List.of("gone", "good", "thin"), names(page), "every registered feed, in name order");
      assertFeed(page, "good", "pass", "#2e7d32", "100 %", 8, percent(assuredRecently, 8));
      assertFeed(page, "thin", "fail", "#c62828", "100 %", 3, "0 %");
      assertFeed(page, "gone", "unreachable", "#6e6e6e", "0 %", 0, "–");
      assertEquals(HOSTILE, row(page, "good").findElements(By.tagName("td")).get(0).getText(),
          "the publisher is shown as text");
      assertEquals("ORUK feeds dashboard", page.getTitle(), "no script from the register ran");
      assertTrue(page.findElements(By.cssSelector("td b, td script")).isEmpty(), "no element from the register");

      page.findElement(By.xpath("//th/button[.='Services']")).click();
      assertEquals(List.of("gone", "thin", "good"), names(page), "fewest services first");
      page.findElement(By.xpath("//th/button[.='Services']")).sendKeys(Keys.ENTER);
      assertEquals(List.of("good", "thin", "gone"), names(page), "again, by keyboard: most first");

      // A second run: the good feed now has a service that lacks what the standard requires.
      List<String> worse = new ArrayList<>(Files.readAllLines(goodFile));
      worse.addAll(thin(1));
      write(goodFile, worse);
      refresh(register, store);
      page.findElement(By.linkText("good")).click();
      browser.screenshot(SHOTS.resolve("dashboard-feed.png"));
      Accessibility.assertAccessible(browser, "a feed's page", SHOTS.resolve("dashboard-feed.png"));

      assertTrue(page.getCurrentUrl().endsWith("/dashboard/good"), page.getCurrentUrl());
      page.findElement(By.linkText("All feeds")).sendKeys(Keys.ENTER); // by keyboard, there and back
      assertTrue(page.getCurrentUrl().endsWith("/dashboard/"), page.getCurrentUrl());
      page.findElement(By.linkText("good")).sendKeys(Keys.ENTER);
      List<WebElement> runs = page.findElements(By.cssSelector("#history tbody tr"));
      assertEquals(2, runs.size(), "both runs, newest first");
      assertEquals("fail", runs.get(0).findElements(By.tagName("td")).get(1).getText());
      assertEquals("pass", runs.get(1).findElements(By.tagName("td")).get(1).getText());
      List<WebElement> points = page.findElements(By.cssSelector("#history-chart circle.run"));
      assertEquals(List.of("#2e7d32", "#c62828"), points.stream().map(p -> p.getAttribute("fill")).toList(),
          "the chart: pass, then fail");
      assertEquals("fail", page.findElement(By.cssSelector("dd.parity .badge")).getAttribute("data-status"));
      assertEquals("100 %", page.findElement(By.id("uptime")).getText());

      Monitoring.FindingCount top = store.history("good").get(1).monitoring().topFindings().get(0);
      String first = page.findElement(By.cssSelector("#findings li")).getText();
      assertTrue(first.contains(DiagnosticCodes.require(top.code()).title())
          && first.contains("How to fix: " + DiagnosticCodes.require(top.code()).fix()), first);
      assertTrue(page.findElement(By.tagName("dl")).getText().contains(HOSTILE), "escaped on the feed page too");
      assertFalse(page.getTitle().contains("pwned"));
      page.findElement(By.linkText("All feeds")).click();
      assertEquals("9", row(page, "good").findElements(By.tagName("td")).get(5).getText(),
          "the overview counts the second run's services, not those it counted before it");
    }
  }

  /** One run of every feed; the gone feed's refused connection is not retried. */
  private static void refresh(Register register, HubStore store) throws InterruptedException {
    try (Hub hub = Hub.builder(register).store(store).client(b -> b.maxAttempts(1)).build()) {
      hub.refresh();
    }
  }

  private static void assertFeed(ChromeDriver page, String name, String status, String colour, String uptime,
      int services, String assured) {
    WebElement row = row(page, name);
    List<WebElement> cells = row.findElements(By.tagName("td"));
    WebElement badge = cells.get(1).findElement(By.cssSelector(".badge"));
    assertEquals(status, badge.getAttribute("data-status"), name);
    assertEquals("ORUK 3.0: " + status.replace('-', ' '),
        badge.findElement(By.tagName("svg")).getAttribute("aria-label"), name);
    assertTrue(badge.findElement(By.tagName("svg")).getAttribute("innerHTML").contains("fill=\"" + colour + "\""),
        name + " is drawn in " + colour);
    assertEquals(uptime, cells.get(4).getText(), name + ": uptime");
    assertEquals(Integer.toString(services), cells.get(5).getText(), name + ": services");
    assertEquals(assured, cells.get(6).getText(), name + ": assured in 3 months");
    assertFalse(cells.get(3).getText().equals("never"), name + " was checked");
  }

  private static WebElement row(ChromeDriver page, String name) {
    return page.findElement(By.xpath("//table[@id='feeds']/tbody/tr[th/a='" + name + "']"));
  }

  private static List<String> names(ChromeDriver page) {
    return page.findElements(By.cssSelector("#feeds tbody th a")).stream().map(WebElement::getText).toList();
  }

  private static String percent(long part, int whole) {
    return Math.round(100.0 * part / whole) + " %";
  }

  /** Services with an id and a name only: each lacks what ORUK 3.0 requires of a service. */
  private static List<String> thin(int count) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lines.add("{\"id\": \"thin-" + i + "\", \"name\": \"Thin service " + i + "\"}");
    }
    return lines;
  }

  private static void write(Path file, List<String> lines) throws IOException {
    Files.write(file, lines);
  }

  /** A loopback port nothing listens on (it was free a moment ago). */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
