package io.ferbench.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.study.stats.WelchTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictMatrixTest {
    @TempDir Path dir;

    @Test
    void eachArchitectureAndBackendShowsItsBestConfigurationByValidationAccuracy() {
        List<ReportCell> cells = TestCells.cells(dir,
                // djl resnet18 in two configurations: lr 0.01 validates better, lr 0.001 tests better
                TestCells.ok("a1", 0, TestCells.axes("learning_rate", "0.01", "seed", "1"), 0.70, 2.0, 0.9),
                TestCells.ok("a2", 1, TestCells.axes("learning_rate", "0.01", "seed", "2"), 0.80, 4.0, 0.9),
                TestCells.ok("b1", 2, TestCells.axes("learning_rate", "0.001", "seed", "1"), 0.95, 2.0, 0.5),
                TestCells.ok("b2", 3, TestCells.axes("learning_rate", "0.001", "seed", "2"), 0.95, 2.0, 0.5),
                TestCells.ok("c1", 4, TestCells.axes("backend", "dl4j", "learning_rate", "0.001"), 0.72, 8.0, 0.7),
                TestCells.ok("d1", 5, TestCells.axes("architecture", "mobilenet_v2", "learning_rate", "0.01"), 0.6,
                        1.0, 0.6),
                TestCells.failed("e1", 6, TestCells.axes("architecture", "mobilenet_v2", "backend", "dl4j"), "x"));
        VerdictMatrix.View view = VerdictMatrix.of(cells, Axes.of(cells));

        assertEquals(List.of("djl", "dl4j"), view.columns());
        assertEquals(List.of("learning_rate"), view.chosenAmong());
        assertTrue(view.chose());
        assertEquals(1, view.tables().size());
        assertEquals("faces", view.tables().get(0).dataset());
        List<VerdictMatrix.Row> rows = view.tables().get(0).rows();
        assertEquals(List.of("resnet18", "mobilenet_v2"), rows.stream().map(VerdictMatrix.Row::architecture).toList());

        VerdictMatrix.Row resnet = rows.get(0);
        assertNull(resnet.configuration(), "djl and dl4j show different learning rates: each entry names its own");
        VerdictMatrix.Entry djl = resnet.entries().get(0);
        assertEquals("learning_rate=0.01", djl.configuration(), "chosen by validation, not by test accuracy");
        assertEquals(2, djl.configurations());
        assertEquals(List.of("a1", "a2"), djl.cells());
        assertEquals(75.0, djl.accuracy().mean(), 1e-9);
        // 95 % CI of two values: mean ± t(0.975, 1) · sd / √2, t = 12.706, sd = √50
        assertEquals(12.7062 * Math.sqrt(50) / Math.sqrt(2), djl.accuracy().ciHigh() - 75.0, 1e-3);
        assertEquals(90.0, djl.trainImagesPerSecond().mean(), 1e-9, "mean of 240/2 and 240/4 images per second");
        assertEquals(1.0, djl.relativeSpeed(), 1e-9);
        assertTrue(djl.fastest() && djl.mostAccurate());
        VerdictMatrix.Entry dl4j = resnet.entries().get(1);
        assertEquals("learning_rate=0.001", dl4j.configuration());
        assertNull(dl4j.accuracy().ciLow(), "one cell: no interval");
        assertEquals(30.0 / 90.0, dl4j.relativeSpeed(), 1e-9);
        assertFalse(dl4j.fastest() || dl4j.mostAccurate());
        assertEquals("fastest: djl at 90.0 img/s, 3.00× dl4j; most accurate: djl at 75.00 %, 3.00 points above dl4j",
                resnet.verdict(), "a single run on one side: no test");

        VerdictMatrix.Row mobilenet = rows.get(1);
        assertEquals("learning_rate=0.01", mobilenet.configuration(), "one configuration for the row: named once");
        assertNull(mobilenet.entries().get(0).configuration());
        VerdictMatrix.Entry failed = mobilenet.entries().get(1);
        assertNull(failed.accuracy());
        assertEquals(1, failed.notOk());
        assertEquals("only djl has results", mobilenet.verdict());
    }

    @Test
    void repeatedBackendsAreComparedWithWelchsTest() {
        List<ReportCell> cells = TestCells.cells(dir,
                TestCells.ok("a1", 0, TestCells.axes("seed", "1"), 0.80, 2.0, 0.8),
                TestCells.ok("a2", 1, TestCells.axes("seed", "2"), 0.82, 2.2, 0.8),
                TestCells.ok("b1", 2, TestCells.axes("backend", "tensorflow", "seed", "1"), 0.70, 2.1, 0.7),
                TestCells.ok("b2", 3, TestCells.axes("backend", "tensorflow", "seed", "2"), 0.71, 2.0, 0.7));
        VerdictMatrix.View view = VerdictMatrix.of(cells, Axes.of(cells));
        assertEquals(List.of(), view.chosenAmong(), "the seed makes repeats, not configurations");
        assertFalse(view.chose());
        VerdictMatrix.Row row = view.tables().get(0).rows().get(0);
        assertNull(row.configuration());
        assertEquals(2, row.entries().get(0).accuracy().n());

        double accuracyP = WelchTest.of(new double[] {80, 82}, new double[] {70, 71}).p();
        double speedP = WelchTest.of(new double[] {240 / 2.1, 240 / 2.0}, new double[] {240 / 2.0, 240 / 2.2}).p();
        assertTrue(speedP > WelchTest.ALPHA);
        assertEquals(String.format(Locale.ROOT, "fastest: tensorflow at 117 img/s, 1.02× djl (not significant: "
                + "p = %.3f, Welch's t-test); most accurate: djl at 81.00 %%, 10.50 points above tensorflow "
                + "(%sp = %.3f, Welch's t-test)", speedP, accuracyP < WelchTest.ALPHA ? "" : "not significant: ",
                accuracyP), row.verdict());
    }

    @Test
    void eachDatasetHasItsOwnMatrix() {
        List<ReportCell> cells = TestCells.cells(dir,
                TestCells.ok("a", 0, TestCells.axes(), 0.8, 2.0, 0.8),
                TestCells.ok("b", 1, TestCells.axes("dataset", "fer2013"), 0.6, 2.0, 0.6));
        VerdictMatrix.View view = VerdictMatrix.of(cells, Axes.of(cells));
        assertEquals(List.of("faces", "fer2013"), view.tables().stream().map(VerdictMatrix.Table::dataset).toList());
        assertEquals(List.of(), view.chosenAmong(), "a dataset is never a configuration to choose");
        assertEquals(80.0, view.tables().get(0).rows().get(0).entries().get(0).accuracy().mean(), 1e-9);
        assertEquals(60.0, view.tables().get(1).rows().get(0).entries().get(0).accuracy().mean(), 1e-9);
    }

    @Test
    void aChoiceIsNamedInTheEntryEvenWhenTheWholeRowEndsUpWithOneConfiguration() {
        List<ReportCell> cells = TestCells.cells(dir,
                TestCells.ok("a", 0, TestCells.axes("learning_rate", "0.01"), 0.8, 2.0, 0.8),
                TestCells.ok("b", 1, TestCells.axes("learning_rate", "0.001"), 0.9, 2.0, 0.6));
        VerdictMatrix.Row row = VerdictMatrix.of(cells, Axes.of(cells)).tables().get(0).rows().get(0);
        assertNull(row.configuration());
        assertEquals("learning_rate=0.01", row.entries().get(0).configuration());
        assertEquals(2, row.entries().get(0).configurations());
    }
}
