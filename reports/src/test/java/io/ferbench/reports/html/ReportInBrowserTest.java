package io.ferbench.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.worker.data.SyntheticFaces;
import io.ferbench.worker.env.CacheDirectory;
import io.ferbench.runner.Coordinator;
import io.ferbench.runner.RunOptions;
import io.ferbench.runner.RunSummary;
import io.ferbench.suite.Suites;
import io.ferbench.worker.train.InferenceSettings;
import io.ferbench.reports.ReportingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The report of a real run, opened in headless Chromium: a small suite (DJL, 32×32 faces, a
 * learning-rate sweep with two seeds each, plus a cell whose dataset folder does not exist) trained
 * through forked workers, on a folder dataset one of whose classes is named like an HTML injection.
 * The page must raise no console error, every chart must hold the series its data calls for, and
 * every string from the suite, the folder names and the errors must stay text.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ReportInBrowserTest {
    static final String XSS_CLASS = "<img src=x onerror=alert(1)>";
    static final String XSS_DESCRIPTION = "</script><script>alert('description')</script>";
    /** The missing dataset folder of the failing cell: its error message carries markup too. */
    static final String XSS_FOLDER = "no-such-<b>folder</b>";
    private static final String SUITE = """
            name: browser
            description: "%s"
            datasets:
              faces:
                kind: folder
                path: faces
              missing:
                kind: folder
                path: "%s"
            matrix:
              dataset: faces
              architecture: shufflenet_v2_x0_5
              backend: djl
              device: cpu
              threads: 1
              image_size: 32
              batch_size: 16
              epochs: 2
              learning_rate: [0.01, 0.001]
              seed: [1, 2]
              include:
                - {dataset: missing, learning_rate: 0.01, seed: 1}
            timeout_minutes: 5
            """.formatted(XSS_DESCRIPTION, XSS_FOLDER);

    @TempDir static Path dir;
    static RunSummary run;
    static HeadlessChromium chromium;

    @BeforeAll
    static void runTheSuiteAndOpenABrowser() throws Exception {
        HeadlessChromium.assumeInstalled(); // before training: without a browser there is nothing to check
        Path faces = dir.resolve("faces");
        SyntheticFaces.writeKaggleLayout(faces, List.of("angry", "happy", "sad"), 30, 32, 5);
        for (String split : List.of("train", "test")) {
            Files.move(faces.resolve(split).resolve("happy"), faces.resolve(split).resolve(XSS_CLASS));
        }
        RunOptions options = RunOptions.defaults(dir.resolve("out"))
                .withCache(new CacheDirectory(Path.of(System.getProperty("java.io.tmpdir"), "ferbench-cache")))
                .withDataRoot(dir).withInference(new InferenceSettings(1, 5, 2, 20)).withWorkerHeap("1g");
        run = new Coordinator(options, List.of(new ReportingListener())).run(Suites.plan(SUITE, "browser.yaml"));
        chromium = new HeadlessChromium(1400, 1000);
    }

    @AfterAll
    static void closeTheBrowser() throws Exception {
        if (chromium != null) chromium.close();
    }

    @BeforeEach
    void openTheReport() {
        assertEquals(List.of(CellStatus.OK, CellStatus.OK, CellStatus.OK, CellStatus.OK, CellStatus.FAILED),
                run.results().stream().map(CellResult::status).toList(), run.results().toString());
        chromium.open(run.layout().reportHtml());
    }

    @Test
    void opensWithoutConsoleErrorsAndEveryChartHasTheSeriesItsDataCallsFor() {
        assertEquals(List.of(), chromium.consoleErrors(), "console errors on opening");
        // the first view: a verdict matrix per dataset, of one architecture on one backend; on faces the better
        // learning rate of two, on the missing dataset the failed cell
        assertEquals(List.of("shufflenet_v2_x0_5"), chromium.script("return Array.from(document.querySelectorAll("
                + "'table.verdict[data-dataset=faces] tbody tr')).map(r => r.getAttribute('data-architecture'))"));
        assertEquals(List.of("djl"), chromium.script("return Array.from(document.querySelectorAll("
                + "'table.verdict[data-dataset=faces] th[data-column]')).map(th => th.textContent)"));
        assertTrue(text("table.verdict[data-dataset=faces] td.entry").contains("(best of 2) · 2 repeats"),
                text("table.verdict[data-dataset=faces] td.entry"));
        assertEquals("no ok cell: 1 failed or diverged", text("table.verdict[data-dataset=missing] td.entry"));
        assertEquals(List.of("line", "line"), seriesTypes("verdict-curves-0-0"), "the two seeds' validation curves");

        show("leaderboard");
        assertEquals(5L, chromium.script("return document.querySelectorAll('table.leaderboard tr[data-cell]').length"));

        // framework comparison: one backend, two seeds a configuration
        show("comparison");
        for (String metric : List.of("accuracy", "epoch_s", "train_ips")) {
            assertEquals(List.of("bar", "custom"), seriesTypes("compare-" + metric), metric + ": bars and error bars");
            assertEquals(List.of("faces · learning_rate=0.01", "faces · learning_rate=0.001"),
                    categories("compare-" + metric), "named by what varies in the suite: dataset and learning rate");
        }
        assertEquals(List.of("scatter", "custom"), seriesTypes("tradeoff"));

        // every ok cell in depth: curves, confusion matrix, ROC per class, t-SNE per class
        for (CellResult r : run.results()) {
            chromium.script("location.hash = 'cell=' + encodeURIComponent(arguments[0])", r.cellId());
            assertEquals(r.cellId(), chromium.script("return document.querySelector('#panel-cells [data-cell]')"
                    + ".getAttribute('data-cell')"));
            if (r.status() != CellStatus.OK) {
                assertEquals(0L, chromium.script("return document.querySelectorAll('#panel-cells .chart').length"));
                assertTrue(text("#panel-cells").contains(dir.resolve(XSS_FOLDER) + " does not exist"),
                        text("#panel-cells"));
                continue;
            }
            assertEquals(List.of("line", "line"), seriesTypes("cell-loss"));
            assertEquals(List.of("line", "line"), seriesTypes("cell-accuracy"));
            assertEquals(List.of("heatmap"), seriesTypes("cell-confusion"));
            assertEquals(9L, chromium.script("return echarts.getInstanceByDom(document.querySelector("
                    + "'[data-chart=\"cell-confusion\"]')).getOption().series[0].data.length"), "3 × 3 classes");
            assertEquals(List.of("line", "line", "line"), seriesTypes("cell-roc"), "one curve a class");
            long tsneClasses = java.util.Arrays.stream(r.features().labels()).distinct().count();
            assertEquals(tsneClasses, seriesTypes("cell-tsne").size(), "one t-SNE series a class in the sample");
            assertEquals((long) r.features().size(), chromium.script("return echarts.getInstanceByDom(document"
                    + ".querySelector('[data-chart=\"cell-tsne\"]')).getOption().series.reduce((n, s) => n + s.data"
                    + ".length, 0)"), "every sampled test image is a point");
        }

        // the learning-rate sweep, on a log axis, one line of two points
        show("sweeps");
        for (String kind : List.of("accuracy", "loss")) {
            assertEquals(List.of("line"), seriesTypes("sweep-0-" + kind));
            assertEquals("log", chromium.script("return echarts.getInstanceByDom(document.querySelector("
                    + "'[data-chart=\"sweep-0-" + kind + "\"]')).getOption().xAxis[0].type"));
            assertEquals(2L, chromium.script("return echarts.getInstanceByDom(document.querySelector("
                    + "'[data-chart=\"sweep-0-" + kind + "\"]')).getOption().series[0].data.length"));
        }

        // the dataset: counts per split, mean and std per class, 8 sample images a class
        show("datasets");
        assertEquals(List.of("bar", "bar", "bar"), seriesTypes("dataset-0-counts"));
        assertEquals(List.of("bar", "bar"), seriesTypes("dataset-0-stats"));
        assertEquals(24L, chromium.script("return document.querySelectorAll("
                + "'#panel-datasets img[src^=\"data:image/png;base64,\"]').length"));
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(10)).until(d -> Long.valueOf(24).equals(chromium.script(
                "return Array.from(document.querySelectorAll('#panel-datasets img'))"
                        + ".filter(i => i.complete && i.naturalWidth === 32).length")));  // every thumbnail decodes
        // the dataset audit: distinct synthetic faces, so nothing leaks and no example groups are shown
        assertTrue(text("#panel-datasets [data-audit]").startsWith("Audit: 0 exact-duplicate groups (0 images) and 0 "
                + "near-duplicate groups (0 images) reach into the test split"), text("#panel-datasets [data-audit]"));
        assertEquals(0L, chromium.script("return document.querySelectorAll('#panel-datasets .audit-groups').length"));

        show("notes");
        assertTrue(text("#panel-notes").contains("How to read the figures"));
        assertEquals(List.of(), chromium.consoleErrors(), "console errors after visiting every view");
    }

    @Test
    void aClassFolderNamedLikeHtmlAndTheSuiteDescriptionStayText() throws Exception {
        String html = Files.readString(run.layout().reportHtml());
        assertFalse(html.contains(XSS_CLASS), "the folder name never appears unescaped in the file");
        assertFalse(html.contains(XSS_DESCRIPTION));
        assertFalse(html.contains(XSS_FOLDER));

        for (String view : List.of("verdict", "leaderboard", "comparison", "cells", "sweeps", "datasets")) show(view);
        // the text is shown as text ...
        String classes = (String) chromium.script("return Array.from(document.querySelectorAll("
                + "'#panel-datasets .samples .name')).map(e => e.textContent).join('|')");
        assertTrue(classes.startsWith(XSS_CLASS + " (30)"), classes);
        assertTrue(text("#panel-cells table.per-class").contains(XSS_CLASS));
        assertTrue(text("#top").contains(XSS_DESCRIPTION), text("#top"));
        assertTrue(text("tr.error-row").contains(XSS_FOLDER), "the error names the folder, as text");
        // ... and nothing of it became markup or ran
        assertEquals(0L, chromium.script("return document.querySelectorAll('img[src=\"x\"], img[onerror], b').length"));
        assertEquals(3L, chromium.script("return document.scripts.length"), "the data block, ECharts, the page script");
        assertThrows(NoAlertPresentException.class, () -> chromium.driver().switchTo().alert());
        assertEquals("ferbench: browser", chromium.driver().getTitle());
        assertEquals(List.of(), chromium.consoleErrors());
    }

    @Test
    void theLeaderboardSortsFiltersAndShowsFailedCellsWithTheirError() {
        show("leaderboard");
        List<WebElement> errors = chromium.driver().findElements(By.cssSelector("tr.error-row"));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).getText().contains("does not exist"), errors.get(0).getText());
        assertEquals(Boolean.TRUE, chromium.script("const best = Array.from(document.querySelectorAll('td.best'));"
                + "return best.length > 0 && best.every(td => td.parentElement.classList.contains('ok'))"),
                "best values are marked, in ok rows only");

        WebElement filter = chromium.driver().findElement(By.cssSelector(".controls input[type=search]"));
        filter.sendKeys("missing");
        assertEquals(List.of("failed"), visibleStatuses());
        filter.clear();
        filter.sendKeys(" "); // an input event with an empty query: every row again
        assertEquals(5, visibleStatuses().size());
        chromium.driver().findElement(By.cssSelector("input[data-status=failed]")).click();
        assertEquals(List.of("ok", "ok", "ok", "ok"), visibleStatuses());

        chromium.driver().findElement(By.cssSelector("th[data-key=epoch_s]")).click();
        List<Double> seconds = visibleValues("epoch_s");
        assertEquals(seconds.stream().sorted().toList(), seconds, "ascending after one click");
        chromium.driver().findElement(By.cssSelector("th[data-key=epoch_s]")).click();
        seconds = visibleValues("epoch_s");
        assertEquals(seconds.stream().sorted(java.util.Comparator.reverseOrder()).toList(), seconds, "then descending");
    }

    @Test
    void theReportOfARunWithNoFinishedCellOpensCleanlyAndSaysSo() throws Exception {
        RunFolder empty = new RunFolder(new io.ferbench.worker.RunLayout(dir.resolve("empty")), "empty", "",
                "name: empty\n", List.of(), List.of("000-djl-resnet18-faces-r0"));
        Path file = dir.resolve("empty.html");
        ComparisonReport.write(file, List.of(empty), new TsneEmbeddings());
        chromium.open(file);
        for (String view : List.of("verdict", "leaderboard", "comparison", "cells", "sweeps", "datasets")) show(view);
        assertTrue(text("#panel-verdict").contains("No cell has finished yet."));
        assertTrue(text("#panel-leaderboard").contains("No cell has finished yet."));
        assertTrue(text("#top").contains("1 of 1 cells"), text("#top"));
        assertEquals(0L, chromium.script("return document.querySelectorAll('.chart').length"));
        assertEquals(List.of(), chromium.consoleErrors());
    }

    private void show(String view) {
        chromium.script("location.hash = arguments[0]", view);
        assertEquals(Boolean.FALSE, chromium.script("return document.getElementById('panel-' + arguments[0]).hidden",
                view), view + " is shown");
    }

    @SuppressWarnings("unchecked")
    private List<String> seriesTypes(String chart) {
        return (List<String>) chromium.script("const e = document.querySelector('[data-chart=\"' + arguments[0] + '\"]');"
                + "return e ? echarts.getInstanceByDom(e).getOption().series.map(s => s.type) : null", chart);
    }

    @SuppressWarnings("unchecked")
    private List<String> categories(String chart) {
        return (List<String>) chromium.script("return echarts.getInstanceByDom(document.querySelector("
                + "'[data-chart=\"' + arguments[0] + '\"]')).getOption().xAxis[0].data", chart);
    }

    private String text(String selector) {
        return chromium.driver().findElement(By.cssSelector(selector)).getDomProperty("textContent");
    }

    @SuppressWarnings("unchecked")
    private List<String> visibleStatuses() {
        return (List<String>) chromium.script("return Array.from(document.querySelectorAll("
                + "'table.leaderboard tr[data-cell]')).filter(r => !r.hidden).map(r => r.className)");
    }

    /** The leaderboard's value of {@code key} for each visible row, top to bottom, from the page's own data. */
    private List<Double> visibleValues(String key) {
        @SuppressWarnings("unchecked")
        List<String> cells = (List<String>) chromium.script("return Array.from(document.querySelectorAll("
                + "'table.leaderboard tr[data-cell]')).filter(r => !r.hidden).map(r => r.getAttribute('data-cell'))");
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) chromium.script("const out = {};"
                + "for (const r of JSON.parse(document.getElementById('ferbench-data').textContent).leaderboard.rows)"
                + " out[r.cell] = r.values[arguments[0]]; return out", key);
        return cells.stream().map(c -> ((Number) values.get(c)).doubleValue()).toList();
    }
}
