package io.ferbench.worker;

import io.ferbench.api.result.EpochRecord;
import io.ferbench.worker.train.EarlyStopping;
import io.ferbench.worker.train.StepProgress;
import io.ferbench.worker.train.TrainingListener;
import java.io.PrintStream;

/**
 * The worker's side of the progress channel. Step reports are throttled (a tiny model makes
 * hundreds of steps a second); the last step of an epoch, epochs and phases always go out.
 */
public final class ProgressEmitter implements TrainingListener {
    private final PrintStream out;
    private final long minStepIntervalNanos;
    private long lastStepNanos = Long.MIN_VALUE;

    public ProgressEmitter(PrintStream out, long minStepIntervalMillis) {
        this.out = out;
        this.minStepIntervalNanos = minStepIntervalMillis * 1_000_000L;
    }

    public void phase(String message) {
        emit(ProgressEvent.phase(message));
    }

    @Override public void onStep(StepProgress progress) {
        long now = System.nanoTime();
        boolean due = lastStepNanos == Long.MIN_VALUE || now - lastStepNanos >= minStepIntervalNanos;
        if (due || progress.step() == progress.steps()) {
            lastStepNanos = now;
            emit(ProgressEvent.step(progress));
        }
    }

    @Override public void onEpoch(EpochRecord record, int epochs, EarlyStopping.Decision decision) {
        emit(ProgressEvent.epoch(record, epochs, decision));
    }

    private synchronized void emit(ProgressEvent event) {
        out.println(ProgressChannel.encode(event));
        out.flush();
    }
}
