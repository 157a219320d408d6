package io.ferbench.backend.dl4j;

import io.ferbench.api.backend.BackendDescriptor;
import io.ferbench.api.backend.BackendSettings;
import java.util.Map;

/**
 * The dl4j backend's switches from a suite's {@code settings:} map.
 *
 * @param onednn        use DL4J's oneDNN layer helpers for convolution, max pooling and batch norm
 *                      (the fast configuration, on by default); {@code false} is DL4J's out-of-the-box
 *                      configuration, where those layers run DL4J's built-in Java/BLAS implementations
 * @param gcIntervalMs  ask the JVM to collect garbage at most this often (between calls): ND4J frees
 *                      part of its native memory (op contexts, detached arrays inside DL4J) only when
 *                      their Java handles are collected, and a small heap is rarely collected, so the
 *                      process grows by tens of MB per ten steps without it (deeplearning4j#7900);
 *                      0 turns it off. Default 10 000.
 * @param oneDnn3x3Backward with {@code onednn}, also let oneDNN run the backward pass of 3×3 stride-1
 *                      convolutions; oneDNN 2.3 then picks Winograd kernels, which are very slow on small
 *                      feature maps. Default {@code false}: DL4J's built-in backward for those layers
 *                      ({@link io.ferbench.backend.dl4j.nn.BuiltInBackwardConvolutionHelper})
 */
record Dl4jSettings(boolean onednn, int gcIntervalMs, boolean oneDnn3x3Backward) {
    static final String ONEDNN = "onednn";
    static final String GC_INTERVAL_MS = "gc_interval_ms";
    static final String ONEDNN_3X3_BACKWARD = "onednn_3x3_backward";

    /** The descriptor's defaults. */
    static Dl4jSettings defaults() {
        return of(Map.of());
    }

    /**
     * Reads the settings map against this backend's descriptor (keys, types, minimums and defaults are declared
     * there once); an unknown key or a malformed value is an error naming the key.
     */
    static Dl4jSettings of(Map<String, String> settings) {
        BackendSettings s = BackendSettings.of(BackendDescriptor.of(Dl4jSettings.class), settings);
        return new Dl4jSettings(s.bool(ONEDNN), s.integer(GC_INTERVAL_MS, 0), s.bool(ONEDNN_3X3_BACKWARD));
    }
}
