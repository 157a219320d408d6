package io.ferbench.study;

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

    double[] macroPrecision() {
        return ok().stream().mapToDouble(c -> c.test().macroPrecision()).toArray();
    }

    double[] macroRecall() {
        return ok().stream().mapToDouble(c -> c.test().macroRecall()).toArray();
    }

    double[] macroF1() {
        return ok().stream().mapToDouble(c -> c.test().macroF1()).toArray();
    }

    double[] trainAccuracy() {
        return ok().stream().mapToDouble(c -> testedEpoch(c).trainAccuracy()).toArray();
    }

    double[] validationAccuracy() {
        return ok().stream().mapToDouble(c -> testedEpoch(c).valAccuracy()).toArray();
    }

    /** The epoch whose weights the cell was tested with: the best one when they were restored, else the last. */
    static EpochRecord testedEpoch(CellResult cell) {
        TrainingSummary training = cell.training();
        List<EpochRecord> history = training.history();
        int epoch = training.restoredBest() && training.bestEpoch() != null ? training.bestEpoch() : history.size();
        return history.get(epoch - 1);
    }
}
