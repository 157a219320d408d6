package io.ferbench.worker.train;

import io.ferbench.api.result.Divergence;
import io.ferbench.api.result.TrainingSummary;

/**
 * What the training loop produced.
 *
 * @param divergence  null unless a loss became NaN or infinite (training stopped there)
 */
public record TrainingOutcome(TrainingSummary summary, Divergence divergence) {
    public boolean diverged() { return divergence != null; }
}
