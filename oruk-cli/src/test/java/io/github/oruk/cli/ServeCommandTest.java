package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.testkit.generate.DataGenerator;
import io.github.oruk.testkit.generate.Quirk;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir
  Path dir;

  private static HttpResponse<byte[]> get(URI uri) throws IOException, InterruptedException {
    return CLIENT.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void servesGeneratedServicesUntilStopped() throws Exception {
    try (LiveCli serve = new LiveCli("serve", "--generate", "40", "--seed", "5", "--as-of", "2025-04-01", "--port",
        "0")) {
      URI base = serve.awaitListening();
      assertEquals("127.0.0.1", base.getHost());
      assertTrue(base.getPort() > 0, "--port 0 printed the port it picked");
      HttpResponse<byte[]> response = get(base.resolve("services?per_page=10&page=4"));
      assertEquals(200, response.statusCode());
      Page<Service> page = OrukJson.strict().readPage(response.body(), Service.class).value();
      assertEquals(40, page.totalItems());
      assertEquals(4, page.pageNumber());
      assertEquals(DataGenerator.builder().seed(5).build().service(30).getId(), page.contents().get(0).getId(),
          "the seeded services, in order");
      assertEquals(200, get(base.resolve("taxonomies")).statusCode(), "the sample taxonomy is served too");
      HttpResponse<byte[]> finder = get(base.resolve("finder/"));
      assertEquals(200, finder.statusCode());
      assertTrue(finder.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), "the finder's page");
      assertTrue(new String(finder.body(), StandardCharsets.UTF_8).contains("<h1>Find a service</h1>"));
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!serve.err().contains("service finder: " + base + "finder/ (open this in your browser)")) {
        assertTrue(System.nanoTime() < deadline, "the finder's address is printed: " + serve.err());
        Thread.sleep(20);
      }
      int dated = 0;
      for (Service service : page.contents()) {
        if (service.getLastModified() != null) {
          dated++;
          LocalDate modified = service.getLastModified().toLocalDate();
          assertTrue(modified.isBefore(LocalDate.of(2025, 4, 1)) && modified.isAfter(LocalDate.of(2025, 1, 30)),
              "--as-of 2025-04-01: modified in the two months before, not " + modified);
        }
      }
      assertTrue(dated >= 5, "services with last_modified: " + dated);
      assertEquals(0, serve.stop(), serve.err());
      assertThrows(IOException.class, () -> get(base), "stopped listening");
    }
  }

  @Test
  void servesAFileAndSummarisesWhatTheReaderRepaired() throws Exception {
    Path file = dir.resolve("services.ndjson");
    try (OutputStream out = Files.newOutputStream(file)) {
      DataGenerator.builder().seed(8).quirks(EnumSet.of(Quirk.MINIMUM_AGE_AS_STRING)).quirkRate(1).build()
          .writeNdjson(15, out);
    }
    try (LiveCli serve = new LiveCli("serve", "--data", file.toString(), "--port", "0")) {
      URI base = serve.awaitListening();
      Page<Service> page = OrukJson.strict().readPage(get(base.resolve("services")).body(), Service.class).value();
      assertEquals(15, page.totalItems());
      assertTrue(serve.err().contains("read 15 services from"), serve.err());
      assertTrue(serve.err().contains("ORUK-READ-004"), "numbers sent as text were repaired: " + serve.err());
    }
  }

  @Test
  void servesATabularPackageAndSaysWhatItCannotServe() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("package"));
    Files.writeString(folder.resolve("services.csv"), "id,name,status\n"
        + "ac148810-d857-441c-9679-408f346de14b,Lunch club,active\n"
        + "bc148810-d857-441c-9679-408f346de14b,Toy library,active\n", StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("contacts.csv"), "id,service_id,name\n"
        + "cc148810-d857-441c-9679-408f346de14b,dc148810-d857-441c-9679-408f346de14b,Sam\n", StandardCharsets.UTF_8);
    try (LiveCli serve = new LiveCli("serve", "--data", folder.toString(), "--port", "0")) {
      URI base = serve.awaitListening();
      Page<Service> page = OrukJson.strict().readPage(get(base.resolve("services")).body(), Service.class).value();
      assertEquals(2, page.totalItems());
      assertTrue(serve.err().contains("read 2 services from " + folder + " (a tabular package)"), serve.err());
      assertTrue(serve.err().contains("1 x ORUK-TABULAR-003"), "the contact's unknown service: " + serve.err());
      assertTrue(serve.err().contains("1 row that no service leads to cannot be served"), serve.err());
    }
  }

  @Test
  void noWaitStartsPrintsAndStops() {
    CliRun run = CliRun.of("serve", "--generate", "3", "--port", "0", "--no-wait");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().matches("(?s)listening on http://127\\.0\\.0\\.1:\\d+/\\s*"), run.out());
  }

  @Test
  void usageAndDataErrors() throws IOException {
    assertEquals(2, CliRun.of("serve").exitCode(), "a source is required");
    assertEquals(2, CliRun.of("serve", "--generate", "3", "--data", "x.ndjson").exitCode());
    assertEquals(2, CliRun.of("serve", "--data", "x.ndjson", "--seed", "4").exitCode());
    assertEquals(2, CliRun.of("serve", "--data", "x.ndjson", "--as-of", "2025-01-01").exitCode());
    assertEquals(2, CliRun.of("serve", "--generate", "-1").exitCode());
    assertEquals(2, CliRun.of("serve", "--generate", "3", "--port", "70000").exitCode());
    assertEquals(2, CliRun.of("serve", "--generate", "3", "--base-url", "not a url").exitCode());

    CliRun missing = CliRun.of("serve", "--data", dir.resolve("nope.ndjson").toString(), "--no-wait");
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("no such file"), missing.err());

    Path broken = Files.writeString(dir.resolve("broken.ndjson"), "{\"id\":\"a\",\"name\":\"A\",\"status\":\"active\"}\n"
        + "{not json}\n");
    CliRun bad = CliRun.of("serve", "--data", broken.toString(), "--no-wait");
    assertEquals(1, bad.exitCode());
    assertTrue(bad.err().contains("line 2"), bad.err());

    Path twice = Files.writeString(dir.resolve("twice.ndjson"), "{\"id\":\"a\",\"name\":\"A\",\"status\":\"active\"}\n"
        .repeat(2));
    CliRun duplicate = CliRun.of("serve", "--data", twice.toString(), "--no-wait");
    assertEquals(1, duplicate.exitCode());
    assertTrue(duplicate.err().contains("'a'"), duplicate.err());
  }

  /**
   * Each client address has its own bucket: two requests, then 429 with Retry-After, for 127.0.0.1 and
   * for 127.0.0.2 alike (Linux routes all of 127/8 to the loopback interface). At 0.01 requests a second no
   * token comes back during the test.
   */
  @Test
  void throttleLimitsEachClientAddressSeparately() throws Exception {
    try (LiveCli serve = new LiveCli("serve", "--generate", "3", "--port", "0", "--throttle", "0.01,2")) {
      URI base = serve.awaitListening();
      InetAddress second = InetAddress.getByName("127.0.0.2");
      boolean secondUsable;
      try (Socket probe = new Socket()) {
        probe.bind(new InetSocketAddress(second, 0));
        secondUsable = true;
      } catch (IOException e) {
        secondUsable = false;
      }
      Assumptions.assumeTrue(secondUsable, "127.0.0.2 is not a loopback address on this system");
      for (InetAddress client : List.of(InetAddress.getByName("127.0.0.1"), second)) {
        assertTrue(rawGet(base, client).startsWith("HTTP/1.1 200"), client.toString());
        assertTrue(rawGet(base, client).startsWith("HTTP/1.1 200"), client.toString());
        String refused = rawGet(base, client);
        assertTrue(refused.startsWith("HTTP/1.1 429"), refused);
        Matcher retry = Pattern.compile("(?im)^Retry-After: *(\\d+)").matcher(refused);
        assertTrue(retry.find(), refused);
        int seconds = Integer.parseInt(retry.group(1));
        assertTrue(seconds > 60 && seconds <= 100, "a token every 100 s: " + seconds);
        assertTrue(refused.contains("\"error\":\"too_many_requests\""), refused);
        assertTrue(Pattern.compile("(?im)^Access-Control-Allow-Origin: *\\*").matcher(refused).find(), refused);
      }
    }
  }

  /** GET of the API's root from a given local address, over a socket; the whole answer as text. */
  private static String rawGet(URI base, InetAddress from) throws IOException {
    try (Socket socket = new Socket(InetAddress.getByName(base.getHost()), base.getPort(), from, 0)) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(("GET " + base.getPath() + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
          + base.getPort() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void throttleValuesThatMeanNothingAreUsageErrors() {
    for (String value : List.of("0", "10,0", "-1", "1,2,3", "Infinity", "1e3", "0.0001", "10,99999999")) {
      CliRun run = CliRun.of("serve", "--generate", "3", "--port", "0", "--no-wait", "--throttle", value);
      assertEquals(2, run.exitCode(), value + ": " + run.err());
      assertTrue(run.err().contains("--throttle") && run.err().contains("RATE is requests per second"),
          value + ": " + run.err());
    }
    assertEquals(0, CliRun.of("serve", "--generate", "1", "--port", "0", "--no-wait", "--throttle", "0.5")
        .exitCode());
  }

  @Test
  void aPortInUseIsReportedNotFatalToTheJvm() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CliRun run = CliRun.of("serve", "--generate", "2", "--port", String.valueOf(taken.getLocalPort()), "--no-wait");
      assertEquals(1, run.exitCode());
      assertTrue(run.err().contains("--port 0"), run.err());
      assertFalse(run.out().contains("listening"), run.out());
    }
  }
}
