package io.ferbench.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.ir.GraphBuilder;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Op;
import io.ferbench.api.testing.ModelFixtures;
import java.util.Map;

/** tensorflow test setup: the backend, its tiny graph; batches and specs come from {@link ModelFixtures}. */
final class Fixtures {
    /** Device of the models under test: cpu unless {@code -Dferbench.test.device=gpu} (or auto). */
    static final String DEVICE = System.getProperty("ferbench.test.device", "cpu");
    private static Backend backend;

    private Fixtures() {}

    /** One tensorflow backend for the test JVM; models are closed by the tests. */
    static synchronized Backend backend() {
        if (backend == null) backend = ModelFixtures.provider("tensorflow").create(new BackendOptions(DEVICE, 2, Map.of()));
        return backend;
    }

    static TfTrainableModel build(ModelGraph graph, ModelSpec spec) {
        return (TfTrainableModel) backend().build(graph, spec);
    }

    /**
     * {@link ModelFixtures#tinyGraph}'s ops with a non-default batch norm and more convolution kinds: strided,
     * grouped with bias, and a strided 1×1 down-sampling path.
     */
    static ModelGraph tinyGraph(double dropout) {
        GraphBuilder b = ModelFixtures.tinyStem(new Op.BatchNorm(1e-3, 0.3));
        b.add("grouped", new Op.Conv2d(4, 3, 2, 1, 2, true), "right");
        b.add("down", new Op.Conv2d(4, 1, 2, 0, 1, false), "left");
        b.add("cat", new Op.Concat(), "down", "grouped");
        return ModelFixtures.tinyHead(b, dropout);
    }

    /** Element-wise {@code |a - b| <= tolerance · max(1, |b|)} with the first offending index named. */
    static void assertClose(float[][] expected, float[][] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": rows");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, what + ": row " + i + " length");
            for (int j = 0; j < expected[i].length; j++) {
                double scale = Math.max(1, Math.abs(expected[i][j]));
                if (Math.abs(expected[i][j] - actual[i][j]) > tolerance * scale) {
                    fail(what + ": [" + i + "][" + j + "] expected " + expected[i][j] + " but was " + actual[i][j]
                            + " (tolerance " + tolerance + " relative)");
                }
            }
        }
    }
}
