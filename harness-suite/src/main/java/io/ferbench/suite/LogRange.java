package io.ferbench.suite;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** A grid spaced evenly in log10, such as the study's learning rates 0.1, 0.01, …, 1e-9. */
final class LogRange {
    /** More values than this is almost certainly a mistake in from/to/per_decade. */
    static final int MAX_VALUES = 1000;
    /** Grid values are rounded to this many significant digits, so 0.1 / 10 is 0.01 and not 0.010000000000000002. */
    private static final MathContext DIGITS = new MathContext(12);
    /** How far, in grid steps, {@code to} may lie from a grid point and still count as on it. */
    private static final double ON_GRID = 1e-6;

    private LogRange() {
    }

    /**
     * The values from {@code from} to {@code to}, both included, {@code perDecade} per factor of ten, in the
     * direction from {@code from} to {@code to}.
     *
     * @throws IllegalArgumentException when {@code to} is not on the grid or the grid is too long
     */
    static List<Double> values(double from, double to, int perDecade) {
        double steps = Math.log10(to / from) * perDecade;
        long count = Math.round(Math.abs(steps)) + 1;
        if (Math.abs(Math.abs(steps) - Math.round(Math.abs(steps))) > ON_GRID) {
            long below = (long) Math.floor(Math.abs(steps));
            throw new IllegalArgumentException("'to' " + NumberText.of(to) + " is not on the grid from "
                    + NumberText.of(from) + " with " + perDecade + " value(s) per decade; the nearest grid values are "
                    + NumberText.of(at(from, steps, below, perDecade)) + " and "
                    + NumberText.of(at(from, steps, below + 1, perDecade)));
        }
        if (count > MAX_VALUES) {
            throw new IllegalArgumentException("the grid has " + count + " values; at most " + MAX_VALUES
                    + " are allowed (raise 'from', lower 'to' or lower per_decade)");
        }
        List<Double> values = new ArrayList<>();
        for (long k = 0; k < count; k++) {
            values.add(at(from, steps, k, perDecade));
        }
        return values;
    }

    /** The k-th grid value, going up when {@code steps} is positive and down when it is negative. */
    private static double at(double from, double steps, long k, int perDecade) {
        double exponent = Math.signum(steps) * k / (double) perDecade;
        return new BigDecimal(from * Math.pow(10, exponent)).round(DIGITS).doubleValue();
    }
}
