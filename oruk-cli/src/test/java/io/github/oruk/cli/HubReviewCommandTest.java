package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.hub.store.AggregateId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oruk hub review} and {@code oruk hub decide}: the line per pair, the decision, exit codes 0, 1 and 2. */
class HubReviewCommandTest {

  private static final UUID EAST = AggregateId.of("east", "e1");
  private static final UUID WEST = AggregateId.of("west", "w1");

  @TempDir
  Path folder;

  @Test
  void aPairKnownByNameAloneIsListedAndADecisionTakesItOffTheList() throws Exception {
    aggregateTwoFeedsEastFirst();

    CliRun review = CliRun.of("hub", "review", "--db", db());

    assertEquals(0, review.exitCode(), review.err());
    assertEquals(first(EAST, WEST) + "\t" + second(EAST, WEST) + "\t" + (EAST.compareTo(WEST) < 0
        ? "east/e1\twest/w1\tRiverside Youth Club\tRiverside  Youth Club" : "west/w1\teast/e1\tRiverside  Youth Club"
        + "\tRiverside Youth Club") + "\t0.725\n", review.out(), "a name only, on both sides: review at 0.725");

    CliRun decide = CliRun.of("hub", "decide", "same", WEST.toString(), EAST.toString(), "--db", db());

    assertEquals(0, decide.exitCode(), decide.err());
    assertEquals("same\t" + WEST + "\t" + EAST + "\t" + EAST + "\t" + EAST + "\n", decide.out(),
        "both in the cluster named by the older (east) record");
    CliRun after = CliRun.of("hub", "review", "--db", db());
    assertEquals(0, after.exitCode(), after.err());
    assertEquals("", after.out(), "a decided pair is not up for review");
  }

  @Test
  void anUnknownIdExitsOneAndUsageErrorsExitTwo() throws Exception {
    aggregateTwoFeedsEastFirst();
    UUID unknown = AggregateId.of("east", "nobody");

    CliRun notThere = CliRun.of("hub", "decide", "different", EAST.toString(), unknown.toString(), "--db", db());
    assertEquals(1, notThere.exitCode(), notThere.err());
    assertTrue(notThere.err().contains("no record with aggregate id " + unknown), notThere.err());

    assertEquals(2, CliRun.of("hub", "decide", "maybe", EAST.toString(), WEST.toString(), "--db", db()).exitCode());
    CliRun notAnId = CliRun.of("hub", "decide", "same", "east/e1", WEST.toString(), "--db", db());
    assertEquals(2, notAnId.exitCode());
    assertTrue(notAnId.err().contains("expected an aggregate id"), notAnId.err());
    assertEquals(2, CliRun.of("hub", "decide", "same", EAST.toString(), EAST.toString(), "--db", db()).exitCode());
    assertEquals(2, CliRun.of("hub", "decide", "same", EAST.toString(), "--db", db()).exitCode());
    assertEquals(2, CliRun.of("hub", "review", "--db", "postgres://x").exitCode());
    assertEquals(2, CliRun.of("hub", "review", "--unknown").exitCode());
    CliRun stillThere = CliRun.of("hub", "review", "--db", db());
    assertEquals(1, stillThere.out().strip().split("\n").length, "nothing was decided: " + stillThere.out());
  }

  /** One service in each feed, the same name written with two spaces in west; east refreshed alone first. */
  private void aggregateTwoFeedsEastFirst() throws Exception {
    Files.writeString(folder.resolve("east.ndjson"),
        "{\"id\":\"e1\",\"name\":\"Riverside Youth Club\",\"status\":\"active\"}\n");
    Files.writeString(folder.resolve("west.ndjson"),
        "{\"id\":\"w1\",\"name\":\"Riverside  Youth Club\",\"status\":\"active\"}\n");
    Path register = folder.resolve("feeds.yaml");
    Files.writeString(register, "feeds:\n  - name: east\n    url: east.ndjson\n");
    CliRun east = CliRun.of("hub", "run", "--feeds", register.toString(), "--db", db());
    assertEquals(0, east.exitCode(), east.err());
    Files.writeString(register, "feeds:\n  - name: east\n    url: east.ndjson\n  - name: west\n    url: west.ndjson\n");
    CliRun both = CliRun.of("hub", "run", "--feeds", register.toString(), "--db", db());
    assertEquals(0, both.exitCode(), both.err());
    assertTrue(both.err().contains("clusters: 2 records in 2 services, 1 pairs to review"), both.err());
  }

  private static UUID first(UUID a, UUID b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  private static UUID second(UUID a, UUID b) {
    return a.compareTo(b) < 0 ? b : a;
  }

  private String db() {
    return "jdbc:h2:file:" + folder.resolve("store").resolve("hub");
  }
}
