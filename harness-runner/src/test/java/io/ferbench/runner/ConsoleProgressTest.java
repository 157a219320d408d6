package io.ferbench.runner;

import io.ferbench.api.testing.CellFixtures;
import io.ferbench.worker.ProgressEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.result.AuditCounts;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.result.DatasetSummary;
import io.ferbench.api.result.EpochRecord;
import io.ferbench.api.cell.Cell;
import io.ferbench.worker.train.EarlyStopping;
import io.ferbench.worker.train.StepProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private final Cell cell = CellFixtures.cell();
    private final StringWriter text = new StringWriter();

    private void feed(ConsoleProgress p) {
        p.cellStarted(cell, 2, 5);
        p.progress(cell, ProgressEvent.phase("training"));
        p.progress(cell, ProgressEvent.step(new StepProgress(1, 3, 5, 10, 1.23456, 125)));
        p.progress(cell, ProgressEvent.step(new StepProgress(1, 3, 10, 10, 1.1, 100)));
        p.progress(cell, ProgressEvent.epoch(new EpochRecord(1, 1.1, 0.4, 1.2, 0.35, 12.5, 11, 1e-3, null), 3,
                EarlyStopping.Decision.IMPROVED));
    }

    @Test
    void onATerminalStepsRedrawOneLineWithBarLossAndEta() {
        feed(new ConsoleProgress(new PrintWriter(text), true));
        String s = text.toString();
        assertTrue(s.startsWith("[2/5] cell-0  (resnet18 on djl, faces 32px, lr 0.001, batch 8)"), s);
        assertTrue(s.contains("\r  epoch 1/3 [############............] 5/10  loss 1.2346  ETA 2m05s"), s);
        assertTrue(s.contains("\r  epoch 1/3 [########################] 10/10  loss 1.1000  ETA 1m40s"), s);
        // the live line is cleared before the epoch summary is printed for good
        String summary = "  epoch 1/3  loss 1.1000  acc 0.400 | val loss 1.2000  acc 0.350 | 12.5 s  *";
        int at = s.indexOf(summary);
        assertTrue(at > 0 && s.substring(0, at).endsWith(" \r"), s);
    }

    @Test
    void aDatasetThatLeaksIntoItsTestSplitIsWarnedAboutOnceInOneLine() {
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(text), false);
        DatasetSummary leaky = new DatasetSummary("fer2013", java.util.List.of("a", "b"), 8, 2, 2, 0.5, 0.2, 0,
                new AuditCounts(531, 1271, 451, 1460, 57, 13, 0));
        CellResult result = new CellResult(cell, CellStatus.FAILED, "stopped", null, leaky, null,
                null, null, null, null, null, null, "2026-12-05T00:00:00Z", "2026-12-05T00:00:01Z", 1);
        p.cellFinished(result, java.util.List.of(result));
        p.cellFinished(result, java.util.List.of(result, result));
        java.util.List<String> warnings = text.toString().lines().filter(l -> l.contains("warning")).toList();
        assertEquals(1, warnings.size(), text.toString());
        assertTrue(warnings.get(0).contains("dataset 'fer2013' leaks into its test split: 531 exact-duplicate groups "
                + "(1271 images) and 451 near-duplicate groups (1460 images)"), warnings.get(0));
    }

    @Test
    void elsewhereItPrintsPlainLinesAndThrottlesSteps() {
        feed(new ConsoleProgress(new PrintWriter(text), false));
        String s = text.toString();
        assertFalse(s.contains("\r"), s);
        assertFalse(s.contains("step 5/10"), "step lines come at most every 30 s");
        assertEquals(3, s.lines().count(), s);
        assertTrue(s.lines().toList().get(1).equals("  training"), s);
        assertTrue(s.lines().toList().get(2).startsWith("  epoch 1/3  loss 1.1000"), s);
    }
}
