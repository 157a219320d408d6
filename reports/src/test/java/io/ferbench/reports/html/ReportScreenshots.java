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
 * A tool more than a test: takes the screenshots of docs/report.md from a report, one per main view (the first view as
 * the window shows it, the others whole). Runs only when asked for; {@code ferbench.screenshots.views} limits it to
 * some views (by name, comma-separated):
 * <pre>
 * mvn -B -o -q -pl reports -am test -Dtest=ReportScreenshots -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dferbench.screenshots.report=/tmp/ferbench-demo/report-demo/report.html \
 *     -Dferbench.screenshots.out=$PWD/docs/screenshots [-Dferbench.screenshots.views=verdict,leaderboard]
 * </pre>
 */
@EnabledIfSystemProperty(named = "ferbench.screenshots.report", matches = ".+")
class ReportScreenshots {
    private static final int HEIGHT = 900;

    /** A view (the page's hash), the file it goes to, and whether the shot takes the whole page or the window. */
    private record View(String name, String file, boolean wholePage) {}

    private static final List<View> VIEWS = List.of(
            new View("verdict", "verdict.png", false),
            new View("leaderboard", "leaderboard.png", true),
            new View("comparison", "comparison.png", true),
            new View("cells", "cell.png", true),
            new View("sweeps", "sweeps.png", true),
            new View("datasets", "datasets.png", true));

    @Test
    void takeScreenshotsOfTheMainViews() throws Exception {
        HeadlessChromium.assumeInstalled();
        Path report = Path.of(System.getProperty("ferbench.screenshots.report"));
        Path out = Path.of(System.getProperty("ferbench.screenshots.out", "docs/screenshots"));
        List<String> only = List.of(System.getProperty("ferbench.screenshots.views", "").split(",")).stream()
                .filter(v -> !v.isBlank()).toList();
        Files.createDirectories(out);
        try (HeadlessChromium chromium = new HeadlessChromium(1400, HEIGHT)) {
            chromium.viewport(1400, HEIGHT);
            chromium.open(report);
            for (View view : VIEWS) {
                if (!only.isEmpty() && !only.contains(view.name())) continue;
                chromium.script("location.hash = arguments[0]; window.scrollTo(0, 0);"
                        + "window.dispatchEvent(new Event('resize'))", view.name());
                // the whole page, not only the window (chromedriver's own screenshot stops at the window)
                Map<String, Object> shot = chromium.driver().executeCdpCommand("Page.captureScreenshot",
                        Map.of("format", "png", "captureBeyondViewport", view.wholePage()));
                Files.write(out.resolve(view.file()), Base64.getDecoder().decode((String) shot.get("data")));
            }
            assertEquals(List.of(), chromium.consoleErrors());
        }
    }
}
