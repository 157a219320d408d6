package io.ferbench.study.stats;

/**
 * Mean, sample standard deviation (n − 1) and the 95 % confidence interval of the mean,
 * {@code mean ± t(0.975, n − 1) · sd / √n}, of repeated measurements (another level with {@link #of(double[], double)}). With one measurement the deviation and
 * the interval are null: one run says nothing about run-to-run spread.
 */
public record Summary(int n, double mean, Double sd, Double ciLow, Double ciHigh) {
    /** The confidence level of {@link #ciLow} and {@link #ciHigh}. */
    public static final double CONFIDENCE = 0.95;

    public static Summary of(double[] values) {
        return of(values, CONFIDENCE);
    }

    /** The same with the interval at another confidence level (the microbenchmarks' 99.9 %, as JMH's). */
    public static Summary of(double[] values, double confidence) {
        int n = values.length;
        if (n == 0) throw new IllegalArgumentException("a summary needs at least one value");
        double mean = 0;
        for (double v : values) mean += v;
        mean /= n;
        if (n == 1) return new Summary(1, mean, null, null, null);
        double squares = 0;
        for (double v : values) squares += (v - mean) * (v - mean);
        double sd = Math.sqrt(squares / (n - 1));
        double half = StudentT.quantile(0.5 + confidence / 2, n - 1) * sd / Math.sqrt(n);
        return new Summary(n, mean, sd, mean - half, mean + half);
    }
}
