package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.testkit.feed.FakeFeed;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oruk hub run}: exit codes 0, 1 and 2, the summary per feed, progress and failures on stderr. */
class HubCommandTest {

  @TempDir
  Path folder;

  @Test
  void everyFeedReadCompletelyExitsZeroWithASummaryLinePerFeed() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(25).seed(4).start()) {
      try (OutputStream out = Files.newOutputStream(folder.resolve("local.ndjson"))) {
        DataGenerator.builder().seed(8).build().writeNdjson(12, out);
      }
      Path register = register("feeds:\n  - name: county\n    url: " + feed.baseUri()
          + "\n  - name: local\n    url: local.ndjson\n");

      CliRun run = CliRun.of("hub", "run", "--feeds", register.toString(), "--db", db());

      assertEquals(0, run.exitCode(), run.err());
      String[] lines = run.out().strip().split("\n");
      assertEquals(2, lines.length, run.out());
      assertTrue(lines[0].startsWith("county\tCOMPLETE\tlisted=25 read=25 added=25 changed=0 unchanged=0 withdrawn=0"
          + " failed=0 parity="), lines[0]);
      assertTrue(lines[1].startsWith("local\tCOMPLETE\tlisted=12 read=12 added=12"), lines[1]);
      assertTrue(run.err().contains("county: done"), run.err());

      CliRun again = CliRun.of("hub", "run", "--feeds", register.toString(), "--db", db());
      assertEquals(0, again.exitCode(), again.err());
      assertTrue(again.out().startsWith("county\tCOMPLETE\tlisted=25 read=0 added=0 changed=0 unchanged=0 withdrawn=0"
          + " failed=0 parity=- strict=-"), "nothing changed, nothing read: " + again.out());
    }
  }

  @Test
  void aFeedNotReadCompletelyExitsOneAndNamesWhatFailed() throws Exception {
    try (FakeFeed feed = FakeFeed.builder().services(10).seed(4).notFound(2).start()) {
      Path register = register("feeds:\n  - name: county\n    url: " + feed.baseUri() + "\n");

      CliRun run = CliRun.of("hub", "run", "--feeds", register.toString(), "--db", db());

      assertEquals(1, run.exitCode(), run.err());
      assertTrue(run.out().startsWith("county\tINCOMPLETE\tlisted=10 read=9 added=9 changed=0 unchanged=0 withdrawn=0"
          + " failed=1"), run.out());
      assertTrue(Arrays.stream(run.errLines()).anyMatch(line -> line.startsWith("county: FAILED\t"
          + feed.ids().get(2) + "\t")), run.err());
    }
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    assertEquals(2, CliRun.of("hub", "run").exitCode(), "--feeds is required");
    CliRun missing = CliRun.of("hub", "run", "--feeds", folder.resolve("none.yaml").toString(), "--db", db());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("no such file"), missing.err());
    Path wrong = register("feeds:\n  - name: county\n    url: https://a.example/\n    refresh: soon\n");
    CliRun bad = CliRun.of("hub", "run", "--feeds", wrong.toString(), "--db", db());
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("feeds[0] (county): refresh: 'soon' is not a refresh interval"), bad.err());
    Path fine = register("feeds: []\n");
    CliRun notJdbc = CliRun.of("hub", "run", "--feeds", fine.toString(), "--db", "postgres://x");
    assertEquals(2, notJdbc.exitCode());
    assertTrue(notJdbc.err().contains("not a JDBC URL"), notJdbc.err());
  }

  private Path register(String yaml) throws Exception {
    Path file = folder.resolve("feeds.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private String db() {
    return "jdbc:h2:file:" + folder.resolve("store").resolve("hub");
  }
}
