package io.ferbench.api.backend;

import java.util.Map;

/**
 * What a result must record about the backend that produced it.
 *
 * @param id             backend id
 * @param framework      framework name and version, for example {@code DJL 0.36.0}
 * @param nativeVersion  native library and version, for example {@code PyTorch 2.7.1}
 * @param device         the device actually used, for example {@code cpu} or {@code gpu(0)}
 * @param configuration  the settings in effect (threads, helpers, data layout...)
 */
public record BackendInfo(String id, String framework, String nativeVersion, String device,
                          Map<String, String> configuration) {
    public BackendInfo {
        configuration = Map.copyOf(configuration);
    }
}
