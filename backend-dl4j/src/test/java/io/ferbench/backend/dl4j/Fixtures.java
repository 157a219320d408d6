package io.ferbench.backend.dl4j;

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

/** Shared test setup: the backend found through ServiceLoader, small graphs and seeded batches. */
final class Fixtures {
    static final int CLASSES = 7;
    private static Backend backend;

    private Fixtures() {}

    /** One backend (oneDNN helpers on, the default) for the whole test JVM. */
    static synchronized Backend backend() {
        if (backend == null) backend = backend(Map.of());
        return backend;
    }

    /** A backend with the given settings, found through ServiceLoader as the harness finds it. */
    static Backend backend(Map<String, String> settings) {
        BackendProvider provider = ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("dl4j"))
                .findFirst().orElseThrow(() -> new AssertionError("no dl4j BackendProvider registered"));
        return provider.create(new BackendOptions("cpu", 2, settings));
    }

    static ModelSpec spec(ModelGraph graph, long seed, double learningRate) {
        return new ModelSpec(seed, WeightInitializer.initialise(graph, seed), OptimizerSpec.adam(learningRate), null);
    }

    static Dl4jTrainableModel build(ModelGraph graph, long seed, double learningRate) {
        return (Dl4jTrainableModel) backend().build(graph, spec(graph, seed, learningRate));
    }

    /** {@code n} images of standard normal noise, labels cycling through the classes. */
    static Batch batch(ModelGraph graph, int n, long seed) {
        Op.Input in = graph.inputOp();
        SplittableRandom random = new SplittableRandom(seed);
        float[] images = new float[n * in.channels() * in.height() * in.width()];
        for (int i = 0; i < images.length; i++) images[i] = (float) gaussian(random);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = i % CLASSES;
        return new Batch(images, labels, n, in.channels(), in.height(), in.width());
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /**
     * A small graph with every IR op: conv (with and without bias), batch norm, relu, max pool, a residual
     * add, a depthwise conv, relu6, channel split, concat, channel shuffle, global pooling, dropout, dense.
     */
    static ModelGraph tinyGraph(double dropout) {
        GraphBuilder b = new GraphBuilder("input", 1, 12, 12);
        b.then("conv1", new Op.Conv2d(8, 3, 1, 1, 1, false))
                .then("bn1", new Op.BatchNorm(1e-5, 0.1))
                .then("relu", new Op.Relu())
                .then("pool", new Op.MaxPool(3, 2, 1));
        b.then("dw", new Op.Conv2d(8, 3, 1, 1, 8, false))
                .then("bn2", new Op.BatchNorm(1e-5, 0.1))
                .then("relu6", new Op.Relu6());
        b.add("add", new Op.Add(), "relu6", "pool");
        b.add("left", new Op.ChannelSplit(2, 0), "add");
        b.add("right", new Op.ChannelSplit(2, 1), "add");
        b.add("pw", new Op.Conv2d(4, 1, 1, 0, 1, true), "right");
        b.add("cat", new Op.Concat(), "left", "pw");
        b.then("shuffle", new Op.ChannelShuffle(2))
                .then("gap", new Op.GlobalAvgPool())
                .then("flatten", new Op.Flatten())
                .then("dropout", new Op.Dropout(dropout))
                .then("fc", new Op.Dense(CLASSES, true));
        return b.build("tiny", "fc", "flatten");
    }

    static float maxAbsDiff(float[][] a, float[][] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
        }
        return max;
    }
}
