package io.github.oruk.hub.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegisterTest {

  @TempDir
  Path folder;

  @Test
  void aYamlRegisterGivesEveryFieldWithDefaultsAndPathsRelativeToTheFile() throws Exception {
    Path file = write("registers/feeds.yaml", """
        feeds:
          - name: north-county
            url: https://north.example.org/api
            publisher: North County Council
            licence: OGL-UK-3.0
            contact: data@north.example.org
            taxonomy: esd
            refresh: 6h
          - name: charities
            url: ../data/charities.ndjson
        """);
    Register register = Register.load(file);

    FeedEntry north = register.feeds().get(0);
    assertEquals(new FeedEntry("north-county", "https://north.example.org/api", "North County Council",
        "OGL-UK-3.0", "data@north.example.org", "esd", Duration.ofHours(6)), north);
    assertTrue(north.remote());
    FeedEntry charities = register.feed("charities");
    assertEquals(folder.resolve("data/charities.ndjson").toAbsolutePath().normalize(), charities.file());
    assertFalse(charities.remote());
    assertEquals(Duration.ofHours(24), charities.refresh(), "the default refresh");
    assertNull(charities.publisher());
  }

  @Test
  void aJsonRegisterReadsTheSameAsTheBuilder() throws Exception {
    Path file = write("feeds.json", """
        {"feeds": [{"name": "south", "url": "https://south.example.org/", "refresh": "30m"},
                   {"name": "east", "url": "east.zip", "refresh": "2d"}]}
        """);
    Register built = Register.builder()
        .feed(FeedEntry.of("south", "https://south.example.org/").withRefresh(Duration.ofMinutes(30)))
        .feed(FeedEntry.of("east", folder.resolve("east.zip").toString()).withRefresh(Duration.ofDays(2)))
        .build();
    assertEquals(built, Register.load(file));
  }

  static Stream<Arguments> wrongRegisters() {
    return Stream.of(
        Arguments.of("feeds: []\nother: 1", "unknown top-level key 'other'"),
        Arguments.of("name: x", "expected a top-level 'feeds' list"),
        Arguments.of("feeds: {name: x}", "'feeds' must be a list"),
        Arguments.of("feeds:\n  - url: https://a.example/", "feeds[0]: 'name' is missing"),
        Arguments.of("feeds:\n  - name: a", "feeds[0] (a): 'url' is missing"),
        Arguments.of("feeds:\n  - {name: a, url: 'https://a/', refesh: 6h}", "feeds[0] (a): unknown field 'refesh'"),
        Arguments.of("feeds:\n  - {name: a, url: 'https://a/', refresh: 6x}",
            "feeds[0] (a): refresh: '6x' is not a refresh interval"),
        Arguments.of("feeds:\n  - {name: North County, url: 'https://a/'}",
            "feeds[0] (North County): name: name 'North County' is not a short slug"),
        Arguments.of("feeds:\n  - {name: a, url: 'https://a/'}\n  - {name: a, url: 'https://b/'}",
            "feeds[1] (a): name 'a' is already used"),
        Arguments.of("feeds:\n  - {name: a, url: [x]}", "feeds[0] (a): 'url' must be text"),
        Arguments.of("feeds: []\nwebhooks: https://hooks.example/", "'webhooks' must be a list"),
        Arguments.of("feeds: []\nwebhooks:\n  - https://hooks.example/a\n  - ftp://hooks.example/",
            "webhooks[1]: 'ftp://hooks.example/' is not a webhook address: expected an http or https URL"),
        Arguments.of("feeds: []\nwebhooks:\n  - {url: 'https://hooks.example/'}",
            "webhooks[0]: expected an http or https URL; found a mapping"));
  }

  @Test
  void webhooksAreReadInOrderAndAgreeWithTheBuilder() throws Exception {
    Path file = write("hooks.yaml", """
        feeds:
          - {name: north, url: 'https://north.example.org/api'}
        webhooks:
          - https://alerts.example.org/oruk
          - http://127.0.0.1:9000/hook
        """);
    Register register = Register.load(file);
    assertEquals(List.of(URI.create("https://alerts.example.org/oruk"), URI.create("http://127.0.0.1:9000/hook")),
        register.webhooks());
    assertEquals(Register.builder().feed("north", "https://north.example.org/api")
        .webhook(URI.create("https://alerts.example.org/oruk")).webhook(URI.create("http://127.0.0.1:9000/hook"))
        .build(), register);
    assertEquals(List.of(), Register.load(write("none.yaml", "feeds: []")).webhooks(), "webhooks are optional");
  }

  @ParameterizedTest
  @MethodSource("wrongRegisters")
  void aWrongRegisterIsRefusedNamingTheEntryAndTheField(String yaml, String expected) throws Exception {
    Path file = write("feeds.yaml", yaml);
    RegisterException e = assertThrows(RegisterException.class, () -> Register.load(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: "
        + e.getMessage());
  }

  @Test
  void refreshIntervalsAreWholeNumbersWithAUnit() {
    assertEquals(Duration.ofMinutes(30), FeedEntry.parseInterval("30m"));
    assertEquals(Duration.ofHours(6), FeedEntry.parseInterval("6h"));
    assertEquals(Duration.ofDays(2), FeedEntry.parseInterval("2d"));
    assertEquals(Duration.ofSeconds(90), FeedEntry.parseInterval("90s"));
    assertEquals(Duration.ofHours(6), FeedEntry.parseInterval("PT6H"));
    for (String bad : List.of("0h", "6", "h", "-1d", "6 weeks", "")) {
      assertThrows(IllegalArgumentException.class, () -> FeedEntry.parseInterval(bad), bad);
    }
  }

  @Test
  void theBuilderRefusesTwoFeedsWithOneName() {
    RegisterException e = assertThrows(RegisterException.class,
        () -> Register.builder().feed("a", "https://a/").feed("a", "https://b/").build());
    assertTrue(e.getMessage().contains("two feeds are named 'a'"), e.getMessage());
  }

  private Path write(String name, String text) throws Exception {
    Path file = folder.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }
}
