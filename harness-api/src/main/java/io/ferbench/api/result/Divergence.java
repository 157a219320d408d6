package io.ferbench.api.result;

/**
 * Where training diverged. Epochs and steps are numbered from 1; {@code step} is 0 when the bad value
 * came from the end-of-epoch validation rather than from a training step.
 *
 * @param quantity  {@code train_loss} or {@code val_loss}
 * @param value     the offending value as text ({@code NaN}, {@code Infinity}, {@code -Infinity})
 */
public record Divergence(int epoch, int step, String quantity, String value) {
    public String describe() {
        return quantity + " became " + value + " in epoch " + epoch + (step > 0 ? ", step " + step : "");
    }
}
