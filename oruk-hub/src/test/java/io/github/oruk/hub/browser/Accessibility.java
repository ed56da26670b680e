package io.github.oruk.hub.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The accessibility checks every page test makes: axe-core (its script from the {@code org.webjars.npm:axe-core}
 * WebJar, run inside the page, so nothing is fetched) against WCAG 2.1 A and AA finds no serious or critical
 * violation; and the page, drawn 375 px wide as on a small phone, does not scroll sideways. Keyboard use is tested
 * by each page's own test, as what "usable" means differs per page.
 */
public final class Accessibility {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AXE = axeSource();

  private Accessibility() {
  }

  /**
   * Fails unless the page now in the browser has no serious or critical axe violation and fits 375 px; saves a
   * screenshot of the narrow page as {@code SHOT-375.png} beside the others, for a person to look at.
   */
  public static void assertAccessible(BrowserSession browser, String what, Path shot) throws IOException {
    assertAccessible(browser, what, shot, () -> { });
  }

  /**
   * As {@link #assertAccessible(BrowserSession, String, Path)}, for a page that fills itself in after loading (the
   * finder's results): {@code ready} waits, after the page is drawn again at 375 px, until it has.
   */
  public static void assertAccessible(BrowserSession browser, String what, Path shot, Runnable ready)
      throws IOException {
    List<String> violations = violations(browser.driver());
    assertEquals(List.of(), violations, what + ": axe-core's serious or critical violations (WCAG 2.1 A and AA)");
    ChromeDriver driver = browser.driver();
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
    try {
      driver.navigate().refresh(); // laid out afresh at 375 px, as a phone would first draw it
      ready.run();
      // Elements wider than the screen, or whose text (a long word) spills out of them, outside the scrolling
      // containers a wide table may sit in. A mobile browser zooms out to fit content wider than the screen, so
      // a wider window is as much a sign of sideways scrolling as a wider page.
      Object measured = driver.executeScript("var e = document.scrollingElement || document.documentElement;"
          + " var wide = Array.prototype.filter.call(document.body.querySelectorAll('*'), function (x) {"
          + "   return !x.closest('.scroll') && (x.getBoundingClientRect().right > 375.5"
          + "     || x.scrollWidth > x.clientWidth + 1 && getComputedStyle(x).overflowX === 'visible'); })"
          + "   .slice(0, 5).map(function (x) { return x.tagName.toLowerCase() + (x.id ? '#' + x.id : '')"
          + "     + (x.className && typeof x.className === 'string' ? '.' + x.className : ''); });"
          + " return [e.scrollWidth, e.clientWidth, window.innerWidth, wide.join(', ')];");
      List<?> widths = (List<?>) measured;
      int content = ((Number) widths.get(0)).intValue();
      int window = ((Number) widths.get(2)).intValue();
      assertTrue(window == 375 && content <= ((Number) widths.get(1)).intValue(),
          what + " does not fit 375 px: its content is " + content + " px wide and the browser zoomed out to "
              + window + " px; too wide: " + widths.get(3));
      String name = shot.getFileName().toString().replaceFirst("\\.png$", "");
      browser.screenshot(shot.resolveSibling(name + "-375.png"));
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  /** Each serious or critical violation axe-core finds in the page, as "rule (impact): help, at: elements". */
  public static List<String> violations(ChromeDriver driver) throws IOException {
    driver.executeScript(AXE);
    Object result = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + " axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        + ".then(function (r) { done(JSON.stringify(r.violations)); })"
        + ".catch(function (e) { done('axe failed: ' + e); });");
    String text = String.valueOf(result);
    if (text.startsWith("axe failed")) {
      fail(text);
    }
    List<String> found = new ArrayList<>();
    for (JsonNode violation : JSON.readTree(text)) {
      String impact = violation.path("impact").asText();
      if (impact.equals("serious") || impact.equals("critical")) {
        List<String> where = new ArrayList<>();
        violation.path("nodes").forEach(node -> where.add(node.path("target").toString()));
        found.add(violation.path("id").asText() + " (" + impact + "): " + violation.path("help").asText()
            + ", at: " + String.join(" ", where));
      }
    }
    return found;
  }

  private static String axeSource() {
    String version = webJarVersion();
    String path = "META-INF/resources/webjars/axe-core/" + version + "/axe.min.js";
    try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("axe-core's script is not on the test class path at " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The WebJar's version, from its Maven properties, so a version change in the pom needs no change here. */
  private static String webJarVersion() {
    String path = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";
    try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the axe-core WebJar is not on the test class path (" + path + ")");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
