package io.ferbench.core.train;

import io.ferbench.core.suite.CellSpec;
import io.ferbench.core.suite.EarlyStoppingSpec;

/**
 * What the training loop needs to know about a cell.
 *
 * @param trainAccuracySample  how many training images (a fixed seeded sample) the end-of-epoch
 *                             training accuracy is measured on; the training set's size caps it
 */
public record TrainingPlan(int epochs, int batchSize, long seed, double learningRate,
                           EarlyStoppingSpec earlyStopping, int trainAccuracySample) {
    /** Enough images for a stable accuracy estimate (±1 % at 95 %) while costing little per epoch. */
    public static final int DEFAULT_TRAIN_ACCURACY_SAMPLE = 1_000;

    public TrainingPlan {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        if (trainAccuracySample < 1) {
            throw new IllegalArgumentException("the training-accuracy sample must hold at least 1 image, got "
                    + trainAccuracySample);
        }
        if (earlyStopping == null) earlyStopping = EarlyStoppingSpec.off();
    }

    public static TrainingPlan of(CellSpec cell) {
        return new TrainingPlan(cell.epochs(), cell.batchSize(), cell.seed(), cell.optimizer().learningRate(),
                cell.earlyStopping(), DEFAULT_TRAIN_ACCURACY_SAMPLE);
    }
}
