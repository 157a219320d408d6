package io.ferbench.backend.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
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
    /** Device of the models under test: cpu unless {@code -Dferbench.test.device=gpu} (or auto) is given. */
    static final String DEVICE = System.getProperty("ferbench.test.device", "cpu");
    private static Backend backend;

    private Fixtures() {}

    /** One backend for the whole test JVM (the engine is a per-JVM singleton anyway). */
    static synchronized Backend backend() {
        if (backend == null) {
            BackendProvider provider = ServiceLoader.load(BackendProvider.class).stream()
                    .map(ServiceLoader.Provider::get)
                    .filter(p -> p.id().equals("djl"))
                    .findFirst().orElseThrow(() -> new AssertionError("no djl BackendProvider registered"));
            backend = provider.create(new BackendOptions(DEVICE, 2, Map.of()));
        }
        return backend;
    }

    /** A CPU NDManager on the started engine, for op-level tests. */
    static NDManager manager() {
        backend();
        return NDManager.newBaseManager(Device.cpu(), EngineSetup.ENGINE_NAME);
    }

    static ModelSpec spec(ModelGraph graph, long seed, double learningRate) {
        return new ModelSpec(seed, WeightInitializer.initialise(graph, seed), OptimizerSpec.adam(learningRate), null);
    }

    /** {@code n} images of standard normal noise, labels cycling through the classes. */
    static Batch batch(ModelGraph graph, int n, int classes, long seed) {
        Op.Input in = graph.inputOp();
        SplittableRandom random = new SplittableRandom(seed);
        float[] images = new float[n * in.channels() * in.height() * in.width()];
        for (int i = 0; i < images.length; i++) images[i] = (float) gaussian(random);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = i % classes;
        return new Batch(images, labels, n, in.channels(), in.height(), in.width());
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /**
     * A small graph with every IR op: conv (with and without bias), batch norm, relu, max pool, a residual add,
     * a depthwise conv, relu6, channel split, concat, channel shuffle, global pooling, dropout, dense.
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
}
