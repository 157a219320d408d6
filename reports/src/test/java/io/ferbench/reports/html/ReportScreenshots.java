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
    /** View name (the page's hash) and the file it goes to. */
    private static final List<String[]> VIEWS = List.of(
            new String[] {"leaderboard", "leaderboard.png"},
            new String[] {"comparison", "comparison.png"},
            new String[] {"cells", "cell.png"},
            new String[] {"sweeps", "sweeps.png"},
            new String[] {"datasets", "datasets.png"});

    @Test
    void takeScreenshotsOfTheMainViews() throws Exception {
        HeadlessChromium.assumeInstalled();
        Path report = Path.of(System.getProperty("ferbench.screenshots.report"));
        Path out = Path.of(System.getProperty("ferbench.screenshots.out", "docs/screenshots"));
        Files.createDirectories(out);
        try (HeadlessChromium chromium = new HeadlessChromium(1400, 900)) {
            chromium.open(report);
            for (String[] view : VIEWS) {
                chromium.script("location.hash = arguments[0]; window.scrollTo(0, 0)", view[0]);
                // the whole page, not only the window (chromedriver's own screenshot stops at the window)
                Map<String, Object> shot = chromium.driver().executeCdpCommand("Page.captureScreenshot",
                        Map.of("format", "png", "captureBeyondViewport", true));
                Files.write(out.resolve(view[1]), Base64.getDecoder().decode((String) shot.get("data")));
            }
            assertEquals(List.of(), chromium.consoleErrors());
        }
    }
}
