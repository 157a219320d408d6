package io.ferbench.worker.train;

import io.ferbench.api.cell.AugmentationSpec;
import io.ferbench.api.cell.Cell;
import io.ferbench.api.cell.EarlyStoppingSpec;
import io.ferbench.api.cell.ScheduleSpec;

/**
 * What the training loop needs to know about a cell.
 *
 * @param trainAccuracySample  how many training images (a fixed seeded sample) the end-of-epoch
 *                             training accuracy is measured on; the training set's size caps it
 * @param augmentation         random transforms of the training images
 * @param oversample           top every class up to the largest, each epoch
 * @param schedule             how the learning rate changes from step to step
 * @param targetAccuracy       the validation accuracy whose first reaching is timed, or null for none
 */
public record TrainingPlan(int epochs, int batchSize, long seed, double learningRate,
                           EarlyStoppingSpec earlyStopping, int trainAccuracySample, AugmentationSpec augmentation,
                           boolean oversample, ScheduleSpec schedule, Double targetAccuracy) {
    /**
     * Enough images to show over-fitting (±3.7 points at 90 % accuracy, 95 % confidence) while costing little: this
     * pass runs every epoch outside the timed work, and 1,000 images cost the quickstart about a minute.
     */
    public static final int DEFAULT_TRAIN_ACCURACY_SAMPLE = 256;

    public TrainingPlan {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        if (trainAccuracySample < 1) {
            throw new IllegalArgumentException("the training-accuracy sample must hold at least 1 image, got "
                    + trainAccuracySample);
        }
        if (earlyStopping == null) earlyStopping = EarlyStoppingSpec.off();
        if (augmentation == null) augmentation = AugmentationSpec.none();
        if (schedule == null) schedule = ScheduleSpec.constant();
        if (targetAccuracy != null && !(targetAccuracy > 0 && targetAccuracy <= 1)) {
            throw new IllegalArgumentException("the target accuracy must be in (0, 1], got " + targetAccuracy);
        }
    }

    /** A plan without a target accuracy. */
    public TrainingPlan(int epochs, int batchSize, long seed, double learningRate, EarlyStoppingSpec earlyStopping,
                        int trainAccuracySample, AugmentationSpec augmentation, boolean oversample,
                        ScheduleSpec schedule) {
        this(epochs, batchSize, seed, learningRate, earlyStopping, trainAccuracySample, augmentation, oversample,
                schedule, null);
    }

    /** A plan with a constant learning rate. */
    public TrainingPlan(int epochs, int batchSize, long seed, double learningRate, EarlyStoppingSpec earlyStopping,
                        int trainAccuracySample, AugmentationSpec augmentation, boolean oversample) {
        this(epochs, batchSize, seed, learningRate, earlyStopping, trainAccuracySample, augmentation, oversample,
                ScheduleSpec.constant());
    }

    /** A plan without augmentation or oversampling. */
    public TrainingPlan(int epochs, int batchSize, long seed, double learningRate, EarlyStoppingSpec earlyStopping,
                        int trainAccuracySample) {
        this(epochs, batchSize, seed, learningRate, earlyStopping, trainAccuracySample, AugmentationSpec.none(), false);
    }

    public static TrainingPlan of(Cell cell) {
        return new TrainingPlan(cell.training().epochs(), cell.training().batchSize(), cell.seed(), cell.training().optimizer().learningRate(),
                cell.training().earlyStopping(), DEFAULT_TRAIN_ACCURACY_SAMPLE, cell.training().augmentation(), cell.training().oversample(),
                cell.training().schedule(), cell.training().targetAccuracy());
    }
}
