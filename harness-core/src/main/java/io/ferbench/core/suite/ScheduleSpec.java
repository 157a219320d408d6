package io.ferbench.core.suite;

import java.util.List;

/**
 * The learning-rate schedule of a cell, applied by the harness (never by a backend's own scheduler) through
 * {@code TrainableModel.setLearningRate} before each step, so it is identical on every backend.
 *
 * @param kind          {@link #CONSTANT} (the study's plain Adam), {@link #COSINE} (per-step cosine decay over the
 *                      epoch budget after the warm-up) or {@link #PLATEAU} (×{@value #PLATEAU_FACTOR} after
 *                      {@value #PLATEAU_PATIENCE} epochs without improvement of the early-stopping monitor)
 * @param warmupEpochs  epochs of linear warm-up from {@code lr / warm-up steps} to the learning rate; 0 for none
 */
public record ScheduleSpec(String kind, int warmupEpochs) {
    public static final String CONSTANT = "constant";
    public static final String COSINE = "cosine";
    public static final String PLATEAU = "plateau";
    /** PyTorch's {@code ReduceLROnPlateau} default factor. */
    public static final double PLATEAU_FACTOR = 0.1;
    /** Short enough to act within the epoch budgets a CPU affords (PyTorch's default is 10). */
    public static final int PLATEAU_PATIENCE = 2;

    public ScheduleSpec {
        if (kind == null) kind = CONSTANT;
        if (!kinds().contains(kind)) {
            throw new IllegalArgumentException("unknown learning-rate schedule '" + kind + "'; valid schedules are "
                    + String.join(", ", kinds()));
        }
        if (warmupEpochs < 0) throw new IllegalArgumentException("warm-up epochs must be 0 or more, got " + warmupEpochs);
    }

    /** The study's setting: a constant learning rate, no warm-up. */
    public static ScheduleSpec constant() {
        return new ScheduleSpec(CONSTANT, 0);
    }

    static List<String> kinds() {
        return List.of(CONSTANT, COSINE, PLATEAU);
    }
}
