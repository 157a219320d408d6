package io.ferbench.backend.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.testing.ModelFixtures;
import java.util.Map;

/** djl test setup: the backend found through ServiceLoader; graphs and batches come from {@link ModelFixtures}. */
final class Fixtures {
    /** Device of the models under test: cpu unless {@code -Dferbench.test.device=gpu} (or auto) is given. */
    static final String DEVICE = System.getProperty("ferbench.test.device", "cpu");
    private static Backend backend;

    private Fixtures() {}

    /** One backend for the whole test JVM (the engine is a per-JVM singleton anyway). */
    static synchronized Backend backend() {
        if (backend == null) backend = ModelFixtures.provider("djl").create(new BackendOptions(DEVICE, 2, Map.of()));
        return backend;
    }

    /** A CPU NDManager on the started engine, for op-level tests. */
    static NDManager manager() {
        backend();
        return NDManager.newBaseManager(Device.cpu(), EngineSetup.ENGINE_NAME);
    }
}
