package io.ferbench.backend.tensorflow;

import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.backend.BackendProvider;

/** The {@code tensorflow} backend: TensorFlow Java in graph mode. */
public final class TensorFlowBackendProvider implements BackendProvider {
    public static final String ID = "tensorflow";

    @Override public String id() { return ID; }

    @Override public String displayName() { return "TensorFlow Java"; }

    @Override public Backend create(BackendOptions options) { return new TensorFlowBackend(options); }
}
