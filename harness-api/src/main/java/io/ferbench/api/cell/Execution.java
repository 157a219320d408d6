package io.ferbench.api.cell;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where and how a cell runs. None of it changes what the cell computes, except through the backend.
 *
 * @param backend          backend id
 * @param device           the device the suite asked for
 * @param threads          intra-op threads for the backend, 0 for its default
 * @param timeoutSeconds   the worker is killed after this long
 * @param backendSettings  backend-specific switches, recorded in results
 */
public record Execution(String backend, Device device, int threads, long timeoutSeconds,
                        Map<String, String> backendSettings) {
    public Execution {
        if (device == null) device = Device.AUTO;
        backendSettings = backendSettings == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(backendSettings));
    }

    public static Execution of(String backend) {
        return new Execution(backend, Device.AUTO, 0, 3600, Map.of());
    }

    public Execution withTimeoutSeconds(long seconds) {
        return new Execution(backend, device, threads, seconds, backendSettings);
    }

    public Execution withThreads(int value) {
        return new Execution(backend, device, value, timeoutSeconds, backendSettings);
    }
}
