package io.ferbench.backend.djl;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
    private static final Set<String> KEYS = new TreeSet<>(Set.of(INTEROP_THREADS, CUDNN_BENCHMARK));

    static DjlSettings defaults() { return new DjlSettings(1, false); }

    /** Reads the settings map; an unknown key or a malformed value is an error naming the key. */
    static DjlSettings of(Map<String, String> settings) {
        int interop = 1;
        boolean benchmark = false;
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String key = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue().trim();
            switch (key) {
                case INTEROP_THREADS -> interop = positiveInt(key, value);
                case CUDNN_BENCHMARK -> benchmark = bool(key, value);
                default -> throw new IllegalArgumentException("unknown djl backend setting '" + key
                        + "'; valid settings are " + KEYS);
            }
        }
        return new DjlSettings(interop, benchmark);
    }

    private static int positiveInt(String key, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) return n;
        } catch (NumberFormatException ignored) {
            // reported below with the valid range
        }
        throw new IllegalArgumentException("djl backend setting '" + key + "' must be a whole number >= 1, got '"
                + value + "'");
    }

    private static boolean bool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("djl backend setting '" + key
                    + "' must be true or false, got '" + value + "'");
        };
    }
}
