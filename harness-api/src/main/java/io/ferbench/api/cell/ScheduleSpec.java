package io.ferbench.api.cell;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The learning-rate schedule of a cell, applied by the harness (never by a backend's own scheduler) through
 * {@code TrainableModel.setLearningRate} before each step, so it is identical on every backend.
 *
 * @param kind          {@link Kind#CONSTANT} (the study's plain Adam), {@link Kind#COSINE} (per-step cosine decay over
 *                      the epoch budget after the warm-up) or {@link Kind#PLATEAU} (×{@value #PLATEAU_FACTOR} after
 *                      {@value #PLATEAU_PATIENCE} epochs without improvement of the early-stopping monitor)
 * @param warmupEpochs  epochs of linear warm-up from {@code lr / warm-up steps} to the learning rate; 0 for none
 */
public record ScheduleSpec(Kind kind, int warmupEpochs) {
    /** PyTorch's {@code ReduceLROnPlateau} default factor. */
    public static final double PLATEAU_FACTOR = 0.1;
    /** Short enough to act within the epoch budgets a CPU affords (PyTorch's default is 10). */
    public static final int PLATEAU_PATIENCE = 2;

    /** The {@code lr_schedule:} values. */
    public enum Kind {
        CONSTANT, COSINE, PLATEAU;

        @Override
        public String toString() { return name().toLowerCase(Locale.ROOT); }

        public static List<String> ids() { return Arrays.stream(values()).map(Kind::toString).toList(); }

        public static Kind of(String id) { return Enums.of(Kind.class, id, "learning-rate schedule"); }
    }

    public ScheduleSpec {
        if (kind == null) kind = Kind.CONSTANT;
        if (warmupEpochs < 0) {
            throw new IllegalArgumentException("warm-up epochs must be 0 or more, got " + warmupEpochs);
        }
    }

    /** The study's setting: a constant learning rate, no warm-up. */
    public static ScheduleSpec constant() {
        return new ScheduleSpec(Kind.CONSTANT, 0);
    }
}
