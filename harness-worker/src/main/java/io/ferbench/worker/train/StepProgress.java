package io.ferbench.worker.train;

/**
 * Progress after one training step.
 *
 * @param loss        mean training loss of the epoch so far
 * @param etaSeconds  estimated time to the end of the epoch budget (early stopping may end sooner)
 */
public record StepProgress(int epoch, int epochs, int step, int steps, double loss, double etaSeconds) {}
