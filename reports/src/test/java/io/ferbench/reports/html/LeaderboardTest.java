package io.ferbench.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.reports.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaderboardTest {
    @TempDir Path dir;

    @Test
    void okCellsRankByAccuracyThenDivergedThenFailedWithTheirErrors() {
        List<ReportCell> cells = TestCells.cells(dir,
                TestCells.failed("broken", 0, TestCells.axes(), "the worker was killed\nlast lines"),
                TestCells.ok("low", 1, TestCells.axes(), 0.40, 2.0, 0.4),
                Fixtures.diverged("nan"),
                TestCells.ok("high", 3, TestCells.axes(), 0.90, 3.0, 0.8));
        Leaderboard.View view = Leaderboard.of(cells, Axes.of(cells), 1);
        assertEquals(List.of("high", "low", "nan", "broken"), view.rows().stream().map(Leaderboard.Row::id).toList());
        assertEquals(1, view.rows().get(0).rank());
        assertEquals(2, view.rows().get(1).rank());
        assertNull(view.rows().get(2).rank(), "only ok cells are ranked");
        assertEquals("the worker was killed\nlast lines", view.rows().get(3).error());
        assertEquals("train_loss became NaN in epoch 2, step 3", view.rows().get(2).error());
        assertEquals(0.9, view.rows().get(0).values().get("accuracy"));
        assertNull(view.rows().get(3).values().get("accuracy"), "a failed cell has no figures, not zeros");
    }

    @Test
    void theBestValueOfEachRankedColumnIsMarkedAmongOkCellsOnly() {
        List<ReportCell> cells = TestCells.cells(dir,
                TestCells.ok("accurate", 0, TestCells.axes(), 0.90, 3.0, 0.8),
                TestCells.ok("fast", 1, TestCells.axes(), 0.60, 1.5, 0.6),
                Fixtures.diverged("faster-but-diverged")); // 3.0 s per epoch in the fixture, but never best
        Leaderboard.View view = Leaderboard.of(cells, Axes.of(cells), 1);
        Leaderboard.Row accurate = view.rows().get(0);
        Leaderboard.Row fast = view.rows().get(1);
        assertTrue(accurate.best().contains("accuracy") && !fast.best().contains("accuracy"));
        assertTrue(fast.best().contains("epoch_s"), "less time per epoch is better");
        assertTrue(fast.best().contains("train_ips"), "more images per second is better");
        assertTrue(view.rows().get(2).best().isEmpty());
        assertTrue(!accurate.best().contains("params") && !fast.best().contains("params"),
                "where every cell has the same value (the same model), none is marked");
    }

    @Test
    void aSingleOkCellHasNothingToBeBestAgainst() {
        List<ReportCell> cells = TestCells.cells(dir, TestCells.ok("only", 0, TestCells.axes(), 0.9, 3.0, 0.8));
        assertEquals(List.of(), Leaderboard.of(cells, Axes.of(cells), 1).rows().get(0).best());
    }

    @Test
    void otherVaryingSettingsGetAColumnAndMergedRunsARunColumn() {
        List<ReportCell> cells = TestCells.cells(dir,
                TestCells.ok("a", 0, TestCells.axes("weight_decay", "0.0"), 0.5, 2.0, 0.5),
                TestCells.ok("b", 1, TestCells.axes("weight_decay", "1.0E-4"), 0.6, 2.0, 0.6));
        Leaderboard.View view = Leaderboard.of(cells, Axes.of(cells), 2);
        List<String> keys = view.columns().stream().map(Leaderboard.Column::key).toList();
        assertEquals("run", keys.get(0));
        assertTrue(keys.contains("settings"), keys.toString());
        assertEquals("weight_decay=0.0001", view.rows().get(0).values().get("settings"));
        assertEquals("1", view.rows().get(0).values().get("run"));
    }

    @Test
    void theDecidingColumnsShowAtFirstAndSettingsOnlyWhenTheyDiffer() {
        List<ReportCell> cells = TestCells.cells(dir,
                TestCells.ok("a", 0, TestCells.axes("learning_rate", "0.01"), 0.5, 2.0, 0.5),
                TestCells.ok("b", 1, TestCells.axes("learning_rate", "0.001"), 0.6, 2.0, 0.6));
        List<String> shown = Leaderboard.of(cells, Axes.of(cells), 1).columns().stream()
                .filter(Leaderboard.Column::shown).map(Leaderboard.Column::key).toList();
        assertEquals(List.of("cell", "backend", "architecture", "lr", "accuracy", "f1", "epoch_s", "train_ips",
                "latency", "memory"), shown, "one dataset, batch size, epoch count and status (ok): behind the toggle "
                + "with the other figures");
    }
}
