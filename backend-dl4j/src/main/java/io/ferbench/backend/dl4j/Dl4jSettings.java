package io.ferbench.backend.dl4j;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dl4j backend's switches from a suite's {@code settings:} map.
 *
 * @param onednn  use DL4J's oneDNN layer helpers for convolution, max pooling and batch norm (the
 *                fast configuration, on by default); {@code false} is DL4J's out-of-the-box
 *                configuration, where those layers run DL4J's built-in Java/BLAS implementations
 */
record Dl4jSettings(boolean onednn) {
    static final String ONEDNN = "onednn";
    private static final Set<String> KEYS = new TreeSet<>(Set.of(ONEDNN));

    static Dl4jSettings defaults() {
        return new Dl4jSettings(true);
    }

    /** Reads the settings map; an unknown key or a malformed value is an error naming the key. */
    static Dl4jSettings of(Map<String, String> settings) {
        boolean onednn = defaults().onednn();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue().trim();
            if (ONEDNN.equals(e.getKey())) {
                onednn = bool(e.getKey(), value);
            } else {
                throw new IllegalArgumentException("unknown dl4j backend setting '" + e.getKey()
                        + "'; valid settings are " + KEYS);
            }
        }
        return new Dl4jSettings(onednn);
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
