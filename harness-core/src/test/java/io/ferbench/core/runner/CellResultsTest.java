package io.ferbench.core.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.result.CellConfig;
import io.ferbench.core.suite.CellSpec;
import io.ferbench.core.suite.DatasetSpec;
import io.ferbench.core.suite.EarlyStoppingSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellResultsTest {

    static CellSpec spec() {
        return spec("cell-0", OptimizerSpec.adam(1e-3), 600);
    }

    static CellSpec spec(String id, OptimizerSpec optimizer, long timeout) {
        DatasetSpec ds = new DatasetSpec("faces", "synthetic", null, null, List.of("happy", "sad"), 5, 32, true, null, 7);
        return new CellSpec("demo", id, 0, Map.of("lr", optimizer.learningRate(), "architecture", "resnet18"), ds,
                "resnet18", 1.0, "djl", "cpu", 0, 8, 2, optimizer, new EarlyStoppingSpec(true, "val_loss", 3, 0.0, true),
                42, 0, timeout, Map.of());
    }

    static CellConfig config() {
        return CellResults.config(spec());
    }

    @Test
    void configurationCarriesEveryHyperparameter() {
        CellConfig c = config();
        assertEquals("cell-0", c.cellId());
        assertEquals("faces", c.dataset());
        assertEquals(32, c.imageSize());
        assertEquals(1, c.channels());
        assertEquals("0.001", c.axes().get("lr"));
        assertEquals(1e-3, c.optimizer().learningRate());
        assertEquals("val_loss", c.earlyStopping().monitor());
        assertEquals(8, c.batchSize());
        assertEquals(2, c.maxEpochs());
    }

    @Test
    void differencesNameTheChangedSettingsAndIgnoreTheTimeout() {
        CellConfig before = config();
        assertEquals(List.of(), CellResults.differences(before, CellResults.config(spec("cell-0", OptimizerSpec.adam(1e-3), 5))));
        List<String> d = CellResults.differences(before, CellResults.config(spec("cell-0", OptimizerSpec.adam(1e-2), 600)));
        assertEquals(2, d.size(), d.toString());
        assertTrue(d.get(0).startsWith("axes") && d.get(1).startsWith("optimizer"), d.toString());
    }

    @Test
    void errorDescriptionsKeepTheMessageAndTheCause() {
        assertEquals("bad value", CellResults.describe(new IllegalArgumentException("bad value")));
        String d = CellResults.describe(new RuntimeException("outer", new java.io.IOException("disk full")));
        assertEquals("RuntimeException: outer; caused by IOException: disk full", d);
        assertEquals("java.lang.NullPointerException", CellResults.describe(new NullPointerException()));
    }
}
