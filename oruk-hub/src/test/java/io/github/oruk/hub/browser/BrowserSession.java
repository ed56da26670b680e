package io.github.oruk.hub.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium for page tests, driven by Selenium through the chromedriver of the OS's package (Debian's
 * {@code chromium} and {@code chromium-driver}): the driver's path is given explicitly, so Selenium Manager never
 * looks for or downloads one. Chromium runs with {@code --no-sandbox} (tests run as root in containers) and with its
 * background networking off, so a test reaches nothing but the loopback server it opens.
 *
 * <p>Where Chromium or its driver is missing the test is skipped with a message saying what to install, unless the
 * environment variable {@code CI} is set: there (as {@code .ci/run} sets it, after installing both) it fails, so a CI
 * run cannot pass by testing less.
 *
 * <p>Kept in oruk-hub's tests, whose dashboard is the first page tested in a browser: the test kit is a library
 * that publishers depend on, and a Selenium dependency there (even optional) would be one more thing to keep out of
 * their class path. Move it to the test kit when a second module needs it.
 */
public final class BrowserSession implements AutoCloseable {

  /** Where Debian's chromium-driver puts the driver. */
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final List<Path> CHROMIUM = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));

  /** Held, so the level set on it is not lost to garbage collection. */
  private static final Logger QUIET = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  private final ChromeDriver driver;

  private BrowserSession(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Starts a headless Chromium, 1280 × 900 px; skips the test (fails it under CI) when there is none. */
  public static BrowserSession start() {
    Optional<Path> chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst();
    if (chromium.isEmpty() || !Files.isExecutable(CHROMEDRIVER)) {
      String missing = "browser tests need Chromium and its driver (" + CHROMIUM.get(0) + " and " + CHROMEDRIVER
          + "); install them with: apt-get update && apt-get install -y chromium chromium-driver";
      if (System.getenv("CI") != null) {
        Assertions.fail(missing + " (CI is set, so this fails instead of skipping)");
      }
      Assumptions.abort(missing + "; skipped as CI is not set");
    }
    // Selenium warns when it has no DevTools binding for this Chromium's version; the tests use none.
    QUIET.setLevel(Level.SEVERE);
    // Both ways of naming the driver, so no path through Selenium falls back to Selenium Manager.
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.get().toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1280,900", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-quic", "--disable-extensions", "--disable-default-apps");
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
    return new BrowserSession(driver);
  }

  /** The driver, for finding elements and navigating. */
  public ChromeDriver driver() {
    return driver;
  }

  /** Saves a PNG of the window as it is now at this path (its folder is made), and returns the path. */
  public Path screenshot(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path taken = driver.getScreenshotAs(OutputType.FILE).toPath();
    return Files.move(taken, file, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
