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
 */
public record TrainingSummary(int epochsRun, Integer bestEpoch, boolean stoppedEarly, boolean restoredBest,
                              List<EpochRecord> history) {
    public TrainingSummary {
        history = List.copyOf(history);
    }
}
