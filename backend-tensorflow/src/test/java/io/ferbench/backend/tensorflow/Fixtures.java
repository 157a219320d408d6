package io.ferbench.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.backend.BackendProvider;
import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.ir.GraphBuilder;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Op;
import io.ferbench.api.ir.WeightInitializer;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;

/** Shared test setup: a backend found by id through ServiceLoader, small graphs, seeded batches. */
final class Fixtures {
    static final int CLASSES = 7;
    /** Device of the models under test: cpu unless {@code -Dferbench.test.device=gpu} (or auto). */
    static final String DEVICE = System.getProperty("ferbench.test.device", "cpu");
    private static Backend backend;

    private Fixtures() {}

    /** The provider registered under {@code id}, as the worker finds it. */
    static BackendProvider provider(String id) {
        return ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no BackendProvider '" + id + "' registered"));
    }

    /** One tensorflow backend for the test JVM; models are closed by the tests. */
    static synchronized Backend backend() {
        if (backend == null) backend = provider("tensorflow").create(new BackendOptions(DEVICE, 2, Map.of()));
        return backend;
    }

    static TfTrainableModel build(ModelGraph graph, ModelSpec spec) {
        return (TfTrainableModel) backend().build(graph, spec);
    }

    static ModelSpec spec(ModelGraph graph, long seed, double learningRate) {
        return new ModelSpec(seed, WeightInitializer.initialise(graph, seed), OptimizerSpec.adam(learningRate), null);
    }

    /** {@code n} images of standard normal noise, labels cycling through the classes. */
    static Batch batch(ModelGraph graph, int n, long seed) {
        Op.Input in = graph.inputOp();
        SplittableRandom random = new SplittableRandom(seed);
        float[] images = new float[n * in.channels() * in.height() * in.width()];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) (Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble()));
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = i % CLASSES;
        return new Batch(images, labels, n, in.channels(), in.height(), in.width());
    }

    /**
     * A small graph with every IR op: convolutions (plain, strided with bias, depthwise, grouped),
     * batch norm, relu, relu6, padded max pool, residual add, channel split, concat, shuffle, global
     * pooling, flatten, dropout and dense.
     */
    static ModelGraph tinyGraph(double dropout) {
        GraphBuilder b = new GraphBuilder("input", 1, 12, 12);
        b.then("conv1", new Op.Conv2d(8, 3, 1, 1, 1, false))
                .then("bn1", new Op.BatchNorm(1e-5, 0.1))
                .then("relu", new Op.Relu())
                .then("pool", new Op.MaxPool(3, 2, 1));
        b.then("dw", new Op.Conv2d(8, 3, 1, 1, 8, false))
                .then("bn2", new Op.BatchNorm(1e-3, 0.3))
                .then("relu6", new Op.Relu6());
        b.add("add", new Op.Add(), "relu6", "pool");
        b.add("left", new Op.ChannelSplit(2, 0), "add");
        b.add("right", new Op.ChannelSplit(2, 1), "add");
        b.add("grouped", new Op.Conv2d(4, 3, 2, 1, 2, true), "right");
        b.add("down", new Op.Conv2d(4, 1, 2, 0, 1, false), "left");
        b.add("cat", new Op.Concat(), "down", "grouped");
        b.then("shuffle", new Op.ChannelShuffle(2))
                .then("gap", new Op.GlobalAvgPool())
                .then("flatten", new Op.Flatten())
                .then("dropout", new Op.Dropout(dropout))
                .then("fc", new Op.Dense(CLASSES, true));
        return b.build("tiny", "fc", "flatten");
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
