package io.ferbench.api.backend;

/**
 * How one epoch's {@code samples} (already in their epoch order) are cut into training batches, the same for every
 * backend: in order, {@code batchSize} at a time, except that a last batch of a single sample joins the batch before
 * it. Batch normalisation cannot train on one sample — PyTorch refuses it ("Expected more than 1 value per channel"),
 * TensorFlow silently normalises by a zero variance — so without the rule a comparison would show a failure or a
 * skewed step that the harness's cut caused, not the framework.
 *
 * @param samples   images visited in the epoch
 * @param batchSize the configured batch size
 */
public record EpochBatches(int samples, int batchSize) {
    /** The smallest training batch a backend is ever given. */
    public static final int MIN_TRAINING_BATCH = 2;

    public EpochBatches {
        if (batchSize < MIN_TRAINING_BATCH) {
            throw new IllegalArgumentException("a training batch needs at least " + MIN_TRAINING_BATCH
                    + " images (batch normalisation cannot train on one), got batch size " + batchSize);
        }
        if (samples < MIN_TRAINING_BATCH) {
            throw new IllegalArgumentException("training needs at least " + MIN_TRAINING_BATCH
                    + " training images (batch normalisation cannot train on one), got " + samples);
        }
    }

    /** Number of optimizer steps in the epoch. */
    public int count() {
        int full = (samples + batchSize - 1) / batchSize;
        return lastJoined() ? full - 1 : full;
    }

    /** Whether a single leftover sample joined the last batch (which then holds {@code batchSize + 1}). */
    public boolean lastJoined() {
        return samples % batchSize == 1;
    }

    /** First sample of step {@code step} (0-based). */
    public int from(int step) {
        return step * batchSize;
    }

    /** One past the last sample of step {@code step} (0-based). */
    public int to(int step) {
        return step == count() - 1 ? samples : (step + 1) * batchSize;
    }
}
