package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @Test
  void servesPrintsWhatToTryAndChecksItself() {
    CliRun run = CliRun.of("demo", "--services", "60", "--port", "0", "--no-wait");
    assertEquals(0, run.exitCode(), run.err() + run.out());
    String out = run.out();
    assertTrue(out.contains("Generated a directory of 60 services"), out);
    assertTrue(out.matches("(?s).*listening on http://127\\.0\\.0\\.1:\\d+/.*"), out);
    for (String path : new String[] {"services?search=", "services/", "service_at_locations?postcode=",
        "openapi.json", "format=ndjson"}) {
      assertTrue(out.contains(path), "suggests " + path + ": " + out);
    }
    assertEquals(3, out.lines().filter(line -> line.startsWith("  ok ")).count(), out);
    assertFalse(out.contains("FAIL"), out);
    assertTrue(out.contains("60 services on 2 pages"), out);
    assertPassesBothWithoutWarnings(out);
    assertTrue(out.contains("required endpoints: / passed, /services passed, /services/{id} passed"), out);
  }

  @Test
  void aDirectoryGeneratedAsOfAnotherDayIsValidatedAsOfThatDay() {
    CliRun run = CliRun.of("demo", "--services", "20", "--port", "0", "--as-of", "2024-06-01", "--no-wait");
    assertEquals(0, run.exitCode(), run.err() + run.out());
    assertTrue(run.out().contains("as of 2024-06-01"), run.out());
    assertPassesBothWithoutWarnings(run.out());
  }

  /** The official validator's verdict and the strict one both read exactly PASS, with no warnings at all. */
  private static void assertPassesBothWithoutWarnings(String out) {
    Matcher parity = Pattern.compile("^  official validator's rules \\(parity\\): (.*)$", Pattern.MULTILINE).matcher(out);
    assertTrue(parity.find(), out);
    assertEquals("PASS", parity.group(1), out);
    Matcher strict = Pattern.compile("^  oruk-java's stricter rules \\(strict\\): ([^,]*), with (\\d+) errors, (\\d+)"
        + " warnings and \\d+ notes;", Pattern.MULTILINE).matcher(out);
    assertTrue(strict.find(), out);
    assertEquals("PASS", strict.group(1), out);
    assertEquals("0", strict.group(2), out);
    assertEquals("0", strict.group(3), "no warnings: " + out);
    assertFalse(out.contains("ORUK-FRESH-001"), out);
  }

  @Test
  void theSuggestedAddressesWorkWhileItServes() throws Exception {
    try (LiveCli demo = new LiveCli("demo", "--services", "30", "--port", "0")) {
      URI base = demo.awaitListening();
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!demo.out().contains("Serving until Ctrl-C") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Matcher suggested = Pattern.compile("^    " + Pattern.quote(base.toString()) + "(\\S*)$", Pattern.MULTILINE)
          .matcher(demo.out());
      HttpClient client = HttpClient.newHttpClient();
      int tried = 0;
      while (suggested.find()) {
        String path = suggested.group(1);
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(base.resolve(path)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        int expected = path.contains("per_page=abc") ? 400 : 200;
        assertEquals(expected, response.statusCode(), path);
        tried++;
      }
      assertTrue(tried >= 8, "tried " + tried + " suggestions: " + demo.out());
      List<String> first = demo.out().lines().limit(2).toList();
      assertEquals(List.of("Find a service in this directory: open this in your browser:", "    " + base + "finder/"),
          first, "it opens with the finder's address: " + demo.out());
      HttpResponse<String> finder = client.send(HttpRequest.newBuilder(base.resolve("finder/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, finder.statusCode());
      assertTrue(finder.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), "an HTML page");
      assertTrue(finder.body().contains("<h1>Find a service</h1>"), finder.body());
      String id = OrukJson.lenient().readPage(client.send(HttpRequest.newBuilder(base.resolve("services?per_page=1"))
          .build(), HttpResponse.BodyHandlers.ofByteArray()).body(), Service.class).value().contents().get(0).getId();
      assertTrue(demo.out().contains("services/" + id), "the by-id example is a real service");
      assertEquals(0, demo.stop());
    }
  }

  @Test
  void fallsBackToAFreePortWhenTheFirstChoiceIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliRun run = CliRun.of("demo", "--services", "5", "--port", String.valueOf(taken.getLocalPort()), "--no-wait");
      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.out().contains("Port " + taken.getLocalPort() + " is taken"), run.out());
      assertFalse(run.out().contains("listening on http://127.0.0.1:" + taken.getLocalPort() + "/"), run.out());
    }
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertEquals(2, CliRun.of("demo", "--services", "0", "--no-wait").exitCode());
    assertEquals(2, CliRun.of("demo", "--port", "-3", "--no-wait").exitCode());
  }
}
