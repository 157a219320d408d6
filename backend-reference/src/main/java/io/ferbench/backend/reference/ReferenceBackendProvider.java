package io.ferbench.backend.reference;

import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.backend.BackendProvider;

/** The {@code reference} backend: the IR in plain Java, slow but exact (see the package documentation). */
public final class ReferenceBackendProvider implements BackendProvider {
    public static final String ID = "reference";

    @Override public String id() { return ID; }

    @Override public String displayName() { return "Reference (pure Java, exact)"; }

    @Override public Backend create(BackendOptions options) { return new ReferenceBackend(options); }
}
