package io.github.oruk.hub.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.query.Parameter;
import io.github.oruk.model.query.Query;
import io.github.oruk.server.Capabilities;
import io.github.oruk.server.DirectoryProvider;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.PageRequest;
import io.github.oruk.server.Results;
import io.github.oruk.server.finder.Finder;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.server.memory.InMemoryDirectory;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The service finder ({@code /finder/}) in a real browser (headless Chromium), over an in-memory directory of
 * generated services plus a few made here with known places and words: a word from a description finds its service;
 * postcode results come nearest first, at distances computed here; the keyboard alone searches, opens a result and
 * comes back; a shared link runs its search and the back button works; another feed named by {@code ?feed=} (a
 * second loopback server, so CORS) is searched; a feed that cannot search by postcode is named plainly; hostile names
 * are text. One browser and three servers for the class; screenshots go to target/screenshots/.
 */
class FinderBrowserTest {

  private static final Path SHOTS = Path.of("target", "screenshots");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final OrukJson JSON = OrukJson.lenient();

  /** A name that would run, break out of an attribute or add elements if it were put in the page as HTML. */
  private static final String HOSTILE = "<script>window.pwned=1;document.title='pwned'</script>\"Quoted\" & 'single'"
      + " <b>bold</b> <img src=x onerror=\"window.pwned=2\"> " + "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(3);

  /** The postcode searched around, and where its only address is (Lerwick: far from any generated town). */
  private static final String POSTCODE = "ZE1 0AA";
  private static final double LATITUDE = 60.1550;
  private static final double LONGITUDE = -1.1450;

  /** A place of a service of its own. */
  record Place(String service, double latitude, double longitude, String postcode) {
  }

  /** Added in this order, which is not the order of distance from the postcode. */
  private static final List<Place> PLACES = List.of(
      new Place("Far Croft Lunch Club", LATITUDE + 0.050, LONGITUDE + 0.020, "ZE1 0QA"),
      new Place("Harbour Advice Desk", LATITUDE + 0.004, LONGITUDE - 0.003, "ZE1 0LL"),
      new Place("Hillside Youth Club", LATITUDE - 0.020, LONGITUDE + 0.030, "ZE1 0RB"),
      new Place("Anchor Centre Drop-in", LATITUDE, LONGITUDE, POSTCODE),
      new Place("Bressay Ferry Shop", LATITUDE + 0.012, LONGITUDE + 0.060, "ZE2 9EL"),
      new Place("Unst Outreach", 60.7500, -0.8800, "ZE2 9DW")); // about 68 km away: outside 5 miles

  private static final double FIVE_MILES_METRES = 5 * 1609.344;
  private static final String REPAIR = "Hazel Lane Repair Cafe";
  private static final String OPEN = "Open Window Advice";
  private static final String CLOSED = "Later Lantern Club";
  private static final String TIMELESS = "Timeless Drop-in";

  private static BrowserSession browser;
  private static ChromeDriver page;
  private static OrukHttpServer home;
  private static OrukHttpServer second;
  private static OrukHttpServer limited;
  private static String repairId;

  @BeforeAll
  static void start() throws IOException {
    LocalDate asOf = LocalDate.of(2026, 3, 2);
    List<Service> services = new ArrayList<>(DataGenerator.builder().seed(11).asOf(asOf).build().services(40).toList());
    for (Service generated : services) {
      for (ServiceAtLocation link : generated.getServiceAtLocations()) {
        link.getLocation().getAddresses().forEach(address -> assertFalse(
            String.valueOf(address.getPostalCode()).startsWith("ZE"), "the generator placed nothing in Shetland"));
      }
    }
    for (Place place : PLACES) {
      services.add(service(place.service(), "A place to meet people and get help.", place));
    }
    Service repair = service(REPAIR, "Volunteers help you mend bicycles, lamps and clothes.",
        new Place(REPAIR, 60.3000, -1.2000, "ZE2 9AA"));
    repairId = repair.getId();
    services.add(repair);
    services.add(service(HOSTILE, "A quokka sanctuary, named to test the finder.", null));
    // Open now and ages: around the time in the UK as the test starts (an overnight schedule when it spans midnight).
    ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Europe/London"));
    String today = now.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT).substring(0, 2).toUpperCase(Locale.ROOT);
    services.add(service(OPEN, "Zephyr advice, open now.", null, weekly(today, now.minusHours(1), now.plusHours(1)),
        ",\"minimum_age\":0,\"maximum_age\":4"));
    services.add(service(CLOSED, "Zephyr club, opening later.", null, weekly(today, now.plusHours(2), now.plusHours(3)),
        ",\"minimum_age\":11,\"maximum_age\":18"));
    services.add(service(TIMELESS, "Zephyr drop-in, times not given.", null, "", ""));
    home = serve(OrukApi.builder(InMemoryDirectory.of(services)).path("finder", new Finder()).build());
    second = serve(OrukApi.of(InMemoryDirectory.of(List.of(
        service("Second Feed Soup Kitchen", "Hot soup every weekday.", null)))));
    InMemoryDirectory limitedDirectory = InMemoryDirectory.of(List.of(
        service("Limited Feed Welfare Rights", "Welfare benefits advice.", PLACES.get(3))));
    limited = serve(OrukApi.of(new WithoutPostcodes(limitedDirectory)));
    browser = BrowserSession.start();
    page = browser.driver();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    for (OrukHttpServer server : new OrukHttpServer[] {home, second, limited}) {
      if (server != null) {
        server.close();
      }
    }
  }

  @Test
  void findsAServiceByAWordFromItsDescriptionFromASharedLinkAndShowsItsDetail() throws IOException {
    page.get(finder("?q=bicycles"));
    awaitResults();
    assertEquals("bicycles", page.findElement(By.id("q")).getAttribute("value"), "the link's search is in the form");
    assertEquals(List.of(REPAIR), resultNames(), "the only service with that word in its description");
    assertEquals("1 service found for \"bicycles\".", text("count"));

    page.findElement(By.linkText(REPAIR)).click();
    awaitDetail();
    assertTrue(page.getCurrentUrl().endsWith("?q=bicycles&service=" + repairId), page.getCurrentUrl());
    assertEquals(REPAIR, text("detail-heading"));
    String detail = text("detail-body");
    assertTrue(detail.contains("repair@example.org") && detail.contains("Ana Halcrow, Volunteer organiser")
        && detail.contains("https://repair.example.org/"), "contacts: " + detail);
    assertTrue(detail.contains("Step-free entrance"), "the place's accessibility: " + detail);
    assertTrue(detail.contains("Every Tuesday, 6pm to 9pm"), "opening times: " + detail);
    assertTrue(detail.contains("1 Hazel Lane, Lerwick, ZE2 9AA"), "the address: " + detail);
    WebElement map = page.findElement(By.cssSelector("#detail-body a.map"));
    assertEquals("https://www.openstreetmap.org/?mlat=60.3&mlon=-1.2#map=17/60.3/-1.2", map.getAttribute("href"));
    assertEquals("https://repair.example.org/",
        page.findElement(By.linkText("https://repair.example.org/")).getAttribute("href"));
    assertEquals("mailto:repair@example.org",
        page.findElement(By.linkText("repair@example.org")).getAttribute("href"));
    browser.screenshot(SHOTS.resolve("finder-detail.png"));
    Accessibility.assertAccessible(browser, "the finder's detail view", SHOTS.resolve("finder-detail.png"));
    awaitDetail();

    page.navigate().back();
    awaitResults();
    assertTrue(page.getCurrentUrl().endsWith("/finder/?q=bicycles"), "back to the results: " + page.getCurrentUrl());
    assertTrue(page.findElement(By.id("detail")).getAttribute("hidden") != null, "the detail is hidden again");
    assertEquals(List.of(REPAIR), resultNames());
  }

  @Test
  void ordersPostcodeResultsByDistance() throws IOException {
    page.get(finder("?postcode=" + URLEncoder.encode(POSTCODE, StandardCharsets.UTF_8) + "&distance=5"));
    awaitResults();
    List<Place> expected = PLACES.stream()
        .filter(place -> metres(place) <= FIVE_MILES_METRES)
        .sorted(Comparator.comparingDouble(FinderBrowserTest::metres)).toList();
    assertEquals(5, expected.size(), "the test's own places within 5 miles");
    assertEquals(expected.stream().map(Place::service).toList(), resultNames(), "nearest first");
    List<WebElement> distances = page.findElements(By.cssSelector("#results > li .distance"));
    assertEquals(expected.size(), distances.size(), "each result shows its distance");
    for (int i = 0; i < expected.size(); i++) {
      double shown = Double.parseDouble(distances.get(i).getAttribute("data-metres"));
      assertEquals(metres(expected.get(i)), shown, 1.0, expected.get(i).service() + "'s distance in metres");
      double miles = metres(expected.get(i)) / 1609.344;
      String words = miles < 0.05 ? "under 0.1 miles away" : String.format(java.util.Locale.ROOT, "%.1f %s away",
          miles, String.format(java.util.Locale.ROOT, "%.1f", miles).equals("1.0") ? "mile" : "miles");
      assertEquals(words, distances.get(i).getText());
    }
    assertTrue(text("count").startsWith("5 services found within 5 miles of ZE1 0AA"), text("count"));
    assertTrue(page.findElements(By.cssSelector("#notices p")).isEmpty(), "the postcode is placed exactly: "
        + text("notices"));
    page.manage().window().setSize(new Dimension(1280, 1500)); // the whole list, for the README
    try {
      browser.screenshot(SHOTS.resolve("finder.png"));
    } finally {
      page.manage().window().setSize(new Dimension(1280, 900));
    }
    Accessibility.assertAccessible(browser, "the finder's results", SHOTS.resolve("finder.png"));
  }

  @Test
  void canBeUsedWithTheKeyboardAlone() {
    page.get(finder(""));
    await("the empty form", () -> text("count").startsWith("Enter what you are"));
    keys(Keys.TAB);
    assertEquals("q", active().getAttribute("id"), "the first stop is the search words");
    keys("bicycles", Keys.ENTER);
    awaitResults();
    assertEquals("results-heading", active().getAttribute("id"), "focus moves to the results");
    keys(Keys.TAB);
    assertEquals(REPAIR, active().getText(), "the next stop is the first result");
    keys(Keys.ENTER);
    awaitDetail();
    await("focus on the detail heading", () -> "detail-heading".equals(active().getAttribute("id")));
    assertEquals(REPAIR, active().getText(), "focus moves to the service's name");
    new Actions(page).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    assertEquals("back", active().getAttribute("id"), "just before it: back to the results");
    keys(Keys.ENTER);
    awaitResults();
    await("focus back on the opened result", () -> repairId.equals(active().getAttribute("data-service")));
    assertTrue(page.getCurrentUrl().endsWith("/finder/?q=bicycles"), page.getCurrentUrl());
    String outline = (String) page.executeScript("return getComputedStyle(document.activeElement).outlineStyle");
    assertEquals("solid", outline, "the focus is visible");
  }

  @Test
  void searchesAnotherFeedNamedInTheAddress() {
    String other = second.uri().toString();
    page.get(finder("?feed=" + URLEncoder.encode(other, StandardCharsets.UTF_8) + "&q=soup"));
    awaitResults();
    assertEquals(List.of("Second Feed Soup Kitchen"), resultNames(), "from the second server, across origins");
    assertEquals("Searching the directory at " + other + ".", text("source"));
    assertEquals(other, page.findElement(By.id("feed")).getAttribute("value"));
  }

  @Test
  void saysPlainlyWhenAFeedCannotSearchByPostcodeAndSearchesWithoutIt() {
    String other = limited.uri().toString();
    page.get(finder("?feed=" + URLEncoder.encode(other, StandardCharsets.UTF_8) + "&q=welfare&postcode="
        + URLEncoder.encode(POSTCODE, StandardCharsets.UTF_8) + "&distance=5"));
    awaitResults();
    assertTrue(text("notices").startsWith("This directory could not search near ZE1 0AA, so these results are not"
        + " limited to places near it."), text("notices"));
    assertEquals(List.of("Limited Feed Welfare Rights"), resultNames(), "still searched, without the postcode");
  }

  @Test
  void showsHostileTextAsText() throws IOException {
    page.get(finder("?q=quokka"));
    awaitResults();
    assertEquals(List.of(HOSTILE), resultNames(), "the name, character for character");
    assertEquals("Services for \"quokka\" \u2013 Find a service", page.getTitle(), "no script from the feed ran");
    assertNull(page.executeScript("return window.pwned === undefined ? null : String(window.pwned)"));
    assertTrue(page.findElements(By.cssSelector("#results script, #results b, #results img")).isEmpty(),
        "no element from the feed");
    // At 375 px the very long word must wrap within the page: measured once the results are there again.
    Accessibility.assertAccessible(browser, "the finder with a hostile name", SHOTS.resolve("finder-hostile.png"),
        FinderBrowserTest::awaitResults);
    assertEquals(List.of(HOSTILE), resultNames(), "still the hostile name, as text");
  }

  @Test
  void filtersByAgeAndOpenNowInTheBrowserAndSaysWhatItLeftOut() {
    page.get(finder("?q=zephyr"));
    awaitResults();
    assertEquals(List.of(OPEN, CLOSED, TIMELESS), resultNames());
    assertEquals(List.of("Open now", "Closed now"), page.findElements(By.cssSelector("#results .open, #results .closed"))
        .stream().map(WebElement::getText).toList());

    page.get(finder("?q=zephyr&open=now"));
    awaitResults();
    assertEquals(List.of(OPEN), resultNames(), "open now, worked out from the schedules in UK time");
    assertTrue(page.findElement(By.id("open")).isSelected());
    assertEquals("1 service was left out because its opening times do not say whether it is open now.",
        text("notices"));

    page.get(finder("?q=zephyr&age=15"));
    awaitResults();
    assertEquals(List.of(CLOSED, TIMELESS), resultNames(), "ages 11 to 18, and the one that states no limit");
    page.get(finder("?q=zephyr&age=fifteen"));
    await("the age's error", () -> "true".equals(page.findElement(By.id("age")).getAttribute("aria-invalid")));
    assertEquals("Enter the age as a whole number of years, such as 8.", text("age-error"));
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /** A weekly schedule (JSON, without ids) on this day from one time to another. */
  private static String weekly(String day, ZonedDateTime opens, ZonedDateTime closes) {
    DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss");
    return "{\"freq\":\"WEEKLY\",\"byday\":\"" + day + "\",\"opens_at\":\"" + opens.format(time)
        + "\",\"closes_at\":\"" + closes.format(time) + "\"}";
  }

  private static String finder(String query) {
    return home.uri().resolve("/finder/" + query).toString();
  }

  private static void awaitResults() {
    await("the results", () -> {
      String count = text("count");
      return page.findElement(By.id("results-section")).getAttribute("hidden") == null
          && !count.startsWith("Searching") && !count.startsWith("Loading");
    });
  }

  private static void awaitDetail() {
    await("the detail", () -> page.findElement(By.id("detail")).isDisplayed()
        && !text("detail-heading").startsWith("Loading"));
  }

  /** Polls the page until the condition holds; fails after 20 s (a generous deadline for a loaded machine). */
  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("waited 20 s for " + what + "; the page says: " + text("count") + " " + text("notices"));
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted while waiting for " + what);
      }
    }
  }

  private static String text(String id) {
    return page.findElement(By.id(id)).getText();
  }

  private static List<String> resultNames() {
    return page.findElements(By.cssSelector("#results > li h3")).stream().map(WebElement::getText).toList();
  }

  private static WebElement active() {
    return page.switchTo().activeElement();
  }

  private static void keys(CharSequence... keys) {
    new Actions(page).sendKeys(keys).perform();
  }

  /** Great-circle distance from the postcode's address (haversine, the Earth's mean radius), in metres. */
  private static double metres(Place place) {
    double phi1 = Math.toRadians(LATITUDE);
    double phi2 = Math.toRadians(place.latitude());
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(place.longitude() - LONGITUDE);
    double a = Math.pow(Math.sin(dPhi / 2), 2) + Math.cos(phi1) * Math.cos(phi2) * Math.pow(Math.sin(dLambda / 2), 2);
    return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
  }

  private static OrukHttpServer serve(OrukApi api) throws IOException {
    return OrukHttpServer.builder(api).host("127.0.0.1").port(0).shutdownGrace(Duration.ZERO).start();
  }

  /** A service with an organization, a contact, a weekly schedule and, when given, one place. */
  private static Service service(String name, String description, Place place) {
    return service(name, description, place, "{\"freq\":\"WEEKLY\",\"byday\":\"TU\",\"opens_at\":\"18:00\","
        + "\"closes_at\":\"21:00\",\"description\":\"Every Tuesday, 6pm to 9pm.\"}", "");
  }

  /** A service with this schedule (JSON without its ids; none when empty) and these age properties (JSON). */
  private static Service service(String name, String description, Place place, String schedule, String ages) {
    String id = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    String organization = UUID.nameUUIDFromBytes(("org " + name).getBytes(StandardCharsets.UTF_8)).toString();
    StringBuilder json = new StringBuilder("{\"id\":\"" + id + "\",\"name\":" + quote(name) + ",\"description\":"
        + quote(description) + ",\"status\":\"active\",\"email\":\"repair@example.org\",\"url\":\"https://repair.example.org/\",\"organization_id\":\""
        + organization + "\",\"organization\":{\"id\":\"" + organization + "\",\"name\":\"Shetland Community Trust\","
        + "\"description\":\"A charity.\"},\"contacts\":[{\"id\":\"" + uuid(id, "contact") + "\",\"service_id\":\""
        + id + "\",\"name\":\"Ana Halcrow\",\"title\":\"Volunteer organiser\"}],\"schedules\":[" + (schedule.isEmpty() ? ""
        : "{\"id\":\"" + uuid(id, "schedule") + "\",\"service_id\":\"" + id + "\"," + schedule.substring(1)) + "]"
        + ages);
    if (place != null) {
      String location = uuid(id, "location");
      json.append(",\"service_at_locations\":[{\"id\":\"").append(uuid(id, "link")).append("\",\"service_id\":\"")
          .append(id).append("\",\"location_id\":\"").append(location).append("\",\"location\":{\"id\":\"")
          .append(location).append("\",\"location_type\":\"physical\",\"name\":").append(quote(place.service()
              + " hall")).append(",\"latitude\":").append(place.latitude()).append(",\"longitude\":")
          .append(place.longitude()).append(",\"addresses\":[{\"id\":\"").append(uuid(id, "address"))
          .append("\",\"location_id\":\"").append(location).append("\",\"address_1\":\"1 Hazel Lane\",\"city\":")
          .append("\"Lerwick\",\"state_province\":\"Shetland\",\"postal_code\":\"").append(place.postcode())
          .append("\",\"country\":\"GB\",\"address_type\":\"physical\"}],\"accessibility\":[{\"id\":\"")
          .append(uuid(id, "access")).append("\",\"location_id\":\"").append(location)
          .append("\",\"description\":\"Step-free entrance\"}]}}]");
    }
    return JSON.read(json.append('}').toString(), Service.class).value();
  }

  private static String uuid(String id, String what) {
    return UUID.nameUUIDFromBytes((id + what).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String quote(String text) {
    try {
      return MAPPER.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A feed whose service-at-locations cannot be filtered by postcode: asked for one, it answers 400. */
  private record WithoutPostcodes(InMemoryDirectory directory) implements DirectoryProvider {
    @Override
    public Capabilities capabilities() {
      return Capabilities.builder().services(Parameter.SEARCH, Parameter.FULL)
          .serviceAtLocations(Parameter.SEARCH, Parameter.FULL).build();
    }

    @Override
    public Results<Service> services(Query query, PageRequest page) {
      return directory.services(query, page);
    }

    @Override
    public Optional<Service> service(String id) {
      return directory.service(id);
    }

    @Override
    public Results<ServiceAtLocation> serviceAtLocations(Query query, PageRequest page) {
      return directory.serviceAtLocations(query, page);
    }
  }
}
