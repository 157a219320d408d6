package io.ferbench.worker.train;

import io.ferbench.api.cell.EarlyStoppingSpec;
import io.ferbench.api.cell.ScheduleSpec;

/**
 * The learning rate of every step of one training run, from a {@link ScheduleSpec}. Steps are counted from 1 over
 * the whole run ({@code epochs × stepsPerEpoch}); the warm-up rises linearly, {@code lr·t/W} for
 * {@code t = 1..W}; cosine then decays as {@code lr·½(1 + cos(π·k/K))} for {@code k = 0..K-1} over the
 * {@code K = T − W} remaining steps of the epoch budget (so the last step still has a positive rate, and early
 * stopping may end the run before the end of the curve); plateau multiplies the rate by
 * {@link ScheduleSpec#PLATEAU_FACTOR} each time the early-stopping monitor has not improved for
 * {@link ScheduleSpec#PLATEAU_PATIENCE} epochs in a row (whether or not early stopping is on).
 */
final class LearningRateSchedule {
    private final ScheduleSpec spec;
    private final double base;
    private final long warmupSteps;
    private final long totalSteps;
    private final EarlyStopping plateauWatch;
    private double plateauScale = 1;

    LearningRateSchedule(ScheduleSpec spec, double learningRate, int epochs, int stepsPerEpoch,
                         EarlyStoppingSpec monitor) {
        this.spec = spec == null ? ScheduleSpec.constant() : spec;
        if (this.spec.warmupEpochs() >= epochs && this.spec.warmupEpochs() > 0) {
            throw new IllegalArgumentException("warmup_epochs (" + this.spec.warmupEpochs()
                    + ") must be below epochs (" + epochs + ")");
        }
        this.base = learningRate;
        this.warmupSteps = (long) this.spec.warmupEpochs() * stepsPerEpoch;
        this.totalSteps = (long) epochs * stepsPerEpoch;
        EarlyStoppingSpec watch = monitor == null ? EarlyStoppingSpec.off() : monitor;
        this.plateauWatch = new EarlyStopping(new EarlyStoppingSpec(true, watch.monitor(),
                ScheduleSpec.PLATEAU_PATIENCE, watch.minDelta(), false));
    }

    /** Whether the rate ever changes (a constant schedule never calls the backend). */
    boolean varies() {
        return warmupSteps > 0 || spec.kind() != ScheduleSpec.Kind.CONSTANT;
    }

    /** The rate of global step {@code t} (1-based). */
    double rate(long t) {
        if (t <= warmupSteps) return base * t / warmupSteps;
        return switch (spec.kind()) {
            case COSINE -> {
                long k = t - warmupSteps - 1;
                long span = totalSteps - warmupSteps;
                yield base * 0.5 * (1 + Math.cos(Math.PI * Math.min(k, span - 1) / span));
            }
            case PLATEAU -> base * plateauScale;
            case CONSTANT -> base;
        };
    }

    /** Tells a plateau schedule how the epoch ended; it lowers the rate after enough epochs without improvement. */
    void endOfEpoch(int epoch, double validationLoss, double validationAccuracy) {
        if (spec.kind() != ScheduleSpec.Kind.PLATEAU) return;
        if (plateauWatch.update(epoch, validationLoss, validationAccuracy) == EarlyStopping.Decision.STOP) {
            plateauScale *= ScheduleSpec.PLATEAU_FACTOR;
            plateauWatch.resetPatience();
        }
    }
}
