package io.ferbench.study.bench;

import io.ferbench.study.stats.Summary;
import io.ferbench.worker.train.Percentiles;
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
        if (values.length == 0) throw new IllegalArgumentException("a score needs at least one measured iteration");
        Summary summary = Summary.of(values, CONFIDENCE);
        double median = Percentiles.median(values);
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        if (summary.n() == 1) return new Score(1, summary.mean(), Double.NaN, Double.NaN, median, min, max);
        return new Score(summary.n(), summary.mean(), summary.ciHigh() - summary.mean(), summary.sd(), median, min,
                max);
    }

    public double ciLow() { return mean - error; }

    public double ciHigh() { return mean + error; }
}
