package io.ferbench.api.testing;

import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.cell.Cell;
import io.ferbench.api.cell.DatasetSpec;
import io.ferbench.api.cell.Device;
import io.ferbench.api.cell.EarlyStoppingSpec;
import io.ferbench.api.cell.Execution;
import io.ferbench.api.cell.Network;
import io.ferbench.api.cell.Training;
import java.util.List;
import java.util.Map;

/** Cells for tests that need one without a suite: ResNet-18 on DJL, synthetic 32×32 faces, batch 8, 2 epochs. */
public final class CellFixtures {
    private CellFixtures() {}

    /** {@code cell-0} of suite {@code demo}, learning rate 0.001, a 600 s time limit. */
    public static Cell cell() {
        return cell("cell-0", OptimizerSpec.adam(1e-3), 600);
    }

    public static Cell cell(String id, OptimizerSpec optimizer, long timeoutSeconds) {
        DatasetSpec ds = new DatasetSpec("faces", "synthetic", null, null, List.of("happy", "sad"), 5, 32, true, null,
                7);
        return new Cell("demo", id, 0, 0, Map.of("learning_rate", String.valueOf(optimizer.learningRate()),
                "architecture", "resnet18"), ds, Network.of("resnet18"),
                Training.plain(8, 2, optimizer, new EarlyStoppingSpec(true, EarlyStoppingSpec.Monitor.VAL_LOSS, 3, 0.0,
                        true), 42),
                new Execution("djl", Device.CPU, 0, timeoutSeconds, Map.of()));
    }
}
