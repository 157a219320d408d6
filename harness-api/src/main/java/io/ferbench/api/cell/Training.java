package io.ferbench.api.cell;

import io.ferbench.api.backend.OptimizerSpec;

/**
 * How a cell trains. The harness applies every one of these the same way on every backend.
 *
 * @param batchSize       training batch size
 * @param epochs          maximum epochs (early stopping may end sooner)
 * @param optimizer       optimizer and its hyperparameters
 * @param schedule        how the learning rate changes during training
 * @param earlyStopping   early stopping policy
 * @param augmentation    random transforms of the training images ({@link AugmentationSpec#none()} for none)
 * @param classWeights    weight the training loss by class, {@code N / (classes × n_class)} (sklearn's "balanced")
 * @param oversample      each epoch, draw extra images of the smaller classes (with replacement) until every class
 *                        has as many as the largest
 * @param labelSmoothing  label smoothing ε of the training loss, in [0, 1); 0 for the plain cross-entropy
 * @param seed            seeds weights, batch order, augmentation and the engine
 * @param targetAccuracy  the validation accuracy (in (0, 1]) whose first reaching the cell times (time to accuracy),
 *                        or null for none; training and early stopping do not depend on it
 */
public record Training(int batchSize, int epochs, OptimizerSpec optimizer, ScheduleSpec schedule,
                       EarlyStoppingSpec earlyStopping, AugmentationSpec augmentation, boolean classWeights,
                       boolean oversample, double labelSmoothing, long seed, Double targetAccuracy) {
    public Training {
        if (schedule == null) schedule = ScheduleSpec.constant();
        if (earlyStopping == null) earlyStopping = EarlyStoppingSpec.off();
        if (augmentation == null) augmentation = AugmentationSpec.none();
    }

    /** Training without a target accuracy. */
    public Training(int batchSize, int epochs, OptimizerSpec optimizer, ScheduleSpec schedule,
                    EarlyStoppingSpec earlyStopping, AugmentationSpec augmentation, boolean classWeights,
                    boolean oversample, double labelSmoothing, long seed) {
        this(batchSize, epochs, optimizer, schedule, earlyStopping, augmentation, classWeights, oversample,
                labelSmoothing, seed, null);
    }

    /** The study's plain recipe: constant rate, no augmentation, no rebalancing, no smoothing. */
    public static Training plain(int batchSize, int epochs, OptimizerSpec optimizer, EarlyStoppingSpec earlyStopping,
                                 long seed) {
        return new Training(batchSize, epochs, optimizer, ScheduleSpec.constant(), earlyStopping,
                AugmentationSpec.none(), false, false, 0, seed);
    }
}
