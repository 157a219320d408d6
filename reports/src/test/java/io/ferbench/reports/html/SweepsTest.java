package io.ferbench.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepsTest {
    @TempDir Path dir;

    @Test
    void aLearningRateSweepIsOnALogAxisWithTheTestedEpochsValidationFiguresAveragedOverRepeats() {
        List<ReportCell> cells = TestCells.cells(dir,
                TestCells.ok("a", 0, TestCells.axes("learning_rate", "0.01", "seed", "1"), 0.5, 2, 0.50),
                TestCells.ok("b", 1, TestCells.axes("learning_rate", "0.01", "seed", "2"), 0.5, 2, 0.70),
                TestCells.ok("c", 2, TestCells.axes("learning_rate", "1.0E-4"), 0.5, 2, 0.40),
                TestCells.ok("d", 3, TestCells.axes("learning_rate", "0.001"), 0.5, 2, 0.90),
                TestCells.failed("e", 4, TestCells.axes("learning_rate", "0.1"), "boom"));
        List<Sweeps.Sweep> sweeps = Sweeps.of(cells, Axes.of(cells));
        assertEquals(1, sweeps.size(), "the seed is not swept: it tells repeats apart");
        Sweeps.Sweep lr = sweeps.get(0);
        assertEquals("learning_rate", lr.axis());
        assertTrue(lr.numeric() && lr.log());
        assertEquals(1, lr.lines().size());
        assertEquals("djl · resnet18", lr.lines().get(0).name(), "nothing else varies: backend and architecture");
        List<Sweeps.Point> points = lr.lines().get(0).points();
        assertEquals(List.of(1.0e-4, 0.001, 0.01), points.stream().map(Sweeps.Point::x).toList(), "sorted by value");
        Sweeps.Point high = points.get(2);
        assertEquals(60.0, high.accuracy().mean(), 1e-9, "epoch 2 (the restored best) of both repeats, in %");
        assertEquals(2, high.accuracy().n());
        assertEquals(0.9, high.loss().mean(), 1e-9);
        assertEquals(List.of("learning_rate=0.1 (djl · resnet18, cell e): failed"), lr.notes());
    }

    @Test
    void aTextAxisIsCategoricalAndALinearAxisStaysLinear() {
        List<ReportCell> cells = TestCells.cells(dir,
                TestCells.ok("a", 0, TestCells.axes("device", "cpu", "batch_size", "8"), 0.5, 2, 0.5),
                TestCells.ok("b", 1, TestCells.axes("device", "gpu", "batch_size", "16"), 0.5, 2, 0.6));
        List<Sweeps.Sweep> sweeps = Sweeps.of(cells, Axes.of(cells));
        assertEquals(List.of("batch_size", "device"), sweeps.stream().map(Sweeps.Sweep::axis).sorted().toList());
        Sweeps.Sweep device = sweeps.stream().filter(s -> s.axis().equals("device")).findFirst().orElseThrow();
        assertFalse(device.numeric());
        assertEquals(List.of("cpu", "gpu"), device.categories());
        assertEquals(List.of("batch_size=8", "batch_size=16"), device.lines().stream().map(Sweeps.Line::name).toList(),
                "one line per value of the other varying setting, named by it");
        Sweeps.Sweep batch = sweeps.stream().filter(s -> s.axis().equals("batch_size")).findFirst().orElseThrow();
        assertTrue(batch.numeric());
        assertFalse(batch.log(), "8 and 16 are not two decades apart");
    }

    @Test
    void nothingToSweepWhenOnlyBackendsArchitecturesDatasetsAndSeedsVary() {
        List<ReportCell> cells = TestCells.cells(dir,
                TestCells.ok("a", 0, TestCells.axes("architecture", "resnet18", "seed", "1"), 0.5, 2, 0.5),
                TestCells.ok("b", 1, TestCells.axes("architecture", "mobilenet_v2", "backend", "dl4j"), 0.5, 2, 0.5));
        assertEquals(List.of(), Sweeps.of(cells, Axes.of(cells)));
    }
}
