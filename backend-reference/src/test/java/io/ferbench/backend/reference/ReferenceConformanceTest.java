package io.ferbench.backend.reference;

import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.backend.BackendProvider;
import io.ferbench.api.testing.BackendConformance;
import io.ferbench.api.testing.ModelFixtures;
import org.junit.jupiter.api.AfterAll;

/** The backend contract every backend passes ({@link BackendConformance}), on the reference backend. */
class ReferenceConformanceTest extends BackendConformance {
    private static final Backend BACKEND = ModelFixtures.provider("reference").create(BackendOptions.cpu());

    @AfterAll
    static void close() {
        BACKEND.close();
    }

    @Override
    protected Backend backend() {
        return BACKEND;
    }

    @Override
    protected BackendProvider provider() {
        return ModelFixtures.provider("reference");
    }
}
