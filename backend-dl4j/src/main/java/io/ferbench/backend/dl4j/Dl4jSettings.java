package io.ferbench.backend.dl4j;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
 */
record Dl4jSettings(boolean onednn, int gcIntervalMs) {
    static final String ONEDNN = "onednn";
    static final String GC_INTERVAL_MS = "gc_interval_ms";
    private static final Set<String> KEYS = new TreeSet<>(Set.of(ONEDNN, GC_INTERVAL_MS));

    static Dl4jSettings defaults() {
        return new Dl4jSettings(true, 10_000);
    }

    /** Reads the settings map; an unknown key or a malformed value is an error naming the key. */
    static Dl4jSettings of(Map<String, String> settings) {
        boolean onednn = defaults().onednn();
        int gcInterval = defaults().gcIntervalMs();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue().trim();
            switch (e.getKey()) {
                case ONEDNN -> onednn = bool(e.getKey(), value);
                case GC_INTERVAL_MS -> gcInterval = nonNegativeInt(e.getKey(), value);
                default -> throw new IllegalArgumentException("unknown dl4j backend setting '" + e.getKey()
                        + "'; valid settings are " + KEYS);
            }
        }
        return new Dl4jSettings(onednn, gcInterval);
    }

    private static int nonNegativeInt(String key, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) return n;
        } catch (NumberFormatException ignored) {
            // reported below with the valid range
        }
        throw new IllegalArgumentException("dl4j backend setting '" + key + "' must be a whole number >= 0 "
                + "(milliseconds; 0 = off), got '" + value + "'");
    }

    private static boolean bool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("dl4j backend setting '" + key
                    + "' must be true or false, got '" + value + "'");
        };
    }
}
