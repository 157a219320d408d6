package io.ferbench.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.cell.AugmentationSpec;
import io.ferbench.api.cell.Axis;
import io.ferbench.api.cell.Cell;
import io.ferbench.api.testing.CellFixtures;
import io.ferbench.api.cell.Training;
import io.ferbench.api.cell.EarlyStoppingSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellResultsTest {

    static Cell spec() {
        return CellFixtures.cell();
    }

    static Cell spec(String id, OptimizerSpec optimizer, long timeout) {
        return CellFixtures.cell(id, optimizer, timeout);
    }

    @Test
    void everyAxisReadsItsValueFromTheCell() {
        Cell c = spec();
        assertEquals("faces", Axis.DATASET.read(c));
        assertEquals(32, Axis.IMAGE_SIZE.read(c));
        assertEquals(1e-3, Axis.LEARNING_RATE.read(c));
        assertEquals(EarlyStoppingSpec.Monitor.VAL_LOSS, Axis.MONITOR.read(c));
        assertEquals("val_loss", Axis.MONITOR.text(c));
        assertEquals("0.001", Axis.LEARNING_RATE.text(c), "the suite's own spelling, as the cell recorded it");
        assertEquals("8", Axis.BATCH_SIZE.text(c));
        assertEquals("2", Axis.EPOCHS.text(c));
        assertEquals("42", Axis.SEED.text(c));
        for (Axis axis : Axis.values()) assertTrue(axis.read(c) != null || axis == Axis.IMAGES_PER_CLASS
                || axis == Axis.TARGET_ACCURACY, axis.key() + " (only the dataset cap and the target may be unset)");
    }

    @Test
    void differencesNameTheChangedSettingsAndIgnoreTheTimeout() {
        Cell before = spec();
        assertEquals(List.of(), CellResults.differences(before, spec("cell-0", OptimizerSpec.adam(1e-3), 5)));
        List<String> d = CellResults.differences(before, spec("cell-0", OptimizerSpec.adam(1e-2), 600));
        // only the one difference: not the axes' text maps, which repeat the typed fields (issue 18)
        assertEquals(List.of("training.optimizer.learningRate (0.001 before, 0.01 now)"), d);
        AugmentationSpec flips = new AugmentationSpec("faces", true, 10, 0, 1, 0, 0);
        Cell augmented = new Cell(before.suite(), before.id(), 0, 0, before.axes(), before.dataset(), before.network(),
                new Training(8, 2, OptimizerSpec.adam(1e-3), null, before.training().earlyStopping(), flips, false,
                        false, 0, 42), before.execution());
        Cell rotated = new Cell(before.suite(), before.id(), 0, 0, before.axes(), before.dataset(), before.network(),
                new Training(8, 2, OptimizerSpec.adam(1e-3), null, before.training().earlyStopping(),
                        new AugmentationSpec("faces", true, 15, 0, 1, 0, 0), false, false, 0, 42), before.execution());
        assertEquals(List.of("training.augmentation.rotation (10.0 before, 15.0 now)"),
                CellResults.differences(augmented, rotated), "a profile changed under the same name");
    }

    @Test
    void errorDescriptionsKeepTheMessageAndTheCause() {
        assertEquals("bad value", CellResults.describe(new IllegalArgumentException("bad value")));
        String d = CellResults.describe(new RuntimeException("outer", new java.io.IOException("disk full")));
        assertEquals("RuntimeException: outer; caused by IOException: disk full", d);
        assertEquals("java.lang.NullPointerException", CellResults.describe(new NullPointerException()));
    }
}
