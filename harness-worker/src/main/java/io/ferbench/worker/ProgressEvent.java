package io.ferbench.worker;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ferbench.api.result.EpochRecord;
import io.ferbench.worker.train.EarlyStopping;
import io.ferbench.worker.train.StepProgress;

/**
 * A progress report from a worker; the fields that do not apply to its kind are null.
 *
 * @param message  the phase (kind {@code phase}), or the early-stopping decision (kind {@code epoch})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressEvent(Kind kind, Integer epoch, Integer epochs, Integer step, Integer steps, Double loss,
                            Double etaSeconds, Double trainAccuracy, Double valLoss, Double valAccuracy,
                            Double seconds, String message) {
    public enum Kind {
        /** The worker entered a phase: preparing the dataset, training, testing... */
        PHASE,
        /** A training step finished (reports are throttled). */
        STEP,
        /** An epoch finished, with its validation figures. */
        EPOCH
    }

    public static ProgressEvent phase(String message) {
        return new ProgressEvent(Kind.PHASE, null, null, null, null, null, null, null, null, null, null, message);
    }

    public static ProgressEvent step(StepProgress p) {
        return new ProgressEvent(Kind.STEP, p.epoch(), p.epochs(), p.step(), p.steps(), p.loss(), p.etaSeconds(),
                null, null, null, null, null);
    }

    public static ProgressEvent epoch(EpochRecord r, int epochs, EarlyStopping.Decision decision) {
        return new ProgressEvent(Kind.EPOCH, r.epoch(), epochs, null, null, r.trainLoss(), null, r.trainAccuracy(),
                r.valLoss(), r.valAccuracy(), r.seconds(), decision.name().toLowerCase(java.util.Locale.ROOT));
    }
}
