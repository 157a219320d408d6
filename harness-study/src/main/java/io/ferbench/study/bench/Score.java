package io.ferbench.study.bench;

import io.ferbench.study.stats.StudentT;
import java.util.Arrays;

/**
 * A benchmark score over its measured iterations, as JMH computes it: the mean, and as its error the half-width of
 * the {@value #CONFIDENCE_PERCENT} % confidence interval of the mean, {@code t(1 − α/2, n − 1) · sd / √n}
 * (Student's t, sample deviation with n − 1). Forks are pooled: their iterations are one sample, so fork-to-fork
 * differences (JIT decisions, memory layout) widen the interval as they should. Median, min and max come with it.
 * With one iteration the deviation and the error are NaN: one measurement says nothing about spread.
 */
public record Score(int n, double mean, double error, double sd, double median, double min, double max) {
    public static final double CONFIDENCE = 0.999;
    public static final String CONFIDENCE_PERCENT = "99.9";

    public static Score of(double[] values) {
        int n = values.length;
        if (n == 0) throw new IllegalArgumentException("a score needs at least one measured iteration");
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(values).sum() / n;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        if (n == 1) return new Score(1, mean, Double.NaN, Double.NaN, median, sorted[0], sorted[0]);
        double squares = 0;
        for (double v : values) squares += (v - mean) * (v - mean);
        double sd = Math.sqrt(squares / (n - 1));
        double error = StudentT.quantile(0.5 + CONFIDENCE / 2, n - 1) * sd / Math.sqrt(n);
        return new Score(n, mean, error, sd, median, sorted[0], sorted[n - 1]);
    }

    public double ciLow() { return mean - error; }

    public double ciHigh() { return mean + error; }
}
