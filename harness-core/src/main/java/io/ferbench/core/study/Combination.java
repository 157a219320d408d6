package io.ferbench.core.study;

import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.result.EpochRecord;
import io.ferbench.api.result.TrainingSummary;
import java.util.List;
import java.util.Map;

/**
 * The repeats of one combination of matrix values: cells whose recorded {@code axes} are equal (repeat r differs
 * only in its seed, which the axes record as written).
 *
 * @param axes   the combination's matrix values, as the results record them
 * @param cells  its cells, in plan order; failed and diverged ones included
 */
record Combination(Map<String, String> axes, List<CellResult> cells) {
    Combination {
        axes = Map.copyOf(axes);
        cells = List.copyOf(cells);
    }

    List<CellResult> ok() {
        return cells.stream().filter(c -> c.status() == CellStatus.OK && c.test() != null).toList();
    }

    double[] testAccuracy() {
        return ok().stream().mapToDouble(c -> c.test().accuracy()).toArray();
    }

    double[] macroF1() {
        return ok().stream().mapToDouble(c -> c.test().macroF1()).toArray();
    }

    double[] validationAccuracy() {
        return ok().stream().mapToDouble(Combination::selectedValidationAccuracy).toArray();
    }

    /**
     * The validation accuracy of the weights the cell was tested with: the best epoch's when they were restored,
     * otherwise the last epoch's.
     */
    static double selectedValidationAccuracy(CellResult cell) {
        TrainingSummary training = cell.training();
        List<EpochRecord> history = training.history();
        int epoch = training.restoredBest() && training.bestEpoch() != null ? training.bestEpoch() : history.size();
        return history.get(epoch - 1).valAccuracy();
    }
}
