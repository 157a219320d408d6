package io.ferbench.api.backend;

import java.util.Map;

/**
 * How a backend is started.
 *
 * @param device     {@code auto} (a GPU when the engine sees one), {@code cpu} or {@code gpu}
 * @param threads    intra-op threads, 0 for the engine's default
 * @param settings   backend-specific switches from the suite (recorded in the results)
 */
public record BackendOptions(String device, int threads, Map<String, String> settings) {
    public BackendOptions {
        settings = Map.copyOf(settings);
    }

    public static BackendOptions cpu() { return new BackendOptions("cpu", 0, Map.of()); }
}
