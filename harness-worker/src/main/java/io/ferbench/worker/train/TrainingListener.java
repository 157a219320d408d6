package io.ferbench.worker.train;

import io.ferbench.api.result.EpochRecord;

/** Observes the training loop (progress reporting); must be cheap, it runs between steps. */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() {};

    default void onStep(StepProgress progress) {}

    /** After each completed epoch, with what early stopping made of it. */
    default void onEpoch(EpochRecord record, int epochs, EarlyStopping.Decision decision) {}
}
