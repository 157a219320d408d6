package io.ferbench.api.backend;

/**
 * Entry point of a backend, found through {@link java.util.ServiceLoader}: a backend jar lists its
 * provider class in {@code META-INF/services/io.ferbench.api.backend.BackendProvider}.
 */
public interface BackendProvider {
    /** Stable id used in suites, for example {@code djl}. */
    String id();

    /** Human-readable name, for example {@code Deep Java Library (PyTorch engine)}. */
    String displayName();

    /** Starts the backend's engine with the given options. */
    Backend create(BackendOptions options);
}
