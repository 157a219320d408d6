package io.ferbench.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A tool more than a test: takes the screenshots of docs/report.md from a report, one per main view.
 * Runs only when asked for:
 * <pre>
 * mvn -B -o -q -pl reports -am test -Dtest=ReportScreenshots -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dferbench.screenshots.report=/tmp/ferbench-demo/report-demo/report.html \
 *     -Dferbench.screenshots.out=$PWD/docs/screenshots
 * </pre>
 */
@EnabledIfSystemProperty(named = "ferbench.screenshots.report", matches = ".+")
class ReportScreenshots {
    /** View name (the page's hash), the file it goes to, and the page width (the leaderboard is wide). */
    private static final List<Object[]> VIEWS = List.of(
            new Object[] {"leaderboard", "leaderboard.png", 2600},
            new Object[] {"comparison", "comparison.png", 1400},
            new Object[] {"cells", "cell.png", 1400},
            new Object[] {"sweeps", "sweeps.png", 1400},
            new Object[] {"datasets", "datasets.png", 1400});

    @Test
    void takeScreenshotsOfTheMainViews() throws Exception {
        HeadlessChromium.assumeInstalled();
        Path report = Path.of(System.getProperty("ferbench.screenshots.report"));
        Path out = Path.of(System.getProperty("ferbench.screenshots.out", "docs/screenshots"));
        Files.createDirectories(out);
        try (HeadlessChromium chromium = new HeadlessChromium(1400, 900)) {
            chromium.open(report);
            for (Object[] view : VIEWS) {
                chromium.viewport((Integer) view[2], 900);
                chromium.script("location.hash = arguments[0]; window.scrollTo(0, 0);"
                        + "window.dispatchEvent(new Event('resize'))", view[0]);
                // the whole page, not only the window (chromedriver's own screenshot stops at the window)
                Map<String, Object> shot = chromium.driver().executeCdpCommand("Page.captureScreenshot",
                        Map.of("format", "png", "captureBeyondViewport", true));
                Files.write(out.resolve((String) view[1]), Base64.getDecoder().decode((String) shot.get("data")));
            }
            assertEquals(List.of(), chromium.consoleErrors());
        }
    }
}
