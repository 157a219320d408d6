package io.ferbench.backend.djl;

import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.backend.BackendProvider;

/** The {@code djl} backend: Deep Java Library on the PyTorch engine. */
public final class DjlBackendProvider implements BackendProvider {
    public static final String ID = "djl";

    @Override public String id() { return ID; }

    @Override public String displayName() { return "Deep Java Library (PyTorch engine)"; }

    @Override public Backend create(BackendOptions options) { return new DjlBackend(options); }
}
