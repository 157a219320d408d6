package io.ferbench.study.bench;

/**
 * The two ways a training-step benchmark is scored, named as JMH names its modes: throughput in images per second
 * (higher is better) and average time per training step in milliseconds (lower is better). Each is computed per
 * iteration and then summarised, so each has its own interval.
 */
public enum Mode {
    THRPT("thrpt", "img/s"), AVGT("avgt", "ms/step");

    private final String id;
    private final String unit;

    Mode(String id, String unit) {
        this.id = id;
        this.unit = unit;
    }

    public String id() { return id; }

    public String unit() { return unit; }

    /** This mode's value of one iteration of {@code steps} steps of {@code batchSize} images that took {@code s}. */
    double of(double seconds, int batchSize, int steps) {
        return this == THRPT ? (double) batchSize * steps / seconds : 1000 * seconds / steps;
    }

    @Override public String toString() { return id; }
}
