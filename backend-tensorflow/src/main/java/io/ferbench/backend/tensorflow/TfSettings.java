package io.ferbench.backend.tensorflow;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The backend-specific switches a suite may give the {@code tensorflow} backend
 * ({@code BackendOptions.settings}).
 *
 * @param interopThreads  TensorFlow inter-op threads (how many ops may run at once); 0 means "the
 *                        same as the intra-op threads", which is TensorFlow's own default when
 *                        those are left to it too
 */
record TfSettings(int interopThreads) {
    static final String INTEROP_THREADS = "interop_threads";
    private static final Set<String> KEYS = new TreeSet<>(Set.of(INTEROP_THREADS));

    /** Reads the settings map; an unknown key or a malformed value is an error naming the key. */
    static TfSettings of(Map<String, String> settings) {
        int interop = 0;
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue().trim();
            if (e.getKey().equals(INTEROP_THREADS)) {
                interop = positiveInt(e.getKey(), value);
            } else {
                throw new IllegalArgumentException("unknown tensorflow backend setting '" + e.getKey()
                        + "'; valid settings are " + KEYS);
            }
        }
        return new TfSettings(interop);
    }

    private static int positiveInt(String key, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) return n;
        } catch (NumberFormatException ignored) {
            // reported below with the valid range
        }
        throw new IllegalArgumentException("tensorflow backend setting '" + key + "' must be a whole number >= 1, got '"
                + value + "'");
    }
}
