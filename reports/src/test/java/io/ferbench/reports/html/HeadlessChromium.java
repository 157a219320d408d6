package io.ferbench.reports.html;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver, both given by path so that
 * Selenium never looks for (or downloads) a browser or a driver. Each instance has a fresh profile
 * and no network features (no background requests, updates or sync), so a page that tries to fetch
 * anything fails visibly in the console log instead.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final Path profile;
    private final ChromeDriver driver;

    /** Skips the calling test, saying why, when Chromium is not installed (CI installs it). */
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(BROWSER), "skipped: the browser test needs " + BROWSER
                + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)");
    }

    HeadlessChromium(int width, int height) throws Exception {
        if (!Files.isExecutable(DRIVER)) {
            throw new IllegalStateException(BROWSER + " is installed but " + DRIVER + " is not: apt-get install "
                    + "chromium-driver (Selenium must not download a driver)");
        }
        profile = Files.createTempDirectory("ferbench-chromium-");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    ChromeDriver driver() { return driver; }

    /** Sets the page's viewport to exactly this size (the window size includes the browser's own frame). */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
    }

    /** Opens {@code file} and waits until the report's script says it has drawn the first view. */
    void open(Path file) {
        driver.get(file.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "true".equals(script(
                "return document.documentElement.getAttribute('data-ready')")));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Console messages of level SEVERE (errors, failed loads, CSP violations) since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::toString).toList();
    }

    @Override public void close() throws Exception {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
