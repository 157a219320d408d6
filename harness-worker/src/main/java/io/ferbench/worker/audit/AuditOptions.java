package io.ferbench.worker.audit;

/**
 * Thresholds of the audit.
 *
 * @param nearThreshold  largest Hamming distance between two 64-bit difference hashes for the pair to be compared
 *                       at all, 0–16: higher finds more shifted copies and costs more time (docs/datasets.md)
 * @param nearCorrelation the smallest Pearson correlation of two images' pixels, at the best alignment within one
 *                       pixel, that makes them near duplicates (docs/datasets.md measures it on distinct faces)
 * @param degenerateStd  an image whose pixel standard deviation (0–255 scale) is below this is degenerate
 */
public record AuditOptions(int nearThreshold, double nearCorrelation, double degenerateStd) {
    public static final int DEFAULT_NEAR_THRESHOLD = 12;
    public static final double DEFAULT_NEAR_CORRELATION = 0.95;
    public static final double DEFAULT_DEGENERATE_STD = 2.0;
    /** Above this the bucket search stops being cheap and random pairs of distinct faces start to match. */
    public static final int MAX_NEAR_THRESHOLD = 16;

    public AuditOptions {
        if (nearThreshold < 0 || nearThreshold > MAX_NEAR_THRESHOLD) {
            throw new IllegalArgumentException("the near-duplicate threshold must be 0 to " + MAX_NEAR_THRESHOLD
                    + " bits, got " + nearThreshold);
        }
        if (!(nearCorrelation >= -1 && nearCorrelation <= 1)) {
            throw new IllegalArgumentException("the near-duplicate correlation must be between -1 and 1, got "
                    + nearCorrelation);
        }
        if (!(degenerateStd >= 0) || Double.isInfinite(degenerateStd)) {
            throw new IllegalArgumentException("the degenerate-image threshold must be a number >= 0, got "
                    + degenerateStd);
        }
    }

    public static AuditOptions defaults() {
        return new AuditOptions(DEFAULT_NEAR_THRESHOLD, DEFAULT_NEAR_CORRELATION, DEFAULT_DEGENERATE_STD);
    }
}
