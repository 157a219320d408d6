package io.ferbench.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AxesTest {
    @TempDir Path dir;

    @Test
    void numbersAreWrittenAsPeopleWriteThem() {
        assertEquals("0.0001", Axes.display("1.0E-4"));
        assertEquals("1e-9", Axes.display("1.0E-9"));
        assertEquals("100", Axes.display("100"));
        assertEquals("0.5", Axes.display("0.50"));
        assertEquals("resnet18", Axes.display("resnet18"));
        assertEquals("true", Axes.display("true"));
    }

    @Test
    void onlyAxesWithSeveralValuesVaryAndLabelsNameThem() {
        List<ReportCell> cells = TestCells.cells(dir,
                TestCells.ok("a", 0, TestCells.axes("learning_rate", "0.01"), 0.5, 2, 0.5),
                TestCells.ok("b", 1, TestCells.axes("learning_rate", "1.0E-4"), 0.5, 2, 0.5));
        Axes axes = Axes.of(cells);
        assertEquals(List.of("learning_rate"), axes.varying());
        assertEquals("resnet18 · faces · learning_rate=0.0001",
                Axes.label(cells.get(1), List.of("architecture", "dataset", "learning_rate")));
    }

    @Test
    void classesThatComeWithTheDatasetAreNotASweepUnlessTheyVaryWithinOne() {
        List<ReportCell> twoDatasets = TestCells.cells(dir.resolve("two"),
                TestCells.ok("a", 0, TestCells.axes("dataset", "faces", "classes", "[happy, sad]"), 0.5, 2, 0.5),
                TestCells.ok("b", 1, TestCells.axes("dataset", "fer", "classes", "[]"), 0.5, 2, 0.5));
        assertEquals(List.of("dataset"), Axes.of(twoDatasets).varying());

        List<ReportCell> ablation = TestCells.cells(dir.resolve("ablation"),
                TestCells.ok("a", 0, TestCells.axes("classes", "[happy, sad]"), 0.5, 2, 0.5),
                TestCells.ok("b", 1, TestCells.axes("classes", "[happy, sad, fear]"), 0.5, 2, 0.5));
        assertEquals(List.of("classes"), Axes.of(ablation).varying());
    }
}
