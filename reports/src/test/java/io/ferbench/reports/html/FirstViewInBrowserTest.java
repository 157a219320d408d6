package io.ferbench.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.result.CellResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a maintainer sees first, in headless Chromium at 1,400 × 900: the verdict matrix of a 3 architectures × 3
 * backends × 2 seeds suite, above the fold, one row per architecture and one column per backend, its figures as the
 * data has them; the validation curves per architecture; and the leaderboard within the window's width. A second
 * dataset, named like an HTML injection, gets its own matrix and stays text.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FirstViewInBrowserTest {
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 900;
    private static final List<String> ARCHITECTURES = List.of("resnet18", "mobilenet_v2", "shufflenet_v2_x1_0");
    private static final List<String> BACKENDS = List.of("djl", "tensorflow", "dl4j");
    private static final String HOSTILE_DATASET = "<img src=x onerror=alert(1)>";

    @TempDir static Path dir;
    static HeadlessChromium chromium;
    static Path report;

    @BeforeAll
    static void writeTheReportAndOpenABrowser() throws Exception {
        HeadlessChromium.assumeInstalled();
        List<CellResult> results = new ArrayList<>();
        for (int a = 0; a < ARCHITECTURES.size(); a++) {
            for (int b = 0; b < BACKENDS.size(); b++) {
                for (int seed = 1; seed <= 2; seed++) {
                    // accuracy by architecture, backend and seed; djl takes 2 s an epoch, tensorflow 4, dl4j 8
                    double accuracy = 0.60 + 0.10 * a + 0.02 * b + 0.01 * seed;
                    results.add(TestCells.ok(ARCHITECTURES.get(a) + "-" + BACKENDS.get(b) + "-" + seed, results.size(),
                            TestCells.axes("architecture", ARCHITECTURES.get(a), "backend", BACKENDS.get(b), "seed",
                                    Integer.toString(seed)), accuracy, 2.0 * (1 << b), accuracy));
                }
            }
        }
        results.add(TestCells.ok("other-dataset", results.size(), TestCells.axes("dataset", HOSTILE_DATASET), 0.5, 2.0,
                0.5));
        report = dir.resolve("report.html");
        ComparisonReport.write(report, List.of(TestCells.run(dir, results)), new TsneEmbeddings());
        chromium = new HeadlessChromium(WIDTH, HEIGHT);
        chromium.viewport(WIDTH, HEIGHT);
    }

    @AfterAll
    static void closeTheBrowser() throws Exception {
        if (chromium != null) chromium.close();
    }

    @Test
    void theVerdictMatrixIsTheFirstViewAboveTheFoldWithARowPerArchitectureAndAColumnPerBackend() {
        chromium.open(report);
        assertEquals(List.of(), chromium.consoleErrors());
        assertEquals(HEIGHT, ((Number) chromium.script("return window.innerHeight")).intValue());
        assertEquals(Boolean.FALSE, chromium.script("return document.getElementById('panel-verdict').hidden"));
        double bottom = ((Number) chromium.script("return document.querySelector('table.verdict')"
                + ".getBoundingClientRect().bottom")).doubleValue();
        assertTrue(bottom <= HEIGHT, "the matrix ends at " + bottom + " px, below the fold");
        // the machine and backend configuration wait behind one line
        assertEquals(Boolean.FALSE, chromium.script("return document.querySelector('details[data-part=setup]').open"));
        assertEquals("Machine and backends: Test CPU · 2 cores · 4.0 GiB · no GPU · DJL 0.36.0 (PyTorch 2.7.1)",
                text("details[data-part=setup] > summary"));
        assertTrue(((Number) chromium.script("return document.querySelector('details[data-part=setup]')"
                + ".getBoundingClientRect().height")).doubleValue() < 30, "one line");

        assertEquals(ARCHITECTURES, texts("table.verdict[data-dataset=faces] tbody tr", "data-architecture"));
        assertEquals(BACKENDS, texts("table.verdict[data-dataset=faces] thead th[data-column]", "data-column"));
        // djl resnet18: 61 % and 62 %, 95 % CI half-width t(0.975, 1) · sd / √2 = 12.706 × 0.5 = 6.35; 120 img/s
        // the seeds train equally fast here: an interval of ± 0
        assertEquals("61.50 % ± 6.35120 ± 0 img/s · 1.00×2 repeats", entry(0, 0));
        assertEquals("65.50 % ± 6.3530.0 ± 0.0 img/s · 0.25×2 repeats", entry(0, 2));
        assertEquals(List.of("djl"), columnsMarked("fastest"));
        assertEquals(List.of("dl4j"), columnsMarked("most-accurate"));
        assertEquals(3L, chromium.script("return document.querySelectorAll('ul.verdicts[data-dataset=faces] li')"
                + ".length"), "a verdict line per architecture");
        assertTrue(text("ul.verdicts li").startsWith("resnet18: fastest: djl at 120 img/s, 2.00× tensorflow"),
                text("ul.verdicts li"));

        for (int row = 0; row < ARCHITECTURES.size(); row++) {
            assertEquals(6L, chromium.script("return echarts.getInstanceByDom(document.querySelector("
                    + "'[data-chart=\"verdict-curves-0-" + row + "\"]')).getOption().series.length"),
                    "a validation curve per cell: 3 backends × 2 seeds");
        }

        // the second dataset's matrix, its name as text
        assertEquals(HOSTILE_DATASET, chromium.script("return document.querySelectorAll('table.verdict')[1]"
                + ".getAttribute('data-dataset')"));
        assertTrue(text("#panel-verdict").contains("Dataset " + HOSTILE_DATASET));
        assertEquals(0L, chromium.script("return document.querySelectorAll('img[src=\"x\"], img[onerror]').length"));

        // an entry leads to its cell
        chromium.driver().findElement(By.cssSelector("table.verdict tbody tr td.entry button.link")).click();
        // the cells panel renders after the click's navigation: on a loaded machine that takes a moment
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(20)).until(d -> (Boolean) chromium.script(
                "return document.querySelector('#panel-cells [data-cell]') !== null"));
        assertEquals("resnet18-djl-1", chromium.script("return document.querySelector('#panel-cells [data-cell]')"
                + ".getAttribute('data-cell')"));
        assertEquals(List.of(), chromium.consoleErrors());
    }

    @Test
    void theLeaderboardFitsTheWindowWithItsOtherColumnsBehindAToggle() {
        chromium.open(report);
        chromium.script("location.hash = 'leaderboard'");
        double right = ((Number) chromium.script("return document.querySelector('table.leaderboard')"
                + ".getBoundingClientRect().right")).doubleValue();
        assertTrue(right <= WIDTH, "the leaderboard ends at " + right + " px; its columns: " + chromium.script(
                "return Array.from(document.querySelectorAll('table.leaderboard th')).filter(th => th.offsetParent)"
                        + ".map(th => th.textContent + ' ' + th.offsetWidth).join(', ')"));
        assertEquals(Boolean.TRUE, chromium.script("const s = document.querySelector('#panel-leaderboard .scroll');"
                + "return s.scrollWidth <= s.clientWidth"), "no horizontal scrolling");
        long shown = (Long) chromium.script("return Array.from(document.querySelectorAll('table.leaderboard th'))"
                + ".filter(th => th.offsetParent !== null).length");
        chromium.driver().findElement(By.cssSelector("input[data-part=all-columns]")).click();
        long all = (Long) chromium.script("return Array.from(document.querySelectorAll('table.leaderboard th'))"
                + ".filter(th => th.offsetParent !== null).length");
        assertEquals(1 + ((Long) chromium.script("return JSON.parse(document.getElementById('ferbench-data')"
                + ".textContent).leaderboard.columns.length")), all, "every column, after the rank");
        assertTrue(shown < all, shown + " of " + all + " columns at first");
        assertEquals(List.of(), chromium.consoleErrors());
    }

    /** The text of the entry of a row and column of the first matrix. */
    private String entry(int row, int column) {
        return (String) chromium.script("return document.querySelectorAll('table.verdict')[0].tBodies[0]"
                + ".rows[arguments[0]].cells[arguments[1] + 1].textContent", row, column);
    }

    /** The columns whose entry in the first row of the first matrix has {@code mark} as a class. */
    @SuppressWarnings("unchecked")
    private List<String> columnsMarked(String mark) {
        return (List<String>) chromium.script("const table = document.querySelectorAll('table.verdict')[0];"
                + "const columns = Array.from(table.tHead.rows[0].cells).slice(1).map(th => th.textContent);"
                + "return Array.from(table.tBodies[0].rows[0].cells).slice(1)"
                + ".flatMap((td, i) => td.classList.contains(arguments[0]) ? [columns[i]] : [])", mark);
    }

    @SuppressWarnings("unchecked")
    private List<String> texts(String selector, String attribute) {
        return (List<String>) chromium.script("return Array.from(document.querySelectorAll(arguments[0]))"
                + ".map(e => e.getAttribute(arguments[1]))", selector, attribute);
    }

    private String text(String selector) {
        return chromium.driver().findElement(By.cssSelector(selector)).getDomProperty("textContent");
    }
}
