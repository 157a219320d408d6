package io.ferbench.backend.djl;

import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendProvider;
import io.ferbench.api.testing.BackendConformance;
import io.ferbench.api.testing.ModelFixtures;

/** The backend contract every backend passes ({@link BackendConformance}), on the djl backend. */
class DjlConformanceTest extends BackendConformance {
    @Override
    protected Backend backend() {
        return Fixtures.backend();
    }

    @Override
    protected BackendProvider provider() {
        return ModelFixtures.provider("djl");
    }
}
