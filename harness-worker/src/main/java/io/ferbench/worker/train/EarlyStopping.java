package io.ferbench.worker.train;

import io.ferbench.api.cell.EarlyStoppingSpec;

/**
 * Keras's early-stopping rule, epoch by epoch. A value improves on the best so far when it is lower
 * by more than {@code minDelta} ({@code val_loss}) or higher by more than {@code minDelta}
 * ({@code val_accuracy}); after {@code patience} epochs in a row without improvement, training stops.
 * With patience 2 and the best value in epoch 3, epochs 4 and 5 do not improve and training stops
 * after epoch 5; with patience 0 it stops at the first epoch that does not improve.
 *
 * <p>The best epoch is tracked even when stopping is disabled (it is reported); only an enabled rule
 * stops training. Restoring the best weights is the trainer's job.
 */
public final class EarlyStopping {
    /** What one epoch's value meant. */
    public enum Decision { IMPROVED, NO_IMPROVEMENT, STOP }

    private final boolean enabled;
    private final boolean lowerIsBetter;
    private final int patience;
    private final double minDelta;
    private double best;
    private int bestEpoch;
    private int epochsWithoutImprovement;

    public EarlyStopping(EarlyStoppingSpec spec) {
        this.enabled = spec.enabled();
        this.lowerIsBetter = !spec.monitor().higherIsBetter();
        if (spec.patience() < 0) {
            throw new IllegalArgumentException("early stopping patience must be 0 or more, got " + spec.patience());
        }
        if (!(spec.minDelta() >= 0)) {
            throw new IllegalArgumentException("early stopping min_delta must be 0 or more, got " + spec.minDelta());
        }
        this.patience = spec.patience();
        this.minDelta = spec.minDelta();
        this.best = lowerIsBetter ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** Takes the validation figures of {@code epoch} (from 1) and says whether to go on. */
    public Decision update(int epoch, double valLoss, double valAccuracy) {
        double value = lowerIsBetter ? valLoss : valAccuracy;
        boolean improved = lowerIsBetter ? value < best - minDelta : value > best + minDelta;
        if (improved) {
            best = value;
            bestEpoch = epoch;
            epochsWithoutImprovement = 0;
            return Decision.IMPROVED;
        }
        epochsWithoutImprovement++;
        return enabled && epochsWithoutImprovement >= patience ? Decision.STOP : Decision.NO_IMPROVEMENT;
    }

    /** Counts epochs without improvement afresh, keeping the best value (a plateau schedule after lowering the rate). */
    void resetPatience() {
        epochsWithoutImprovement = 0;
    }

    public boolean enabled() { return enabled; }

    /** The epoch with the best monitored value so far, 0 before the first update. */
    public int bestEpoch() { return bestEpoch; }

    public double bestValue() { return best; }
}
