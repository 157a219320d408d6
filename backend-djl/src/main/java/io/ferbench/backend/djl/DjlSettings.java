package io.ferbench.backend.djl;

import io.ferbench.api.backend.BackendDescriptor;
import io.ferbench.api.backend.BackendSettings;
import java.util.Map;

/**
 * The backend-specific switches a suite may give the {@code djl} backend ({@code BackendOptions.settings}).
 *
 * @param interopThreads  PyTorch inter-op threads; 1 by default, since a training step runs one op at a time
 * @param cudnnBenchmark  let cuDNN pick the fastest convolution algorithm per shape (GPU only; results may
 *                        then vary slightly from run to run)
 * @param channelsLast    on the CPU, channels-last activations for the graphs where they measured faster
 *                        ({@link GraphBlock#channelsLastHelps}); false keeps channels-first throughout
 */
record DjlSettings(int interopThreads, boolean cudnnBenchmark, boolean channelsLast) {
    static final String INTEROP_THREADS = "interop_threads";
    static final String CUDNN_BENCHMARK = "cudnn_benchmark";
    static final String CHANNELS_LAST = "channels_last";

    /** The descriptor's defaults. */
    static DjlSettings defaults() { return of(Map.of()); }

    /**
     * Reads the settings map against this backend's descriptor (keys, types, minimums and defaults are declared
     * there once); an unknown key or a malformed value is an error naming the key.
     */
    static DjlSettings of(Map<String, String> settings) {
        BackendSettings s = BackendSettings.of(BackendDescriptor.of(DjlSettings.class), settings);
        return new DjlSettings(s.integer(INTEROP_THREADS, 1), s.bool(CUDNN_BENCHMARK), s.bool(CHANNELS_LAST));
    }
}
