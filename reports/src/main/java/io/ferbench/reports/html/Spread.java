package io.ferbench.reports.html;

import java.util.Collection;

/**
 * Mean and sample standard deviation of the repeats of one configuration: a bar and its error bar.
 *
 * @param std  sample standard deviation (n − 1), null for a single value
 * @param n    how many values
 */
record Spread(double mean, Double std, int n) {
    /** The spread of {@code values}; null when there are none. */
    static Spread of(Collection<Double> values) {
        if (values.isEmpty()) return null;
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (values.size() == 1) return new Spread(mean, null, 1);
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return new Spread(mean, Math.sqrt(squares / (values.size() - 1)), values.size());
    }
}
