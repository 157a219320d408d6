package io.ferbench.worker.train;

import java.util.Arrays;

/** Order statistics of timing samples. */
public final class Percentiles {
    private Percentiles() {}

    /** The median; the mean of the two middle values for an even count. */
    public static double median(double[] values) {
        requireValues(values);
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /**
     * The nearest-rank percentile: the smallest value with at least {@code p} percent of the samples
     * at or below it (so p99 of 20 samples is the largest; it needs 100 samples to drop the top one).
     */
    public static double nearestRank(double[] values, double p) {
        requireValues(values);
        if (!(p > 0 && p <= 100)) throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        double[] s = values.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.length);
        return s[Math.max(rank, 1) - 1];
    }

    private static void requireValues(double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("no samples");
    }
}
