package io.ferbench.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkComparisonTest {
    @TempDir Path dir;

    @Test
    void backendsSideBySidePerConfigurationWithRepeatsAsMeanAndStandardDeviation() {
        List<ReportCell> cells = TestCells.cells(dir,
                TestCells.ok("a1", 0, TestCells.axes("architecture", "resnet18", "seed", "1"), 0.70, 2.0, 0.7),
                TestCells.ok("a2", 1, TestCells.axes("architecture", "resnet18", "seed", "2"), 0.80, 4.0, 0.8),
                TestCells.ok("b1", 2, TestCells.axes("architecture", "mobilenet_v2", "seed", "1"), 0.60, 1.0, 0.6),
                TestCells.ok("c1", 3, TestCells.axes("architecture", "resnet18", "backend", "dl4j"), 0.75, 8.0, 0.7),
                TestCells.failed("d1", 4, TestCells.axes("architecture", "mobilenet_v2", "backend", "dl4j"), "x"));
        FrameworkComparison.View view = FrameworkComparison.of(cells, Axes.of(cells));

        assertEquals(List.of("resnet18", "mobilenet_v2"), view.groups(), "named by what varies: the architecture");
        assertEquals(List.of("djl", "dl4j"), view.series());
        assertTrue(view.repeats());
        assertEquals(1, view.leftOut());
        FrameworkComparison.Metric accuracy = view.metrics().get(0);
        assertEquals("accuracy", accuracy.key());
        Spread djlResnet = accuracy.values().get(0).get(0);
        assertEquals(75.0, djlResnet.mean(), 1e-9);
        assertEquals(Math.sqrt(50), djlResnet.std(), 1e-9, "sample standard deviation of 70 % and 80 %");
        assertEquals(2, djlResnet.n());
        assertNull(accuracy.values().get(0).get(1).std(), "one cell: no error bar");
        assertNull(accuracy.values().get(1).get(1), "dl4j has no ok mobilenet_v2 cell");
        assertEquals(3.0, view.metrics().get(1).values().get(0).get(0).mean(), 1e-9, "time per epoch");
        assertEquals(90.0, view.metrics().get(2).values().get(0).get(0).mean(), 1e-9,
                "throughput: mean of 240/2 and 240/4 images per second");

        FrameworkComparison.Point point = view.scatter().get(0).points().get(0);
        assertEquals("resnet18", point.group());
        assertEquals(3.0, point.seconds().mean(), 1e-9);
        assertEquals(75.0, point.accuracy().mean(), 1e-9);
    }

    @Test
    void whenNothingButTheBackendVariesTheOneGroupIsNamedByArchitectureAndDataset() {
        List<ReportCell> cells = TestCells.cells(dir,
                TestCells.ok("a", 0, TestCells.axes(), 0.7, 2.0, 0.7),
                TestCells.ok("b", 1, TestCells.axes("backend", "tensorflow"), 0.8, 2.0, 0.8));
        FrameworkComparison.View view = FrameworkComparison.of(cells, Axes.of(cells));
        assertEquals(List.of("resnet18 · faces"), view.groups());
        assertFalse(view.repeats());
    }

    @Test
    void resultsFromSeveralMachinesAreSeparateSeries() {
        var gpu = TestCells.ok("g", 1, TestCells.axes(), 0.8, 1.0, 0.8);
        var env = gpu.environment();
        gpu = new io.ferbench.api.result.CellResult(gpu.cell(), gpu.status(), null, null, gpu.dataset(), gpu.model(),
                gpu.training(), gpu.test(), gpu.timing(), gpu.peakRssMb(), new io.ferbench.api.result.EnvironmentInfo(
                env.cpuModel(), 16, 131072, env.jvm(), env.os(), env.threadSettings(), env.backend(),
                List.of("NVIDIA H100 80GB HBM3")), null, gpu.startedAt(), gpu.finishedAt(), gpu.wallSeconds());
        List<ReportCell> cells = TestCells.cells(dir, TestCells.ok("c", 0, TestCells.axes(), 0.7, 2.0, 0.7), gpu);
        assertEquals(List.of("djl @ Test CPU", "djl @ Test CPU + NVIDIA H100 80GB HBM3"),
                FrameworkComparison.of(cells, Axes.of(cells)).series());
    }
}
