package io.ferbench.backend.dl4j;

import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.testing.ModelFixtures;
import java.util.Map;

/** dl4j test setup: backends found through ServiceLoader; graphs and batches come from {@link ModelFixtures}. */
final class Fixtures {
    private static Backend backend;

    private Fixtures() {}

    /** One backend (oneDNN helpers on, the default) for the whole test JVM. */
    static synchronized Backend backend() {
        if (backend == null) backend = backend(Map.of());
        return backend;
    }

    /** A backend with the given settings, found through ServiceLoader as the harness finds it. */
    static Backend backend(Map<String, String> settings) {
        return ModelFixtures.provider("dl4j").create(new BackendOptions("cpu", 2, settings));
    }

    static Dl4jTrainableModel build(ModelGraph graph, long seed, double learningRate) {
        return (Dl4jTrainableModel) backend().build(graph, ModelFixtures.spec(graph, seed, learningRate));
    }

    static float maxAbsDiff(float[][] a, float[][] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
        }
        return max;
    }
}
