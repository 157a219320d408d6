package io.ferbench.api.result;

/** The early-stopping policy a cell ran with (a copy of the suite's setting, for the results). */
public record EarlyStoppingConfig(boolean enabled, String monitor, int patience, double minDelta, boolean restoreBest) {}
