package io.ferbench.backend.tensorflow;

import io.ferbench.api.backend.BackendDescriptor;
import io.ferbench.api.backend.BackendSettings;
import java.util.Map;

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

    /**
     * Reads the settings map against this backend's descriptor (keys, types and minimums are declared there once);
     * an unknown key or a malformed value is an error naming the key.
     */
    static TfSettings of(Map<String, String> settings) {
        BackendSettings s = BackendSettings.of(BackendDescriptor.of(TfSettings.class), settings);
        return new TfSettings(s.integer(INTEROP_THREADS, 0));
    }
}
