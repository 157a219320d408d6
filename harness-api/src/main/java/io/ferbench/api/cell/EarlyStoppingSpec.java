package io.ferbench.api.cell;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Early stopping as Keras defines it: stop when {@code monitor} has not improved by more than
 * {@code minDelta} for {@code patience} epochs; optionally restore the best epoch's weights.
 */
public record EarlyStoppingSpec(boolean enabled, Monitor monitor, int patience, double minDelta, boolean restoreBest) {
    /** The validation metric early stopping (and the plateau schedule) watches. */
    public enum Monitor {
        VAL_LOSS, VAL_ACCURACY;

        /** Whether a larger value is an improvement. */
        public boolean higherIsBetter() { return this == VAL_ACCURACY; }

        @Override
        public String toString() { return name().toLowerCase(Locale.ROOT); }

        public static List<String> ids() { return Arrays.stream(values()).map(Monitor::toString).toList(); }

        public static Monitor of(String id) { return Enums.of(Monitor.class, id, "monitor"); }
    }

    public EarlyStoppingSpec {
        if (monitor == null) monitor = Monitor.VAL_LOSS;
    }

    public static EarlyStoppingSpec off() { return new EarlyStoppingSpec(false, Monitor.VAL_LOSS, 0, 0, false); }
}
