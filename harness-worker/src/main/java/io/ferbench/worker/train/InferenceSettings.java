package io.ferbench.worker.train;

/**
 * How inference speed is measured after training.
 *
 * @param warmupBatches    untimed calls at the batch size first (JIT, native caches)
 * @param measuredBatches  timed calls at the batch size: throughput and batch latency
 * @param warmupSingles    untimed one-image calls
 * @param measuredSingles  timed one-image calls: latency percentiles
 */
public record InferenceSettings(int warmupBatches, int measuredBatches, int warmupSingles, int measuredSingles) {
    public InferenceSettings {
        if (warmupBatches < 0 || warmupSingles < 0) throw new IllegalArgumentException("warm-up calls cannot be negative");
        if (measuredBatches < 1 || measuredSingles < 1) {
            throw new IllegalArgumentException("at least one timed call is needed, got " + measuredBatches
                    + " batches and " + measuredSingles + " single images");
        }
    }

    /** 3 + 20 calls at the batch size, 10 + 100 one-image calls (enough for a p99 that is not the maximum). */
    public static InferenceSettings defaults() { return new InferenceSettings(3, 20, 10, 100); }
}
