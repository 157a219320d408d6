package io.ferbench.api.result;

/**
 * How long training took to reach a validation accuracy (the cell's {@code target_accuracy}), MLPerf's
 * time-to-quality: what a practitioner pays for a usable model, which images per second alone do not tell.
 *
 * @param target   the validation accuracy to reach, in (0, 1]
 * @param epochs   the first epoch whose validation accuracy reached the target; null if none did
 * @param seconds  wall time of the epochs up to and including that one (training steps and validation, the same
 *                 clock as an epoch's {@code seconds}); null if the target was never reached
 */
public record TimeToAccuracy(double target, Integer epochs, Double seconds) {
    public boolean reached() { return epochs != null; }
}
