package io.deltapromotion.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * registry-service's dashboard in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs), read the way an on-call engineer reads it.
 */
final class DashboardPage implements AutoCloseable {

  private static final List<Path> BROWSERS = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
  private static final List<Path> DRIVERS = List.of(Path.of("/usr/bin/chromedriver"),
      Path.of("/usr/lib/chromium/chromedriver"));

  private final ChromeDriver browser;

  private DashboardPage(ChromeDriver browser) {
    this.browser = browser;
  }

  static DashboardPage open(String url) {
    ChromeOptions options = new ChromeOptions()
        .setBinary(installed(BROWSERS).toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1000");
    ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(installed(DRIVERS).toFile())
        .usingAnyFreePort().build();
    ChromeDriver browser = new ChromeDriver(driver, options);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    browser.get(url);
    return new DashboardPage(browser);
  }

  /** What the ladder shows for the table in the stage ("" while it is not on the page). */
  String stage(String table, String stage) {
    return texts("#ladder tr[data-table='" + table + "'] td[data-stage='" + stage + "']").stream().findFirst().orElse("");
  }

  /** The rows of the incidents table (blocked, failed, rolled back) for the table. */
  List<String> incidents(String table) {
    return texts("#incidents tr[data-table='" + table + "']");
  }

  /** Marks this page load; {@link #reloaded()} is true once the page was loaded again. */
  void markLoaded() {
    ((JavascriptExecutor) browser).executeScript("window.loadedBeforeTheTest = true;");
  }

  boolean reloaded() {
    return !Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("return window.loadedBeforeTheTest === true;"));
  }

  /** Read in one script, so a re-render of the page between finding and reading cannot come in between. */
  @SuppressWarnings("unchecked")
  private List<String> texts(String selector) {
    return (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return Array.from(document.querySelectorAll(arguments[0]), element => element.innerText);", selector);
  }

  private static Path installed(List<Path> candidates) {
    return candidates.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException(
        "none of " + candidates + " is installed: apt-get install chromium chromium-driver (.ci/run does)"));
  }

  @Override
  public void close() {
    browser.quit();
  }
}
