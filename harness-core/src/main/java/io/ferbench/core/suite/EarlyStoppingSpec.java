package io.ferbench.core.suite;

/**
 * Early stopping as Keras defines it: stop when {@code monitor} has not improved by more than
 * {@code minDelta} for {@code patience} epochs; optionally restore the best epoch's weights.
 *
 * @param monitor  {@code val_loss} (lower is better) or {@code val_accuracy} (higher is better)
 */
public record EarlyStoppingSpec(boolean enabled, String monitor, int patience, double minDelta, boolean restoreBest) {
    public static EarlyStoppingSpec off() { return new EarlyStoppingSpec(false, "val_loss", 0, 0, false); }
}
