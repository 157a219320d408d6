package io.ferbench.api.result;

import java.util.List;

/**
 * How training went.
 *
 * @param epochsRun     epochs completed (a diverged epoch is not counted)
 * @param bestEpoch     the epoch with the best monitored validation value, or null when no epoch completed
 * @param stoppedEarly  early stopping ended training before the epoch budget
 * @param restoredBest  the weights of {@code bestEpoch} were restored before testing
 * @param history       one record per completed epoch
 * @param lastBatchJoined a single image was left over at each epoch's end and joined the last batch (batch norm
 *                      cannot train on one image; see {@code EpochBatches})
 * @param timeToAccuracy when the validation accuracy first reached the cell's target; null when the cell set none
 */
public record TrainingSummary(int epochsRun, Integer bestEpoch, boolean stoppedEarly, boolean restoredBest,
                              List<EpochRecord> history, boolean lastBatchJoined, TimeToAccuracy timeToAccuracy) {
    public TrainingSummary {
        history = List.copyOf(history);
    }

    public TrainingSummary(int epochsRun, Integer bestEpoch, boolean stoppedEarly, boolean restoredBest,
                           List<EpochRecord> history, boolean lastBatchJoined) {
        this(epochsRun, bestEpoch, stoppedEarly, restoredBest, history, lastBatchJoined, null);
    }

    public TrainingSummary(int epochsRun, Integer bestEpoch, boolean stoppedEarly, boolean restoredBest,
                           List<EpochRecord> history) {
        this(epochsRun, bestEpoch, stoppedEarly, restoredBest, history, false);
    }
}
