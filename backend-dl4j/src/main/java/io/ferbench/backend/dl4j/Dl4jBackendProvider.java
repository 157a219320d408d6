package io.ferbench.backend.dl4j;

import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.backend.BackendProvider;

/** The {@code dl4j} backend, registered for {@link java.util.ServiceLoader}. */
public final class Dl4jBackendProvider implements BackendProvider {
    @Override
    public String id() {
        return Dl4jBackend.ID;
    }

    @Override
    public String displayName() {
        return "Deeplearning4j (ND4J native)";
    }

    @Override
    public Backend create(BackendOptions options) {
        return new Dl4jBackend(options);
    }
}
