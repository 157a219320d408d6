package io.ferbench.backend.djl;

import io.ferbench.api.backend.BackendSettings;
import java.util.List;
import java.util.Map;

/**
 * The backend-specific switches a suite may give the {@code djl} backend ({@code BackendOptions.settings}).
 *
 * @param interopThreads  PyTorch inter-op threads; 1 by default, since a training step runs one op at a time
 * @param cudnnBenchmark  let cuDNN pick the fastest convolution algorithm per shape (GPU only; results may
 *                        then vary slightly from run to run)
 */
record DjlSettings(int interopThreads, boolean cudnnBenchmark) {
    static final String INTEROP_THREADS = "interop_threads";
    static final String CUDNN_BENCHMARK = "cudnn_benchmark";

    static DjlSettings defaults() { return new DjlSettings(1, false); }

    /** Reads the settings map; an unknown key or a malformed value is an error naming the key. */
    static DjlSettings of(Map<String, String> settings) {
        BackendSettings s = BackendSettings.of("djl", settings, List.of(INTEROP_THREADS, CUDNN_BENCHMARK));
        DjlSettings d = defaults();
        return new DjlSettings(s.intAtLeast(INTEROP_THREADS, 1, d.interopThreads()),
                s.bool(CUDNN_BENCHMARK, d.cudnnBenchmark()));
    }
}
