package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.oruk.validation.feed.FeedProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ValidateCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** A service whose id is not a UUID and whose status is not in the list: it fails the strict profile. */
  private static final String BROKEN_SERVICE = "{\"id\":\"x\",\"name\":\"A\",\"status\":\"open\"}";

  @TempDir
  Path dir;

  /** {@code oruk generate --services N} with the options given, into a folder of its own. */
  private Path generate(int services, String... options) throws Exception {
    Path out = dir.resolve("generated-" + services + String.join("", options));
    List<String> args = new ArrayList<>(List.of("generate", "--services", Integer.toString(services), "--seed", "4",
        "--out", out.toString()));
    args.addAll(List.of(options));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    return out.resolve("services.ndjson");
  }

  private static JsonNode jsonReport(String... args) throws Exception {
    CliRun run = CliRun.of(args);
    return JSON.readTree(run.out());
  }

  @Test
  void servicesGeneratedTodayPassWithoutAWarningToday() throws Exception {
    JsonNode report = jsonReport("validate", "--format", "json", generate(20).toString());

    assertEquals("pass", report.get("verdict").asText());
    assertEquals(0, report.get("totals").get("warning").asInt(), report.get("findings").toString());
    assertEquals(0, report.get("totals").get("error").asInt(), report.get("findings").toString());
  }

  @Test
  void asOfSetsTheDayFreshnessIsJudgedOn() throws Exception {
    Path services = generate(30, "--as-of", "2025-01-01");
    int assured = 0;
    for (String line : Files.readAllLines(services)) {
      assured += JSON.readTree(line).has("assured_date") ? 1 : 0;
    }
    assertTrue(assured > 15, "services with an assured_date: " + assured);

    JsonNode then = jsonReport("validate", "--format", "json", "--as-of", "2025-01-20", services.toString());
    assertEquals("pass", then.get("verdict").asText(), then.get("findings").toString());
    assertEquals(0, then.get("totals").get("warning").asInt());
    assertEquals(LocalDate.of(2025, 1, 20), Instant.parse(then.get("started").asText())
        .atZone(ZoneId.systemDefault()).toLocalDate(), "the report is dated on the as-of day");

    // Generated in the two months before 2025-01-01, every assured date is over three months before June.
    JsonNode june = jsonReport("validate", "--format", "json", "--as-of", "2025-06-01", services.toString());
    assertEquals("pass-with-warnings", june.get("verdict").asText());
    assertEquals(assured, codes(june.get("findings")).stream().filter("ORUK-FRESH-001"::equals).count());

    Path policy = Files.writeString(dir.resolve("policy.yaml"), "extends: strict\nerrors: [ORUK-FRESH-001]\n");
    assertEquals(1, CliRun.of("validate", "--profile", policy.toString(), "--as-of", "2025-06-01",
        services.toString()).exitCode(), "stale services fail under a policy that makes staleness an error");
    assertEquals(0, CliRun.of("validate", "--profile", policy.toString(), "--as-of", "2025-01-20",
        services.toString()).exitCode(), "and pass while they are fresh");

    CliRun badDate = CliRun.of("validate", "--as-of", "2025-02-30", services.toString());
    assertEquals(2, badDate.exitCode());
    assertTrue(badDate.err().contains("'2025-02-30' is not a date"), badDate.err());
  }

  private static List<String> codes(JsonNode findings) {
    return findings.findValuesAsText("code");
  }

  @Test
  void aBrokenRecordFailsWithExitCodeOneAndAJsonReport() throws Exception {
    Path broken = Files.writeString(dir.resolve("service.json"), BROKEN_SERVICE);

    CliRun run = CliRun.of("validate", "--format", "json", broken.toString());

    assertEquals(1, run.exitCode());
    JsonNode report = JSON.readTree(run.out());
    assertEquals("fail", report.get("verdict").asText());
    assertTrue(report.get("findings").size() >= 2);
  }

  @Test
  void aTabularPackageIsCheckedWithWhatReadingItFoundAtItsRowAndEachServiceById() throws Exception {
    String id = "ac148810-d857-441c-9679-408f346de14b";
    Path folder = Files.createDirectories(dir.resolve("package"));
    Files.writeString(folder.resolve("services.csv"), "id,name,status,minimum_age,organization_id\n"
        + id + ",Lunch club,active,twelve,99999999-9999-4999-8999-999999999999\n", StandardCharsets.UTF_8);

    CliRun run = CliRun.of("validate", "--format", "json", "--as-of", "2026-12-01", folder.toString());

    JsonNode report = JSON.readTree(run.out());
    assertEquals("tabular package", report.get("kind").asText(), run.out());
    Set<String> found = new TreeSet<>();
    report.get("findings").forEach(finding -> found.add(finding.get("code").asText() + " @ "
        + finding.get("url").asText()));
    assertTrue(found.contains("ORUK-TABULAR-003 @ services.csv:2:organization_id"), found.toString());
    assertTrue(found.contains("ORUK-READ-010 @ services.csv:2:minimum_age"), found.toString());
    String service = folder + " service " + id;
    assertTrue(found.stream().anyMatch(finding -> finding.endsWith(" @ " + service)),
        "the service itself is checked, under its id: " + found);
    assertEquals(1, run.exitCode(), "a service without its organization fails: " + found);

    CliRun empty = CliRun.of("validate", dir.resolve("nothing.zip").toString());
    assertEquals(2, empty.exitCode(), "no package, no validation: " + empty.err());
  }

  /** NDJSON is told by the model's one rule: a byte order mark and an unusual name do not hide it. */
  @Test
  void ndjsonWithAByteOrderMarkIsValidatedLineByLine() throws Exception {
    Path copy = dir.resolve("services.txt");
    Files.write(copy, ("\uFEFF" + Files.readString(generate(3))).getBytes(StandardCharsets.UTF_8));
    JsonNode report = jsonReport("validate", "--format", "json", copy.toString());
    assertEquals("ndjson", report.get("kind").asText(), report::toString);
    assertEquals(3, report.get("documents").asInt(), "one document a line");
  }

  @Test
  void theJsonReportHasTheDocumentedFields() throws Exception {
    Path services = generate(5);
    Path out = dir.resolve("report.json");
    CliRun run = CliRun.of("validate", "--format", "json", "--out", out.toString(), services.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("PASS: report written to " + out, run.err().strip());

    JsonNode report = JSON.readTree(out.toFile());
    for (String field : List.of("verdict", "target", "kind", "profile", "started", "duration_ms", "documents",
        "records", "totals", "categories", "endpoints", "not_checked", "quality", "checks", "findings")) {
      assertTrue(report.has(field), "top-level " + field + " in " + report.fieldNames());
    }
    assertEquals("pass", report.get("verdict").asText());
    assertEquals(services.toString(), report.get("target").asText());
    assertEquals("ndjson", report.get("kind").asText());
    assertEquals("strict", report.get("profile").asText());
    assertEquals(5, report.get("documents").asInt(), "one document a line");
    assertTrue(report.get("records").asInt() > 5, "nested records are counted too");
    assertTrue(report.get("duration_ms").canConvertToLong());
    for (String severity : List.of("error", "warning", "info")) {
      assertTrue(report.get("totals").get(severity).canConvertToInt(), severity);
    }
    JsonNode quality = report.get("quality");
    for (String field : List.of("services", "mean_richness", "richness_histogram", "freshness", "most_missing")) {
      assertTrue(quality.has(field), "quality." + field);
    }
    assertEquals(5, quality.get("services").asInt());
    assertTrue(report.get("checks").size() > 20, "every check is listed");
    for (JsonNode check : report.get("checks")) {
      assertTrue(check.get("code").asText().matches("[A-Z]+-[A-Z0-9]+-\\d{3}"), check.toString());
      for (String field : List.of("title", "category", "severity")) {
        assertFalse(check.get(field).asText().isBlank(), field + " of " + check);
      }
    }
    for (JsonNode finding : report.get("findings")) {
      for (String field : List.of("code", "severity", "category", "message")) {
        assertFalse(finding.get(field).asText().isBlank(), field + " of " + finding);
      }
    }
  }

  @Test
  void theJunitReportIsXmlWithOneTestCasePerCheckFailingWhereErrorsWereFound() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.json"), BROKEN_SERVICE);
    JsonNode json = jsonReport("validate", "--format", "json", broken.toString());
    Set<String> failing = new TreeSet<>();
    for (JsonNode finding : json.get("findings")) {
      if (finding.get("severity").asText().equals("error")) {
        failing.add(finding.get("code").asText());
      }
    }
    assertFalse(failing.isEmpty());

    Path out = dir.resolve("report.xml");
    assertEquals(1, CliRun.of("validate", "--format", "junit", "--out", out.toString(), broken.toString()).exitCode());
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile());

    assertEquals("testsuites", xml.getDocumentElement().getTagName());
    assertTrue(xml.getElementsByTagName("testsuite").getLength() >= 1);
    NodeList cases = xml.getElementsByTagName("testcase");
    assertEquals(json.get("checks").size(), cases.getLength(), "one test case per check");
    Set<String> failed = new TreeSet<>();
    for (int i = 0; i < cases.getLength(); i++) {
      Element testCase = (Element) cases.item(i);
      String name = testCase.getAttribute("name");
      assertTrue(name.matches("[A-Z]+-[A-Z0-9]+-\\d{3} \\S.*"), "named 'CODE title': " + name);
      if (testCase.getElementsByTagName("failure").getLength() > 0) {
        failed.add(name.substring(0, name.indexOf(' ')));
      }
    }
    assertEquals(failing, failed, "exactly the checks with errors fail");
  }

  @Test
  void theHtmlReportIsOneWellFormedPageWithTheVerdict() throws Exception {
    Path passing = dir.resolve("pass.html");
    Path failing = dir.resolve("fail.html");
    assertEquals(0, CliRun.of("validate", "--format", "html", "--out", passing.toString(), generate(5).toString())
        .exitCode());
    Path broken = Files.writeString(dir.resolve("broken.json"), BROKEN_SERVICE);
    assertEquals(1, CliRun.of("validate", "--format", "html", "--out", failing.toString(), broken.toString())
        .exitCode());

    String pass = Files.readString(passing, StandardCharsets.UTF_8);
    String fail = Files.readString(failing, StandardCharsets.UTF_8);
    for (String page : List.of(pass, fail)) {
      assertTrue(page.strip().toLowerCase(Locale.ROOT).startsWith("<!doctype html>"), page);
      assertWellFormed(page);
      assertTrue(page.contains("<title>"), "a title");
    }
    assertTrue(words(pass).contains("pass") && !words(pass).contains("fail"), "the verdict: " + words(pass));
    assertTrue(words(fail).contains("fail") && !words(fail).contains("pass"), "the verdict: " + words(fail));
  }

  /** The page's visible text, lower case, split into words (hyphenated verdicts stay whole). */
  private static Set<String> words(String html) {
    String text = html.replaceAll("(?s)<style.*?</style>", " ").replaceAll("(?s)<[^>]*>", " ");
    return new HashSet<>(List.of(text.toLowerCase(Locale.ROOT).split("[^a-z0-9-]+")));
  }

  private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
      "meta", "source", "track", "wbr");
  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*?(/?)>");

  /** Every element that is not void is closed, in order, and everything sits inside one html element. */
  private static void assertWellFormed(String html) {
    String body = html.replaceAll("(?s)<!--.*?-->", "").replaceFirst("(?i)<!doctype html>", "");
    Deque<String> open = new ArrayDeque<>();
    Matcher tag = TAG.matcher(body);
    int elements = 0;
    while (tag.find()) {
      String name = tag.group(2).toLowerCase(Locale.ROOT);
      if (tag.group(1).isEmpty()) {
        assertTrue(elements == 0 || !open.isEmpty(), "an element after </html>: " + tag.group());
        elements++;
        if (!VOID.contains(name) && tag.group(3).isEmpty()) {
          open.push(name);
        }
      } else {
        assertEquals(open.isEmpty() ? "(nothing open)" : open.peek(), name, "</" + name + "> closes the element"
            + " opened last, near: " + body.substring(Math.max(0, tag.start() - 80), tag.start()));
        open.pop();
      }
    }
    assertTrue(open.isEmpty(), "left open: " + open);
    assertTrue(body.strip().toLowerCase(Locale.ROOT).startsWith("<html"), "one html element");
  }

  @Test
  void theTextReportLeadsWithTheVerdictLine() throws Exception {
    Path services = generate(5);
    Path out = dir.resolve("report.txt");
    assertEquals(0, CliRun.of("validate", "--out", out.toString(), services.toString()).exitCode());
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(Pattern.compile("(?m)^PASS\\s+" + Pattern.quote(services.toString()) + " \\(strict profile\\)$")
        .matcher(text).find(), text);

    CliRun stdout = CliRun.of("validate", services.toString());
    assertEquals(text.lines().findFirst(), stdout.out().lines().findFirst(), "the same verdict line on stdout");
  }

  @Test
  void parityPassesWhatStrictFailsInListPages() throws Exception {
    Path page = Files.writeString(dir.resolve("page.json"), "{\"contents\":[" + BROKEN_SERVICE + "]}");
    assertEquals(1, CliRun.of("validate", page.toString()).exitCode(), "strict fails a broken list page");
    assertEquals(0, CliRun.of("validate", "--profile", "parity", page.toString()).exitCode(),
        "the official validator does not fail a feed for its list pages");
  }

  /**
   * A feed whose / drips a byte every 100 ms: with a one-second time limit the check ends then, with the rest
   * listed as not checked and the feed failed (a required endpoint never answered), and progress lines
   * (forced on, as stderr is no terminal here) say what it was waiting for meanwhile.
   */
  @Test
  void aDrippingFeedShowsProgressAndEndsAtTheTimeLimit() throws Exception {
    HttpServer feed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ExecutorService threads = Executors.newCachedThreadPool();
    feed.setExecutor(threads);
    feed.createContext("/", exchange -> {
      try (exchange) {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        for (int i = 0; i < 600; i++) {
          exchange.getResponseBody().write(' ');
          exchange.getResponseBody().flush();
          Thread.sleep(100);
        }
      } catch (IOException | InterruptedException e) {
        // the validator hung up, as it should
      }
    });
    feed.start();
    try {
      String url = "http://127.0.0.1:" + feed.getAddress().getPort() + "/";
      long started = System.nanoTime();
      CliRun run = CliRun.of("validate", "--timeout", "1", "--progress-every", "0.2", "--format", "json", url);
      long took = (System.nanoTime() - started) / 1_000_000;

      assertEquals(1, run.exitCode(), run.err());
      // Building the validator and writing the report come on top, slow on a busy machine; the limit's
      // absence would show as 2 attempts of 30 s.
      assertTrue(took < 29_000, "ended at the limit of 1 s, not at the 30 s an answer may take: " + took + " ms");
      JsonNode report = JSON.readTree(run.out());
      assertEquals("fail", report.get("verdict").asText());
      assertTrue(report.get("not_checked").toString().contains("time limit of 1 s"), report.get("not_checked")::toString);
      assertTrue(report.get("findings").toString().contains("ORUK-FEED-010"), report.get("findings")::toString);
      List<String> progress = run.err().lines().filter(line -> line.startsWith("oruk validate: ")).toList();
      assertTrue(progress.stream().anyMatch(line -> line.matches("oruk validate: 0:0\\d of 0:01; checking /;"
          + " 0 requests done, 1 waiting \\(one for \\d s\\)")), () -> "progress lines: " + run.err());
    } finally {
      feed.stop(0);
      threads.shutdownNow();
    }
  }

  /** On a terminal the progress line is redrawn in place, and wiped before the report is printed. */
  @Test
  void onATerminalProgressIsOneLineRedrawnAndWipedAtTheEnd() {
    StringWriter text = new StringWriter();
    ValidateCommand.Progress progress = new ValidateCommand.Progress(new PrintWriter(text), true);
    progress.accept(new FeedProgress("/services/{id}", 12, 4, Duration.ofSeconds(25), Duration.ofSeconds(40),
        Duration.ofMinutes(10)));
    progress.accept(new FeedProgress("/", 1, 0, Duration.ZERO, Duration.ofSeconds(41), Duration.ofMinutes(10)));
    progress.end();

    String first = "0:40 of 10:00; checking /services/{id}; 12 requests done, 4 waiting (the longest for 25 s)";
    String second = "0:41 of 10:00; checking /; 1 request done";
    assertEquals("\r" + first + "\r" + second + " ".repeat(first.length() - second.length()) + "\r"
        + " ".repeat(second.length()) + "\r", text.toString());
  }

  @Test
  void timeoutsThatMeanNothingAreUsageErrors() {
    for (String timeout : List.of("0", "-5", "ten", "1.5")) {
      CliRun run = CliRun.of("validate", "--timeout", timeout, "http://127.0.0.1:9/");
      assertEquals(2, run.exitCode(), timeout + ": " + run.err());
      assertTrue(run.err().contains("--timeout"), run.err());
    }
  }

  @Test
  void problemsRunningTheValidationExitWithTwo() {
    assertEquals(2, CliRun.of("validate", dir.resolve("absent.json").toString()).exitCode());
    assertEquals(2, CliRun.of("validate", "--profile", "lax", dir.toString()).exitCode());
    assertEquals(2, CliRun.of("validate", "--format", "pdf", dir.toString()).exitCode());
  }
}
